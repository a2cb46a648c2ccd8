"""/examples/list_filters: length, first, last, min, max, sum, join, reverse, unique, list and sort."""

import pytest

from html_helpers import table_rows, text, texts


def results(shown, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(shown.select_one(f"table.results-{name}"))
    ]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_the_numbers_of_a_list(demo, data, variant):
    students = data.variant("list_filters", variant)
    points = [s["points"] for s in students]
    assert [result for _, result in results(demo("list_filters", variant), "numbers")] == [
        str(len(students)),
        students[0]["name"],
        students[-1]["name"],
        min(students, key=lambda s: s["points"])["name"],
        max(students, key=lambda s: s["points"])["name"],
        str(sum(points)),
        str(round(sum(points) / len(points), 1)),
    ]


def test_the_numbers_of_lab_3(demo):
    assert [result for _, result in results(demo("list_filters"), "numbers")] == [
        "5",
        "Priya Natarajan",
        "Diego Ramírez",
        "Mei Chen",
        "Sam Okafor",
        "220",
        "44.0",
    ]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_names_joined_reversed_and_sections_without_repeats(demo, data, variant):
    students = data.variant("list_filters", variant)
    names = [s["name"] for s in students]
    sections = list(dict.fromkeys(s["section"] for s in students))  # first seen first, as |unique
    assert [result for _, result in results(demo("list_filters", variant), "names")] == [
        ", ".join(names),
        ", ".join(reversed(names)),
        str(sections),
        ", ".join(sorted(sections, key=str.lower)),
    ]


def test_sections_appear_once_each(demo):
    [*_, (_, as_list), (_, joined)] = results(demo("list_filters"), "names")
    assert (as_list, joined) == ("['B', 'A', 'C']", "A, B, C")


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_the_ranking_sorts_by_points_highest_first(demo, data, variant):
    students = data.variant("list_filters", variant)
    ranked = sorted(students, key=lambda s: s["points"], reverse=True)  # stable: ties keep their order
    ranking = demo("list_filters", variant).select("ol.ranking > li")
    assert [(text(li.select_one(".name")), text(li.select_one(".points"))) for li in ranking] == [
        (s["name"], str(s["points"])) for s in ranked
    ]


def test_an_empty_list_is_checked_before_first_and_max(demo):
    shown = demo("list_filters", "empty")
    assert shown.select("table, ol") == []
    assert texts(shown, "p.empty") == ["No one has handed in Lab 3 yet."]


def test_markup_in_the_data_stays_text(demo):
    shown = demo("list_filters", "tricky")
    assert shown.select("script, b") == []
    assert texts(shown, "ol.ranking .name")[0] == "<script>alert('top')</script>"
