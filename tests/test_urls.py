"""/examples/urls: url_for() with route arguments, query values, an anchor, and a static file."""

from urllib.parse import parse_qs, urlsplit

import pytest
from flask import request

from app import data
from html_helpers import get_soup, text, texts


def built(soup, kind):
    return soup.select_one(f"table.built-urls tr.url-{kind} a")["href"]


def test_each_week_links_to_its_own_url_and_the_current_one_is_marked(client):
    weeks = data["urls"]
    links = get_soup(client, "/examples/urls/week/3").select("nav.week-nav a")
    assert [a["href"] for a in links] == [f"/examples/urls/week/{n}" for n in range(1, len(weeks) + 1)]
    assert [a.get("aria-current") for a in links] == [None, None, "page", None, None, None]
    assert [text(a) for a in links] == [f"Week {n}" for n in range(1, len(weeks) + 1)]


@pytest.mark.parametrize("week", [1, 2, 6])
def test_the_route_argument_picks_the_week(client, week):
    topic = data["urls"][week - 1]["topic"]
    assert text(get_soup(client, f"/examples/urls/week/{week}").select_one("h3.week-topic")) == (
        f"Week {week}: {topic}"
    )


def test_without_an_argument_the_view_shows_week_one(client):
    assert text(get_soup(client, "/examples/urls").select_one("h3.week-topic")) == (
        "Week 1: Clients, servers and HTTP"
    )


@pytest.mark.parametrize("week", [0, 7, 99])
def test_a_week_that_does_not_exist_is_a_404(client, week):
    get_soup(client, f"/examples/urls/week/{week}", status=404)


def test_the_table_shows_each_call_and_the_url_it_built(client):
    soup = get_soup(client, "/examples/urls/week/4")
    assert texts(soup, "table.built-urls td:first-child") == [
        'url_for("urls", week=weeks|length)',
        'url_for("urls", week=week, q=current.term)',
        'url_for("urls", q=current.term, page=2)',
        'url_for("urls", week=week, _anchor="week-topic")',
        'url_for("static", filename="img/request-cycle.svg")',
    ]
    assert [built(soup, kind) for kind in ("argument", "query", "queries", "anchor", "static")] == [
        "/examples/urls/week/6",
        "/examples/urls/week/4?q=form",
        "/examples/urls?q=form&page=2",  # no week: url_for() picks the route without one
        "/examples/urls/week/4#week-topic",
        "/static/img/request-cycle.svg",
    ]
    assert all(text(a) == a["href"] for a in soup.select("table.built-urls a"))


def test_the_anchor_names_the_week_heading_of_the_page_it_links(client):
    href = built(get_soup(client, "/examples/urls/week/5"), "anchor")
    url = urlsplit(href)
    heading = get_soup(client, url.path).select_one(f"h3#{url.fragment}")
    assert text(heading) == f"Week 5: {data['urls'][4]['topic']}"


@pytest.mark.parametrize("week", [1, 2, 3])
def test_query_values_are_percent_encoded_and_read_back_whole(app, client, monkeypatch, week):
    monkeypatch.setitem(data, "urls", data["urls.tricky"])
    term = data["urls.tricky"][week - 1]["term"]
    soup = get_soup(client, f"/examples/urls/week/{week}")
    url = urlsplit(built(soup, "query"))
    assert url.path == f"/examples/urls/week/{week}"
    assert parse_qs(url.query) == {"q": [term]}
    assert not set(url.query) & set(' <>#"&')  # each one percent-encoded, so the term comes back whole
    url = urlsplit(built(soup, "queries"))
    assert url.path == "/examples/urls"
    assert parse_qs(url.query) == {"q": [term], "page": ["2"]}
    assert url.query.count("&") == 1  # only the one between the two values
    for kind in ("query", "queries"):
        with app.test_request_context(built(soup, kind)):  # and Flask reads the term back whole
            assert request.args["q"] == term


@pytest.mark.parametrize("week", [1, 3])
def test_a_query_string_glued_by_hand_with_tilde_loses_the_term(app, client, monkeypatch, week):
    # The pitfall: "/examples/urls/week/1?q=" ~ current.term. A & starts a new value, a # the fragment.
    monkeypatch.setitem(data, "urls", data["urls.tricky"])
    term = data["urls.tricky"][week - 1]["term"]
    by_hand = f"/examples/urls/week/{week}?q={term}"
    assert built(get_soup(client, f"/examples/urls/week/{week}"), "query") != by_hand
    with app.test_request_context(by_hand):
        assert request.args["q"] != term


def test_every_link_it_built_answers(client, monkeypatch):
    monkeypatch.setitem(data, "urls", data["urls.tricky"])
    soup = get_soup(client, "/examples/urls/week/2")
    links = soup.select("nav.week-nav a, table.built-urls a")
    assert len(links) == len(data["urls.tricky"]) + 5
    for a in links:
        with client.get(urlsplit(a["href"])._replace(fragment="").geturl()) as response:
            assert response.status_code == 200, a["href"]


def test_the_static_picture_is_an_svg_found_with_url_for(client):
    image = get_soup(client, "/examples/urls").select_one("figure.request-cycle img")
    assert image["src"] == "/static/img/request-cycle.svg"
    assert image["alt"].startswith("The browser asks for a URL")
    with client.get(image["src"]) as response:
        assert response.status_code == 200
        assert response.mimetype == "image/svg+xml"
