"""Everyday Spanish queries find their page on any database, SQLite (``make run``) included.

Not marked ``postgres``: on SQLite, modelsearch's FTS5 index folds accents but does not
stem, so each query word is searched with its other number (``search.backends``); on
PostgreSQL the same queries go through ``gobierno_es``.
"""

import pytest

from search.backends import fts5_number_forms_query
from search.text import fold, spanish_number_forms

pytestmark = pytest.mark.django_db
TOP = 3


def top_titles(client, query, prefix=""):
    response = client.get(f"{prefix}/buscar/", {"q": query})
    assert response.status_code == 200
    return [result.title for result in response.context["results"][:TOP]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("consejo genero", "Consejo Asesor de Género"),
        ("ciclovia", "ciclovías"),
        ("mesa personas mayores", "Mesa de Personas Mayores"),
    ],
)
def test_everyday_query_finds_its_page_in_the_top_three(client, home, query, expected):
    titles = top_titles(client, query)
    assert any(fold(expected) in fold(title) for title in titles), f"{query!r} -> {titles}"


def test_the_fts5_query_groups_each_word_with_its_other_number():
    assert fts5_number_forms_query(["mesa", "personas", "mayores"], spanish_number_forms, last_is_prefix=False) == (
        '("mesa" OR "mesas") AND ("personas" OR "persona") AND ("mayores" OR "mayor" OR "mayore")'
    )
    assert fts5_number_forms_query(["ciclovía"], spanish_number_forms) == '("ciclovía"* OR "ciclovías"*)'


def test_the_fts5_query_reads_quotes_and_operators_as_words():
    assert fts5_number_forms_query(['"OR', "NOT", "-"], None, operator="or", last_is_prefix=False) == (
        '("OR") OR ("NOT")'
    )
    assert fts5_number_forms_query(['a"b'], None, last_is_prefix=False) == '("a""b")'
    assert fts5_number_forms_query(["…", "--"], spanish_number_forms) is None
