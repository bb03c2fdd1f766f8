"""The SQLite (FTS5) search backend of ``make run``, with the Spanish number forms of the PostgreSQL one.

Imported by ``search.backends.SearchBackend`` on SQLite only: modelsearch's SQLite module
loads its FTS5 index model, which does not exist on PostgreSQL.
"""

from django.db.models import Value
from django.utils import translation
from modelsearch.backends.database.sqlite.query import SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend, SQLiteSearchQueryCompiler
from modelsearch.query import PlainText

from .backends import fts5_number_forms_query, language_of, number_forms_setting


class FTS5Expression(Value):
    """A ready-made FTS5 MATCH expression, inlined by modelsearch's ``MatchExpression``."""

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class NumberFormsSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    """modelsearch's SQLite compiler; plain text in a language with number forms gets both numbers."""

    number_forms = {}  # set per backend (``NumberFormsSQLiteSearchBackend``)

    def build_search_query_content(self, query, config=None):
        forms = self.number_forms.get(language_of(translation.get_language()))
        if not isinstance(query, PlainText) or forms is None:
            return super().build_search_query_content(query, config=config)
        expression = fts5_number_forms_query(
            query.query_string.split(), forms, operator=query.operator, last_is_prefix=self.LAST_TERM_IS_PREFIX
        )
        if not expression:  # nothing left to match by number ("%", broken UTF-8): modelsearch's own query
            return super().build_search_query_content(query, config=config)
        return SearchQueryExpression(FTS5Expression(expression))


class NumberFormsSQLiteSearchBackend(SQLiteSearchBackend):
    """modelsearch's SQLite (FTS5) backend with the ``NUMBER_FORMS`` of the PostgreSQL one."""

    def __init__(self, params):
        super().__init__(params)
        self.number_forms = number_forms_setting(params)
        self.query_compiler_class = type(
            "NumberFormsSQLiteQueryCompiler",
            (NumberFormsSQLiteQueryCompiler,),
            {"number_forms": self.number_forms},
        )
