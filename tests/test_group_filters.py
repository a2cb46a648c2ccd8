"""/examples/group_filters: groupby for sections, batch for rows, slice for columns."""

import pytest

from html_helpers import text, texts


def columns(items, count):
    """``items`` cut into ``count`` columns as |slice does: the first ones take one more when it is uneven."""
    size, extra = divmod(len(items), count)
    cut, start = [], 0
    for index in range(count):
        end = start + size + (index < extra)
        cut.append(items[start:end])
        start = end
    return cut


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_groupby_gives_one_section_a_dorm_in_order(demo, data, variant):
    students = data.variant("group_filters", variant)
    dorms = sorted({s["dorm"] for s in students}, key=str.lower)
    sections = demo("group_filters", variant).select("section.dorm")
    assert [text(section.h4) for section in sections] == dorms
    for dorm, section in zip(dorms, sections, strict=True):
        residents = sorted((s for s in students if s["dorm"] == dorm), key=lambda s: s["room"])
        assert texts(section, "li") == [f"{s['room']} {s['name']}" for s in residents]


def test_maple_hall_has_three_residents(demo):
    sections = demo("group_filters").select("section.dorm")
    assert [text(section.h4) for section in sections] == ["Birch Court", "Cedar House", "Maple Hall"]
    assert texts(sections[-1], "li") == ["118 Sam Okafor", "214 Priya Natarajan", "305 Aisha Bello"]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_batch_seats_three_to_a_table_and_fills_the_last(demo, data, variant):
    names = [s["name"] for s in data.variant("group_filters", variant)]
    padded = names + ["(free seat)"] * (-len(names) % 3)
    rows = demo("group_filters", variant).select("table.seats tbody tr")
    assert [texts(row, "th, td") for row in rows] == [
        [f"Table {n + 1}", *padded[3 * n : 3 * n + 3]] for n in range(len(padded) // 3)
    ]


def test_the_last_table_has_two_free_seats(demo):
    rows = demo("group_filters").select("table.seats tbody tr")
    assert texts(rows[-1], "td") == ["Tomás Novak", "(free seat)", "(free seat)"]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_slice_makes_three_even_columns(demo, data, variant):
    names = sorted((s["name"] for s in data.variant("group_filters", variant)), key=str.lower)
    shown = [texts(ul, "li") for ul in demo("group_filters", variant).select("div.columns > ul.column")]
    assert shown == columns(names, 3)


def test_seven_names_make_columns_of_three_two_and_two(demo):
    shown = [texts(ul, "li") for ul in demo("group_filters").select("div.columns > ul.column")]
    assert shown == [
        ["Aisha Bello", "Diego Ramírez", "Jordan Lee"],
        ["Mei Chen", "Priya Natarajan"],
        ["Sam Okafor", "Tomás Novak"],
    ]


def test_an_empty_directory_says_so(demo):
    shown = demo("group_filters", "empty")
    assert shown.select("section, table, ul") == []
    assert texts(shown, "p.empty") == ["The dorm directory is empty."]


def test_markup_in_the_data_stays_text(demo):
    shown = demo("group_filters", "tricky")
    assert shown.select("script, b") == []
    assert text(shown.select_one("section.dorm h4")) == "<b>Oak</b> & Ash"
