"""/examples/type_tests: is none, boolean, number, string, mapping, sequence, iterable, sameas, escaped.

Also the finer questions: is integer, float, true, false, upper, lower, callable, filter, test.
"""

import pytest

from app import data
from html_helpers import get_soup, table_rows, texts


def as_shown(value):
    """(value, kind) as the page shows a profile field: asked in the page's order."""
    if value is None:
        return "—", "none"
    if isinstance(value, bool):
        return ("yes" if value else "no"), "boolean"
    if isinstance(value, int):
        return str(value), "integer"
    if isinstance(value, float):
        return str(value), "float"
    if isinstance(value, str):
        return value, "string"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in sorted(value.items())), "mapping"
    return ", ".join(value), "sequence"


def profile_table(client):
    return get_soup(client, "/examples/type_tests").select_one("table.profile")


@pytest.mark.parametrize("shown", ["type_tests", "type_tests.tricky"])
def test_each_field_gets_the_first_test_it_passes(client, monkeypatch, shown):
    # The view reads data["type_tests"]: give it the profile under test.
    monkeypatch.setitem(data, "type_tests", data[shown])
    rows = table_rows(profile_table(client))
    assert [(row["Field"], row["Value"], row["Kind"]) for row in rows] == [
        (field, *as_shown(value)) for field, value in data[shown].items()
    ]


def test_the_kinds_of_jordans_profile(client):
    rows = table_rows(profile_table(client))
    assert [row["Kind"] for row in rows] == [
        "string",
        "integer",
        "float",
        "boolean",  # asked before number: True is a number too
        "integer",
        "none",
        "sequence",
        "mapping",  # asked before sequence: a dict is a sequence too
    ]
    assert rows[0] == {"Field": "name", "Value": "Jordan Lee", "Kind": "string"}


def test_tests_that_surprise(client):
    table = get_soup(client, "/examples/type_tests").select_one("table.results-surprises")
    assert [(row["Expression"], row["Result"]) for row in table_rows(table)] == [
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


@pytest.mark.parametrize("shown", ["type_tests", "type_tests.tricky"])
def test_integer_and_float_tell_the_numbers_apart(client, monkeypatch, shown):
    monkeypatch.setitem(data, "type_tests", data[shown])
    kinds = {row["Field"]: row["Kind"] for row in table_rows(profile_table(client))}
    numbers = ("student_id", "gpa", "credits")
    named = {int: "integer", float: "float"}
    assert [kinds[field] for field in numbers] == [named[type(data[shown][field])] for field in numbers]
    assert [kinds[field] for field in numbers] == ["integer", "float", "integer"]  # 25301, 3.7, 1
    assert kinds["enrolled"] == "boolean"  # true and false are numbers, but not integers


def results(client, name):
    table = get_soup(client, "/examples/type_tests").select_one(f"table.results-{name}")
    return [(row["Expression"], row["Result"]) for row in table_rows(table)]


def test_exact_questions_about_numbers_truth_and_case(client):
    assert results(client, "exact") == [
        ("true is integer", "False"),
        ("3.0 is integer", "False"),
        ("1 is true", "False"),  # 1 == true, but it is not True itself
        ("(3.7 >= 3.5) is true", "True"),
        ("0 is false", "False"),
        ('"CS253" is upper', "True"),  # digits don't count
        ('"Jordan Lee" is lower', "False"),
        ('"Jordan Lee"|lower is lower', "True"),
    ]


def test_questions_about_names_callable_filter_and_test(client, app):
    assert results(client, "names") == [
        ("profile.keys is callable", "True"),  # a method: call it, profile.keys()
        ("profile.keys() is callable", "False"),
        ('"upper" is filter', str("upper" in app.jinja_env.filters)),
        ('"upper" is test', str("upper" in app.jinja_env.tests)),
        ('"odd" is filter', str("odd" in app.jinja_env.filters)),
        ('"markdown" is filter', str("markdown" in app.jinja_env.filters)),
    ]
    # upper is both a filter (it changes a string) and a test (it asks about one); odd is only a test.
    assert [result for _, result in results(client, "names")[2:]] == ["True", "True", "False", "False"]


def test_an_empty_profile_takes_the_else_branch(client, monkeypatch):
    # data/type_tests.empty.json is {}: a profile with no fields.
    monkeypatch.setitem(data, "type_tests", data["type_tests.empty"])
    assert texts(profile_table(client), "tbody td") == ["The profile is empty."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "type_tests", data["type_tests.tricky"])
    table = profile_table(client)
    assert table.select("script, b, i") == []
    assert texts(table, "tbody td")[0] == "<script>alert('Zoë')</script>"
