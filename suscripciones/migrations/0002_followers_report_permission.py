"""Let the "Atención Ciudadana" group see the followers report (counts per page, no addresses)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Atención Ciudadana"


def grant(apps, schema_editor):
    db = schema_editor.connection.alias
    app_config = apps.get_app_config("suscripciones")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(db).get_or_create(name=GROUP)
    permission = Permission.objects.using(db).filter(
        content_type__app_label="suscripciones", content_type__model="subscription", codename="view_subscription"
    ).first()
    if permission is not None:
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.using(schema_editor.connection.alias).filter(
        content_type__app_label="suscripciones", codename="view_subscription"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("suscripciones", "0001_initial"),
        ("contacto", "0002_atencion_ciudadana_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
