"""/examples/select_filters: map, select, reject, selectattr and rejectattr."""

import pytest

from html_helpers import table_rows, texts


def results(shown, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(shown.select_one(f"table.results-{name}"))
    ]


@pytest.mark.parametrize("variant", ["default", "empty", "tricky"])
def test_map_picks_a_field_and_applies_a_filter(demo, data, variant):
    names = [s["student"] for s in data.variant("select_filters", variant)]
    assert [result for _, result in results(demo("select_filters", variant), "map")] == [
        ", ".join(names),
        ", ".join(name.upper() for name in names),
    ]


@pytest.mark.parametrize("variant", ["default", "empty", "tricky"])
def test_select_and_reject_keep_and_drop_items(demo, data, variant):
    submissions = data.variant("select_filters", variant)
    points = [s["points"] for s in submissions]
    assert [result for _, result in results(demo("select_filters", variant), "select")] == [
        str(points),
        str([p for p in points if p is not None]),
        str(points.count(None)),
        ", ".join(s["student"] for s in submissions if s["submitted"] and s["points"] >= 45),
        ", ".join(s["student"] for s in submissions if s["late"]),
    ]


def test_lab_3s_points_with_and_without_the_missing_ones(demo):
    [everyone, handed_in, missing, high, late] = [
        result for _, result in results(demo("select_filters"), "select")
    ]
    assert everyone == "[47, 41, None, 38, None, 50]"
    assert handed_in == "[47, 41, 38, 50]"
    assert (missing, high, late) == ("2", "Priya Natarajan, Aisha Bello", "Jordan Lee, Aisha Bello")


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_selectattr_and_rejectattr_split_the_class(demo, data, variant):
    submissions = data.variant("select_filters", variant)
    shown = demo("select_filters", variant)
    assert texts(shown, "ul.handed-in > li") == [
        f"{s['student']} {s['points']}" for s in submissions if s["submitted"]
    ]
    assert texts(shown, "ul.missing > li") == [s["student"] for s in submissions if not s["submitted"]]


def test_an_empty_class_takes_both_else_branches(demo):
    shown = demo("select_filters", "empty")
    assert texts(shown, "ul.handed-in > li.empty") == ["Nothing handed in yet."]
    assert texts(shown, "ul.missing > li.empty") == ["Nobody is missing."]


def test_markup_in_the_data_stays_text(demo):
    shown = demo("select_filters", "tricky")
    assert shown.select("script, b") == []
    assert texts(shown, "ul.missing > li") == ["<b>Bold</b> Bea"]
