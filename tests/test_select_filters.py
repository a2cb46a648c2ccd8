"""/examples/select_filters: map, select, reject, selectattr and rejectattr."""

import pytest

from app import data
from html_helpers import get_soup, table_rows, texts

DATASETS = ["select_filters", "select_filters.empty", "select_filters.tricky"]


def results(page, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(page.select_one(f"table.results-{name}"))
    ]


@pytest.mark.parametrize("dataset", DATASETS)
def test_map_picks_a_field_and_applies_a_filter(client, monkeypatch, dataset):
    # The view reads data["select_filters"]: give it the data set under test.
    monkeypatch.setitem(data, "select_filters", data[dataset])
    names = [s["student"] for s in data[dataset]]
    assert [result for _, result in results(get_soup(client, "/examples/select_filters"), "map")] == [
        ", ".join(names),
        ", ".join(name.upper() for name in names),
    ]


@pytest.mark.parametrize("dataset", DATASETS)
def test_select_and_reject_keep_and_drop_items(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "select_filters", data[dataset])
    submissions = data[dataset]
    points = [s["points"] for s in submissions]
    assert [result for _, result in results(get_soup(client, "/examples/select_filters"), "select")] == [
        str(points),
        str([p for p in points if p is not None]),
        str(points.count(None)),
        ", ".join(s["student"] for s in submissions if s["submitted"] and s["points"] >= 45),
        ", ".join(s["student"] for s in submissions if s["late"]),
    ]


def test_lab_3s_points_with_and_without_the_missing_ones(client):
    [everyone, handed_in, missing, high, late] = [
        result for _, result in results(get_soup(client, "/examples/select_filters"), "select")
    ]
    assert everyone == "[47, 41, None, 38, None, 50]"
    assert handed_in == "[47, 41, 38, 50]"
    assert (missing, high, late) == ("2", "Priya Natarajan, Aisha Bello", "Jordan Lee, Aisha Bello")


@pytest.mark.parametrize("dataset", ["select_filters", "select_filters.tricky"])
def test_selectattr_and_rejectattr_split_the_class(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "select_filters", data[dataset])
    submissions = data[dataset]
    page = get_soup(client, "/examples/select_filters")
    assert texts(page, "ul.handed-in > li") == [
        f"{s['student']} {s['points']}" for s in submissions if s["submitted"]
    ]
    assert texts(page, "ul.missing > li") == [s["student"] for s in submissions if not s["submitted"]]


def test_an_empty_class_takes_both_else_branches(client, monkeypatch):
    # The view reads data["select_filters"]: give it the empty list of data/select_filters.empty.json.
    monkeypatch.setitem(data, "select_filters", data["select_filters.empty"])
    page = get_soup(client, "/examples/select_filters")
    assert texts(page, "ul.handed-in > li.empty") == ["Nothing handed in yet."]
    assert texts(page, "ul.missing > li.empty") == ["Nobody is missing."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "select_filters", data["select_filters.tricky"])
    page = get_soup(client, "/examples/select_filters")
    shown = page.select("table.results, ul.handed-in, ul.missing")
    assert len(shown) == 4
    assert [tag.select("script, b") for tag in shown] == [[]] * 4
    assert texts(page, "ul.missing > li") == ["<b>Bold</b> Bea"]
