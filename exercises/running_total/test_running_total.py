from itertools import accumulate

from html_helpers import table_rows, text


def test_each_assignment_is_a_row_with_its_points(soup, context):
    rows = table_rows(soup.select_one("table.gradebook"))
    expected = [(g["assignment"], f"{g['earned']} / {g['possible']}") for g in context["gradebook"]]
    assert [(row.get("Assignment"), row.get("Earned")) for row in rows] == expected


def test_the_running_total_adds_up_row_by_row(soup, context):
    rows = table_rows(soup.select_one("table.gradebook"))
    expected = [str(total) for total in accumulate(g["earned"] for g in context["gradebook"])]
    assert [row.get("Running total") for row in rows] == expected


def test_the_total_after_the_loop_is_the_sum(soup, context):
    earned = sum(g["earned"] for g in context["gradebook"])
    possible = sum(g["possible"] for g in context["gradebook"])
    assert text(soup.select_one("p.total")) == f"Total: {earned} / {possible}"
    assert (earned, possible) == (60, 70)
