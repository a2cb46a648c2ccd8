"""/examples/trusted_html: Markup, |safe and {% autoescape false %}, each on HTML the program wrote."""

import pytest

from app import data
from html_helpers import get_soup, text, texts


def page(client, monkeypatch, dataset="trusted_html"):
    """The page, rendered from data/<dataset>.json: the view reads data["trusted_html"]."""
    monkeypatch.setitem(data, "trusted_html", data[dataset])
    return get_soup(client, "/examples/trusted_html")


@pytest.mark.parametrize("dataset", ["trusted_html", "trusted_html.tricky"])
def test_markup_keeps_its_own_tags_and_escapes_the_room_it_formats(client, monkeypatch, dataset):
    room = data[dataset]["room"]
    notice = page(client, monkeypatch, dataset).select_one("p.notice")
    assert [tag.name for tag in notice.find_all()] == ["strong"]
    assert text(notice.strong) == room
    assert text(notice) == f"Office hours move to {room} this week."


def test_the_default_room_is_in_bold(client):
    soup = get_soup(client, "/examples/trusted_html")
    assert text(soup.select_one("p.notice strong")) == data["trusted_html"]["room"] == "Science Hall 214"


def test_is_escaped_tells_markup_from_a_plain_string(client):
    soup = get_soup(client, "/examples/trusted_html")
    assert texts(soup, "dl.is-escaped dt") == ["{{ notice is escaped }}", "{{ hours.room is escaped }}"]
    assert texts(soup, "dl.is-escaped dd") == ["True", "False"]


@pytest.mark.parametrize("dataset", ["trusted_html", "trusted_html.tricky"])
def test_a_safe_separator_joins_days_that_stay_text(client, monkeypatch, dataset):
    days = data[dataset]["days"]
    line = page(client, monkeypatch, dataset).select_one("p.days")
    assert line.find_all() == []
    assert text(line) == "Office hours: " + " · ".join(days)


def test_the_separator_is_sent_as_an_entity_and_the_days_escaped(client, monkeypatch):
    monkeypatch.setitem(data, "trusted_html", data["trusted_html.tricky"])
    html = client.get("/examples/trusted_html").get_data(as_text=True)
    assert "&lt;Friday&gt; &middot; Dienstag &amp; Mittwoch &middot; 月曜日" in html


def test_autoescape_false_lets_the_constant_through_as_html(client):
    soup = get_soup(client, "/examples/trusted_html")
    line = soup.select_one("section.trusted-autoescape p.autoescape-off")
    assert [tag.name for tag in line.find_all()] == ["kbd"]
    assert text(line.kbd) == "python app.py"
