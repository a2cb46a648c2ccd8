"""/examples/value_tests: odd, even, divisibleby, in, comparison tests, and our own test, blank."""

import pytest

from app import data, is_blank
from html_helpers import get_soup, table_rows, text, texts


def expected_row(week, exam_weeks):
    """A calendar row as the page should show it, worked out in Python."""
    workload = "heavy" if week["hours"] >= 9 else "light" if week["hours"] < 5 else "usual"
    badges = [
        name
        for name, on in (
            ("lab", week["number"] % 2 == 0),
            ("quiz", week["number"] % 3 == 0),
            ("exam", week["number"] in exam_weeks),
        )
        if on
    ]
    notes = week["notes"] if week["notes"].strip() else "no notes"
    return {
        "Week": str(week["number"]),
        "Topic": week["topic"],
        "Workload": f"{workload} ({week['hours']} h)",
        "Also on": " ".join(badges),
        "Notes": notes,
    }


def calendar_page(client):
    return get_soup(client, "/examples/value_tests")


@pytest.mark.parametrize(
    ("value", "blank"),
    [("", True), ("   ", True), ("\t\n", True), (None, True), ("Bring a laptop.", False), (0, False)],
)
def test_blank_is_true_for_nothing_but_white_space(value, blank):
    assert is_blank(value) is blank


def test_the_app_registers_blank_as_a_test(app):
    assert app.jinja_env.tests["blank"] is is_blank
    assert app.jinja_env.from_string("{{ '  ' is blank }} {{ 'x' is blank }}").render() == "True False"


@pytest.mark.parametrize("shown", ["value_tests", "value_tests.tricky"])
def test_every_week_is_labelled_by_the_tests(client, monkeypatch, shown):
    # The view reads data["value_tests"]: give it the course under test.
    monkeypatch.setitem(data, "value_tests", data[shown])
    course = data[shown]
    table = calendar_page(client).select_one("table.calendar")
    assert table_rows(table) == [expected_row(week, course["exam_weeks"]) for week in course["weeks"]]
    assert [tr["class"] for tr in table.select("tbody tr")] == [
        ["week-odd" if week["number"] % 2 else "week-even"] for week in course["weeks"]
    ]


def test_week_six_is_a_lab_a_quiz_and_an_exam(client):
    rows = table_rows(calendar_page(client).select_one("table.calendar"))
    assert rows[5] == {
        "Week": "6",
        "Topic": "Midterm review",
        "Workload": "heavy (10 h)",
        "Also on": "lab quiz exam",
        "Notes": "no notes",
    }
    assert [row["Notes"] for row in rows[:3]] == [
        "no notes",
        "Bring a laptop with Python 3.11 or later.",
        "no notes",
    ]


def test_exams_are_found_with_selectattr_and_the_in_test(client):
    assert text(calendar_page(client).select_one("p.exams")) == "Exams: Midterm review, Final project demos"


def test_an_empty_calendar_takes_the_else_branch(client, monkeypatch):
    # data/value_tests.empty.json: no weeks, no exams.
    monkeypatch.setitem(data, "value_tests", data["value_tests.empty"])
    page = calendar_page(client)
    assert texts(page, "table.calendar tbody td") == ["No weeks planned yet."]
    assert text(page.select_one("p.exams")) == "Exams: none planned"


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "value_tests", data["value_tests.tricky"])
    weeks = data["value_tests.tricky"]["weeks"]
    page = calendar_page(client)
    assert page.select("table.calendar script, table.calendar b, table.calendar i, p.exams *") == []
    assert text(page.select_one("p.exams")) == f"Exams: {weeks[1]['topic']}"
