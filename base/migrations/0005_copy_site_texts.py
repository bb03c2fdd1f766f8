"""Translatable site texts (step 2 of 3): copy each site's texts from its settings into a Spanish ``SiteTexts``.

A migration of its own: on PostgreSQL, rows written here would otherwise leave pending
foreign-key checks that forbid the ``ALTER TABLE`` of step 3 in the same transaction.
Reversible: going back copies the Spanish texts into the settings again.
"""

import uuid

from django.conf import settings
from django.db import migrations

FIELDS = ["institution_name", "tagline", "address", "office_hours"]


def default_locale(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    language = settings.LANGUAGE_CODE.lower()
    return (
        Locale.objects.filter(language_code__iexact=language).first()
        or Locale.objects.filter(language_code__istartswith=language.split("-")[0]).first()
        or Locale.objects.order_by("pk").first()
    )


def copy_to_site_texts(apps, schema_editor):
    SiteSettings = apps.get_model("base", "SiteSettings")
    SiteTexts = apps.get_model("base", "SiteTexts")
    rows = list(SiteSettings.objects.filter(texts__isnull=True))
    if not rows:
        return
    locale = default_locale(apps)
    for row in rows:
        values = {field: getattr(row, field) for field in FIELDS}
        row.texts = SiteTexts.objects.create(locale=locale, translation_key=uuid.uuid4(), **values)
        row.save(update_fields=["texts"])


def copy_back(apps, schema_editor):
    SiteSettings = apps.get_model("base", "SiteSettings")
    for row in SiteSettings.objects.exclude(texts__isnull=True).select_related("texts"):
        for field in FIELDS:
            setattr(row, field, getattr(row.texts, field))
        row.save(update_fields=FIELDS)


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0004_sitetexts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(copy_to_site_texts, copy_back)]
