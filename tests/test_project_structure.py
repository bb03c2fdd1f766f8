"""The project's shape: ``base`` depends on no area app, and every project app's tests are collected."""

import ast
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
AREA_APPS = [label for label in settings.PROJECT_APPS if label != "base"]


def base_modules():
    """Every Python file of ``base`` except its migrations (history, written by Django)."""
    return [path for path in sorted((ROOT / "base").rglob("*.py")) if "migrations" not in path.parts]


def area_references(tree):
    """``(line, name)`` of each import of an area app, or string naming one of its modules (``"contacto.demo"``)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.level == 0 else []
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names = [node.value] if "." in node.value and " " not in node.value else []
        else:
            continue
        for name in names:
            if name.split(".")[0] in AREA_APPS:
                found.append((node.lineno, name))
    return found


@pytest.mark.parametrize("path", base_modules(), ids=lambda path: str(path.relative_to(ROOT)))
def test_base_names_no_area_app(path):
    assert area_references(ast.parse(path.read_text(), filename=str(path))) == []


def test_the_checker_finds_imports_and_dotted_names():
    tree = ast.parse('import fichas.models\nfrom contacto import mail\nTASK = "contacto.tasks.enviar"\nWORD = "home"')
    assert area_references(tree) == [(1, "fichas.models"), (2, "contacto"), (3, "contacto.tasks.enviar")]


def test_pytest_collects_every_project_app():
    with open(ROOT / "pyproject.toml", "rb") as file:
        testpaths = tomllib.load(file)["tool"]["pytest"]["ini_options"]["testpaths"]
    assert set(settings.PROJECT_APPS) <= set(testpaths)
