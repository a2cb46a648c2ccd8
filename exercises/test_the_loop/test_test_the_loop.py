from html_helpers import text, texts


def test_each_day_has_one_heading_before_its_first_slot(soup, context):
    expected = []
    for slot in context["office_hours"]:
        if not expected or expected[-1] != slot["day"]:
            expected.append(slot["day"])
    assert texts(soup, "table.office-hours tr.day-heading") == expected


def test_the_rows_are_headings_and_numbered_slots_in_order(soup, context):
    expected, day = [], None
    for n, slot in enumerate(context["office_hours"], start=1):
        if slot["day"] != day:
            expected.append(("heading", slot["day"]))
            day = slot["day"]
        expected.append(("slot", f"{n} {slot['time']} {slot['host']}"))
    rows = soup.select("table.office-hours tbody tr")
    assert [("heading" if "day-heading" in row.get("class", []) else "slot", text(row)) for row in rows] == (
        expected
    )


def test_the_slots_are_striped_starting_with_odd(soup, context):
    expected = [
        ["slot", "slot-odd" if n % 2 else "slot-even"] for n in range(1, len(context["office_hours"]) + 1)
    ]
    assert [row.get("class") for row in soup.select("table.office-hours tr.slot")] == expected
