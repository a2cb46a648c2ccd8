"""/examples/undefined: |default for missing values, is defined, and this app's StrictUndefined."""

from urllib.parse import quote

import pytest
from flask import Flask
from jinja2 import UndefinedError

from html_helpers import table_rows, text, texts


def results(shown, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(shown.select_one(f"table.results-{name}"))
    ]


def test_default_replaces_only_undefined_values_unless_told(demo):
    shown = demo("undefined")
    assert text(shown.h3) == "Jordan Lee"
    assert [result for _, result in results(shown, "defaults")] == [
        "no nickname",  # undefined: the default
        "",  # an empty string is defined: printed as it is
        "not given",  # ... unless default's second argument is true
        "None",  # None is defined too
        "none assigned",
    ]
    assert [result for _, result in results(shown, "tests")] == ["True", "True"]
    assert texts(shown, "ul.links > li.empty") == ["No website given."]


def test_a_profile_without_fields_falls_back_everywhere(demo):
    shown = demo("undefined", "empty")
    assert text(shown.h3) == "A student with no name yet"
    assert [result for _, result in results(shown, "defaults")] == [
        "no nickname",
        "not given",
        "not given",
        "none assigned",
        "none assigned",
    ]
    assert [result for _, result in results(shown, "tests")] == ["False", "True"]
    assert texts(shown, "ul.links > li.empty") == ["No GitHub account given.", "No website given."]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_defined_fields_are_shown_and_linked(demo, data, variant):
    student = data.variant("undefined", variant)
    shown = demo("undefined", variant)
    github = shown.select_one("ul.links > li.github a")
    assert github["href"] == f"https://github.com/{quote(student['github'])}"  # as |urlencode does
    assert text(github) == f"GitHub: {student['github']}"


def test_markup_in_the_data_stays_text(demo, data):
    student = data.variant("undefined", "tricky")
    shown = demo("undefined", "tricky")
    assert shown.select("script, b, i") == []
    assert text(shown.h3) == student["name"]
    assert [result for _, result in results(shown, "defaults")] == [
        student["nickname"],
        student["pronouns"],
        student["pronouns"],
        student["advisor"],
        student["advisor"],
    ]
    assert text(shown.select_one("ul.links > li.website")) == f"Website: {student['website']}"


def test_this_app_refuses_to_print_an_undefined_value_where_flask_prints_nothing(app):
    template = "[{{ student.nickname }}]"
    with pytest.raises(UndefinedError):
        app.jinja_env.from_string(template).render(student={})
    assert Flask(__name__).jinja_env.from_string(template).render(student={}) == "[]"
    assert app.jinja_env.from_string("[{{ student.nickname|default('?') }}]").render(student={}) == "[?]"
