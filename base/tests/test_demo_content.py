"""The demo content is data: one ``demo/content.toml`` per app, read by ``base/demo.py``, and no prose in code."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from base.demo import english_mapping, is_text_pair, load_content, rich_text, spanish

ROOT = Path(settings.BASE_DIR)
CONTENT_FILES = sorted(ROOT.glob("*/demo/content.toml"))
# The modules that build the demo site from those files.
LOADERS = sorted(path for path in ROOT.glob("*/demo.py") if path.parent.name != "base") + [
    ROOT / "base" / "demo_pages.py"
]


def pairs(value):
    """Every text pair in a content tree."""
    if is_text_pair(value):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from pairs(item)
    elif isinstance(value, list):
        for item in value:
            yield from pairs(item)


def test_every_area_with_a_demo_has_its_content_file():
    apps = {path.parent.parent.name for path in CONTENT_FILES}
    assert {"base", "contacto", "fichas", "home", "participacion", "programa_gobierno", "search"} <= apps


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda path: path.parent.parent.name)
def test_content_file_reads_and_gives_every_text_one_english_version(path):
    content = load_content(path.parent.parent / "demo.py")
    mapping = english_mapping(content)  # raises on a Spanish text with two English versions
    for pair in pairs(content):
        assert pair["es"].strip() and pair["en"].strip(), pair
        assert mapping[pair["es"]] == pair["en"]


@pytest.mark.parametrize("path", LOADERS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_demo_modules_hold_no_prose(path):
    """Outside docstrings, a demo module's strings are keys, formats and markup, not sentences."""
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    sentences = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and len(node.value.split()) >= 3
    ]
    assert sentences == []


def test_english_mapping_refuses_two_translations_of_one_text():
    content = {"a": {"es": "Hola", "en": "Hello"}, "b": [{"es": "Hola", "en": "Hi"}]}
    with pytest.raises(ValueError, match="Hola"):
        english_mapping(content)
    assert english_mapping({"a": {"es": "Hola", "en": "Hello"}, "b": [{"es": "Hola", "en": "Hello"}]}) == {
        "Hola": "Hello"
    }


def test_spanish_resolves_pairs_at_any_depth_and_keeps_other_values():
    content = {"title": {"es": "Uno", "en": "One"}, "items": [{"name": {"es": "Dos", "en": "Two"}, "amount": 2}]}
    assert spanish(content) == {"title": "Uno", "items": [{"name": "Dos", "amount": 2}]}


def test_rich_text_makes_one_list_of_bullets_in_a_row():
    entries = [
        {"p": {"es": "Antes", "en": "Before"}},
        {"li": "uno"},
        {"li": "dos"},
        {"p": "Entre"},
        {"li": "tres"},
    ]
    assert rich_text(entries) == "<p>Antes</p><ul><li>uno</li><li>dos</li></ul><p>Entre</p><ul><li>tres</li></ul>"
