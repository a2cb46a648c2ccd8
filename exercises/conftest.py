"""The fixtures every exercise's tests receive, here and in the browser's "Check".

- ``html``: the template's render, as text;
- ``soup``: that render parsed by BeautifulSoup;
- ``context``: the exercise's data, ``context.json``.

Run an exercise's tests on your own machine, on its solution::

    python -m pytest exercises/number_the_weeks

or on another of its templates, such as the starter or a broken copy (``--template``
may be given more than once, and each test then runs on each)::

    python -m pytest exercises/number_the_weeks --template=starter.html
    python -m pytest exercises/test_the_grades --template=mutants/else_dropped.html

The template renders as in the playground: Jinja's sandbox, with autoescaping, and an
undefined name is an error (``showcase/checker.py``).
"""

import json

import pytest
from bs4 import BeautifulSoup

from showcase.checker import SOLUTION, render


def pytest_addoption(parser):
    parser.addoption(
        "--template",
        action="append",
        default=[],
        metavar="FILE",
        help=f"the exercise's template to render, as a path in its folder (default: {SOLUTION})",
    )


def pytest_generate_tests(metafunc):
    # Every test that reads the render runs once per template asked for: test_x[solution.html].
    if "template" in metafunc.fixturenames:
        metafunc.parametrize("template", metafunc.config.getoption("template") or [SOLUTION])


@pytest.fixture
def context(request):
    return json.loads((request.path.parent / "context.json").read_text(encoding="utf-8"))


@pytest.fixture
def html(request, template, context):
    folder = request.path.parent
    templates = {
        path.relative_to(folder / "templates").as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((folder / "templates").glob("*.html"))
    }
    rendered = render((folder / template).read_text(encoding="utf-8"), context, templates)
    if rendered["error"] is not None:
        pytest.fail(f"{template} did not render: {rendered['error']['message']}", pytrace=False)
    return rendered["output"]


@pytest.fixture
def soup(html):
    return BeautifulSoup(html, "html.parser")
