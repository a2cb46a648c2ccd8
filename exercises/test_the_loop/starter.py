def test_the_slots_are_listed(soup, context):
    slots = soup.select("table.office-hours tr.slot")
    assert slots  # a start: how many, numbered how, striped how, under which headings?
