"""/examples/group_filters: groupby for sections, batch for rows, slice for columns."""

import pytest

from app import data
from html_helpers import get_soup, text, texts


def columns(items, count):
    """``items`` cut into ``count`` columns as |slice does: the first ones take one more when it is uneven."""
    size, extra = divmod(len(items), count)
    cut, start = [], 0
    for index in range(count):
        end = start + size + (index < extra)
        cut.append(items[start:end])
        start = end
    return cut


@pytest.mark.parametrize("dataset", ["group_filters", "group_filters.tricky"])
def test_groupby_gives_one_section_a_dorm_in_order(client, monkeypatch, dataset):
    # The view reads data["group_filters"]: give it the data set under test.
    monkeypatch.setitem(data, "group_filters", data[dataset])
    students = data[dataset]
    dorms = sorted({s["dorm"] for s in students}, key=str.lower)
    sections = get_soup(client, "/examples/group_filters").select("section.dorm")
    assert [text(section.h4) for section in sections] == dorms
    for dorm, section in zip(dorms, sections, strict=True):
        residents = sorted((s for s in students if s["dorm"] == dorm), key=lambda s: s["room"])
        assert texts(section, "li") == [f"{s['room']} {s['name']}" for s in residents]


def test_maple_hall_has_three_residents(client):
    sections = get_soup(client, "/examples/group_filters").select("section.dorm")
    assert [text(section.h4) for section in sections] == ["Birch Court", "Cedar House", "Maple Hall"]
    assert texts(sections[-1], "li") == ["118 Sam Okafor", "214 Priya Natarajan", "305 Aisha Bello"]


@pytest.mark.parametrize("dataset", ["group_filters", "group_filters.tricky"])
def test_batch_seats_three_to_a_table_and_fills_the_last(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "group_filters", data[dataset])
    names = [s["name"] for s in data[dataset]]
    padded = names + ["(free seat)"] * (-len(names) % 3)
    rows = get_soup(client, "/examples/group_filters").select("table.seats tbody tr")
    assert [texts(row, "th, td") for row in rows] == [
        [f"Table {n + 1}", *padded[3 * n : 3 * n + 3]] for n in range(len(padded) // 3)
    ]


def test_the_last_table_has_two_free_seats(client):
    rows = get_soup(client, "/examples/group_filters").select("table.seats tbody tr")
    assert texts(rows[-1], "td") == ["Tomás Novak", "(free seat)", "(free seat)"]


@pytest.mark.parametrize("dataset", ["group_filters", "group_filters.tricky"])
def test_slice_makes_three_even_columns(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "group_filters", data[dataset])
    names = sorted((s["name"] for s in data[dataset]), key=str.lower)
    page = get_soup(client, "/examples/group_filters")
    assert [texts(ul, "li") for ul in page.select("div.columns > ul.column")] == columns(names, 3)


def test_seven_names_make_columns_of_three_two_and_two(client):
    page = get_soup(client, "/examples/group_filters")
    assert [texts(ul, "li") for ul in page.select("div.columns > ul.column")] == [
        ["Aisha Bello", "Diego Ramírez", "Jordan Lee"],
        ["Mei Chen", "Priya Natarajan"],
        ["Sam Okafor", "Tomás Novak"],
    ]


def test_an_empty_directory_says_so(client, monkeypatch):
    # The view reads data["group_filters"]: give it the empty list of data/group_filters.empty.json instead.
    monkeypatch.setitem(data, "group_filters", data["group_filters.empty"])
    page = get_soup(client, "/examples/group_filters")
    assert page.select("section.dorm, table.seats, div.columns, ul.column") == []
    assert texts(page, "p.empty") == ["The dorm directory is empty."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "group_filters", data["group_filters.tricky"])
    page = get_soup(client, "/examples/group_filters")
    shown = page.select("section.dorm, table.seats, div.columns")
    assert len(shown) == 4
    assert [tag.select("script, b") for tag in shown] == [[]] * 4
    assert text(page.select_one("section.dorm h4")) == "<b>Oak</b> & Ash"
