"""/testing: a cookbook of HTML-assertion recipes, each one a real test of this project."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from html_helpers import text, texts
from outcomes import OUTCOMES

PROJECT = Path(__file__).resolve().parent.parent
RECIPES = [
    "fixtures", "soup", "select", "table", "attributes", "links", "escaping",
    "templates", "macros", "every-route", "parse-once", "errors", "randomness", "raw-bytes",
]  # fmt: skip


def function_text(reference):
    """The source of ``path::name`` as it stands in the file, decorators included."""
    path, name = reference.split("::")
    source = (PROJECT / path).read_text(encoding="utf-8")
    [node] = [n for n in ast.parse(source).body if getattr(n, "name", None) == name]
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return "".join(source.splitlines(keepends=True)[first - 1 : node.end_lineno])


def test_the_cookbook_has_its_recipes_in_order(soup):
    page = soup("/testing")
    assert [section["id"] for section in page.select("section.recipe")] == RECIPES
    assert texts(page, "section.recipe > h2")[1] == "Fetch a page and get a soup"
    for section in page.select("section.recipe"):
        assert section.select(".mistake"), f"recipe {section['id']} says no mistake it avoids"
        assert section.select("[data-reference]"), f"recipe {section['id']} names no code"


def test_every_recipes_code_is_the_function_in_tests(soup):
    page = soup("/testing")
    shown = page.select("[data-reference]")
    assert len(shown) >= len(RECIPES)
    for block in shown:
        reference = block["data-reference"]
        assert block.select_one("pre").get_text() == function_text(reference), reference
        assert text(block.select_one(".source-name")) == reference.split("::")[0]


@pytest.mark.last
def test_every_named_test_exists_and_passes(soup):
    page = soup("/testing")
    named = [r for r in (b["data-reference"] for b in page.select("[data-reference]")) if "::test_" in r]
    assert len(named) >= len(RECIPES) - 1
    if all(reference in OUTCOMES for reference in named):
        # They ran earlier in this run (this test runs last): read how they ended.
        assert {reference: OUTCOMES[reference] for reference in named} == {r: {"passed"} for r in named}
        return
    # Run on its own (python -m pytest tests/test_testing.py): run them now.
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *named],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    passed = int(re.search(r"(\d+) passed", result.stdout).group(1))
    assert passed >= len(named)  # parametrized tests count once per case
    assert "failed" not in result.stdout


def test_the_home_page_links_to_the_cookbook(soup):
    page = soup("/")
    assert [text(a) for a in page.select('nav.site-nav a[href="/testing"]')] == ["Testing"]
