"""Crawl a site from ``/`` the way a link checker does: every internal ``href`` and ``src``, once.

The crawler knows nothing about Flask: it asks a ``fetch(request)`` function
for each URL, so the same code can crawl through Flask's test client (fast, no
server) or over HTTP. It follows the links on every HTML page it gets, fetches
everything else (CSS, images, plain text) once to see that it answers, and stops
with an error if the site turns out bigger than ``limit`` URLs: a link that adds
a query value on every click would otherwise make it crawl for ever. Pages that
no link leads to (error pages, what a form sends back) are given as more places
to start from.

    site = crawl(fetch, start=[Request("/"), Request("/no/such/page", status=404)])
    for page in site.pages:
        ...
"""

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import lxml.html

HTML = "text/html"


@dataclass(frozen=True)
class Request:
    """A URL to fetch, how, and the status it should answer with (200 unless it is an error page).

    ``form`` is what a form would send, as (name, value) pairs: ``Request("/x", "POST", form=(("q", "1"),))``.
    """

    url: str
    method: str = "GET"
    status: int = 200
    form: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        """A short name for test ids: ``/examples/lists``, ``404 /no/such/page``, ``405 POST /hello``."""
        method = "" if self.method == "GET" else f"{self.method} "
        status = "" if self.status == 200 else f"{self.status} "
        return f"{status}{method}{self.url}"


@dataclass(frozen=True)
class Fetched:
    """What ``fetch`` answered: the status, the media type, a redirect's target, an HTML page's text."""

    status: int
    mimetype: str
    location: str | None = None
    text: str | None = None  # only for HTML, which the crawler reads


@dataclass(frozen=True)
class Link:
    """One ``href`` or ``src`` on a page: as written, and the site URL it points to."""

    tag: str  # "a", "link", "img", "script"...
    attribute: str  # "href" or "src"
    written: str  # the attribute's value, as the page has it
    url: str  # the URL it resolves to on this site, without its #fragment
    fragment: str

    @property
    def same_page(self) -> bool:
        """A link to a part of the page it is on: ``href="#content"``."""
        return self.written.startswith("#")

    def __str__(self) -> str:
        return f'<{self.tag} {self.attribute}="{self.written}">'


@dataclass(frozen=True)
class Resource:
    """A URL the crawl fetched, what it answered, and (for HTML) its links and ids."""

    request: Request
    fetched: Fetched
    links: tuple[Link, ...] = ()
    ids: frozenset[str] = frozenset()  # the targets a #fragment can name

    @property
    def is_html(self) -> bool:
        return self.fetched.mimetype == HTML


@dataclass
class Site:
    """The result of a crawl: every URL fetched, in the order it was found."""

    resources: dict[str, Resource] = field(default_factory=dict)  # by normalized URL and method
    not_pages: frozenset[Request] = frozenset()  # HTML that is not a page, such as a bare string

    @property
    def pages(self) -> list[Resource]:
        """The HTML pages that answered as they should: what the HTML and browser checks look at."""
        return [
            r
            for r in self.resources.values()
            if r.is_html and r.fetched.status == r.request.status and r.request not in self.not_pages
        ]

    def get(self, request: Request | str) -> Resource:
        """What ``request`` answered; a URL stands for a GET of it."""
        return self.resources[key(Request(request) if isinstance(request, str) else request)]

    def final(self, url: str, hops: int = 5) -> Resource:
        """The resource at ``url``, after following up to ``hops`` redirects within the site."""
        resource = self.get(url)
        for _ in range(hops):
            location = resource.fetched.location
            if location is None or key(Request(location)) not in self.resources:
                break
            resource = self.get(location)
        return resource


class CrawlLimitError(RuntimeError):
    """The site has more URLs than the crawl allows: some link probably makes new URLs for ever."""


def key(request: Request) -> str:
    """One name for one resource: the same query parameters in any order are the same URL."""
    parts = urlsplit(request.url)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    form = f" {urlencode(request.form)}" if request.form else ""
    return f"{request.method} {parts.path}" + (f"?{query}" if query else "") + form


def internal_url(written: str, page_url: str, host: str) -> tuple[str, str] | None:
    """The site URL (path and query) and fragment that ``written`` points to from ``page_url``.

    None for a link that leaves the site: another host, or another scheme such as ``mailto:``.
    """
    base = f"http://{host}{page_url}"
    parts = urlsplit(urljoin(base, written.strip()))
    if parts.scheme not in ("http", "https") or parts.netloc != host:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else ""), parts.fragment


def start_tags(text: str) -> list[tuple[str, dict[str, str]]]:
    """Each element's name and attributes, in page order.

    lxml's parser, written in C, reads a page about twenty times as fast as the standard
    library's ``html.parser``, and a crawl reads every page of the site before a test runs.
    """
    if not text.strip():
        return []  # lxml refuses an empty document
    root = lxml.html.document_fromstring(text)
    # Comments and processing instructions are nodes too; their tag is not a string.
    return [(element.tag, dict(element.attrib)) for element in root.iter() if isinstance(element.tag, str)]


def read_page(text: str, page_url: str, host: str) -> tuple[tuple[Link, ...], frozenset[str]]:
    """The internal links of an HTML page, and the ids (and ``<a name>``) a fragment can point to."""
    links = []
    ids = set()
    for name, attributes in start_tags(text):
        for attribute in ("href", "src"):
            written = attributes.get(attribute)
            if written is None:
                continue
            found = internal_url(written, page_url, host)
            if found is not None:
                links.append(Link(name, attribute, written, *found))
        if attributes.get("id") is not None:
            ids.add(attributes["id"])
        if name == "a" and attributes.get("name") is not None:
            ids.add(attributes["name"])
    return tuple(links), frozenset(ids)


def crawl(
    fetch: Callable[[Request], Fetched],
    start: Iterable[Request] = (Request("/"),),
    host: str = "localhost",
    limit: int = 200,
    not_pages: Iterable[Request] = (),
) -> Site:
    """Fetch ``start``, then every internal link and redirect found, each URL once.

    ``host`` is the name the site is served under: an absolute link to it counts as internal.
    ``not_pages`` are served as HTML but are no pages: their links are checked, not their HTML.
    Raise CrawlLimitError past ``limit`` URLs.
    """
    site = Site(not_pages=frozenset(not_pages))
    queue = deque(start)
    while queue:
        request = queue.popleft()
        name = key(request)
        if name in site.resources:
            continue
        if len(site.resources) == limit:
            raise CrawlLimitError(f"more than {limit} URLs, such as {request.url}: is a link unbounded?")
        fetched = fetch(request)
        links: tuple[Link, ...] = ()
        ids: frozenset[str] = frozenset()
        if fetched.mimetype == HTML and fetched.text is not None:
            links, ids = read_page(fetched.text, request.url, host)
            queue.extend(Request(link.url) for link in links if not link.same_page)
        if fetched.location is not None:
            found = internal_url(fetched.location, request.url, host)
            if found is not None:
                queue.append(Request(found[0]))
        site.resources[name] = Resource(request, fetched, links, ids)
    return site


def link_problems(site: Site, page: Resource) -> list[str]:
    """What is wrong with each internal link on ``page``: an answer other than 200, a missing #fragment."""
    problems = []
    for link in page.links:
        if link.same_page:
            if link.fragment and link.fragment not in page.ids:
                problems.append(f"{link}: the page has no id {link.fragment!r}")
            continue
        target = site.final(link.url)
        if target.fetched.status != 200:
            moved = f" after a redirect to {target.request.url}" if target.request.url != link.url else ""
            problems.append(f"{link} answers {target.fetched.status}{moved}")
        elif link.fragment and target.is_html and link.fragment not in target.ids:
            problems.append(f"{link}: {target.request.url} has no id {link.fragment!r}")
    return problems
