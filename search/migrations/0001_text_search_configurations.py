"""PostgreSQL text-search configurations that fold accents before stemming (PostgreSQL only).

``gobierno_es`` and ``gobierno_en`` copy PostgreSQL's ``spanish`` and ``english``
configurations and run every word through ``unaccent`` before the stemmer, so
"participación", "PARTICIPACIÓN" and "participacion" give the same lexeme.
``gobierno_simple`` (autocomplete) folds accents without stemming.
On other databases this migration does nothing.
"""

from django.db import migrations

CONFIGURATIONS = [
    # (name, copied configuration, dictionary that follows unaccent)
    ("gobierno_es", "spanish", "spanish_stem"),
    ("gobierno_en", "english", "english_stem"),
    ("gobierno_simple", "simple", "simple"),
]
# Token types that hold letters: plain ASCII words already carry no accents, but
# unaccent also maps ligatures and the like, so every word type goes through it.
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        for name, source, dictionary in CONFIGURATIONS:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{source})")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, {dictionary}"
            )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name, _source, _dictionary in CONFIGURATIONS:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
