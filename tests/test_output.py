"""/examples/output: {{ }} prints values, literals of every kind, ~ joins, {# #} comments stay out."""

import pytest
from bs4 import BeautifulSoup

from html_helpers import table_rows, text


def results(shown, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(shown.select_one(f"table.results-{name}"))
    ]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_values_from_the_view_are_printed_and_joined(demo, data, variant):
    course = data.variant("output", variant)
    shown = demo("output", variant)
    assert text(shown.select_one("p.welcome")) == f"Welcome to {course['code']}: {course['title']}!"
    assert text(shown.select_one("p.joined")) == f"{course['code']}, week {course['week']}: {course['topic']}"
    assert text(shown.select_one("p.room")) == f"Room: {course['room']}"


def test_tilde_turns_the_week_number_into_text(demo):
    assert text(demo("output").select_one("p.joined")) == "CS253, week 3: Templates with Jinja"


def test_literals_print_as_python_writes_them(demo):
    assert results(demo("output"), "literals") == [
        ('"Hello, CS253"', "Hello, CS253"),
        ("'single quotes too'", "single quotes too"),
        ("42", "42"),
        ("3.5", "3.5"),
        ('["HTML", "CSS", "Jinja"]', "['HTML', 'CSS', 'Jinja']"),
        ('("GET", "POST")', "('GET', 'POST')"),
        ('{"room": "Science Hall 214"}', "{'room': 'Science Hall 214'}"),
        ("true", "True"),
        ("none", "None"),
    ]


def test_the_comment_is_in_the_template_but_not_in_the_html(soup):
    page = soup("/examples/output")
    comment = "comments stay on the server"
    assert comment in page.select_one('[data-panel="template"] pre').get_text()
    assert comment not in str(page.select_one("[data-demo]"))
    assert comment not in page.select_one('[data-panel="html"] pre').get_text()


def test_markup_in_the_data_stays_text(demo):
    shown = demo("output", "tricky")
    assert shown.select("script, b") == []
    assert text(shown.select_one("p.welcome")) == 'Welcome to CS<253>: Web "Development" & <b>Design</b>!'


def test_the_results_macro_keeps_white_space_only_when_asked(app):
    macros = app.jinja_env.get_template("macros/results.html").module
    plain = BeautifulSoup(str(macros.row("a ~ b", "x  y")), "html.parser")
    kept = BeautifulSoup(str(macros.row("a ~ b", "x  y", pre=True)), "html.parser")
    assert [(td.name, td.get_text()) for td in plain.select("td > *")] == [
        ("code", "a ~ b"),
        ("samp", "x  y"),
    ]
    assert [(td.name, td.get_text()) for td in kept.select("td > *")] == [("code", "a ~ b"), ("pre", "x  y")]
