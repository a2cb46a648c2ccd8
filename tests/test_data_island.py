"""/examples/data_island: |tojson in a <script type="application/json"> data island, beside a table."""

import json

import pytest

from app import data
from html_helpers import get_soup, table_rows, text

DATASETS = ["data_island", "data_island.empty", "data_island.tricky"]
ISLAND = 'script[type="application/json"]#office-hours-data'


def page(client, monkeypatch, dataset="data_island"):
    """The page, rendered from data/<dataset>.json: the view reads data["data_island"]."""
    monkeypatch.setitem(data, "data_island", data[dataset])
    return get_soup(client, "/examples/data_island")


@pytest.mark.parametrize("dataset", DATASETS)
def test_the_island_holds_the_data_as_json(client, monkeypatch, dataset):
    island = page(client, monkeypatch, dataset).select_one(ISLAND)
    assert json.loads(island.string) == data[dataset]


def test_the_island_is_the_only_script_with_the_data_and_flask_sorts_the_keys(client):
    soup = get_soup(client, "/examples/data_island")
    island = soup.select_one(ISLAND)
    assert [script for script in soup.select("script") if "Dr. Maya Ortiz" in script.get_text()] == [island]
    assert island.string.startswith('[{"day": "Monday", "end": "11:00", "host": "Dr. Maya Ortiz", "room": ')


def test_markup_in_the_data_cannot_close_the_script_element(client, monkeypatch):
    monkeypatch.setitem(data, "data_island", data["data_island.tricky"])
    html = client.get("/examples/data_island").get_data(as_text=True)
    start = html.index('<script type="application/json" id="office-hours-data">')
    island = html[start:].split(">", 1)[1].split("</script>", 1)[0]
    assert not any(character in island for character in "<>&'")
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(\\u0027hi\\u0027)" in island
    assert json.loads(island)[0]["room"] == data["data_island.tricky"][0]["room"]
    assert "<script>alert" not in html  # no script of the data's own reaches the page


@pytest.mark.parametrize("dataset", ["data_island", "data_island.tricky"])
def test_the_indented_copy_shows_the_same_json(client, monkeypatch, dataset):
    copy = page(client, monkeypatch, dataset).select_one("pre.island-text")
    assert json.loads(copy.get_text()) == data[dataset]
    assert copy.get_text().startswith('[\n  {\n    "day": ')


@pytest.mark.parametrize("dataset", ["data_island", "data_island.tricky"])
def test_the_table_shows_the_same_office_hours_as_text(client, monkeypatch, dataset):
    table = page(client, monkeypatch, dataset).select_one("table.office-hours")
    assert table.select("tbody b, tbody script") == []
    assert table_rows(table) == [
        {"Day": s["day"], "Time": f"{s['start']}\N{EN DASH}{s['end']}", "Room": s["room"], "Host": s["host"]}
        for s in data[dataset]
    ]


def test_no_office_hours_is_an_empty_list_and_an_else_row(client, monkeypatch):
    soup = page(client, monkeypatch, "data_island.empty")
    assert soup.select_one(ISLAND).string == "[]"
    assert [text(td) for td in soup.select("table.office-hours tbody td")] == ["No office hours this week."]
