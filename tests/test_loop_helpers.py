"""/examples/loop_helpers: loop.cycle, loop.changed, loop.previtem and loop.nextitem."""

import pytest

from app import data
from html_helpers import get_soup, text, texts


def schedule_page(client):
    return get_soup(client, "/examples/loop_helpers")


def shown_rows(page):
    """The office hours table as the reader sees it: ("day", name) or ("slot", time, host, room)."""
    rows = []
    for tr in page.select("table.office-hours tbody tr"):
        if "day-heading" in tr["class"]:
            rows.append(("day", text(tr.th)))
        else:
            rows.append(("slot", *(text(td) for td in tr.select("td"))))
    return rows


def expected_rows(slots):
    rows, day = [], None
    for slot in slots:
        if slot["day"] != day:
            rows.append(("day", slot["day"]))
            day = slot["day"]
        rows.append(("slot", slot["time"], slot["host"], slot["room"]))
    return rows


@pytest.mark.parametrize("shown", ["loop_helpers", "loop_helpers.tricky"])
def test_a_heading_starts_each_day_once(client, monkeypatch, shown):
    # The view reads data["loop_helpers"]: give it the schedule under test.
    monkeypatch.setitem(data, "loop_helpers", data[shown])
    assert shown_rows(schedule_page(client)) == expected_rows(data[shown]["office_hours"])


def test_three_days_head_six_slots(client):
    page = schedule_page(client)
    assert texts(page, "table.office-hours tr.day-heading th") == ["Monday", "Wednesday", "Thursday"]
    assert len(page.select("table.office-hours tr.slot")) == 6


def test_slots_alternate_odd_and_even_across_the_headings(client):
    classes = [tr["class"] for tr in schedule_page(client).select("table.office-hours tr.slot")]
    assert classes == [["slot", "slot-odd" if i % 2 == 0 else "slot-even"] for i in range(6)]


@pytest.mark.parametrize("shown", ["loop_helpers", "loop_helpers.tricky"])
def test_each_milestone_names_its_neighbours(client, monkeypatch, shown):
    monkeypatch.setitem(data, "loop_helpers", data[shown])
    milestones = data[shown]["milestones"]
    items = schedule_page(client).select("ol.milestones > li.milestone")
    seen = [
        (
            text(li.select_one(".milestone-title")),
            [text(span) for span in li.select(".milestone-previous")],
            [text(span) for span in li.select(".milestone-next")],
        )
        for li in items
    ]
    assert seen == [
        (
            title,
            [f"after {milestones[i - 1]}"] if i > 0 else [],
            [f"then {milestones[i + 1]}"] if i + 1 < len(milestones) else [],
        )
        for i, title in enumerate(milestones)
    ]


def test_the_first_milestone_has_nothing_before_it(client):
    first = schedule_page(client).select_one("ol.milestones > li")
    assert text(first) == "Project proposal then Wireframes"


def test_empty_lists_take_the_else_branches(client, monkeypatch):
    # data/loop_helpers.empty.json: no office hours and no milestones.
    monkeypatch.setitem(data, "loop_helpers", data["loop_helpers.empty"])
    page = schedule_page(client)
    assert texts(page, "table.office-hours tbody td") == ["No office hours this week."]
    assert texts(page, "ol.milestones > li") == ["No milestones set yet."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "loop_helpers", data["loop_helpers.tricky"])
    page = schedule_page(client)
    assert page.select("table.office-hours tbody script, table.office-hours tbody b, ol.milestones b") == []
    assert texts(page, "table.office-hours tr.day-heading th") == ["<Monday>", "月曜日"]
