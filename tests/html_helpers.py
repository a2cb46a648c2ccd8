"""Test a Flask app by the HTML it renders, with pytest and BeautifulSoup.

Copy this file into your own project's ``tests/`` folder; it needs nothing but
Flask, pytest and beautifulsoup4. Then, in a test::

    from html_helpers import get_soup, texts

    def test_lists_every_week(client):
        soup = get_soup(client, "/weeks")
        assert texts(soup, "ol.weeks > li") == ["Week 1: Networking", "Week 2: Flask", "Week 3: Jinja"]
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from flask import Flask, template_rendered
from flask.testing import FlaskClient
from jinja2 import Template


def get_soup(client: FlaskClient, url: str, status: int = 200) -> BeautifulSoup:
    """GET ``url``, check its status and that it is HTML, and return the parsed page."""
    response = client.get(url)
    assert response.status_code == status, f"GET {url} answered {response.status_code}, not {status}"
    assert response.mimetype == "text/html", f"GET {url} answered {response.mimetype}, not text/html"
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def text(tag: Tag) -> str:
    """The text of ``tag`` as a reader sees it: runs of white space become one space.

    Text nodes are joined as they are, so ``<code>x</code>.`` reads ``x.``, as in a browser.
    """
    return " ".join(tag.get_text().split())


def texts(soup: Tag, selector: str) -> list[str]:
    """The text of every element matching the CSS ``selector``, in page order."""
    return [text(tag) for tag in soup.select(selector)]


def table_rows(table: Tag) -> list[dict[str, str]]:
    """A table's body rows as dicts, keyed by the text of its column headings."""
    headings = [text(th) for th in table.select("thead th")]
    return [dict(zip(headings, texts(row, "td, th"), strict=True)) for row in table.select("tbody tr")]


def internal_links(soup: Tag) -> list[str]:
    """Every ``href`` and ``src`` on the page that points into this site, without its #fragment."""
    found = []
    for tag in soup.select("[href], [src]"):
        url = urlsplit(tag.get("href") or tag.get("src"))
        if not url.scheme and not url.netloc and url.path:
            found.append(url.path + (f"?{url.query}" if url.query else ""))
    return found


@contextmanager
def captured_templates(app: Flask) -> Iterator[list[tuple[Template, dict[str, Any]]]]:
    """Record every template ``app`` renders, with its context, while the block runs.

    Record in the callback and assert after the block: an assert inside the
    callback never runs when nothing renders, so the test would pass unchecked.
    """
    recorded: list[tuple[Template, dict[str, Any]]] = []

    def record(sender: Flask, template: Template, context: dict[str, Any], **extra: Any) -> None:
        recorded.append((template, context))

    template_rendered.connect(record, app)
    try:
        yield recorded
    finally:
        template_rendered.disconnect(record, app)
