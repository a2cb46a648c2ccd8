"""/examples/dates: dates built in the view, formatted with our filter format_date."""

from datetime import date, datetime

import pytest

from app import format_date
from html_helpers import table_rows, text, texts


def status(days):
    """What the Status column says, ``days`` days from today to the due date."""
    if days < -1:
        return f"closed {-days} days ago"
    return {-1: "closed yesterday", 0: "due today", 1: "due tomorrow"}.get(days, f"due in {days} days")


def test_format_date_formats_for_people_or_as_told():
    assert format_date(date(2026, 9, 25)) == "Fri 25 Sep 2026"
    assert format_date(datetime(2026, 9, 25, 17, 0), "%H:%M") == "17:00"


def test_the_app_registers_format_date_as_a_filter(app):
    assert app.jinja_env.filters["format_date"] is format_date


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_every_assignment_shows_its_due_date_time_and_status(demo, data, variant):
    course = data.variant("dates", variant)
    today = date.fromisoformat(course["today"])
    dues = [datetime.fromisoformat(a["due"]) for a in course["assignments"]]
    table = demo("dates", variant).select_one("table.assignments")
    assert table_rows(table) == [
        {
            "Assignment": a["title"],
            "Due": due.strftime("%a %d %b %Y"),
            "At": due.strftime("%H:%M"),
            "Status": status((due.date() - today).days),
        }
        for a, due in zip(course["assignments"], dues, strict=True)
    ]
    assert [t["datetime"] for t in table.select("time")] == [due.isoformat() for due in dues]


def test_the_labs_as_of_23_september(demo):
    shown = demo("dates")
    assert text(shown.select_one("p.today")) == "As of Wed 23 Sep 2026 (printed as it is: 2026-09-23)."
    rows = table_rows(shown.select_one("table.assignments"))
    assert rows[0] == {
        "Assignment": "Lab 1: Hello, Flask",
        "Due": "Fri 11 Sep 2026",
        "At": "23:59",
        "Status": "closed 12 days ago",
    }
    assert [row["Status"] for row in rows[1:]] == ["due today", "due in 2 days", "due in 9 days"]
    assert [tr["class"] for tr in shown.select("table.assignments tbody tr")] == [["closed"]] + [["open"]] * 3


def test_yesterday_today_and_tomorrow_have_words_of_their_own(demo):
    rows = table_rows(demo("dates", "tricky").select_one("table.assignments"))
    assert [row["Status"] for row in rows] == ["closed yesterday", "due tomorrow", "due today"]


def test_no_assignments_take_the_else_branch(demo):
    assert texts(demo("dates", "empty"), "table.assignments tbody td") == ["No assignments set yet."]


def test_markup_in_the_data_stays_text(demo):
    shown = demo("dates", "tricky")
    assert shown.select("script, b") == []
    assert texts(shown, "table.assignments tbody td")[0] == "<script>alert('due')</script>"
