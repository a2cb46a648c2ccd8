"""Every example downloads as a project of its own: it runs alone, its tests pass there, and they
fail when its template breaks.

Each project is unzipped into a folder of its own and run by a Python that has nothing but
Flask, Jinja2, pytest and beautifulsoup4, as a student's would: no showcase, no suite fixtures.
"""

import io
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

# Run inside a project: fetch its page with its own test client, then run its tests. Given broken
# copies of its template, first put in the first of them that changes the page (a break that
# changes nothing cannot be caught): exit 3 when none does.
RUN = """
import random, sys, pytest
from app import app
app.config.update(TESTING=True)  # as the project's conftest.py sets it, and the suite's
url, original, template, *broken = sys.argv[1:]

def page():
    app.jinja_env.cache.clear()
    random.seed(SEED)  # lipsum() and |random: the same page every time
    return app.test_client().get(url).get_data(as_text=True)

if not broken:
    open(original, "w", encoding="utf-8").write(page())
else:
    before = open(original, encoding="utf-8").read()
    for candidate in broken:
        open(template, "w", encoding="utf-8").write(open(candidate, encoding="utf-8").read())
        if page() != before:
            print("broken:", candidate)
            break
    else:
        sys.exit(3)
sys.exit(pytest.main(["-q", "-x", "-p", "no:cacheprovider", "tests"]))
""".replace("SEED", "253")


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
        depth, at = 1, loop.end()
        for tag in re.finditer(r"\{%-?\s*(for|endfor|else)\b.*?%\}", body[at:], re.S):
            depth += {"for": 1, "endfor": -1}.get(tag.group(1), 0)
            if depth == 0 or (depth == 1 and tag.group(1) == "else"):
                found["a loop emptied"].append(head + body[: loop.end()] + body[at + tag.start() :])
                break
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


def run_project(python, folder, url, broken=()):
    template = folder / "templates" / "examples" / f"{folder.name}.html"
    command = [python, "-c", RUN, url, folder.parent / "page.html", template, *broken]
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "SHOWCASE"))
    }
    environment["PYTHONHASHSEED"] = HASH_SEED
    return subprocess.run(command, cwd=folder, env=environment, capture_output=True, text=True, timeout=120)


def prove(python, root, name):
    """Unzip example ``name``, run its tests, then break its template and run them again."""
    response = showcase_app.test_client().get(f"/examples/{name}.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        archive.extractall(root)
    folder, url = root / name, example_url(name)
    result = {"run": run_project(python, folder, url), "breaks": {}}
    result["page"] = (
        (root / "page.html").read_text(encoding="utf-8") if (root / "page.html").is_file() else ""
    )
    template = folder / "templates" / "examples" / f"{name}.html"
    original = template.read_text(encoding="utf-8")
    for kind, copies in breaks(original).items():
        paths = []
        for number, text in enumerate(copies):
            paths.append(root / f"broken-{len(result['breaks'])}-{number}.html")
            paths[-1].write_text(text, encoding="utf-8")
        result["breaks"][kind] = run_project(python, folder, url, paths)
        template.write_text(original, encoding="utf-8")
    return result


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


def passed(run):
    found = re.search(r"(\d+) passed", run.stdout)
    return int(found.group(1)) if found else 0


def normalised(html):
    return " ".join(html.split())


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_project_runs_alone_and_its_tests_pass(proofs, name):
    run = proofs[name]["run"]
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
    assert passed(run) > 0


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
    caught = {kind: run.returncode for kind, run in proofs[name]["breaks"].items() if run.returncode != 3}
    assert caught, "no break of the template changed the page"
    survived = [
        f"{kind} ({proofs[name]['breaks'][kind].stdout.split()[1]})"
        for kind, code in caught.items()
        if code == 0
    ]
    assert not survived, f"the tests still pass with {' and '.join(survived)}"


def test_each_output_is_blanked_and_each_loop_emptied():
    head = '{% extends "base.html" %}{% block title %}{{ t }}{% endblock %}{% block content %}'
    tail = "{% else %}none{% endfor %}{% endblock %}"
    found = breaks(
        head + "<p>{{ a }}</p>{% for x in xs %}<li>{{ x }}</li>{% for y in x %}{{ y }}{% endfor %}" + tail
    )
    shown = {
        kind: [copy.removeprefix(head).removesuffix(tail) for copy in copies]
        for kind, copies in found.items()
    }
    assert shown == {
        "an output blanked": [
            "<p></p>{% for x in xs %}<li>{{ x }}</li>{% for y in x %}{{ y }}{% endfor %}",
            "<p>{{ a }}</p>{% for x in xs %}<li></li>{% for y in x %}{{ y }}{% endfor %}",
            "<p>{{ a }}</p>{% for x in xs %}<li>{{ x }}</li>{% for y in x %}{% endfor %}",
        ],
        "a loop emptied": [
            "<p>{{ a }}</p>{% for x in xs %}",
            "<p>{{ a }}</p>{% for x in xs %}<li>{{ x }}</li>{% for y in x %}{% endfor %}",
        ],
    }
