"""Create the editor roles and the moderation workflow.

"Comunicaciones" edits pages and submits them for moderation; "Aprobadores"
edits and publishes. Every page change goes through the workflow
"Aprobación de contenidos", whose single task is approved by "Aprobadores".
"""

from django.db import migrations

EDITORS = "Comunicaciones"
APPROVERS = "Aprobadores"
WORKFLOW = "Aprobación de contenidos"


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})
    return perm


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    editors.permissions.add(access_admin)
    approvers.permissions.add(access_admin)

    root = Page.objects.filter(depth=1).first()
    page_perms = {
        EDITORS: ["add_page", "change_page"],
        APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    }
    for group in (editors, approvers):
        for codename in page_perms[group.name]:
            perm = permission(apps, "wagtailcore", "page", codename, codename.replace("_", " "))
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)

    collection = Collection.objects.filter(depth=1).first()
    for group in (editors, approvers):
        for model in ("image", "document"):
            app_label = "wagtail" + model + "s"
            for action in ("add", "change", "choose"):
                perm = permission(apps, app_label, model, f"{action}_{model}", f"Can {action} {model}")
                GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=perm)

    task_content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name="Revisión de Aprobadores").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Revisión de Aprobadores", content_type=task_content_type)
    task.groups.set([approvers])
    workflow_content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="workflow")
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, APPROVERS]).delete()
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
