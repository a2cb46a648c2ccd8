"""/examples/includes: include with its context, a list of fallbacks, and ignore missing."""

import pytest

from html_helpers import text, texts

GENERAL_RULES = "Submit on your own before the deadline; late work loses 10% a day."
PROJECT_RULES = "Work in a team of 2 or 3; one submission per team, demo in class."
LAB_HELP = "Stuck? Lab help on Mondays, 4 to 5 pm, in Lab B."


def demo(soup, variant="default"):
    return soup(f"/examples/includes?variant={variant}").select_one("[data-demo]")


def expected_card(assignment):
    """The paragraphs the partials should render for one assignment, in order."""
    rules = PROJECT_RULES if assignment["kind"] == "project" else GENERAL_RULES
    help_ = [LAB_HELP] if assignment["kind"] == "lab" else []
    return [assignment["title"], f"Due {assignment['due']}", rules, *help_]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_every_assignment_gets_its_partials(soup, data, variant):
    cards = demo(soup, variant).select("ol.assignment-cards > li.assignment-card")
    assert [texts(card, "h4, p") for card in cards] == [
        expected_card(a) for a in data.variant("includes", variant)
    ]


def test_the_partial_sees_the_loop_variable(soup):
    assert texts(demo(soup), "h4.assignment-title") == [
        "Lab 2: Templates",
        "Homework 2: A guest book",
        "Lab 3: Static files",
        "Final project",
    ]


def test_a_kind_with_its_own_rules_skips_the_fallback(soup):
    rules = demo(soup).select("p.rules")
    assert [r["class"] for r in rules] == [["rules"], ["rules"], ["rules"], ["rules", "rules-project"]]


def test_ignore_missing_renders_help_only_where_a_partial_exists(soup):
    cards = demo(soup).select("li.assignment-card")
    assert [len(card.select("p.help")) for card in cards] == [1, 0, 1, 0]


def test_a_kind_no_partial_knows_falls_back_quietly(soup):
    last = demo(soup, "tricky").select("li.assignment-card")[-1]
    assert texts(last, "p") == ["Due someday", GENERAL_RULES]


def test_no_assignments_takes_the_else_branch(soup):
    assert texts(demo(soup, "empty"), "ol.assignment-cards > li") == ["Nothing due this month."]


def test_markup_in_the_data_stays_text(soup):
    page = demo(soup, "tricky")
    assert page.select("li script, li b") == []
    assert text(page.select_one("h4.assignment-title")) == "<script>alert('include')</script>"
