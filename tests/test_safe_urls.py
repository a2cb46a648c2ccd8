"""/examples/safe_urls: a filter allow-lists a URL's scheme before it goes into href."""

from urllib.parse import quote

import pytest

from app import allowed_url, data
from html_helpers import get_soup, text, texts

ALLOWED = ("http", "https", "mailto")


def page(client, monkeypatch, dataset="safe_urls"):
    """The page, rendered from data/<dataset>.json: the view reads data["safe_urls"]."""
    monkeypatch.setitem(data, "safe_urls", data[dataset])
    return get_soup(client, "/examples/safe_urls")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://flask.palletsprojects.com/", "https://flask.palletsprojects.com/"),
        ("HTTP://EXAMPLE.EDU/", "HTTP://EXAMPLE.EDU/"),
        ("mailto:cs253-staff@example.edu", "mailto:cs253-staff@example.edu"),
        ("javascript:alert(1)", ""),
        (" JavaScript:alert(1)", ""),
        ("java\tscript:alert(1)", ""),
        ("\x01javascript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("ftp://files.example.edu/", ""),
        ("//other.example.com/", ""),
        ("/examples/lists", ""),
        ("http://[::1", ""),
    ],
)
def test_the_filter_returns_only_urls_with_an_allowed_scheme(url, expected):
    assert allowed_url(url) == expected


@pytest.mark.parametrize("dataset", ["safe_urls", "safe_urls.tricky"])
def test_each_shared_link_is_linked_only_if_its_scheme_is_allowed(client, monkeypatch, dataset):
    links = data[dataset]
    items = page(client, monkeypatch, dataset).select("ul.shared-links > li")
    assert len(items) == len(links)
    for item, link in zip(items, links, strict=True):
        anchor = item.select_one("a.link-allowed")
        if anchor is not None:
            assert (anchor["href"], text(anchor)) == (link["url"], link["title"])
        else:
            assert text(item.select_one(".link-blocked")) == link["title"]
            assert item.select_one("code.link-url").get_text() == link["url"]
        assert text(item.select_one(".link-by")) == f"shared by {link['by']}"
        assert item.select("b, script") == []


def test_the_default_links_three_and_shows_three_as_text(client):
    soup = get_soup(client, "/examples/safe_urls").select_one("ul.shared-links")
    assert [a["href"] for a in soup.select("a.link-allowed")] == [
        "https://flask.palletsprojects.com/",
        "https://jinja.palletsprojects.com/en/stable/templates/",
        "mailto:cs253-staff@example.edu",
    ]
    assert texts(soup, "code.link-url") == [
        "javascript:alert(document.cookie)",
        "data:text/html,<script>alert('hi')</script>",
        "ftp://files.example.edu/cs253/",
    ]


@pytest.mark.parametrize("dataset", ["safe_urls", "safe_urls.empty", "safe_urls.tricky"])
def test_no_href_anywhere_on_the_page_has_another_scheme(client, monkeypatch, dataset):
    soup = page(client, monkeypatch, dataset)  # the whole page, whatever the layout around the demo
    for tag in soup.select("[href]"):
        href = tag["href"].strip().lower()
        assert href.startswith(("/", "#")) or href.split(":", 1)[0] in ALLOWED, href


def test_no_links_shared_takes_the_else_branch(client, monkeypatch):
    soup = page(client, monkeypatch, "safe_urls.empty")
    assert [(li["class"], text(li)) for li in soup.select("ul.shared-links > li")] == [
        (["empty"], "No links shared yet.")
    ]


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("javascript:alert(1)", False),
        ("https://example.edu/?a=1&b=2", True),
        ("mailto:ada@example.edu", True),
    ],
)
def test_a_url_from_the_query_string_is_checked_the_same_way(client, url, linked):
    soup = get_soup(client, f"/examples/safe_urls?url={quote(url)}")
    form = soup.select_one("form.url-form")
    assert (form["action"], form["method"]) == ("/examples/safe_urls", "get")  # it sends to this page
    assert form.select_one("input#url")["name"] == "url"
    assert form.select_one("input#url")["value"] == url
    result = soup.select_one("p.url-result")
    if linked:
        assert result.select_one("a.link-allowed")["href"] == url
    else:
        assert result.select("a") == []
        assert result.select_one("code.link-url").get_text() == url


def test_quotes_in_an_allowed_url_cannot_break_out_of_href(client):
    url = "https://example.edu/\" onmouseover=\"alert('hi')"
    anchor = get_soup(client, f"/examples/safe_urls?url={quote(url)}").select_one("p.url-result a")
    assert anchor.attrs == {"class": ["link-allowed"], "href": url}


def test_no_url_asked_for_shows_no_result_and_a_long_one_gets_a_400(client):
    assert get_soup(client, "/examples/safe_urls").select("p.url-result") == []
    soup = get_soup(client, f"/examples/safe_urls?url=https://example.edu/{'x' * 300}", status=400)
    assert text(soup.select_one(".limit")) == "The limit is 300 characters."
