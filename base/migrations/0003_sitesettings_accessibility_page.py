import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0002_editor_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="sitesettings",
            name="accessibility_page",
            field=models.ForeignKey(
                blank=True,
                help_text="Página enlazada desde el pie de todas las páginas.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.page",
                verbose_name="declaración de accesibilidad",
            ),
        ),
    ]
