"""/examples/urls: url_for() with route arguments, query values, an anchor, and a static file."""

from urllib.parse import parse_qs, urlsplit

import pytest

from html_helpers import get_soup, text, texts


def demo(client, url="/examples/urls"):
    return get_soup(client, url).select_one("[data-demo]")


def built(soup, kind):
    return soup.select_one(f"table.built-urls tr.url-{kind} a")["href"]


def test_each_week_links_to_its_own_url_and_the_current_one_is_marked(client, data):
    weeks = data.variant("urls")
    links = demo(client, "/examples/urls/week/3").select("nav.week-nav a")
    assert [a["href"] for a in links] == [f"/examples/urls/week/{n}" for n in range(1, len(weeks) + 1)]
    assert [a.get("aria-current") for a in links] == [None, None, "page", None, None, None]


@pytest.mark.parametrize("week", [1, 2, 6])
def test_the_route_argument_picks_the_week(client, data, week):
    topic = data.variant("urls")[week - 1]["topic"]
    assert text(demo(client, f"/examples/urls/week/{week}").h3) == f"Week {week}: {topic}"


def test_without_an_argument_the_view_shows_week_one(client):
    assert text(demo(client).h3) == "Week 1: Clients, servers and HTTP"


@pytest.mark.parametrize("week", [0, 7, 99])
def test_a_week_that_does_not_exist_is_a_404(client, week):
    get_soup(client, f"/examples/urls/week/{week}", status=404)


def test_the_table_shows_each_call_and_the_url_it_built(client):
    soup = demo(client, "/examples/urls/week/4")
    assert texts(soup, "table.built-urls td:first-child") == [
        'url_for("urls", week=weeks|length)',
        'url_for("search", q=current.term)',
        'url_for("tables", sort="phrase", order="desc")',
        'url_for("lists", _anchor="demo-heading")',
        'url_for("static", filename="img/request-cycle.svg")',
    ]
    assert [built(soup, kind) for kind in ("argument", "query", "queries", "anchor", "static")] == [
        "/examples/urls/week/6",
        "/examples/search?q=form",
        "/examples/tables?sort=phrase&order=desc",
        "/examples/lists#demo-heading",
        "/static/img/request-cycle.svg",
    ]
    assert all(text(a) == a["href"] for a in soup.select("table.built-urls a"))


@pytest.mark.parametrize("week", [1, 2, 3])
def test_query_values_are_percent_encoded_and_read_back_whole(client, data, week):
    term = data.variant("urls", "tricky")[week - 1]["term"]
    href = built(demo(client, f"/examples/urls/week/{week}?variant=tricky"), "query")
    url = urlsplit(href)
    assert url.path == "/examples/search"
    assert parse_qs(url.query) == {"q": [term]}
    assert not set(url.query) & set(' <>#"&')  # each one percent-encoded, so the term comes back whole


def test_every_link_it_built_answers(client):
    soup = demo(client, "/examples/urls/week/2?variant=tricky")
    for a in soup.select("a"):
        with client.get(urlsplit(a["href"])._replace(fragment="").geturl()) as response:
            assert response.status_code == 200, a["href"]


def test_the_static_picture_is_an_svg_found_with_url_for(client):
    image = demo(client).select_one("figure.request-cycle img")
    assert image["src"] == "/static/img/request-cycle.svg"
    assert image["alt"].startswith("The browser asks for a URL")
    with client.get(image["src"]) as response:
        assert response.status_code == 200
        assert response.mimetype == "image/svg+xml"
