"""Every page the app serves, checked alike: a test no one has to remember to write."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_pages import pages


def test_pages_lists_the_home_and_the_examples():
    assert "/" in pages()
    assert "/examples/lists" in pages()
    assert "/examples/lists?variant=empty" in pages()


@pytest.mark.parametrize("url", pages())
def test_page_is_a_complete_html_page(client, soup, url):
    page = soup(url)  # parsed once for the whole run: the other site-wide tests read it too
    assert page.html["lang"] == "en"
    assert len(page.head.select("title")) == 1
    assert len(page.select("h1")) == 1
    assert len(page.select("main#content")) == 1
    stylesheets = [link["href"] for link in page.head.select('link[rel="stylesheet"]')]
    assert stylesheets[0] == "/static/css/site.css"
    for href in stylesheets:
        with client.get(href) as response:  # "with" closes the file it streams
            assert response.status_code == 200
            assert response.mimetype == "text/css"
    # No inline code: the Content-Security-Policy would block it (see tests/test_security.py).
    for tag in page.find_all(True):
        assert tag.name != "style", tag
        assert "style" not in tag.attrs, tag
        assert not any(name.startswith("on") for name in tag.attrs), tag
        if tag.name == "script":
            assert tag.get("src") or tag.get("type") == "application/json", tag


def test_the_site_stylesheet_sets_the_colours(client):
    with client.get("/static/css/site.css") as response:
        assert response.status_code == 200
        assert response.mimetype == "text/css"
        assert b":root" in response.data


def test_every_page_names_an_icon_and_the_one_browsers_ask_for_is_there(client, soup):
    """Browsers ask for /favicon.ico even for a page that names no icon (/hello, a plain string)."""
    icons = [link["href"] for link in soup("/").head.select('link[rel="icon"]')]
    assert icons == ["/favicon.ico", "/static/favicon.svg"]
    for href, mimetype in zip(icons, ("image/vnd.microsoft.icon", "image/svg+xml"), strict=True):
        with client.get(href) as response:
            assert response.status_code == 200
            assert response.mimetype == mimetype
            assert response.data.startswith(b"\x00\x00\x01\x00" if href.endswith(".ico") else b"<svg")


@pytest.mark.parametrize("name", ["site.css", "highlight.css", "playground.css"])
def test_every_css_rule_closes_before_the_next_one_opens(name):
    """A rule left open swallows every rule after it: browsers read those as nested rules that
    match nothing, and half the site goes unstyled. Only @media and its kin may hold rules."""
    source = (Path(__file__).resolve().parent.parent / "static" / "css" / name).read_text(encoding="utf-8")
    source = re.sub(r"/\*.*?\*/|\"[^\"]*\"", "", source, flags=re.S)  # comments and strings
    open_rules = []
    for match in re.finditer(r"([^{};]*)\{|\}", source):
        if match.group().endswith("{"):
            selector = " ".join(match.group(1).split())
            inside = open_rules[-1] if open_rules else "@top"
            assert inside.startswith("@"), f"{name}: {selector!r} opens inside {inside!r}, which never closed"
            open_rules.append(selector)
        else:
            assert open_rules, f"{name}: a }} closes nothing"
            open_rules.pop()
    assert open_rules == [], f"{name}: {open_rules} never closed"


def stylesheet(client, **environ):
    with client.get("/examples/lists", environ_overrides=environ) as response:
        soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return soup.select_one('link[rel="stylesheet"]')["href"]


def test_the_showcase_links_follow_a_path_prefix(client):
    assert stylesheet(client) == "/static/css/site.css"
    assert stylesheet(client, SCRIPT_NAME="/showcase") == "/showcase/static/css/site.css"
    assert stylesheet(client) == "/static/css/site.css"
