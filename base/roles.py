"""Editor roles: who edits and translates ("Comunicaciones") and who publishes ("Aprobadores")."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

EDITORS = "Comunicaciones"
APPROVERS = "Aprobadores"
# Snippets that are really site settings (no moderation, shown on every page): approvers only.
APPROVER_ONLY_SNIPPETS = {"base.SiteTexts"}


def snippet_models():
    """Project models registered as snippets (those the admin edits outside the page tree)."""
    from wagtail.snippets.models import get_snippet_models

    return [model for model in get_snippet_models() if model._meta.app_label in settings.PROJECT_APPS]


def sync_role_permissions(using="default"):
    """Grant both roles add/change/delete on every project snippet model (idempotent).

    The snippets in ``APPROVER_ONLY_SNIPPETS`` and the site settings go to approvers only.
    """
    groups = list(Group.objects.using(using).filter(name__in=[EDITORS, APPROVERS]))
    if not groups:
        return
    # Permissions are created per app after its migrations; make sure every project app's exist.
    for app_label in settings.PROJECT_APPS:
        create_permissions(apps.get_app_config(app_label), verbosity=0, using=using)
    for model in snippet_models():
        content_type = ContentType.objects.db_manager(using).get_for_model(model, for_concrete_model=False)
        codenames = [f"{action}_{model._meta.model_name}" for action in ("add", "change", "delete")]
        permissions = Permission.objects.using(using).filter(content_type=content_type, codename__in=codenames)
        for group in groups:
            if group.name == APPROVERS or model._meta.label not in APPROVER_ONLY_SNIPPETS:
                group.permissions.add(*permissions)
    # Site settings are edited by approvers only. Both roles start and synchronise translations
    # (wagtail-localize's "Traducir" and "Sincronizar traducciones"); what an editor translates
    # goes to the approvers' workflow before it is published (base/translation_workflow.py).
    settings_model = apps.get_model("base", "SiteSettings")
    content_type = ContentType.objects.db_manager(using).get_for_model(settings_model)
    change = Permission.objects.using(using).filter(content_type=content_type, codename="change_sitesettings")
    create_permissions(apps.get_app_config("wagtail_localize"), verbosity=0, using=using)
    sync = Permission.objects.using(using).filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    for group in groups:
        group.permissions.add(*sync)
        if group.name == APPROVERS:
            group.permissions.add(*change)
