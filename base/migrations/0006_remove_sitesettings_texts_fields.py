"""Translatable site texts (step 3 of 3): the texts now live in ``SiteTexts`` only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("base", "0005_copy_site_texts")]

    operations = [
        migrations.RemoveField(model_name="sitesettings", name=name)
        for name in ("address", "institution_name", "office_hours", "tagline")
    ]
