"""The README's commands and tour: they must say what the code does."""

import inspect
import re
from pathlib import Path

from app import base_page, hello

PROJECT = Path(__file__).resolve().parent.parent
README = (PROJECT / "README.md").read_text(encoding="utf-8")
RUN = "pip install -r requirements.txt && python app.py"
TEST = "pip install -r requirements.txt && python -m pytest"


def tour():
    """The rows of the README's tour table: {url: (template, what it teaches)}."""
    section = README.split("## The tour", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(/[^`]*)` \| (.+?) \| (.+?) \|$", section, flags=re.MULTILINE)
    return {url: (template.strip("`"), teaches) for url, template, teaches in rows}


def test_the_readme_gives_the_two_commands():
    assert f"```sh\n{RUN}\n```" in README
    assert f"```sh\n{TEST}\n```" in README


def test_ci_runs_the_readmes_test_command():
    assert TEST in (PROJECT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_the_tour_lists_every_example_with_its_template_and_lesson(gallery):
    rows = tour()
    expected = {f"/examples/{e.endpoint}": (e.template, e.summary) for e in gallery.examples}
    assert {url: row for url, row in rows.items() if url.startswith("/examples/")} == expected


def test_the_tour_lists_the_labs_pages():
    rows = tour()
    assert rows["/"] == ("base.html", inspect.getdoc(base_page))
    assert rows["/hello"][1] == inspect.getdoc(hello)
    assert len(rows) >= 7
