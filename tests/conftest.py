"""Fixtures every test can ask for by name: the app, a client, the data the views read."""

import functools
import gc
import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

# Configured as for a real deployment, before the app is imported.
os.environ.setdefault("SECRET_KEY", secrets.token_hex(16))

import projects

from app import app as showcase_app
from app import data as showcase_data
from app import gallery as showcase_gallery
from html_helpers import get_soup
from outcomes import OUTCOMES
from showcase import playground, renderer
from showcase.gallery import UNFRAMED
from site_pages import example_url

PROJECT = Path(__file__).resolve().parent.parent


class Export:
    """``flask --app app freeze``, as a user runs it, in a process of its own."""

    def __init__(self, destination):
        self.destination = destination
        command = [sys.executable, "-m", "flask", "--app", "app", "freeze", "--destination", str(destination)]
        # Without SECRET_KEY, as a student runs it: the freeze needs none, and must not ask for one.
        environ = {name: value for name, value in os.environ.items() if name != "SECRET_KEY"}
        self.process = subprocess.Popen(
            command, cwd=PROJECT, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def folder(self):
        """Wait for the command to end; check it went well; return the folder it wrote."""
        stdout, stderr = self.process.communicate(timeout=300)
        assert self.process.returncode == 0, stderr[-3000:]
        assert stdout.startswith("Wrote ")
        assert "SECRET_KEY" not in stderr  # the warning is for servers
        return self.destination


# The export takes seconds: it starts as soon as the tests are collected, if one needs it,
# and renders the site on the second core while the first runs other tests.
EARLY_EXPORT = []


def pytest_collection_finish(session):
    """Start the export, and the proofs of the examples' downloads (tests/projects.py), now, if
    tests will read them."""
    projects.start_early(session.items)
    for proofs in projects.EARLY_PROOFS:
        session.config.add_cleanup(lambda folder=proofs.folder: shutil.rmtree(folder, ignore_errors=True))
    if any("export" in item.fixturenames for item in session.items):
        folder = Path(tempfile.mkdtemp(prefix="showcase-export-"))
        session.config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
        EARLY_EXPORT.append(Export(folder / "site"))


@pytest.fixture(scope="session")
def export(tmp_path_factory):
    """The site frozen into a temporary folder by ``flask --app app freeze``, once per run."""
    started = EARLY_EXPORT.pop() if EARLY_EXPORT else Export(tmp_path_factory.mktemp("export") / "site")
    return started.folder()


@pytest.fixture
def app():
    """The showcase's Flask app, in testing mode."""
    showcase_app.config.update(TESTING=True)
    return showcase_app


# The examples' own test files: the tests each example's download carries.
EXAMPLE_TESTS = {f"test_{example.endpoint}" for example in showcase_gallery.examples}


@pytest.fixture
def client(app, request):
    """A test client: it sends requests to the app without a server.

    An example's own tests (tests/test_lists.py...) get its page as its download serves it: the
    example's template in base.html, without the gallery's frame (lesson, variants, panels), which
    is not theirs to check and which they would parse in every test. They are the files the
    downloads carry, unchanged; tests/test_panels.py checks that the framed page shows the same demo.
    """
    client = app.test_client()
    if request.module.__name__ in EXAMPLE_TESTS:
        client.environ_base[UNFRAMED] = True
    return client


@pytest.fixture
def data():
    """The data sets the app loaded from data/ at start-up: tests derive what to expect from them."""
    return showcase_data


@pytest.fixture
def gallery():
    """The app's registry of example pages."""
    return showcase_gallery


@pytest.fixture(scope="session")
def soup():
    """``soup(url)``: GET and parse a page once for the whole run, for tests that only read it.

    Parsing a whole example page (with its panels) takes tens of milliseconds, and
    the site-wide tests read every page, so each URL is fetched and parsed on first
    use and shared after that. Never change a shared soup; use ``client`` to send
    anything else, or to see what a request renders (``captured_templates``).
    """
    client = showcase_app.test_client()

    @functools.cache
    def parsed(url):
        page = get_soup(client, url)
        # A parsed page is thousands of objects that live until the end of the run.
        # Moved out of the garbage collector's sight, they are not scanned again and again
        # by every full collection that the other tests' short-lived objects set off.
        gc.freeze()
        return page

    return parsed


@pytest.fixture(scope="session")
def demo(soup):
    """An example's demo, ``demo("lists", "empty")``: the ``[data-demo]`` part of a shared soup."""

    @functools.cache  # a search of the whole page: done once, as the parse is
    def find(endpoint, variant="default"):
        return soup(example_url(endpoint, variant)).select_one("[data-demo]")

    return find


@functools.cache
def _playground():
    """The playground's renderer over the site, as the browser's worker gets it (showcase/playground.py),
    with every example's download unpacked, as the worker unpacks the one it renders."""
    site = {
        "templates": playground.site_templates(showcase_app),
        "routes": playground.site_routes(showcase_app),
    }
    client = showcase_app.test_client()
    for example in showcase_app.extensions["showcase.gallery"].examples:
        download = client.get(f"/examples/{example.endpoint}.zip").get_data()
        zipfile.ZipFile(io.BytesIO(download)).extractall(_UNPACKED.name)
    return renderer.Playground(json.loads(json.dumps(site)), _UNPACKED.name)  # as JSON carries it


@pytest.fixture
def example_app():
    """``example_app("search")``: that example's app as the playground loads it (example_apps.py)."""
    return _playground().example


_UNPACKED = tempfile.TemporaryDirectory(prefix="showcase-examples-")  # removed when the run ends


@pytest.fixture
def api_request():
    """``api_request({...})``: what ``window.playground.render({...})`` answers in the browser,
    from the same Python, imported here: ``{output, error, undefined, unused}``."""
    # As JSON carries them between the page and the worker: each render gets its own copy.
    return lambda request: json.loads(json.dumps(_playground().answer(json.loads(json.dumps(request)))))


@pytest.fixture
def api(api_request):
    """``api(template, context, trim_blocks, lstrip_blocks, example=None)``: the playground's
    answer; with ``example``, rendered through that example's app.py."""

    def render(template, context=None, trim_blocks=False, lstrip_blocks=False, example=None):
        request = {
            "template": template,
            "context": {} if context is None else context,
            "trim_blocks": trim_blocks,
            "lstrip_blocks": lstrip_blocks,
        }
        return api_request(request if example is None else {**request, "example": example})

    return render


@pytest.fixture
def require_all_checks():
    """``require_all_checks(reason)``: skip, or fail when $SHOWCASE_REQUIRE_ALL_CHECKS is 1 (as in CI)."""

    def missing(reason):
        if os.environ.get("SHOWCASE_REQUIRE_ALL_CHECKS") == "1":
            pytest.fail(f"{reason} (SHOWCASE_REQUIRE_ALL_CHECKS=1: every check must run)", pytrace=False)
        pytest.skip(reason)

    return missing


def pytest_runtest_logreport(report):
    """Record how each test ended, for the checks that other tests pass (see tests/outcomes.py)."""
    if report.when == "call" or report.outcome != "passed":
        OUTCOMES.setdefault(report.nodeid.split("[")[0], set()).add(report.outcome)


@pytest.hookimpl(
    trylast=True
)  # after other hooks have marked tests browser or last (tests/quality/conftest.py)
def pytest_collection_modifyitems(items):
    """Run the tests in the order that keeps both cores busy: first the browser tests that drive
    tabs of their own (the playground's and the exercises': Python booting in the page, clocks
    running out), which leave most of a core free while the browser's visits and the downloads'
    proofs start in processes of their own; then the others, with nothing to wait for; then
    those that read the downloads' proofs, and then those that read the browser's visits; then
    those marked ``last``, which read how the others ended."""

    def waits_for(item):
        browser = item.get_closest_marker("browser") is not None
        return (
            item.get_closest_marker("last") is not None,
            browser and "visits" in item.fixturenames,
            not browser,
            "proofs" in item.fixturenames,
        )

    items.sort(key=waits_for)
