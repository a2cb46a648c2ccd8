"""/examples/output: {{ }} prints values, literals of every kind, ~ joins, {# #} comments stay out."""

import pytest
from bs4 import BeautifulSoup

from app import data
from html_helpers import get_soup, table_rows, text


def results(shown, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(shown.select_one(f"table.results-{name}"))
    ]


def output_page(client):
    return get_soup(client, "/examples/output")


@pytest.mark.parametrize("data_file", ["output", "output.tricky"])
def test_values_from_the_view_are_printed_and_joined(client, monkeypatch, data_file):
    # The view reads data["output"]: run it on data/output.json, then on data/output.tricky.json.
    monkeypatch.setitem(data, "output", data[data_file])
    course = data[data_file]
    shown = output_page(client)
    assert text(shown.select_one("p.welcome")) == f"Welcome to {course['code']}: {course['title']}!"
    assert text(shown.select_one("p.joined")) == f"{course['code']}, week {course['week']}: {course['topic']}"
    assert text(shown.select_one("p.room")) == f"Room: {course['room']}"


def test_tilde_turns_the_week_number_into_text(client):
    assert text(output_page(client).select_one("p.joined")) == "CS253, week 3: Templates with Jinja"


def test_literals_print_as_python_writes_them(client):
    assert results(output_page(client), "literals") == [
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


def test_the_comment_is_in_the_template_but_not_in_the_html(app, client):
    source, _, _ = app.jinja_env.loader.get_source(app.jinja_env, "examples/output.html")
    assert "{# This sentence is in the template, but not in the HTML" in source
    # In the HTML, nothing but white space is left between the heading and the paragraph after it.
    after = output_page(client).select_one("p.after-comment")
    heading = after.find_previous_sibling()
    assert (heading.name, text(heading)) == ("h3", "A comment")
    assert heading.next_sibling.next_sibling is after
    assert heading.next_sibling.strip() == ""


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "output", data["output.tricky"])
    shown = output_page(client)
    assert shown.select("p.welcome b, p.joined script") == []
    assert text(shown.select_one("p.joined")) == "CS<253>, week 3: <script>alert('Templates')</script>"
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
