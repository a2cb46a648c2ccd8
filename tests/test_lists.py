"""/examples/lists: a for loop with loop.index, loop.first, loop.last and an else branch."""

from app import data
from html_helpers import get_soup, text, texts


def weeks_list(client):
    return get_soup(client, "/examples/lists").select_one("ol.weeks")


def test_every_week_is_numbered_in_order(client):
    weeks = data["lists"]
    items = weeks_list(client)
    assert texts(items, "li .week-topic") == weeks
    assert texts(items, "li .week-number") == [f"Week {n}" for n in range(1, len(weeks) + 1)]
    assert len(weeks) == 11
    assert texts(items, "li .week-topic")[0] == "Networking: clients, servers and HTTP"


def test_first_and_last_weeks_are_marked(client):
    items = weeks_list(client).select("li")
    assert items[0]["class"] == ["week", "week-first"]
    assert items[-1]["class"] == ["week", "week-last"]
    assert all(li["class"] == ["week"] for li in items[1:-1])
    assert [text(badge) for badge in weeks_list(client).select(".badge")] == ["start here", "the end"]


def test_an_empty_list_takes_the_else_branch(client, monkeypatch):
    # The view reads data["lists"]: give it the empty list of data/lists.empty.json instead.
    monkeypatch.setitem(data, "lists", data["lists.empty"])
    items = weeks_list(client).select("li")
    assert [(li["class"], text(li)) for li in items] == [(["empty"], "No weeks planned yet.")]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "lists", data["lists.tricky"])
    items = weeks_list(client)
    assert items.select("script") == []
    assert texts(items, "li .week-topic") == data["lists.tricky"]
