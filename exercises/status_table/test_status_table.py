from html_helpers import table_rows, texts


def test_the_header_row_names_the_four_columns(soup):
    assert texts(soup, "table.assignments > thead > tr > th") == ["Assignment", "Due", "Points", "Status"]


def test_each_assignment_is_a_row_in_order(soup, context):
    expected = [
        {"Assignment": a["title"], "Due": a["due"], "Points": str(a["points"]), "Status": a["status"]}
        for a in context["assignments"]
    ]
    assert table_rows(soup.select_one("table.assignments")) == expected


def test_each_row_has_its_status_as_its_class(soup, context):
    expected = [[a["status"]] for a in context["assignments"]]
    assert [row.get("class") for row in soup.select("table.assignments > tbody > tr")] == expected
    assert len(soup.select("table.assignments tr.late")) == 1
