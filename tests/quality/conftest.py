"""Fixtures for the quality checks: the site crawled from /, a live server, one browser, vnu's report.

Every test here that takes an ``html_page`` argument runs once for each HTML page
the crawl finds (see ``pytest_generate_tests``): a new page is checked as soon
as a link leads to it, with no list to update. The expensive things (the crawl,
the server, the browser, the HTML checker's run) happen once per test session.
"""

import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
from werkzeug.serving import make_server
from werkzeug.wsgi import FileWrapper

import external_tools
from app import app as showcase_app
from crawler import Request, Site
from showcase.server import free_port
from showcase_site import crawled, endpoint
from visits import Visits

SCREENSHOTS = external_tools.PROJECT / "screenshots"

# A page the checker must find an error in (a duplicate id): proof that its report is read.
CANARY = '<!DOCTYPE html><html lang="en"><title>Canary</title><p id="twice"></p><p id="twice"></p></html>'


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """End a run that skipped checks for a missing program with one line: how many, and how to
    install what they need (pytest's own list of skip reasons is left out: see pyproject.toml)."""
    reasons = [str(report.longrepr) for report in terminalreporter.stats.get("skipped", [])]
    line = external_tools.skipped_line(reasons)
    if line:
        terminalreporter.write_line(line, yellow=True, bold=True)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that takes ``html_page`` once for each HTML page of the site."""
    if "html_page" in metafunc.fixturenames:
        pages = crawled().pages
        metafunc.parametrize("html_page", pages, ids=[str(page.request) for page in pages])


@pytest.fixture(scope="session")
def site() -> Site:
    """Every URL the crawl from / fetched, with its status, its links and its ids."""
    return crawled()


def files_read_whole(app: Callable) -> Callable:
    """``app``, with each file it sends read whole and closed at once. Werkzeug's development server
    closes a response only after it has drained the socket, and a browser that resets the
    connection first (a worker ended, a page left) makes that read fail: the file is then left to
    the garbage collector, whose ResourceWarning fails whichever test is running at the time."""

    def wsgi(environ: dict, start_response: Callable) -> Iterable[bytes]:
        body = app(environ, start_response)
        if not isinstance(body, FileWrapper):
            return body
        try:
            return [b"".join(body)]
        finally:
            body.close()

    return wsgi


class LiveServer:
    """The app served on 127.0.0.1 on a free port, in a thread, for the browser, until ``stop()``."""

    def __init__(self) -> None:
        self.server = make_server("127.0.0.1", 0, files_read_whole(showcase_app), threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="live-server", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """The app's live server for the browser: yields its base URL."""
    server = LiveServer()
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """Playwright's driver, started once."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """One headless Chromium for the whole session (skipped, or failed in CI, when there is none)."""
    executable = external_tools.chromium(playwright.chromium.executable_path)
    browser = playwright.chromium.launch(executable_path=executable, args=external_tools.CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def static_copy(export):
    """The site's static copy (``flask --app app freeze``, tests/conftest.py's ``export``), served
    over HTTP by ``python -m http.server``, as the README says: (the folder, its URL), for the
    playground's and the exercises' tests in the browser."""
    folder = export
    port = free_port("127.0.0.1")
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "-d", str(folder), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):  # until it listens
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield folder, f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def page(browser: Browser, live_server: str) -> Iterator[Page]:
    """A fresh tab on the live server: ``page.goto("/examples/lists")``. It may read the clipboard."""
    context = browser.new_context(base_url=live_server, permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def start_visits(config: pytest.Config) -> Visits:
    """Visit every page of the crawl, from now on, in a server of their own; full-page screenshots
    go to screenshots/, emptied first."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir()
    server = LiveServer()
    visits = Visits(crawled().pages, server.url, SCREENSHOTS, endpoint=endpoint)
    config.add_cleanup(server.stop)
    config.add_cleanup(visits.close)  # first: the tabs end before their server
    return visits


# The browser's visits take minutes: they start as soon as the tests are collected, in tabs of
# their own, and the tests that read them wait for each page's record.
EARLY_VISITS: list[Visits] = []


@pytest.fixture(scope="session")
def visits(request: pytest.FixtureRequest) -> Visits:
    """What the browser saw on each page: ``visits[html_page]``, started after collection or now."""
    return EARLY_VISITS[0] if EARLY_VISITS else start_visits(request.config)


@dataclass(frozen=True)
class VnuReport:
    """The Nu HTML Checker's errors: for each page, and for the canary that must have one."""

    pages: dict[Request, list[str]]
    canary: list[str]


class VnuCheck:
    """Every page's HTML, as the app serves it, written to files and given to one vnu run."""

    def __init__(self, site: Site, folder: Path) -> None:
        self.files = {}
        for number, page in enumerate(site.pages):
            self.files[page.request] = folder / f"page-{number:03}.html"
            self.files[page.request].write_text(page.fetched.text, encoding="utf-8")
        self.canary = folder / "canary.html"
        self.canary.write_text(CANARY, encoding="utf-8")
        self.run = external_tools.VnuRun([*self.files.values(), self.canary])

    def report(self) -> VnuReport:
        errors = self.run.errors()
        return VnuReport({request: errors[path] for request, path in self.files.items()}, errors[self.canary])


# vnu takes seconds, nearly all of it Java starting: it starts as soon as the tests are
# collected, works on the second core while the other tests run, and its tests run last.
EARLY_VNU: list[VnuCheck] = []


class ToolRun:
    """A Python tool's command (``ruff check .``), run in the project folder in a process of its own."""

    def __init__(self, command: tuple[str, ...]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", *command],
            cwd=external_tools.PROJECT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def result(self) -> tuple[int, str]:
        """Wait for the command to end: (exit status, what it printed)."""
        output, _ = self.process.communicate(timeout=300)
        return self.process.returncode, output


# ruff and djlint take a second or two each: they start after collection too, by their test's
# ``command``, and their tests run last.
EARLY_TOOLS: dict[tuple[str, ...], ToolRun] = {}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that drive the browser, so that ``pytest -m "not browser"`` leaves them out;
    mark the tests that read vnu's report or a tool's result ``last``, so that they have time to finish."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here) and {"browser", "page", "visits"} & set(item.fixturenames):
            item.add_marker(pytest.mark.browser)
        if {"vnu_report", "tool_result"} & set(item.fixturenames):
            item.add_marker(pytest.mark.last)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start vnu now if a test will read its report (and Java and vnu.jar are here to run it),
    the browser's visits if a test will read them, and each tool whose result a test will read."""
    if external_tools.can_check_html() and any("vnu_report" in item.fixturenames for item in session.items):
        folder = Path(tempfile.mkdtemp(prefix="showcase-vnu-"))
        session.config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
        EARLY_VNU.append(VnuCheck(crawled(), folder))
    if any("visits" in item.fixturenames for item in session.items):
        EARLY_VISITS.append(start_visits(session.config))
    for item in session.items:
        if "tool_result" in item.fixturenames and isinstance(item, pytest.Function):
            command = item.callspec.params["command"]
            EARLY_TOOLS[command] = ToolRun(command)


@pytest.fixture(scope="session")
def vnu_report(site: Site, tmp_path_factory: pytest.TempPathFactory) -> VnuReport:
    """Every page's HTML checked by vnu in one run: the run started after collection, or one started now."""
    check = EARLY_VNU.pop() if EARLY_VNU else VnuCheck(site, tmp_path_factory.mktemp("vnu"))
    return check.report()


@pytest.fixture
def tool_result() -> Callable[[tuple[str, ...]], tuple[int, str]]:
    """``tool_result(("ruff", "check", "."))``: how the command ended, started after collection or now."""

    def result(command: tuple[str, ...]) -> tuple[int, str]:
        run = EARLY_TOOLS.pop(command, None) or ToolRun(command)
        return run.result()

    return result
