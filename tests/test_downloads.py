"""Every example downloads as a project of its own: it runs alone, its tests pass there, and they
fail when its template breaks.

Each project is unzipped into a folder of its own and run by a Python that has nothing but
Flask, Jinja2, pytest and beautifulsoup4, as a student's would: no showcase, no suite fixtures.
"""

import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from projects import EARLY_PROOFS, HASH_SEED, SITE_PAGE, Proofs, breaks

from app import gallery as showcase_gallery
from showcase.coverage import captured_context
from site_pages import demo_of, example_url

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLES = [example.endpoint for example in showcase_gallery.examples]


@pytest.fixture(scope="session")
def proofs(request):
    """``proofs.result(name)``: the proof of an example, started when the tests were collected."""
    if EARLY_PROOFS:
        return EARLY_PROOFS[0]
    wanted = [item.callspec.params["name"] for item in request.session.items if "proofs" in item.fixturenames]
    return Proofs(dict.fromkeys(wanted), workers=os.cpu_count() or 2)


def normalised(html):
    return " ".join(html.split())


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_project_runs_alone_and_its_tests_pass(proofs, name):
    run = proofs.result(name)["run"]
    assert (run["exit"], run["failed"]) == (0, 0), proofs.result(name)["output"][-3000:]
    assert run["passed"] > 0


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_project_shows_the_sites_demo(proofs, app, client, name):
    page = BeautifulSoup(proofs.result(name)["page"], "html.parser").select_one("main")
    page.select_one("h1").decompose()  # the project's base.html names the page; the site does too
    passed = captured_context(app, showcase_gallery.by_endpoint[name]).values()
    if any(isinstance(value, set | frozenset) for value in passed):
        # The site's page from a process with the project's hash seed, so that a set prints alike.
        environment = {**os.environ, "PYTHONHASHSEED": HASH_SEED}
        command = [sys.executable, "-c", SITE_PAGE, example_url(name)]
        html = subprocess.run(
            command, cwd=PROJECT, env=environment, capture_output=True, text=True, check=True
        )
        html = html.stdout
    else:
        random.seed(253)  # as the project's page was fetched: lipsum() and |random agree
        html = client.get(example_url(name)).get_data(as_text=True)
    site = demo_of(html)
    assert normalised(page.decode_contents()) == normalised(site.decode_contents())


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_projects_tests_fail_when_its_template_breaks(proofs, name):
    caught = {kind: run for kind, run in proofs.result(name)["breaks"].items() if run is not None}
    assert caught, "no break of the template changed the page"
    survived = [f"{kind} (copy {run['copy']})" for kind, run in caught.items() if run["failed"] == 0]
    assert not survived, f"the tests still pass with {' and '.join(survived)}"


def test_each_output_is_blanked_and_each_loop_emptied():
    head = '{% extends "base.html" %}{% block title %}{{ t }}{% endblock %}{% block content %}'
    tail = "{% else %}none{% endfor %}{% endblock %}"
    inner = "{% for y in x %}{% if y %}{{ y }}{% else %}-{% endif %}{% endfor %}"
    found = breaks(head + "<p>{{ a }}</p>{% for x in xs %}<li>{{ x }}</li>" + inner + tail)
    shown = {
        kind: [copy.removeprefix(head).removesuffix(tail) for copy in copies]
        for kind, copies in found.items()
    }
    assert shown == {
        "an output blanked": [
            "<p></p>{% for x in xs %}<li>{{ x }}</li>" + inner,
            "<p>{{ a }}</p>{% for x in xs %}<li></li>" + inner,
            "<p>{{ a }}</p>{% for x in xs %}<li>{{ x }}</li>" + inner.replace("{{ y }}", ""),
        ],
        "a loop emptied": [
            "<p>{{ a }}</p>{% for x in xs %}",  # up to its own else, past the inner if's
            "<p>{{ a }}</p>{% for x in xs %}<li>{{ x }}</li>{% for y in x %}{% endfor %}",
        ],
    }


# What only the site has: its export flag, the gallery's globals, and tags of its own.
SITE_ONLY = re.compile(r"SHOWCASE|gallery|\b(example_panels|function_source|recipe_needs)\b|\{%-?\s*cache\b")


@pytest.mark.parametrize("name", EXAMPLES)
def test_nothing_in_a_project_belongs_to_the_site(gallery, name):
    files = gallery.project(name).files
    for path, text in files.items():
        if path.startswith(("templates/", "tests/test_")) or path == "app.py":
            body = text.split('"""', 2)[2] if path == "app.py" else text  # its docstring names the site
            assert not SITE_ONLY.search(body), f"{path}: {SITE_ONLY.search(body).group()}"
    imported = re.findall(r"^(?:from|import) (\w+)", files["app.py"] + files[f"tests/test_{name}.py"], re.M)
    allowed = {*sys.stdlib_module_names, "flask", "jinja2", "markupsafe", "werkzeug", "bs4", "pytest"}
    assert set(imported) <= allowed | {"app", "html_helpers"}  # and the project's own two modules
