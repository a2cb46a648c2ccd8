"""Every example downloads as a project of its own: it runs alone, its tests pass there, and they
fail when its template breaks.

Each project is unzipped into a folder of its own and run by a Python that has nothing but
Flask, Jinja2, pytest and beautifulsoup4, as a student's would: no showcase, no suite fixtures.
"""

import io
import json
import os
import random
import re
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from app import app as showcase_app
from app import gallery as showcase_gallery
from showcase.coverage import captured_context
from site_pages import example_url

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLES = [example.endpoint for example in showcase_gallery.examples]

# Run inside a project, in one process: fetch its page with its own test client and run its
# tests; then, for each kind of break, put in the first broken copy of its template that changes
# the page (a break that changes nothing cannot be caught) and run the tests again, stopping at
# the first failure. Writes what happened as JSON.
RUN = """
import json, random, sys, pytest
from app import app
app.config.update(TESTING=True)  # as the project's conftest.py sets it, and the suite's
url, template, results, breaks = sys.argv[1:]

def page():
    app.jinja_env.cache.clear()  # the template on disk, as it is now
    random.seed(253)  # lipsum() and |random: the same page every time
    try:
        return app.test_client().get(url).get_data(as_text=True)
    except Exception as error:  # a broken template may not even compile: the page is broken
        return repr(error)

class Outcomes:
    def __init__(self):
        self.passed = self.failed = 0
    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome == "failed":
            self.passed += report.passed and report.when == "call"
            self.failed += report.failed

def tests(*options):
    outcomes = Outcomes()
    code = pytest.main(["-q", "-p", "no:cacheprovider", *options, "tests"], plugins=[outcomes])
    return {"exit": int(code), "passed": outcomes.passed, "failed": outcomes.failed}

shown = page()
found = {"page": shown, "run": tests(), "breaks": {}}
original = open(template, encoding="utf-8").read()
for kind, copies in json.load(open(breaks, encoding="utf-8")).items():
    found["breaks"][kind] = None  # no copy changed the page
    for number, copy in enumerate(copies):
        open(template, "w", encoding="utf-8").write(copy)
        if page() != shown:
            found["breaks"][kind] = dict(tests("-x"), copy=number)
            break
    open(template, "w", encoding="utf-8").write(original)
json.dump(found, open(results, "w", encoding="utf-8"))
"""


# A set prints its items in an order that depends on the process's hash seed: the project, and
# the site when it is compared with the project, run with this one.
HASH_SEED = "253"
SITE_PAGE = """
import random, sys
from app import app
app.config.update(TESTING=True)
random.seed(253)
sys.stdout.write(app.test_client().get(sys.argv[1]).get_data(as_text=True))
"""


def breaks(template):
    """The broken copies of a template that its tests must notice, by kind: each ``{{ ... }}`` of
    the content block printing nothing, and each loop of it with an empty body."""
    start = template.index("{% block content %}")
    head, body = template[:start], template[start:]
    found = {"an output blanked": [], "a loop emptied": []}
    for output in re.finditer(r"\{\{.*?\}\}", body, re.S):
        found["an output blanked"].append(head + body[: output.start()] + body[output.end() :])
    for loop in re.finditer(r"\{%-? for .*?%\}", body, re.S):
        # The body runs to this loop's own {% else %} or {% endfor %}: not an inner if's or loop's.
        depth, at = 0, loop.end()
        for tag in re.finditer(r"\{%-?\s*(for|if|endfor|endif|else)\b.*?%\}", body[at:], re.S):
            if depth == 0 and tag.group(1) in ("else", "endfor"):
                found["a loop emptied"].append(head + body[: loop.end()] + body[at + tag.start() :])
                break
            depth += {"for": 1, "if": 1, "endfor": -1, "endif": -1}.get(tag.group(1), 0)
    return {kind: copies for kind, copies in found.items() if copies}


@pytest.fixture(scope="session")
def bare_python(tmp_path_factory):
    """A virtual environment with only what a project's requirements.txt pins."""
    folder = tmp_path_factory.mktemp("bare-python")
    requirements = folder / "requirements.txt"
    requirements.write_text(showcase_gallery.project(EXAMPLES[0]).files["requirements.txt"], encoding="utf-8")
    subprocess.run([sys.executable, "-m", "venv", folder / "venv"], check=True)
    python = folder / "venv" / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", requirements],
        check=True,
    )
    return python


def prove(python, root, name):
    """Unzip example ``name``, run its tests, then break its template and run them again."""
    response = showcase_app.test_client().get(f"/examples/{name}.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        archive.extractall(root)
    folder = root / name
    template = folder / "templates" / "examples" / f"{name}.html"
    (root / "breaks.json").write_text(
        json.dumps(breaks(template.read_text(encoding="utf-8"))), encoding="utf-8"
    )
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "SHOWCASE"))
    }
    environment["PYTHONHASHSEED"] = HASH_SEED
    command = [python, "-c", RUN, example_url(name), template, root / "results.json", root / "breaks.json"]
    run = subprocess.run(command, cwd=folder, env=environment, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
    return {**json.loads((root / "results.json").read_text(encoding="utf-8")), "output": run.stdout}


@pytest.fixture(scope="session")
def proofs(request, bare_python, tmp_path_factory):
    """The proofs of the examples this run's tests ask for, run two at a time (a project's tests
    take a second or two), all started when the first is asked for."""
    wanted = {item.callspec.params["name"] for item in request.session.items if "proofs" in item.fixturenames}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {
            name: pool.submit(prove, bare_python, tmp_path_factory.mktemp(f"project-{name}"), name)
            for name in EXAMPLES
            if name in wanted
        }
        return {name: future.result() for name, future in futures.items()}


def normalised(html):
    return " ".join(html.split())


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_project_runs_alone_and_its_tests_pass(proofs, name):
    run = proofs[name]["run"]
    assert (run["exit"], run["failed"]) == (0, 0), proofs[name]["output"][-3000:]
    assert run["passed"] > 0


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_project_shows_the_sites_demo(proofs, app, client, name):
    page = BeautifulSoup(proofs[name]["page"], "html.parser").select_one("main")
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
    site = BeautifulSoup(html, "html.parser").select_one("[data-demo]")
    assert normalised(page.decode_contents()) == normalised(site.decode_contents())


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_projects_tests_fail_when_its_template_breaks(proofs, name):
    caught = {kind: run for kind, run in proofs[name]["breaks"].items() if run is not None}
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
SITE_ONLY = re.compile(
    r"SHOWCASE|gallery|\b(try_it_url|example_panels|function_source|recipe_needs)\b|\{%-?\s*cache\b"
)


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
