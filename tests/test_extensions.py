"""/examples/extensions: {% do %} collects late work; {% trans %} and {% pluralize %} count it in words."""

import pytest

from html_helpers import text, texts


def status(days_late):
    if not days_late:
        return "on time"
    return f"{days_late} day late" if days_late == 1 else f"{days_late} days late"


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_trans_fills_in_the_students_name_escaped(demo, data, variant):
    student = data.variant("extensions", variant)["student"]
    soup = demo("extensions", variant)
    assert text(soup.select_one("p.welcome")) == f"Welcome back, {student}!"
    assert soup.select("p.welcome *") == []


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_pluralize_picks_the_singular_or_the_plural_by_the_count(demo, data, variant):
    assignments = data.variant("extensions", variant)["assignments"]
    assert texts(demo("extensions", variant), "li.assignment") == [
        f"{a['title']}: {status(a['days_late'])}" for a in assignments
    ]


def test_one_day_is_singular_and_three_days_plural(demo):
    assert texts(demo("extensions"), "li.assignment .assignment-status") == [
        "on time",
        "1 day late",
        "on time",
        "3 days late",
    ]


def test_do_collects_the_late_titles_in_a_list_made_before_the_loop(demo, data):
    late = [a["title"] for a in data.variant("extensions")["assignments"] if a["days_late"]]
    assert late == ["Lab 2: Routes and views", "Project proposal"]
    summary = text(demo("extensions").select_one("p.late-summary"))
    assert summary == f"2 assignments were late: {', '.join(late)}."
    assert "None" not in text(demo("extensions").select_one("ul.assignments"))


def test_the_tricky_late_titles_stay_text_in_the_summary(demo, data):
    soup = demo("extensions", "tricky")
    late = [a["title"] for a in data.variant("extensions", "tricky")["assignments"] if a["days_late"]]
    assert text(soup.select_one("p.late-summary")) == f"2 assignments were late: {', '.join(late)}."
    assert soup.select("script, b") == []


def test_no_assignments_takes_the_else_branches(demo):
    soup = demo("extensions", "empty")
    assert texts(soup, "ul.assignments > li") == ["Nothing handed in yet."]
    assert text(soup.select_one("p.late-summary")) == "Nothing was late."


def test_a_single_late_assignment_gets_the_singular_sentence(app):
    # No data file has exactly one late assignment: render just the demo block with a report of our own.
    template = app.jinja_env.get_template("examples/extensions.html")
    block = template.blocks["demo"]
    report = {"student": "Ada Novak", "assignments": [{"title": "Lab 4: Forms", "days_late": 2}]}
    with app.test_request_context():
        context = template.new_context({"report": report})
        html = "".join(block(context))
    assert "One assignment was late: Lab 4: Forms." in html
