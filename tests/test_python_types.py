"""/examples/python_types: a tuple, a set, None and booleans, built by the view from JSON."""

import pytest

from html_helpers import captured_templates, table_rows, text, texts


def results(shown, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(shown.select_one(f"table.results-{name}"))
    ]


def test_the_view_passes_a_tuple_a_set_none_and_a_boolean(app, client, data):
    course = data.variant("python_types")
    with captured_templates(app) as rendered:
        client.get("/examples/python_types")
    [(_, context)] = rendered
    assert context["room"] == ("Science Hall", "214")
    assert type(context["languages"]) is set
    assert context["languages"] == set(course["languages"])
    assert (context["ta"], context["is_open"]) == (None, True)


@pytest.mark.parametrize("variant", ["default", "empty", "tricky"])
def test_a_tuple_is_indexed_and_unpacked(demo, data, variant):
    room = tuple(data.variant("python_types", variant)["room"])
    shown = demo("python_types", variant)
    assert text(shown.select_one("p.room")) == f"Room {room[1]}, {room[0]}"
    assert [result for _, result in results(shown, "tuple")] == [str(room), room[0], "2"]


@pytest.mark.parametrize("variant", ["default", "empty", "tricky"])
def test_a_set_holds_each_language_once_and_is_sorted_to_be_shown(demo, data, variant):
    languages = set(data.variant("python_types", variant)["languages"])
    shown = demo("python_types", variant)
    [count, has_jinja, as_the_set_gives, in_order] = [result for _, result in results(shown, "set")]
    assert (count, has_jinja) == (str(len(languages)), str("Jinja" in languages))
    assert sorted(filter(None, as_the_set_gives.split(", "))) == sorted(languages)  # in any order
    assert in_order == ", ".join(sorted(languages, key=str.lower))
    assert texts(shown, "ul.languages > li:not(.empty)") == sorted(languages, key=str.lower)


def test_duplicates_are_gone_from_the_set(demo):
    shown = demo("python_types")
    assert results(shown, "set")[0] == ("languages|length", "5")
    assert texts(shown, "ul.languages > li") == ["CSS", "HTML", "Jinja", "Python", "SQL"]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_none_is_tested_rather_than_printed(demo, data, variant):
    ta = data.variant("python_types", variant)["ta"]
    assert [result for _, result in results(demo("python_types", variant), "none")] == [
        str(ta),
        str(ta is None),
        "to be announced" if ta is None else ta,
    ]


def test_none_prints_as_the_word_none(demo):
    shown = results(demo("python_types"), "none")
    assert [result for _, result in shown] == ["None", "True", "to be announced"]


@pytest.mark.parametrize(("variant", "is_open"), [("default", True), ("empty", False), ("tricky", False)])
def test_a_boolean_chooses_words_and_the_checked_attribute(demo, variant, is_open):
    shown = demo("python_types", variant)
    assert [result for _, result in results(shown, "boolean")] == [
        str(is_open),
        "open" if is_open else "closed",
    ]
    assert shown.select_one("p.registration input").has_attr("checked") is is_open


def test_an_empty_set_takes_the_else_branch(demo):
    assert texts(demo("python_types", "empty"), "ul.languages > li.empty") == ["No languages listed."]


def test_markup_in_the_data_stays_text(demo):
    shown = demo("python_types", "tricky")
    assert shown.select("script, b, i") == []
    assert texts(shown, "ul.languages > li")[0] == "<script>alert('set')</script>"
