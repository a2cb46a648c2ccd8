from html_helpers import table_rows, texts


def test_the_header_row_names_each_column(soup):
    assert texts(soup, "table.sections > thead > tr > th") == ["Section", "Day", "Time", "Room", "TA"]


def test_each_section_is_a_row_under_the_right_headings_in_order(soup, context):
    expected = [
        {"Section": s["section"], "Day": s["day"], "Time": s["time"], "Room": s["room"], "TA": s["ta"]}
        for s in context["sections"]
    ]
    assert table_rows(soup.select_one("table.sections")) == expected
