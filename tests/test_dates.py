"""/examples/dates: dates built in the view, formatted with our filter format_date."""

from datetime import date, datetime

import pytest

from app import data, format_date
from html_helpers import get_soup, table_rows, text, texts


def status(days):
    """What the Status column says, ``days`` days from today to the due date."""
    if days < -1:
        return f"closed {-days} days ago"
    return {-1: "closed yesterday", 0: "due today", 1: "due tomorrow"}.get(days, f"due in {days} days")


def dates_page(client):
    return get_soup(client, "/examples/dates")


def test_format_date_formats_for_people_or_as_told():
    assert format_date(date(2026, 9, 25)) == "Fri 25 Sep 2026"
    assert format_date(datetime(2026, 9, 25, 17, 0), "%H:%M") == "17:00"


def test_the_app_registers_format_date_as_a_filter(app):
    assert app.jinja_env.filters["format_date"] is format_date


@pytest.mark.parametrize("data_file", ["dates", "dates.tricky"])
def test_every_assignment_shows_its_due_date_time_and_status(client, monkeypatch, data_file):
    # The view reads data["dates"]: run it on data/dates.json, then on data/dates.tricky.json.
    monkeypatch.setitem(data, "dates", data[data_file])
    course = data[data_file]
    today = date.fromisoformat(course["today"])
    dues = [datetime.fromisoformat(a["due"]) for a in course["assignments"]]
    shown = dates_page(client)
    assert shown.select_one("p.today time")["datetime"] == today.isoformat()
    table = shown.select_one("table.assignments")
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


def test_the_labs_as_of_23_september(client):
    shown = dates_page(client)
    assert text(shown.select_one("p.today")) == "As of Wed 23 Sep 2026 (printed as it is: 2026-09-23)."
    assert shown.select_one("p.today time")["datetime"] == "2026-09-23"
    rows = table_rows(shown.select_one("table.assignments"))
    assert rows[0] == {
        "Assignment": "Lab 1: Hello, Flask",
        "Due": "Fri 11 Sep 2026",
        "At": "23:59",
        "Status": "closed 12 days ago",
    }
    assert [row["Status"] for row in rows[1:]] == ["due today", "due in 2 days", "due in 9 days"]
    assert [tr["class"] for tr in shown.select("table.assignments tbody tr")] == [["closed"]] + [["open"]] * 3


def test_yesterday_today_and_tomorrow_have_words_of_their_own(client, monkeypatch):
    monkeypatch.setitem(data, "dates", data["dates.tricky"])  # today is 31 December
    rows = table_rows(dates_page(client).select_one("table.assignments"))
    assert [row["Status"] for row in rows] == ["closed yesterday", "due tomorrow", "due today"]


def test_no_assignments_take_the_else_branch(client, monkeypatch):
    monkeypatch.setitem(data, "dates", data["dates.empty"])
    assert texts(dates_page(client), "table.assignments tbody td") == ["No assignments set yet."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "dates", data["dates.tricky"])
    table = dates_page(client).select_one("table.assignments")
    assert table.select("script, b") == []
    assert texts(table, "tbody td")[0] == "<script>alert('due')</script>"
