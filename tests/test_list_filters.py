"""/examples/list_filters: length, first, last, min, max, sum, join, reverse, unique, list and sort."""

import pytest

from app import data
from html_helpers import get_soup, table_rows, text, texts


def results(page, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(page.select_one(f"table.results-{name}"))
    ]


@pytest.mark.parametrize("dataset", ["list_filters", "list_filters.tricky"])
def test_the_numbers_of_a_list(client, monkeypatch, dataset):
    # The view reads data["list_filters"]: give it the data set under test.
    monkeypatch.setitem(data, "list_filters", data[dataset])
    students = data[dataset]
    points = [s["points"] for s in students]
    assert [result for _, result in results(get_soup(client, "/examples/list_filters"), "numbers")] == [
        str(len(students)),
        students[0]["name"],
        students[-1]["name"],
        min(students, key=lambda s: s["points"])["name"],
        max(students, key=lambda s: s["points"])["name"],
        str(sum(points)),
        str(round(sum(points) / len(points), 1)),
    ]


def test_the_numbers_of_lab_3(client):
    assert [result for _, result in results(get_soup(client, "/examples/list_filters"), "numbers")] == [
        "5",
        "Priya Natarajan",
        "Diego Ramírez",
        "Mei Chen",
        "Sam Okafor",
        "220",
        "44.0",
    ]


@pytest.mark.parametrize("dataset", ["list_filters", "list_filters.tricky"])
def test_names_joined_reversed_and_sections_without_repeats(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "list_filters", data[dataset])
    students = data[dataset]
    names = [s["name"] for s in students]
    sections = list(dict.fromkeys(s["section"] for s in students))  # first seen first, as |unique
    assert [result for _, result in results(get_soup(client, "/examples/list_filters"), "names")] == [
        ", ".join(names),
        ", ".join(reversed(names)),
        str(sections),
        ", ".join(sorted(sections, key=str.lower)),
    ]


def test_sections_appear_once_each(client):
    [*_, (_, as_list), (_, joined)] = results(get_soup(client, "/examples/list_filters"), "names")
    assert (as_list, joined) == ("['B', 'A', 'C']", "A, B, C")


@pytest.mark.parametrize("dataset", ["list_filters", "list_filters.tricky"])
def test_the_ranking_sorts_by_points_highest_first(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "list_filters", data[dataset])
    students = data[dataset]
    ranked = sorted(students, key=lambda s: s["points"], reverse=True)  # stable: ties keep their order
    ranking = get_soup(client, "/examples/list_filters").select("ol.ranking > li")
    assert [(text(li.select_one(".name")), text(li.select_one(".points"))) for li in ranking] == [
        (s["name"], str(s["points"])) for s in ranked
    ]


def test_an_empty_list_is_checked_before_first_and_max(client, monkeypatch):
    # The view reads data["list_filters"]: give it the empty list of data/list_filters.empty.json instead.
    monkeypatch.setitem(data, "list_filters", data["list_filters.empty"])
    page = get_soup(client, "/examples/list_filters")
    assert page.select("table.results, ol.ranking") == []
    assert texts(page, "p.empty") == ["No one has handed in Lab 3 yet."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "list_filters", data["list_filters.tricky"])
    page = get_soup(client, "/examples/list_filters")
    shown = page.select("table.results, ol.ranking")
    assert len(shown) == 3
    assert [tag.select("script, b") for tag in shown] == [[]] * 3
    assert texts(page, "ol.ranking .name")[0] == "<script>alert('top')</script>"
