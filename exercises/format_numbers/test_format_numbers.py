from html_helpers import table_rows, text


def for_people(size):
    """A size in bytes as |filesizeformat shows it: 999 Bytes, 1.0 kB, 1.8 MB."""
    if size < 1000:
        return "1 Byte" if size == 1 else f"{size} Bytes"
    for power, unit in enumerate(["kB", "MB", "GB", "TB"], start=2):
        if size < 1000**power:
            return f"{size / 1000 ** (power - 1):.1f} {unit}"
    return f"{size / 1000**5:.1f} PB"


def test_each_submission_is_a_row_with_its_size_for_people(soup, context):
    expected = [
        {"Student": s["student"], "File": s["file"], "Size": for_people(s["bytes"])}
        for s in context["submissions"]
    ]
    rows = table_rows(soup.select_one("table.submissions"))
    assert [{key: row.get(key) for key in ("Student", "File", "Size")} for row in rows] == expected


def test_each_score_has_two_decimals(soup, context):
    expected = [f"{s['score']:.2f}" for s in context["submissions"]]
    assert [row.get("Score") for row in table_rows(soup.select_one("table.submissions"))] == expected
    assert expected[2:] == ["2.67", "10.00", "0.00"]


def test_the_totals_count_sum_and_average(soup, context):
    submissions = context["submissions"]
    total = for_people(sum(s["bytes"] for s in submissions))
    average = round(sum(s["score"] for s in submissions) / len(submissions), 1)
    expected = f"{len(submissions)} files, {total} in all; average score {average}"
    assert text(soup.select_one("p.totals")) == expected
    assert (total, average) == ("1.9 MB", 6.1)
