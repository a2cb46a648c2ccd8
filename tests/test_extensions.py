"""/examples/extensions: {% do %} collects late work; {% trans %} and {% pluralize %} count it in words."""

import pytest

from app import data
from html_helpers import get_soup, text, texts


def status(days_late):
    if not days_late:
        return "on time"
    return f"{days_late} day late" if days_late == 1 else f"{days_late} days late"


def page(client, monkeypatch, report="extensions"):
    """The page for a report: data/<report>.json, or a dict of our own. The view reads data["extensions"]."""
    monkeypatch.setitem(data, "extensions", data[report] if isinstance(report, str) else report)
    return get_soup(client, "/examples/extensions")


@pytest.mark.parametrize("dataset", ["extensions", "extensions.tricky"])
def test_trans_fills_in_the_students_name_escaped(client, monkeypatch, dataset):
    student = data[dataset]["student"]
    soup = page(client, monkeypatch, dataset)
    assert text(soup.select_one("p.welcome")) == f"Welcome back, {student}!"
    assert soup.select("p.welcome *") == []


@pytest.mark.parametrize("dataset", ["extensions", "extensions.tricky"])
def test_pluralize_picks_the_singular_or_the_plural_by_the_count(client, monkeypatch, dataset):
    assignments = data[dataset]["assignments"]
    assert texts(page(client, monkeypatch, dataset), "ul.assignments > li.assignment") == [
        f"{a['title']}: {status(a['days_late'])}" for a in assignments
    ]


def test_one_day_is_singular_and_three_days_plural(client):
    assert texts(get_soup(client, "/examples/extensions"), "li.assignment .assignment-status") == [
        "on time",
        "1 day late",
        "on time",
        "3 days late",
    ]


def test_do_collects_the_late_titles_in_a_list_made_before_the_loop(client):
    late = [a["title"] for a in data["extensions"]["assignments"] if a["days_late"]]
    assert late == ["Lab 2: Routes and views", "Project proposal"]
    soup = get_soup(client, "/examples/extensions")
    assert text(soup.select_one("p.late-summary")) == f"2 assignments were late: {', '.join(late)}."
    assert "None" not in text(soup.select_one("ul.assignments"))


def test_the_tricky_late_titles_stay_text_in_the_summary(client, monkeypatch):
    soup = page(client, monkeypatch, "extensions.tricky")
    late = [a["title"] for a in data["extensions.tricky"]["assignments"] if a["days_late"]]
    assert text(soup.select_one("p.late-summary")) == f"2 assignments were late: {', '.join(late)}."
    demo_parts = ["p.welcome", "ul.assignments", "p.late-summary"]
    assert soup.select(", ".join(f"{part} script, {part} b" for part in demo_parts)) == []


def test_no_assignments_takes_the_else_branches(client, monkeypatch):
    soup = page(client, monkeypatch, "extensions.empty")
    assert [(li["class"], text(li)) for li in soup.select("ul.assignments > li")] == [
        (["empty"], "Nothing handed in yet.")
    ]
    assert text(soup.select_one("p.late-summary")) == "Nothing was late."


def test_a_single_late_assignment_gets_the_singular_sentence(client, monkeypatch):
    # No data file has exactly one late assignment: the view gets a report of our own.
    report = {"student": "Ada Novak", "assignments": [{"title": "Lab 4: Forms", "days_late": 2}]}
    soup = page(client, monkeypatch, report)
    assert text(soup.select_one("p.late-summary")) == "One assignment was late: Lab 4: Forms."
    assert texts(soup, "li.assignment") == ["Lab 4: Forms: 2 days late"]
