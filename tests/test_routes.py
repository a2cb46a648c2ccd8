"""Every page the app serves, checked alike: a test no one has to remember to write."""

import pytest

from app import app as showcase_app
from app import gallery as showcase_gallery
from html_helpers import get_soup


def pages():
    """Every GET route that takes no arguments, and every example in each of its data variants."""
    urls = [
        rule.rule
        for rule in showcase_app.url_map.iter_rules()
        # /hello is the lab's plain string, not a page.
        if "GET" in rule.methods and not rule.arguments and rule.endpoint != "hello"
    ]
    for example in showcase_gallery.examples:
        urls += [f"/examples/{example.endpoint}?variant={variant}" for variant in example.variants[1:]]
    return urls


def test_pages_lists_the_home_and_the_examples():
    assert "/" in pages()
    assert "/examples/lists" in pages()
    assert "/examples/lists?variant=empty" in pages()


@pytest.mark.parametrize("url", pages())
def test_page_is_a_complete_html_page(client, url):
    soup = get_soup(client, url)
    assert soup.html["lang"] == "en"
    assert len(soup.select("head > title")) == 1
    assert len(soup.select("h1")) == 1
    assert len(soup.select("main#content")) == 1
    stylesheets = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    assert stylesheets[0] == "/static/css/site.css"
    for href in stylesheets:
        with client.get(href) as response:  # "with" closes the file it streams
            assert response.status_code == 200
            assert response.mimetype == "text/css"


def test_the_site_stylesheet_sets_the_colours(client):
    with client.get("/static/css/site.css") as response:
        assert response.status_code == 200
        assert response.mimetype == "text/css"
        assert b":root" in response.data
