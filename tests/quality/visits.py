"""Visit each page in a real browser once, and record everything the browser checks look at.

Record, then assert: a visit only writes down what happened (console errors,
failed requests, a computed style, accessibility violations, how wide the page
is on a phone, screenshots), and the tests assert on the record. One visit
serves every browser test of a page, so each page is loaded once however many
tests look at it.
"""

import re
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, ConsoleMessage, Error, Page, Response, Route, sync_playwright

import external_tools
from crawler import Request, Resource

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 800}
SCHEMES = ("light", "dark")

# axe-core's rules for WCAG 2.0 and 2.1, levels A and AA; axe-playwright-python bundles axe-core.
# Not inside frames: the only ones are the playground's previews, sandboxed without scripts, where
# axe cannot run; it waited half a second for each of them to answer, on every run.
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "iframes": False,
}
AXE_SCRIPT = Axe().axe_script
# What a page of an example shows that its other variants and queries do not share.
DEMO = "section.demo"
# Highlighted code: Pygments' spans, with the same classes and colours on every page. Most of an
# example page's elements, and most of axe's time there (its colour contrast, text node by text
# node): axe checks it on the first page of each section (code_once_a_section), and
# tests/test_panels.py checks every colour the highlighting can give, in both schemes.
CODE = "pre.highlight"
# Where axe leaves the code out, each block is made plain text first (once the screenshots are
# taken): axe still walks every element of the page it is given, and the spans of an example
# page's code were most of its elements and a third of axe's time there.
PLAIN_CODE = """(selector) => { for (const block of document.querySelectorAll(selector)) {
  block.textContent = block.textContent; } }"""
# The playground's worker, which the playground's and the exercises' pages start.
WORKER = "**/playground/runtime/worker.js"
# An example page's links to its data variants, as the browser resolved them: [name, path and
# query, whether it is marked as the current page].
VARIANT_LINKS = """() => [...document.querySelectorAll("nav.variants a")].map(
  (a) => [a.textContent.trim(), a.pathname + a.search, a.getAttribute("aria-current") === "page"])"""

# Nothing when the page fits the screen's width. When it is wider, and so scrolls sideways, the
# elements wider than the screen whose parent is not: where the scroll comes from. (A wide table
# inside a box that scrolls by itself is no problem: the page still fits.)
TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth <= width) return [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].map((c) => "." + c).join("");
  const culprits = [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > width + 0.5
      && el.parentElement.getBoundingClientRect().right <= width + 0.5)
    .map((el) => `${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)}px`);
  return culprits.length ? culprits : [`the page is ${pageWidth}px wide`];
}"""


@dataclass
class Visit:
    """What the browser saw on one page."""

    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    failed_requests: list[str] = field(default_factory=list)
    background: dict[str, str] = field(default_factory=dict)  # the body's computed one, by colour scheme
    # axe's: "dark" on a phone, and "light" on a desktop for a page taken whole
    violations: dict[str, list[str]] = field(default_factory=dict)
    phone_width: int = 0  # the page's width on a 375 px phone: any wider scrolls sideways
    too_wide: list[str] = field(default_factory=list)  # on that phone, what sticks out
    # "phone" (dark) for every page, of its demo only if not taken whole; "desktop" (light) for a
    # page taken whole
    screenshots: dict[str, Path] = field(default_factory=dict)
    variant_links: list[list] = field(default_factory=list)  # VARIANT_LINKS
    whole: bool = True  # axe and the screenshots took the whole page, not only its demo (whole_or_demo)
    runtime: bool = True  # the playground's worker could start (runtime_once_a_route)
    code: bool = True  # axe checked the highlighted code too (code_once_a_section)


def violations(page: Page, within: str | None = None, without: str | None = None) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on ``page`` (or in the elements that the CSS
    selector ``within`` picks, leaving out those ``without`` picks): one line each, naming the
    elements."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    context = {"include": [[within]]} if within else {}
    if without:
        context["exclude"] = [[without]]
    results = page.evaluate(
        "([context, options]) => axe.run(context || document, options)", [context or None, WCAG_21_AA]
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(' '.join(n['target']) for n in v['nodes'])}"
        for v in results["violations"]
    ]


def screenshot_name(request: Request) -> str:
    """A file name for a page: ``/examples/lists?variant=empty`` is ``examples-lists-variant-empty``."""
    return re.sub(r"[^A-Za-z0-9]+", "-", str(request)).strip("-") or "home"


def whole_or_demo(pages: list[Resource]) -> dict[Request, bool]:
    """For each page, whether axe and the screenshots take all of it (True) or its demo.

    The first page of a path is taken whole: axe in both colour schemes, at both widths, and a
    screenshot at each. The same path with another query (a data variant, a sort order, a page
    of results: two thirds of the site) is the same template, frame and panels with other data:
    what is new on it is its demo, so there axe checks the demo once, where other data shows
    most (a phone's width, in the dark scheme), and the phone's screenshot shows the demo. A
    page without a demo is always taken whole.
    """
    first = first_of_each(pages, lambda path: path)
    return {request: is_first or request.status != 200 for request, is_first in first.items()}


def first_of_each(pages: list[Resource], kind: Callable[[str], str]) -> dict[Request, bool]:
    """For each page, in order, whether it is the first whose path (the URL without its query)
    is of its ``kind``."""
    seen: set[str] = set()
    first = {}
    for page in pages:
        name = kind(page.request.url.split("?", 1)[0])
        first[page.request] = name not in seen
        seen.add(name)
    return first


def code_once_a_section(pages: list[Resource]) -> dict[Request, bool]:
    """For each page, whether axe checks its highlighted code (``CODE``) too: on the first page of
    each section (/examples/..., /exercises/..., /testing), where the code blocks first appear in
    the layout that section gives them. On the others, the same blocks with other text."""
    return first_of_each(pages, lambda path: path.split("/")[1])


def runtime_once_a_route(pages: list[Resource], endpoint: Callable[[str], str]) -> dict[Request, bool]:
    """For each page, whether its visit lets the playground's runtime start (True), or gives the
    page a worker that never answers, so that it stays as it opens, loading.

    Starting the runtime is Python booting in a worker: seconds of a core, on each of the 26
    exercise pages, ended by the next visit. The first page of each route (``endpoint``, the
    app's name for a path) starts it, and is checked loaded; the others are the same template
    and scripts with another exercise's text, checked as they open. That every exercise works in
    the browser's Python is tests/quality/test_exercises_browser.py's to say.
    """
    return first_of_each(pages, endpoint)


class Visits:
    """Each page visited once, ``visits[html_page]`` is its record: visited in the order given, by
    ``tabs`` browser tabs at once (a thread each, with its own Chromium), from when it is made.

    A tab visits page after page: the browser then keeps axe-core compiled between pages,
    which makes a visit about 0.7 s instead of 1.1 s in a new tab. Two tabs keep both cores
    busy while the tests wait for the browser.
    """

    def __init__(
        self,
        pages: list[Resource],
        base_url: str,
        screenshots: Path,
        endpoint: Callable[[str], str],
        tabs: int = 2,
    ) -> None:
        self.base_url, self.screenshots = base_url, screenshots
        self.whole = whole_or_demo(pages)
        self.runtime = runtime_once_a_route(pages, endpoint)
        self.code = code_once_a_section(pages)
        self._records = {page.request: Future() for page in pages}
        self._waiting = iter(list(self._records))
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._tab, daemon=True) for _ in range(tabs)]
        for thread in self._threads:
            thread.start()

    def __getitem__(self, page: Resource) -> Visit:
        return self._records[page.request].result(timeout=600)

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)

    def _next(self) -> Request | None:
        with self._lock:
            return None if self._stop.is_set() else next(self._waiting, None)

    def _tab(self) -> None:
        try:
            with sync_playwright() as playwright:
                executable = external_tools.chromium(playwright.chromium.executable_path)
                browser = playwright.chromium.launch(
                    executable_path=executable, args=external_tools.CHROMIUM_ARGS
                )
                tab = Tab(browser.new_context(base_url=self.base_url), self.base_url, self.screenshots)
                while (request := self._next()) is not None:
                    try:
                        visit = tab.visit(
                            request,
                            whole=self.whole[request],
                            runtime=self.runtime[request],
                            code=self.code[request],
                        )
                        self._records[request].set_result(visit)
                    except Exception as error:  # this page's tests fail with it; the next page goes on
                        self._records[request].set_exception(error)
                browser.close()
        except BaseException as error:  # no browser (a skip, or a failure in CI): every page left says so
            while (request := self._next()) is not None:
                self._records[request].set_exception(error)


class Tab:
    """One tab of a browser, visiting one page after another and writing down what it saw."""

    def __init__(self, context: BrowserContext, base_url: str, screenshots: Path) -> None:
        self.base_url, self.screenshots = base_url, screenshots
        self.page = context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", self._uncaught)
        self.page.on("requestfailed", lambda r: self._failed(f"{r.method} {r.url}: {r.failure}"))
        self.page.on("response", self._response)
        self._record = Visit()  # the visit being recorded
        self._request = Request("/")

    def visit(self, request: Request, whole: bool = True, runtime: bool = True, code: bool = True) -> Visit:
        """Open ``request``'s URL, look at it as the checks need, and return what was seen: axe
        and the desktop screenshot on the whole page, or (``whole=False``) on its demo; with
        ``runtime=False``, the playground's worker never answers (runtime_once_a_route); with
        ``code=False``, axe leaves out the highlighted code (code_once_a_section)."""
        self._record, self._request = Visit(), request
        page, url, name = self.page, self.base_url + request.url, screenshot_name(request)
        page.set_viewport_size(DESKTOP)
        page.emulate_media(color_scheme="light")
        if request.method != "GET":
            # A browser navigates with GET: send this page's request with the method it needs.
            page.route(url, lambda route: _send_as(route, request))
        if not runtime:
            page.route(WORKER, _silent_worker)
        page.goto(url)
        self._record.runtime = runtime
        if runtime and page.locator("script[src*='runtime']").count():
            # Checked as a visitor sees it: once the runtime (static/js/runtime.js, on the
            # playground's pages and the exercises') has loaded and the playground's live render
            # has been asked for and answered, so that their failures count too, and none is
            # cut short by the next page. (Other pages send no request of their own: "load" has
            # seen them all.)
            page.wait_for_load_state("networkidle")
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            self._record.background[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        demo = None if whole or not page.locator(DEMO).count() else DEMO
        self._record.whole = demo is None
        without = None if demo or code else CODE
        self._record.code = demo is None and code
        self._record.variant_links = page.evaluate(VARIANT_LINKS)
        # Screenshots first, of the page as it came; then axe in the dark scheme on a phone and,
        # on a page taken whole, in the light one on a desktop: both schemes' colours, and both
        # widths' layouts (a box that scrolls only on a phone must take the keyboard's focus),
        # in two runs rather than four.
        if demo is None:
            page.emulate_media(color_scheme="light")
            self._record.screenshots["desktop"] = self._screenshot(f"{name}.desktop.png")
        page.set_viewport_size(PHONE)
        page.emulate_media(color_scheme="dark")
        self._record.phone_width = page.evaluate("document.documentElement.scrollWidth")
        self._record.too_wide = page.evaluate(TOO_WIDE)
        self._record.screenshots["phone"] = self._screenshot(f"{name}.phone.png", demo)
        if not self._record.code:
            page.evaluate(PLAIN_CODE, CODE)
        self._record.violations["dark"] = violations(page, demo, without)
        if demo is None:
            page.set_viewport_size(DESKTOP)
            page.emulate_media(color_scheme="light")
            self._record.violations["light"] = violations(page, None, without)
        if request.method != "GET":
            page.unroute(url)
        if not runtime:
            page.unroute(WORKER, _silent_worker)
        return self._record

    def _screenshot(self, name: str, within: str | None = None) -> Path:
        """The whole page, or (``within``, a CSS selector) the element it picks."""
        path = self.screenshots / name
        if within:
            self.page.locator(within).screenshot(path=path)
        else:
            self.page.screenshot(path=path, full_page=True)
        return path

    def _is_this_error_page(self, url: str, status: int) -> bool:
        """An error page's own status is what it should answer, not a failure."""
        request = self._request
        return request.status != 200 and url == self.base_url + request.url and status == request.status

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "")
        # Chromium logs an error page's own status as a failed load.
        status = re.search(r"the server responded with a status of (\d+)", message.text)
        if status and self._is_this_error_page(url, int(status[1])):
            return
        self._record.errors.append(f"{message.text} ({url})")

    def _uncaught(self, error: Error) -> None:
        self._record.errors.append(f"uncaught {error.name}: {error.message}")

    def _response(self, response: Response) -> None:
        if response.status >= 400 and not self._is_this_error_page(response.url, response.status):
            self._failed(f"{response.request.method} {response.url}: {response.status}")

    def _failed(self, what: str) -> None:
        self._record.failed_requests.append(what)


def _silent_worker(route: Route) -> None:
    route.fulfill(body="", content_type="text/javascript")  # a worker that runs nothing, answers nothing


def _send_as(route: Route, request: Request) -> None:
    """Send the browser's request for the page with ``request``'s method and form."""
    if not request.form:
        route.continue_(method=request.method)
        return
    headers = {**route.request.headers, "content-type": "application/x-www-form-urlencoded"}
    route.continue_(method=request.method, headers=headers, post_data=urlencode(request.form))
