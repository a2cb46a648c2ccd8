"""The showcase as the quality checks see it: crawled from /, and from the pages no link leads to."""

import functools

from werkzeug.exceptions import NotFound

from app import app as showcase_app
from crawler import HTML, Fetched, Request, Site, crawl

# Nothing links to these pages, so the crawl starts from them too.
ERROR_PAGES = (
    Request("/no/such/page", status=404),
    Request("/examples/tables?sort=nmae", status=400),
    Request("/hello", method="POST", status=405),
)
# Pages only a form leads to, with what the form sends, such as the playground's result:
# Request("/playground", method="POST", form=(("template", "{{ 1 + 1 }}"),)).
FORM_RESULTS: tuple[Request, ...] = ()

# The lab's first route returns a bare string: Flask serves it as text/html, but it is not a page.
NOT_PAGES = (Request("/hello"),)


def endpoint(path: str) -> str:
    """The app's name for the view a path goes to: "exercises.exercise" for /exercises/loop_rows;
    the path itself where none does (/no/such/page)."""
    try:
        return showcase_app.url_map.bind("127.0.0.1").match(path)[0]
    except NotFound:
        return path


@functools.cache
def crawled() -> Site:
    """The app crawled through Flask's test client (no server needed), once per test session."""
    client = showcase_app.test_client()

    def fetch(request: Request) -> Fetched:
        form = dict(request.form) or None
        # "with" closes the response: a static file is streamed from an open file.
        with client.open(request.url, method=request.method, data=form) as response:
            text = response.get_data(as_text=True) if response.mimetype == HTML else None
            return Fetched(response.status_code, response.mimetype, response.headers.get("Location"), text)

    # About 140 pages, each example's "Try it" and its download: more than the crawler's default bound.
    site = crawl(fetch, start=(Request("/"), *ERROR_PAGES, *FORM_RESULTS), not_pages=NOT_PAGES, limit=500)
    # Every "Try it" link is followed and must answer; as HTML, one stands for them all: each is
    # the playground's page, prefilled.
    tried = {r.request for r in site.resources.values() if r.request.url.startswith("/playground?example=")}
    site.not_pages |= tried - {Request(TRIED)}
    return site


# The "Try it" page the HTML and browser checks look at, for all of them.
TRIED = "/playground?example=lists"
