"""/examples/error_pages: @app.errorhandler renders the site's own error pages, with the right status."""

import inspect

import pytest

from app import bad_query_value, http_error, query_text_too_long
from html_helpers import get_soup, text, texts


def test_the_form_offers_each_code_the_view_allows_and_one_it_does_not(demo):
    form = demo("error_pages").select_one("form.error-form")
    assert (form["action"], form["method"]) == ("/examples/error_pages", "get")
    assert [option["value"] for option in form.select("select#code option")] == [
        "none",
        "403",
        "404",
        "410",
        "500",
        "teapot",
    ]
    assert form.select_one('label[for="code"]') is not None


@pytest.mark.parametrize(
    ("code", "title"),
    [(403, "403 Forbidden"), (404, "404 Not Found"), (410, "410 Gone"), (500, "500 Internal Server Error")],
)
def test_each_code_is_answered_by_http_error_with_that_status(client, code, title):
    soup = get_soup(client, f"/examples/error_pages?code={code}", status=code)
    assert texts(soup, "h1") == [title]
    assert text(soup.title) == f"{title} · Flask Templating Showcase"
    assert soup.select_one("main a")["href"] == "/#examples"
    assert soup.select("[data-demo]") == []


def test_a_value_the_view_does_not_allow_is_answered_by_bad_query_value(client):
    soup = get_soup(client, "/examples/error_pages?code=teapot", status=400)
    assert text(soup.select_one(".error-description")) == "code must be one of: none, 403, 404, 410, 500."
    assert [a["href"] for a in soup.select(".allowed-values a")][:2] == [
        "/examples/error_pages?code=none",
        "/examples/error_pages?code=403",
    ]


def test_the_view_panel_shows_the_three_handlers_after_the_view(soup):
    sources = soup("/examples/error_pages").select('[data-panel="view"] pre')
    handlers = [bad_query_value, query_text_too_long, http_error]
    assert [pre.get_text() for pre in sources[1:]] == [inspect.getsource(h) for h in handlers]
    assert all("@app.errorhandler(" in inspect.getsource(h) for h in handlers)


def test_the_list_names_each_handler_and_template_and_its_link_answers(demo, client):
    handlers = demo("error_pages").select_one("ul.error-handlers")
    assert texts(handlers, "li .handler") == [
        "http_error()",
        "bad_query_value()",
        "query_text_too_long()",
    ]
    assert texts(handlers, "li .handler-template") == [
        "errors/error.html",
        "errors/bad_query_value.html",
        "errors/query_text_too_long.html",
    ]
    [link] = handlers.select("a")
    assert client.get(link["href"]).status_code == 200
