"""/examples/loop_helpers: loop.cycle, loop.changed, loop.previtem and loop.nextitem."""

import pytest

from html_helpers import text, texts


def demo(soup, variant="default"):
    return soup(f"/examples/loop_helpers?variant={variant}").select_one("[data-demo]")


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


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_a_heading_starts_each_day_once(soup, data, variant):
    slots = data.variant("loop_helpers", variant)["office_hours"]
    assert shown_rows(demo(soup, variant)) == expected_rows(slots)


def test_three_days_head_six_slots(soup):
    page = demo(soup)
    assert texts(page, "tr.day-heading th") == ["Monday", "Wednesday", "Thursday"]
    assert len(page.select("tr.slot")) == 6


def test_slots_alternate_odd_and_even_across_the_headings(soup):
    classes = [tr["class"] for tr in demo(soup).select("table.office-hours tr.slot")]
    assert classes == [["slot", "slot-odd" if i % 2 == 0 else "slot-even"] for i in range(6)]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_each_milestone_names_its_neighbours(soup, data, variant):
    milestones = data.variant("loop_helpers", variant)["milestones"]
    items = demo(soup, variant).select("ol.milestones > li.milestone")
    shown = [
        (
            text(li.select_one(".milestone-title")),
            [text(span) for span in li.select(".milestone-previous")],
            [text(span) for span in li.select(".milestone-next")],
        )
        for li in items
    ]
    assert shown == [
        (
            title,
            [f"after {milestones[i - 1]}"] if i > 0 else [],
            [f"then {milestones[i + 1]}"] if i + 1 < len(milestones) else [],
        )
        for i, title in enumerate(milestones)
    ]


def test_the_first_milestone_has_nothing_before_it(soup):
    first = demo(soup).select_one("ol.milestones > li")
    assert text(first) == "Project proposal then Wireframes"


def test_empty_lists_take_the_else_branches(soup):
    page = demo(soup, "empty")
    assert texts(page, "table.office-hours tbody td") == ["No office hours this week."]
    assert texts(page, "ol.milestones > li") == ["No milestones set yet."]


def test_markup_in_the_data_stays_text(soup):
    page = demo(soup, "tricky")
    assert page.select("tbody script, tbody b, ol b") == []
    assert texts(page, "tr.day-heading th") == ["<Monday>", "月曜日"]
