"""/examples/undefined: |default for missing values, and is defined to choose what to show."""

from urllib.parse import quote

import pytest

from app import data
from html_helpers import get_soup, table_rows, text, texts


def results(page, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(page.select_one(f"table.results-{name}"))
    ]


def test_default_replaces_only_undefined_values_unless_told(client):
    page = get_soup(client, "/examples/undefined")
    assert text(page.select_one("h3.student-name")) == "Jordan Lee"
    assert [result for _, result in results(page, "defaults")] == [
        "no nickname",  # undefined: the default
        "",  # an empty string is defined: printed as it is
        "not given",  # ... unless default's second argument is true
        "None",  # None is defined too
        "none assigned",
    ]
    assert [result for _, result in results(page, "tests")] == ["True", "True"]
    assert texts(page, "ul.links > li.empty") == ["No website given."]


def test_a_profile_without_fields_falls_back_everywhere(client, monkeypatch):
    # The view reads data["undefined"]: give it the empty profile of data/undefined.empty.json instead.
    monkeypatch.setitem(data, "undefined", data["undefined.empty"])
    page = get_soup(client, "/examples/undefined")
    assert text(page.select_one("h3.student-name")) == "A student with no name yet"
    assert [result for _, result in results(page, "defaults")] == [
        "no nickname",
        "not given",
        "not given",
        "none assigned",
        "none assigned",
    ]
    assert [result for _, result in results(page, "tests")] == ["False", "True"]
    assert texts(page, "ul.links > li.empty") == ["No GitHub account given.", "No website given."]


@pytest.mark.parametrize("dataset", ["undefined", "undefined.tricky"])
def test_defined_fields_are_shown_and_linked(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "undefined", data[dataset])
    student = data[dataset]
    github = get_soup(client, "/examples/undefined").select_one("ul.links > li.github a")
    assert github["href"] == f"https://github.com/{quote(student['github'])}"  # as |urlencode does
    assert text(github) == f"GitHub: {student['github']}"


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "undefined", data["undefined.tricky"])
    student = data["undefined.tricky"]
    page = get_soup(client, "/examples/undefined")
    shown = page.select("h3.student-name, table.results-defaults, table.results-tests, ul.links")
    assert len(shown) == 4
    assert [tag.select("script, b, i") for tag in shown] == [[]] * 4
    assert text(page.select_one("h3.student-name")) == student["name"]
    assert [result for _, result in results(page, "defaults")] == [
        student["nickname"],
        student["pronouns"],
        student["pronouns"],
        student["advisor"],
        student["advisor"],
    ]
    assert text(page.select_one("ul.links > li.website")) == f"Website: {student['website']}"
