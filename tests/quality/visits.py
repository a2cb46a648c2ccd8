"""Visit each page in a real browser once, and record everything the browser checks look at.

Record, then assert: a visit only writes down what happened (console errors,
failed requests, a computed style, accessibility violations, how wide the page
is on a phone, screenshots), and the tests assert on the record. One visit
serves every browser test of a page, so each page is loaded once however many
tests look at it.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ConsoleMessage, Error, Page, Response, Route

from crawler import Request, Resource

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 800}
SCHEMES = ("light", "dark")

# axe-core's rules for WCAG 2.0 and 2.1, levels A and AA; axe-playwright-python bundles axe-core.
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE_SCRIPT = Axe().axe_script

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
    violations: dict[str, list[str]] = field(
        default_factory=dict
    )  # axe's: "light" on a desktop, "dark" on a phone
    phone_width: int = 0  # the page's width on a 375 px phone: any wider scrolls sideways
    too_wide: list[str] = field(default_factory=list)  # on that phone, what sticks out
    screenshots: dict[str, Path] = field(default_factory=dict)  # "desktop" (light), "phone" (dark)


def violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on ``page``: one line each, naming the elements."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)", WCAG_21_AA)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(' '.join(n['target']) for n in v['nodes'])}"
        for v in results["violations"]
    ]


def screenshot_name(request: Request) -> str:
    """A file name for a page: ``/examples/lists?variant=empty`` is ``examples-lists-variant-empty``."""
    return re.sub(r"[^A-Za-z0-9]+", "-", str(request)).strip("-") or "home"


class Visits:
    """Each page visited once, when a test first asks: ``visits[html_page]`` is its record.

    One tab visits every page in turn: the browser then keeps axe-core compiled
    between pages, which makes a visit about 0.7 s instead of 1.1 s in a new tab.
    """

    def __init__(self, browser: Browser, base_url: str, screenshots: Path) -> None:
        self.base_url, self.screenshots = base_url, screenshots
        self.context = browser.new_context(base_url=base_url)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", self._uncaught)
        self.page.on("requestfailed", lambda r: self._failed(f"{r.method} {r.url}: {r.failure}"))
        self.page.on("response", self._response)
        self._done: dict[Request, Visit] = {}
        self._record = Visit()  # the visit being recorded
        self._request = Request("/")

    def __getitem__(self, page: Resource) -> Visit:
        if page.request not in self._done:
            self._done[page.request] = self.visit(page.request)
        return self._done[page.request]

    def visit(self, request: Request) -> Visit:
        """Open ``request``'s URL, look at it as the checks need, and return what was seen."""
        self._record, self._request = Visit(), request
        page, url, name = self.page, self.base_url + request.url, screenshot_name(request)
        page.set_viewport_size(DESKTOP)
        page.emulate_media(color_scheme="light")
        if request.method != "GET":
            # A browser navigates with GET: send this page's request with the method it needs.
            page.route(url, lambda route: _send_as(route, request))
        page.goto(url)
        # Checked as a visitor sees it: once its scripts have done their work (the playground's
        # live render, say) and its late requests have ended, so that their failures count too.
        page.wait_for_load_state("networkidle")
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            self._record.background[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        # axe in the light scheme on a desktop and in the dark one on a phone: both schemes'
        # colours, and both widths' layouts (a box that scrolls only on a phone must take the
        # keyboard's focus), in two runs rather than four.
        page.emulate_media(color_scheme="light")
        self._record.violations["light"] = violations(page)
        self._record.screenshots["desktop"] = self._screenshot(f"{name}.desktop.png")
        page.set_viewport_size(PHONE)
        page.emulate_media(color_scheme="dark")
        self._record.phone_width = page.evaluate("document.documentElement.scrollWidth")
        self._record.too_wide = page.evaluate(TOO_WIDE)
        self._record.violations["dark"] = violations(page)
        self._record.screenshots["phone"] = self._screenshot(f"{name}.phone.png")
        if request.method != "GET":
            page.unroute(url)
        return self._record

    def close(self) -> None:
        self.context.close()

    def _screenshot(self, name: str) -> Path:
        path = self.screenshots / name
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


def _send_as(route: Route, request: Request) -> None:
    """Send the browser's request for the page with ``request``'s method and form."""
    if not request.form:
        route.continue_(method=request.method)
        return
    headers = {**route.request.headers, "content-type": "application/x-www-form-urlencoded"}
    route.continue_(method=request.method, headers=headers, post_data=urlencode(request.form))
