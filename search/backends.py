"""Search backend: Wagtail's database backend, with one text-search language per locale on PostgreSQL.

Wagtail's ``database`` backend picks modelsearch's PostgreSQL backend on PostgreSQL,
which indexes and queries every object with a single text-search configuration
(``SEARCH_CONFIG``). This site has two languages, so on PostgreSQL we extend it:

- each object is indexed with the configuration of its own locale (Spanish pages
  with ``gobierno_es``, English pages with ``gobierno_en``);
- each query uses the configuration of the active language (``/en/buscar/`` English);
- the configurations are copies of PostgreSQL's ``spanish`` and ``english`` ones with
  ``unaccent`` in front of the stemmer (created by ``search/migrations/0001``), so
  ``participacion``, ``PARTICIPACIÓN`` and ``participación`` are the same word;
- a Spanish query word also matches its other grammatical number: Snowball's Spanish
  stemmer gives "reclamo" the stem ``reclam`` but "reclamos" ``recl`` (it cuts "-amos"
  as a verb ending), so each word is searched as "reclamo OR reclamos", each form
  stemmed by ``gobierno_es`` (``search.text.spanish_number_forms``).

On SQLite (development, ``make run``) modelsearch's FTS5 backend is used: its tokenizer
folds case and removes diacritics but does not stem, so a Spanish query word is searched
with its other number there too ("personas" OR "persona"), the last word also as a prefix
(as you type), grouped so that FTS5 reads "(a OR b) AND (c OR d)".

Settings (``WAGTAILSEARCH_BACKENDS["default"]``)::

    "BACKEND": "search.backends",
    "SEARCH_CONFIG": "gobierno_es",                  # objects without a locale, other languages
    "LANGUAGE_CONFIGS": {"es": "gobierno_es", "en": "gobierno_en"},
    "AUTOCOMPLETE_CONFIG": "gobierno_simple",        # no stemming, accents folded
    "NUMBER_FORMS": {"es": "search.text.spanish_number_forms"},  # optional, per language
"""

import copy
import re
from collections import defaultdict
from functools import lru_cache, reduce

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.utils import translation
from django.utils.module_loading import import_string
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


@lru_cache(maxsize=4096)
def is_stop_word(config, word):
    """Whether text-search configuration ``config`` ignores ``word`` (cached: a stop word stays one)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(plainto_tsquery(%s::regconfig, %s)) = 0", [config, word])
        return cursor.fetchone()[0]


def language_of(code):
    """The base language of a language code: "es-cl" -> "es", "EN" -> "en", None -> ""."""
    return (code or "").split("-")[0].split("_")[0].lower()


class LocalizedPostgresIndex(PostgresIndex):
    """Writes each object's index entry with the text-search configuration of its locale."""

    def add_items(self, model, objs):
        """Index ``objs`` in groups, one group per text-search configuration."""
        groups = defaultdict(list)
        for obj in objs:
            groups[self.backend.config_for_object(obj)].append(obj)
        for config, group in groups.items():
            # The stock index reads ``backend.config``; give it a copy set to this group's.
            backend = copy.copy(self.backend)
            backend.config = config
            PostgresIndex(backend).add_items(model, group)


def number_forms_setting(params):
    """``NUMBER_FORMS`` of the backend settings: {base language: function giving a word's forms}."""
    return {
        language_of(code): import_string(path) if isinstance(path, str) else path
        for code, path in params.get("NUMBER_FORMS", {}).items()
    }


def fts5_string(text):
    """``text`` as an FTS5 string (double quotes, inner ones doubled): never read as an operator."""
    return '"' + text.replace('"', '""') + '"'


def fts5_number_forms_query(terms, number_forms, operator="and", last_is_prefix=True):
    """An FTS5 MATCH expression: each term ORed with its other number, the groups joined by ``operator``.

    "mesa personas mayores" -> ("mesa" OR "mesas") AND ("personas" OR "persona") AND ("mayores"* OR "mayor"* …).
    Every group is in parentheses (FTS5 binds AND tighter than OR). Empty terms are dropped;
    None when nothing is left.
    """
    groups = []
    terms = [term for term in (EDGE_PUNCTUATION.sub("", term) for term in terms) if term]
    for position, term in enumerate(terms):
        suffix = "*" if last_is_prefix and position == len(terms) - 1 else ""
        forms = number_forms(term) if number_forms is not None else [term]
        groups.append("(" + " OR ".join(fts5_string(form) + suffix for form in forms) + ")")
    if not groups:
        return None
    return f" {operator.upper()} ".join(groups)


class LocalizedSearchQueryCompiler(PostgresSearchQueryCompiler):
    """Parses and ranks the query with the configuration of the active language."""

    def get_config(self, backend):
        return backend.config_for_language(translation.get_language())

    number_forms = None

    def search(self, config, start, stop, score_field=None, backend=None):
        self.number_forms = backend.number_forms_for_config(config) if backend is not None else None
        return super().search(config, start, stop, score_field=score_field, backend=backend)

    def build_tsquery_content(self, query, config=None, invert=False):
        """Plain text in a language with number forms: every word ORed with its other number.

        Stop words ("de", "del", "para") are left alone: PostgreSQL drops them from the
        query, but a made-up form ("deles") would stay and have to match.
        """
        number_forms = self.number_forms
        if not isinstance(query, PlainText) or number_forms is None:
            return super().build_tsquery_content(query, config=config, invert=invert)
        terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
        if not terms:
            return None
        # Not(a OR b) is (not a) AND (not b).
        join_forms = (lambda a, b: a & b) if invert else (lambda a, b: a | b)
        words = []
        for term in terms:
            word = EDGE_PUNCTUATION.sub("", term)
            forms = [term] if not word or is_stop_word(config, word) else number_forms(word)
            words.append(reduce(join_forms, [Lexeme(form, invert=invert) for form in forms]))
        if query.operator == "and":
            lexemes = reduce(lambda a, b: a & b, words)
        else:
            lexemes = reduce(lambda a, b: a | b, words)
        return SearchQuery(lexemes, search_type="raw", config=config)


class LocalizedAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
    """Autocomplete keeps modelsearch's unstemmed configuration (set by ``AUTOCOMPLETE_CONFIG``)."""


class LocalizedPostgresSearchBackend(PostgresSearchBackend):
    """modelsearch's PostgreSQL backend with one text-search configuration per language."""

    query_compiler_class = LocalizedSearchQueryCompiler
    autocomplete_query_compiler_class = LocalizedAutocompleteQueryCompiler
    index_class = LocalizedPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = {language_of(code): name for code, name in params.get("LANGUAGE_CONFIGS", {}).items()}
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", self.autocomplete_config)
        self.number_forms = number_forms_setting(params)
        self._locale_languages = None

    def config_for_language(self, code):
        """The text-search configuration for a language code, or the default one."""
        return self.language_configs.get(language_of(code), self.config)

    def number_forms_for_config(self, config):
        """The function giving a word's singular and plural for queries in ``config``, or None."""
        for language, forms in self.number_forms.items():
            if self.config_for_language(language) == config:
                return forms
        return None

    def config_for_object(self, obj):
        """The text-search configuration for an object: its locale's, or the default one."""
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            return self.config
        if self._locale_languages is None or locale_id not in self._locale_languages:
            from wagtail.models import Locale

            self._locale_languages = dict(Locale.objects.values_list("pk", "language_code"))
        return self.config_for_language(self._locale_languages.get(locale_id))


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    """The localised PostgreSQL backend on PostgreSQL, FTS5 with number forms on SQLite; else Wagtail's."""
    if connection.vendor == "postgresql":
        return LocalizedPostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        # Imported only here: modelsearch's SQLite module needs its FTS5 model, which exists on SQLite only.
        from .sqlite_backend import NumberFormsSQLiteSearchBackend

        return NumberFormsSQLiteSearchBackend(params)
    return backend
