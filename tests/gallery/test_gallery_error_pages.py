"""/examples/error_pages on the site: error pages in the site's layout, and the handlers in the view panel."""

import inspect

import pytest

from app import bad_query_value, http_error
from html_helpers import get_soup, text


@pytest.mark.parametrize(
    ("code", "title"),
    [(403, "403 Forbidden"), (404, "404 Not Found"), (410, "410 Gone"), (500, "500 Internal Server Error")],
)
def test_an_error_page_has_the_sites_layout_and_no_demo(client, code, title):
    soup = get_soup(client, f"/examples/error_pages?code={code}", status=code)
    assert text(soup.title) == f"{title} · Flask Templating Showcase"
    assert soup.select_one('nav.site-nav a[href="/#examples"]') is not None
    assert soup.select("[data-demo]") == []


def test_the_view_panel_shows_the_two_handlers_after_the_view(soup):
    source = soup("/examples/error_pages").select_one('[data-panel="view"] pre').get_text()
    handlers = [bad_query_value, http_error]
    where = [source.index("def error_pages("), *(source.index(inspect.getsource(h)) for h in handlers)]
    assert where == sorted(where)
    assert all("@app.errorhandler(" in inspect.getsource(h) for h in handlers)
    assert "def query_text_too_long(" not in source  # the view never raises QueryTextTooLong


def test_the_lesson_links_to_the_page_of_the_sites_third_handler(soup, client):
    [link] = soup("/examples/error_pages").select("section.lesson a")
    assert link["href"] == "/examples/autoescape"
    assert client.get(link["href"]).status_code == 200
