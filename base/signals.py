"""Keep the editor roles' model permissions in step with the project's models.

The groups themselves and the moderation workflow are created by a data
migration (``base/migrations``); this handler grants, after every migrate, the
add/change/delete permissions of every snippet model in the project's apps to
"Comunicaciones" and "Aprobadores", so a new snippet model is editable at once.
"""

from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .roles import sync_role_permissions


@receiver(post_migrate)
def grant_snippet_permissions(sender, **kwargs):
    if sender.name == "base":
        sync_role_permissions(using=kwargs.get("using", "default"))
