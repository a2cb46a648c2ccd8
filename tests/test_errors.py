"""Error pages: in the site's style, with the right status, and never a traceback or a path."""

import pytest

from html_helpers import get_soup, text, texts


def test_an_unknown_path_gets_a_styled_404(client):
    soup = get_soup(client, "/no/such/page", status=404)
    assert texts(soup, "h1") == ["404 Not Found"]
    assert text(soup.title) == "404 Not Found · Flask Templating Showcase"
    assert [link["href"] for link in soup.select('link[rel="stylesheet"]')] == ["/static/css/site.css"]
    assert text(soup.select_one('.site-nav a[href="/#examples"]')) == "Examples"  # the way back


def test_a_wrong_method_gets_a_405_that_says_which_are_allowed(client):
    response = client.post("/hello")
    assert response.status_code == 405
    assert response.mimetype == "text/html"
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "405 Method Not Allowed" in response.get_data(as_text=True)


def test_a_failing_view_gets_a_500_without_traceback_or_paths(app, client, monkeypatch):
    def broken():
        raise RuntimeError(f"secret details from {app.root_path}")

    monkeypatch.setitem(app.view_functions, "hello", broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)  # as in production
    soup = get_soup(client, "/hello", status=500)
    assert texts(soup, "h1") == ["500 Internal Server Error"]
    for leak in ("Traceback", "RuntimeError", "secret", app.root_path, "app.py"):
        assert leak not in str(soup)


@pytest.mark.parametrize("variant", ["nope", "", "<script>"])
def test_an_unknown_variant_gets_a_400_that_names_the_allowed_ones(client, gallery, variant):
    allowed = gallery.by_endpoint["lists"].variants
    assert allowed == ("default", "empty", "tricky")
    soup = get_soup(client, f"/examples/lists?variant={variant}", status=400)
    assert text(soup.select_one(".error-description")) == "variant must be one of: default, empty, tricky."
    assert text(soup.select_one(".sent")) == f"You sent variant={variant}."
    assert [a["href"] for a in soup.select(".allowed-values a")] == [
        f"/examples/lists?variant={name}" for name in allowed
    ]
    assert soup.select("main script") == []
