"""/examples/template_globals: percent(), a Python function registered with @app.template_global."""

import pytest
from flask import render_template_string

from app import percent
from html_helpers import table_rows, text


def table(demo, variant="default"):
    return demo("template_globals", variant).select_one("table")


@pytest.mark.parametrize(
    ("part", "whole", "expected"), [(6, 6, 100), (5, 6, 83), (1, 3, 33), (2, 3, 67), (0, 6, 0), (0, 0, 0)]
)
def test_percent_rounds_to_a_whole_number_and_survives_a_zero_whole(part, whole, expected):
    assert percent(part, whole) == expected


def test_every_template_can_call_it_by_name(app):
    with app.test_request_context():
        assert render_template_string("{{ percent(1, 4) }}%") == "25%"


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_each_students_progress_is_computed_by_the_global(demo, data, variant):
    progress = data.variant("template_globals", variant)
    rows = table_rows(table(demo, variant))
    assert rows == [
        {
            "Student": s["name"],
            "Handed in": str(s["submitted"]),
            "Progress": f"{percent(s['submitted'], progress['assignments'])}%",
        }
        for s in progress["students"]
    ]


def test_the_default_progress_and_the_class_total(demo):
    soup = table(demo)
    assert [text(span) for span in soup.select("tbody span.percent")] == ["100%", "83%", "33%", "0%"]
    assert [progress["value"] for progress in soup.select("tbody progress")] == ["100", "83", "33", "0"]
    assert text(soup.select_one("tfoot tr.class-total")) == "The whole class 13 54%"


def test_no_assignments_and_no_students_is_0_percent_not_an_error(demo):
    soup = table(demo, "empty")
    assert text(soup.caption) == "Assignments handed in, out of 0"
    assert [text(td) for td in soup.select("tbody td")] == ["No students yet."]
    assert text(soup.select_one("tfoot tr.class-total")) == "The whole class 0 0%"


def test_markup_in_a_name_stays_text(demo):
    soup = table(demo, "tricky")
    assert soup.select("tbody b") == []
    assert text(soup.select_one("tbody td")) == "<b>Zoë</b> O'Brien"
