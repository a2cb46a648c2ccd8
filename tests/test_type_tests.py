"""/examples/type_tests: is none, boolean, number, string, mapping, sequence, iterable, sameas, escaped."""

import pytest

from html_helpers import table_rows, texts


def as_shown(value):
    """(value, kind) as the page shows a profile field: asked in the page's order."""
    if value is None:
        return "—", "none"
    if isinstance(value, bool):
        return ("yes" if value else "no"), "boolean"
    if isinstance(value, int | float):
        return str(value), "number"
    if isinstance(value, str):
        return value, "string"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in sorted(value.items())), "mapping"
    return ", ".join(value), "sequence"


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_each_field_gets_the_first_test_it_passes(demo, data, variant):
    profile = data.variant("type_tests", variant)
    rows = table_rows(demo("type_tests", variant).select_one("table.profile"))
    assert [(row["Field"], row["Value"], row["Kind"]) for row in rows] == [
        (field, *as_shown(value)) for field, value in profile.items()
    ]


def test_the_kinds_of_jordans_profile(demo):
    rows = table_rows(demo("type_tests").select_one("table.profile"))
    assert [row["Kind"] for row in rows] == [
        "string",
        "number",
        "number",
        "boolean",  # asked before number: True is a number too
        "number",
        "none",
        "sequence",
        "mapping",  # asked before sequence: a dict is a sequence too
    ]


def test_tests_that_surprise(demo):
    rows = table_rows(demo("type_tests").select_one("table.results-surprises"))
    assert [(row["Expression"], row["Result"]) for row in rows] == [
        ("true is number", "True"),
        ('"CS253" is sequence', "True"),
        ('{"dorm": "Maple Hall"} is sequence', "True"),
        ('["CS253"] is iterable', "True"),
        ("1 == true", "True"),
        ("1 is sameas true", "False"),
        ("profile.website is defined", "False"),
        ('"<b>CS253</b>" is escaped', "False"),
        ('"<b>CS253</b>"|e is escaped', "True"),
    ]


def test_an_empty_profile_takes_the_else_branch(demo):
    assert texts(demo("type_tests", "empty"), "table.profile tbody td") == ["The profile is empty."]


def test_markup_in_the_data_stays_text(demo):
    shown = demo("type_tests", "tricky")
    assert shown.select("script, b, i") == []
    assert texts(shown, "table.profile tbody td")[0] == "<script>alert('Zoë')</script>"
