"""Editor roles: who edits and translates ("Comunicaciones") and who publishes ("Aprobadores")."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Workflow, WorkflowContentType, WorkflowMixin
from wagtail.snippets.models import create_extra_permissions

EDITORS = "Comunicaciones"
APPROVERS = "Aprobadores"
WORKFLOW = "Aprobación de contenidos"
# Snippets that are really site settings (no moderation, shown on every page): approvers only.
APPROVER_ONLY_SNIPPETS = {"base.SiteTexts"}
# Permissions Wagtail adds to snippets with a draft state or locking: approvers only.
APPROVER_ACTIONS = ("publish", "lock", "unlock")


def snippet_models():
    """Project models registered as snippets (those the admin edits outside the page tree)."""
    from wagtail.snippets.models import get_snippet_models

    return [model for model in get_snippet_models() if model._meta.app_label in settings.PROJECT_APPS]


def sync_role_permissions(using="default"):
    """Grant both roles add/change/delete on every project snippet model (idempotent).

    Publishing, locking and unlocking snippets (those with a draft state) are the
    approvers'; an editor's change to a snippet with a workflow goes to "Aprobación de
    contenidos", as a page's does. The snippets in ``APPROVER_ONLY_SNIPPETS`` and the site
    settings go to approvers only.
    """
    groups = list(Group.objects.using(using).filter(name__in=[EDITORS, APPROVERS]))
    if not groups:
        return
    # Permissions are created per app after its migrations; make sure every project app's exist.
    for app_label in settings.PROJECT_APPS:
        create_permissions(apps.get_app_config(app_label), verbosity=0, using=using)
    create_extra_permissions(apps.get_app_config("wagtailsnippets"), using=using)  # publish, lock, unlock
    workflow = Workflow.objects.using(using).filter(name=WORKFLOW).first()
    for model in snippet_models():
        content_type = ContentType.objects.db_manager(using).get_for_model(model, for_concrete_model=False)
        codenames = [f"{action}_{model._meta.model_name}" for action in ("add", "change", "delete")]
        permissions = Permission.objects.using(using).filter(content_type=content_type, codename__in=codenames)
        approver_only = Permission.objects.using(using).filter(
            content_type=content_type,
            codename__in=[f"{action}_{model._meta.model_name}" for action in APPROVER_ACTIONS],
        )
        for group in groups:
            if group.name == APPROVERS:
                group.permissions.add(*permissions, *approver_only)
            elif model._meta.label not in APPROVER_ONLY_SNIPPETS:
                group.permissions.add(*permissions)
        if (
            workflow is not None
            and issubclass(model, WorkflowMixin)
            and model._meta.label not in APPROVER_ONLY_SNIPPETS
        ):
            WorkflowContentType.objects.using(using).get_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )
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
