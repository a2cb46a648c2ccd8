"""/examples/python_types: a tuple, a set, None and booleans, built by the view from JSON."""

import ast
from pprint import pformat

import pytest

from app import data
from html_helpers import captured_templates, get_soup, table_rows, text, texts


def types_page(client):
    return get_soup(client, "/examples/python_types")


def results(shown, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(shown.select_one(f"table.results-{name}"))
    ]


def test_the_view_passes_a_tuple_a_set_none_and_a_boolean(app, client):
    course = data["python_types"]
    with captured_templates(app) as rendered:
        client.get("/examples/python_types")
    [(_, context)] = rendered
    assert context["room"] == ("Science Hall", "214")
    assert type(context["languages"]) is set
    assert context["languages"] == set(course["languages"])
    assert (context["ta"], context["is_open"]) == (None, True)


@pytest.mark.parametrize("data_file", ["python_types", "python_types.empty", "python_types.tricky"])
def test_a_tuple_is_indexed_and_unpacked(client, monkeypatch, data_file):
    # The view reads data["python_types"]: run it on each data file in turn.
    room = tuple(data[data_file]["room"])
    monkeypatch.setitem(data, "python_types", data[data_file])
    shown = types_page(client)
    assert text(shown.select_one("p.room")) == f"Room {room[1]}, {room[0]}"
    assert [result for _, result in results(shown, "tuple")] == [str(room), room[0], "2"]


@pytest.mark.parametrize("data_file", ["python_types", "python_types.empty", "python_types.tricky"])
def test_a_set_holds_each_language_once_and_is_sorted_to_be_shown(client, monkeypatch, data_file):
    languages = set(data[data_file]["languages"])
    monkeypatch.setitem(data, "python_types", data[data_file])
    shown = types_page(client)
    [count, has_jinja, as_the_set_gives, in_order] = [result for _, result in results(shown, "set")]
    assert (count, has_jinja) == (str(len(languages)), str("Jinja" in languages))
    assert sorted(filter(None, as_the_set_gives.split(", "))) == sorted(languages)  # in any order
    assert in_order == ", ".join(sorted(languages, key=str.lower))
    assert texts(shown, "ul.languages > li:not(.empty)") == sorted(languages, key=str.lower)


def test_duplicates_are_gone_from_the_set(client):
    shown = types_page(client)
    assert results(shown, "set")[0] == ("languages|length", "5")
    assert texts(shown, "ul.languages > li") == ["CSS", "HTML", "Jinja", "Python", "SQL"]


@pytest.mark.parametrize("data_file", ["python_types", "python_types.tricky"])
def test_none_is_tested_rather_than_printed(client, monkeypatch, data_file):
    ta = data[data_file]["ta"]
    monkeypatch.setitem(data, "python_types", data[data_file])
    assert [result for _, result in results(types_page(client), "none")] == [
        str(ta),
        str(ta is None),
        "to be announced" if ta is None else ta,
    ]


def test_none_prints_as_the_word_none(client):
    shown = results(types_page(client), "none")
    assert [result for _, result in shown] == ["None", "True", "to be announced"]


@pytest.mark.parametrize(
    ("data_file", "is_open"),
    [("python_types", True), ("python_types.empty", False), ("python_types.tricky", False)],
)
def test_a_boolean_chooses_words_and_the_checked_attribute(client, monkeypatch, data_file, is_open):
    monkeypatch.setitem(data, "python_types", data[data_file])
    shown = types_page(client)
    assert [result for _, result in results(shown, "boolean")] == [
        str(is_open),
        "open" if is_open else "closed",
    ]
    assert shown.select_one("p.registration input").has_attr("checked") is is_open


def debugging_views(shown):
    """What each row of the |pprint table printed in its <pre>, white space and all."""
    return [pre.get_text() for pre in shown.select("table.results-pprint pre.result")]


@pytest.mark.parametrize("data_file", ["python_types", "python_types.empty", "python_types.tricky"])
def test_pprint_writes_each_value_as_python_does(client, monkeypatch, data_file):
    course = data[data_file]
    monkeypatch.setitem(data, "python_types", course)
    [number, languages, ta, is_open] = debugging_views(types_page(client))
    assert [number, ta, is_open] == [
        pformat(course["room"][1]),
        pformat(course["ta"]),
        pformat(course["open"]),
    ]
    # A set prints in an order that can change from one Python process to the next:
    # read it back as Python, and compare it as a set.
    shown_set = ast.literal_eval(languages)
    assert type(shown_set) is set
    assert shown_set == set(course["languages"])


def test_pprint_puts_quotes_around_strings_only(client, monkeypatch):
    shown = types_page(client)
    assert [row["Expression"] for row in table_rows(shown.select_one("table.results-pprint"))] == [
        "room[1]|pprint",
        "languages|pprint",
        "ta|pprint",
        "is_open|pprint",
    ]
    [number, _, ta, is_open] = debugging_views(shown)
    assert [number, ta, is_open] == ["'214'", "None", "True"]
    monkeypatch.setitem(data, "python_types", data["python_types.tricky"])
    assert debugging_views(types_page(client))[2] == '"Zoë O\'Brien <i>(TA)</i>"'  # a string, not None
    monkeypatch.setitem(data, "python_types", data["python_types.empty"])
    assert debugging_views(types_page(client))[1] == "set()"


def test_an_empty_set_takes_the_else_branch(client, monkeypatch):
    monkeypatch.setitem(data, "python_types", data["python_types.empty"])  # no languages, no TA, closed
    shown = types_page(client)
    assert texts(shown, "ul.languages > li.empty") == ["No languages listed."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "python_types", data["python_types.tricky"])
    shown = types_page(client)
    assert shown.select("p.room b, table.results i, table.results b, ul.languages script") == []
    assert texts(shown, "ul.languages > li")[0] == "<script>alert('set')</script>"
