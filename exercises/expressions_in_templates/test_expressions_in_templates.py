from html_helpers import table_rows, text


def totals(lab):
    """The points earned and possible, and the percent with the bonus."""
    earned = sum(part["earned"] for part in lab["parts"])
    possible = sum(part["possible"] for part in lab["parts"])
    return earned, possible, (earned + lab["bonus"]) / possible * 100


def test_each_part_shows_its_points_and_rounded_percent(soup, context):
    expected = [
        {
            "Part": part["name"],
            "Points": f"{part['earned']} / {part['possible']}",
            "Percent": f"{round(part['earned'] / part['possible'] * 100)}%",
        }
        for part in context["lab"]["parts"]
    ]
    assert table_rows(soup.select_one("table.parts")) == expected


def test_the_total_adds_the_bonus_and_the_percent_is_rounded(soup, context):
    lab = context["lab"]
    earned, possible, percent = totals(lab)
    total = f"{earned} + {lab['bonus']} bonus = {earned + lab['bonus']} / {possible}"
    assert text(soup.select_one("p.total")) == total
    assert text(soup.select_one("p.percent")) == f"{round(percent)}%" == "82%"


def test_the_verdict_compares_the_percent_with_the_pass_mark(soup, context):
    lab = context["lab"]
    percent = totals(lab)[2]
    assert text(soup.select_one("p.verdict")) == ("pass" if percent >= lab["pass_mark"] else "fail") == "pass"


def test_the_topics_line_says_whether_templates_is_one_of_the_topics(soup, context):
    expected = "Covers templates" if "templates" in context["lab"]["topics"] else "No templates yet"
    assert text(soup.select_one("p.topics")) == expected == "Covers templates"
