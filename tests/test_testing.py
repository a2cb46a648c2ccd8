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


def test_every_recipes_code_is_the_function_in_tests_after_what_it_uses(soup):
    """The function as it stands in its file, after its file's imports, helpers and constants
    that it uses, each as it stands there too."""
    page = soup("/testing")
    shown = page.select("[data-reference]")
    assert len(shown) >= len(RECIPES)
    for block in shown:
        reference = block["data-reference"]
        path = reference.split("::")[0]
        *before, function = block.select_one("pre").get_text().split("\n\n\n")
        assert function == function_text(reference), reference
        source = (PROJECT / path).read_text(encoding="utf-8")
        for part in before:
            if all(line.startswith(("import ", "from ")) for line in part.splitlines() if line):
                for line in filter(None, part.splitlines()):
                    if line.startswith("import "):
                        assert re.search(rf"^{line}$", source, re.M), line
                        continue
                    module, _, names = line.partition(" import ")
                    for name in names.split(", "):  # each name is imported so in the file
                        assert re.search(rf"^{module} import .*\b{re.escape(name)}\b", source, re.M), line
            else:
                assert part in source, part  # a helper or a constant, as it stands in the file
        assert text(block.select_one(".source-name")) == path
    assert code_of(page, "tests/conftest.py::app").startswith("import pytest\n\nfrom app import app as ")
    assert "\n\n\ndef weeks_list(" in code_of(
        page, "tests/test_lists.py::test_every_week_is_numbered_in_order"
    )


def code_of(page, reference):
    return page.select_one(f'[data-reference="{reference}"] pre').get_text()


@pytest.mark.parametrize("recipe", RECIPES)
def test_a_recipes_code_pastes_and_runs_as_shown(soup, recipe):
    """Pasted into the files it names, a recipe's code names nothing it neither imports nor defines
    (ruff's undefined-name check), and every fixture it needs is shown, where its link points."""
    section = soup("/testing").select_one(f"section#{recipe}")
    files = {}
    for block in section.select("[data-reference]"):
        files.setdefault(block["data-reference"].split("::")[0], []).append(
            block.select_one("pre").get_text()
        )
    files.pop("tests/html_helpers.py", None)  # copied whole, as the recipe says: ruff checks the file
    needs = text(section.select_one(".recipe-needs"))
    assert "copy tests/html_helpers.py" in needs
    for module in set(
        re.findall(
            r"^from (site_pages|outcomes|processes) import",
            "\n".join(part for parts in files.values() for part in parts),
            re.M,
        )
    ):
        assert f"tests/{module}.py" in needs, f"{recipe} imports {module} and does not say to copy it"
    for path, parts in files.items():
        command = [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "F821"]
        checked = subprocess.run(
            [*command, "--stdin-filename", path],
            input="\n\n\n".join(parts), capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert checked.returncode == 0, checked.stdout
    for link in section.select(".recipe-needs a[href^='#fixture-']"):
        shown = soup("/testing").select_one(link["href"])
        assert shown["data-reference"] == f"tests/conftest.py::{link['href'].removeprefix('#fixture-')}"


def test_the_contents_list_links_every_recipe_in_order(soup):
    page = soup("/testing")
    links = page.select("nav.recipe-contents li > a")
    assert [a["href"] for a in links] == [f"#{slug}" for slug in RECIPES]
    assert [text(a) for a in links] == texts(page, "section.recipe > h2")


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
