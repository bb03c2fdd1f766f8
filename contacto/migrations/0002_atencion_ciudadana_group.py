"""Create the "Atención Ciudadana" group: admin access, the inbox (view/change requests), the outbox and routing."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Atención Ciudadana"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("contacto", "citizenrequest", "view_citizenrequest"),
    ("contacto", "citizenrequest", "change_citizenrequest"),
    ("contacto", "citizenrequest", "export_citizenrequest"),
    ("contacto", "outgoingmail", "view_outgoingmail"),
    ("contacto", "routingsettings", "change_routingsettings"),
]


def create_group(apps, schema_editor):
    db = schema_editor.connection.alias
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("contacto")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(db).get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.using(db).filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contacto", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
