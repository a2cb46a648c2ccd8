"""/examples/includes: include with its context, a list of fallbacks, and ignore missing."""

import pytest

from app import data
from html_helpers import get_soup, text, texts

GENERAL_RULES = "Submit on your own before the deadline; late work loses 10% a day."
PROJECT_RULES = "Work in a team of 2 or 3; one submission per team, demo in class."
LAB_HELP = "Stuck? Lab help on Mondays, 4 to 5 pm, in Lab B."


def assignment_cards(client):
    return get_soup(client, "/examples/includes").select_one("ol.assignment-cards")


def expected_card(assignment):
    """The paragraphs the partials should render for one assignment, in order."""
    rules = PROJECT_RULES if assignment["kind"] == "project" else GENERAL_RULES
    help_ = [LAB_HELP] if assignment["kind"] == "lab" else []
    return [assignment["title"], f"Due {assignment['due']}", rules, *help_]


@pytest.mark.parametrize("data_file", ["includes", "includes.tricky"])
def test_every_assignment_gets_its_partials(client, monkeypatch, data_file):
    # The view reads data["includes"]: run it on data/includes.json, then on data/includes.tricky.json.
    monkeypatch.setitem(data, "includes", data[data_file])
    cards = assignment_cards(client).select("li.assignment-card")
    assert [texts(card, "h4, p") for card in cards] == [expected_card(a) for a in data[data_file]]


def test_the_partial_sees_the_loop_variable(client):
    assert texts(assignment_cards(client), "h4.assignment-title") == [
        "Lab 2: Templates",
        "Homework 2: A guest book",
        "Lab 3: Static files",
        "Final project",
    ]


def test_a_kind_with_its_own_rules_skips_the_fallback(client):
    rules = assignment_cards(client).select("p.rules")
    assert [r["class"] for r in rules] == [["rules"], ["rules"], ["rules"], ["rules", "rules-project"]]


def test_ignore_missing_renders_help_only_where_a_partial_exists(client):
    cards = assignment_cards(client).select("li.assignment-card")
    assert [len(card.select("p.help")) for card in cards] == [1, 0, 1, 0]


def test_a_kind_no_partial_knows_falls_back_quietly(client, monkeypatch):
    # The last assignment of data/includes.tricky.json is of kind "<quiz>": no partial of its own.
    monkeypatch.setitem(data, "includes", data["includes.tricky"])
    last = assignment_cards(client).select("li.assignment-card")[-1]
    assert texts(last, "p") == ["Due someday", GENERAL_RULES]


def test_no_assignments_takes_the_else_branch(client, monkeypatch):
    # data/includes.empty.json: nothing due.
    monkeypatch.setitem(data, "includes", data["includes.empty"])
    assert texts(assignment_cards(client), "li") == ["Nothing due this month."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "includes", data["includes.tricky"])
    cards = assignment_cards(client)
    assert cards.select("li script, li b") == []
    assert text(cards.select_one("h4.assignment-title")) == "<script>alert('include')</script>"
