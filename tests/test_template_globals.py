"""/examples/template_globals: percent(), a Python function registered with @app.template_global."""

import pytest
from flask import render_template_string

from app import data, percent
from html_helpers import get_soup, table_rows, text


def progress_table(client):
    return get_soup(client, "/examples/template_globals").select_one("table.progress")


@pytest.mark.parametrize(
    ("part", "whole", "expected"), [(6, 6, 100), (5, 6, 83), (1, 3, 33), (2, 3, 67), (0, 6, 0), (0, 0, 0)]
)
def test_percent_rounds_to_a_whole_number_and_survives_a_zero_whole(part, whole, expected):
    assert percent(part, whole) == expected


def test_every_template_can_call_it_by_name(app):
    with app.test_request_context():
        assert render_template_string("{{ percent(1, 4) }}%") == "25%"


@pytest.mark.parametrize("variant", ["template_globals", "template_globals.tricky"])
def test_each_students_progress_is_computed_by_the_global(client, monkeypatch, variant):
    progress = data[variant]
    monkeypatch.setitem(data, "template_globals", progress)
    rows = table_rows(progress_table(client))
    assert rows == [
        {
            "Student": s["name"],
            "Handed in": str(s["submitted"]),
            "Progress": f"{percent(s['submitted'], progress['assignments'])}%",
        }
        for s in progress["students"]
    ]


def test_the_default_progress_and_the_class_total(client):
    soup = progress_table(client)
    assert text(soup.caption) == f"Assignments handed in, out of {data['template_globals']['assignments']}"
    assert [text(span) for span in soup.select("tbody span.percent")] == ["100%", "83%", "33%", "0%"]
    assert [progress["value"] for progress in soup.select("tbody progress")] == ["100", "83", "33", "0"]
    assert text(soup.select_one("tfoot tr.class-total")) == "The whole class 13 54%"


def test_no_assignments_and_no_students_is_0_percent_not_an_error(client, monkeypatch):
    monkeypatch.setitem(data, "template_globals", data["template_globals.empty"])
    soup = progress_table(client)
    assert text(soup.caption) == "Assignments handed in, out of 0"
    assert [text(td) for td in soup.select("tbody td")] == ["No students yet."]
    assert text(soup.select_one("tfoot tr.class-total")) == "The whole class 0 0%"


def test_markup_in_a_name_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "template_globals", data["template_globals.tricky"])
    soup = progress_table(client)
    assert soup.select("tbody b") == []
    assert text(soup.select_one("tbody td")) == "<b>Zoë</b> O'Brien"
