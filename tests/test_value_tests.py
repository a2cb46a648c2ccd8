"""/examples/value_tests: odd, even, divisibleby, in, comparison tests, and our own test, blank.

The comparison tests: eq marks this week, ne shows a changed room, gt and le pick the next two weeks.
"""

import pytest

from app import data, is_blank
from html_helpers import get_soup, table_rows, text, texts


def expected_row(week, course):
    """A calendar row as the page should show it, worked out in Python."""
    exam_weeks = course["exam_weeks"]
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
    now = " this week" if week["number"] == course["current_week"] else ""
    room = f" in {week['room']}" if week["room"] != course["room"] else ""
    return {
        "Week": f"{week['number']}{now}",
        "Topic": f"{week['topic']}{room}",
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
    assert table_rows(table) == [expected_row(week, course) for week in course["weeks"]]
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


@pytest.mark.parametrize("shown", ["value_tests", "value_tests.tricky"])
def test_eq_marks_this_week_only(client, monkeypatch, shown):
    monkeypatch.setitem(data, "value_tests", data[shown])
    course = data[shown]
    table = calendar_page(client).select_one("table.calendar")
    marked = [text(strong.find_parent("tr").td) for strong in table.select("td strong.now")]
    assert marked == [f"{course['current_week']} this week"]


def test_week_five_is_this_week(client):
    rows = table_rows(calendar_page(client).select_one("table.calendar"))
    assert [row["Week"] for row in rows[3:6]] == ["4", "5 this week", "6"]


@pytest.mark.parametrize("shown", ["value_tests", "value_tests.tricky"])
def test_ne_shows_a_room_only_where_it_is_not_the_usual_one(client, monkeypatch, shown):
    monkeypatch.setitem(data, "value_tests", data[shown])
    course = data[shown]
    rooms = texts(calendar_page(client), "table.calendar td span.room")
    assert rooms == [f"in {week['room']}" for week in course["weeks"] if week["room"] != course["room"]]


def test_two_weeks_move_room(client):
    rows = table_rows(calendar_page(client).select_one("table.calendar"))
    assert [row["Topic"] for row in rows if " in " in row["Topic"]] == [
        "Databases with SQLite in Computer Lab B",
        "Final project demos in Science Hall 214",
    ]


def coming_up(client):
    return texts(calendar_page(client), "ul.coming-up > li")


@pytest.mark.parametrize("shown", ["value_tests", "value_tests.tricky"])
def test_gt_and_le_pick_the_next_two_weeks(client, monkeypatch, shown):
    monkeypatch.setitem(data, "value_tests", data[shown])
    course = data[shown]
    now = course["current_week"]
    next_two = [week for week in course["weeks"] if now < week["number"] <= now + 2]
    assert coming_up(client) == [f"Week {week['number']}: {week['topic']}" for week in next_two]


def test_after_week_five_come_weeks_six_and_seven(client):
    assert coming_up(client) == ["Week 6: Midterm review", "Week 7: Cookies and sessions"]


@pytest.mark.parametrize(
    ("current_week", "expected"),
    [
        (0, ["Week 1: Networking: clients, servers and HTTP", "Week 2: Your first Flask server"]),
        (10, ["Week 11: Final project demos"]),  # gt 10: week 10 itself is not coming up
        (11, ["Nothing more this term."]),
    ],
)
def test_the_next_two_weeks_at_the_ends_of_term(client, monkeypatch, current_week, expected):
    monkeypatch.setitem(data, "value_tests", {**data["value_tests"], "current_week": current_week})
    assert coming_up(client) == expected


def test_exams_are_found_with_selectattr_and_the_in_test(client):
    assert text(calendar_page(client).select_one("p.exams")) == "Exams: Midterm review, Final project demos"


def test_an_empty_calendar_takes_the_else_branch(client, monkeypatch):
    # data/value_tests.empty.json: no weeks, no exams.
    monkeypatch.setitem(data, "value_tests", data["value_tests.empty"])
    page = calendar_page(client)
    assert texts(page, "table.calendar tbody td") == ["No weeks planned yet."]
    assert text(page.select_one("p.exams")) == "Exams: none planned"
    assert texts(page, "ul.coming-up > li") == ["Nothing more this term."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "value_tests", data["value_tests.tricky"])
    weeks = data["value_tests.tricky"]["weeks"]
    page = calendar_page(client)
    assert page.select("table.calendar script, table.calendar b, table.calendar i, p.exams *") == []
    assert page.select("ul.coming-up li *") == []
    assert text(page.select_one("p.exams")) == f"Exams: {weeks[1]['topic']}"
    assert texts(page, "table.calendar span.room") == [f"in {weeks[1]['room']}"]
