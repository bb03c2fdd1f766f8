"""Translatable site texts (step 1 of 3): the ``SiteTexts`` snippet and the settings' link to it."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0003_sitesettings_accessibility_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteTexts",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "institution_name",
                    models.CharField(
                        default="Gobierno de Santiago", max_length=200, verbose_name="nombre de la institución"
                    ),
                ),
                (
                    "tagline",
                    models.CharField(
                        blank=True, default="Región Metropolitana de Santiago", max_length=200, verbose_name="lema"
                    ),
                ),
                ("address", models.CharField(blank=True, max_length=255, verbose_name="dirección")),
                ("office_hours", models.CharField(blank=True, max_length=200, verbose_name="horario de atención")),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "textos del sitio",
                "verbose_name_plural": "textos del sitio",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="texts",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "Nombre, lema, dirección y horario en español. La versión en inglés es su traducción: "
                    "se edita y sincroniza en Configuración → Textos del sitio."
                ),
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="base.sitetexts",
                verbose_name="textos del encabezado y el pie",
            ),
        ),
    ]
