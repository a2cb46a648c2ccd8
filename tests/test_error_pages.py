"""/examples/error_pages: @app.errorhandler renders the site's own error pages, with the right status."""

import pytest

from html_helpers import get_soup, text, texts


def test_the_form_offers_each_code_the_view_allows_and_one_it_does_not(client):
    form = get_soup(client, "/examples/error_pages").select_one("form.error-form")
    assert (form["action"], form["method"]) == ("/examples/error_pages", "get")
    assert [option["value"] for option in form.select("select#code option")] == [
        "none",
        "403",
        "404",
        "410",
        "500",
        "teapot",
    ]
    assert texts(form, "select#code option")[:2] == ["this page, 200 OK", "403"]
    assert form.select_one('label[for="code"]') is not None


@pytest.mark.parametrize(
    ("code", "title"),
    [(403, "403 Forbidden"), (404, "404 Not Found"), (410, "410 Gone"), (500, "500 Internal Server Error")],
)
def test_each_code_is_answered_by_http_error_with_that_status(client, code, title):
    soup = get_soup(client, f"/examples/error_pages?code={code}", status=code)
    assert texts(soup, "h1") == [title]
    assert text(soup.title).startswith(title)
    assert text(soup.select_one("p.error-description")) != ""
    assert soup.select("form.error-form") == []


def test_a_value_the_view_does_not_allow_is_answered_by_bad_query_value(client):
    soup = get_soup(client, "/examples/error_pages?code=teapot", status=400)
    assert texts(soup, "h1") == ["400 Bad Request"]
    assert text(soup.select_one(".error-description")) == "code must be one of: none, 403, 404, 410, 500."
    assert text(soup.select_one("p.sent")) == "You sent code=teapot."
    assert [a["href"] for a in soup.select(".allowed-values a")][:2] == [
        "/examples/error_pages?code=none",
        "/examples/error_pages?code=403",
    ]


def test_the_list_names_each_handler_and_template(client):
    handlers = get_soup(client, "/examples/error_pages").select_one("ul.error-handlers")
    assert texts(handlers, "li .handler") == ["http_error()", "bad_query_value()"]
    assert texts(handlers, "li .handler-template") == ["errors/error.html", "errors/bad_query_value.html"]
