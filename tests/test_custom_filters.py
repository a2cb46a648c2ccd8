"""/examples/custom_filters: a {% filter %} block, and a filter of our own, plural, chained."""

import pytest

from app import data, plural
from html_helpers import get_soup, table_rows, text, texts


def lab_page(client):
    return get_soup(client, "/examples/custom_filters")


@pytest.mark.parametrize(
    ("count", "words", "expected"),
    [
        (1, ("quiz", "quizzes"), "1 quiz"),
        (2, ("quiz", "quizzes"), "2 quizzes"),
        (0, ("late day",), "0 late days"),
        (1, ("late day",), "1 late day"),
        (3, ("lab",), "3 labs"),
    ],
)
def test_plural_counts_in_words(count, words, expected):
    assert plural(count, *words) == expected


def test_the_app_registers_plural_as_a_filter(app):
    assert app.jinja_env.filters["plural"] is plural
    assert app.jinja_env.from_string('{{ 2|plural("lab") }}').render() == "2 labs"


@pytest.mark.parametrize("shown", ["custom_filters", "custom_filters.tricky"])
def test_the_filter_block_capitalises_everything_inside_it(client, monkeypatch, shown):
    # The view reads data["custom_filters"]: give it the data set under test.
    monkeypatch.setitem(data, "custom_filters", data[shown])
    lab = data[shown]
    banner = lab_page(client).select_one("p.banner")
    assert text(banner) == f"{lab['title']} is due {lab['due']}".upper()


def test_the_banner_reads_in_capitals(client):
    assert text(lab_page(client).select_one("p.banner")) == "LAB 3: TEMPLATES WITH JINJA IS DUE FRIDAY, 5 PM"


def test_the_table_counts_late_days_and_quizzes_in_words(client):
    assert table_rows(lab_page(client).select_one("table.late-days")) == [
        {"Student": "Priya Natarajan", "Late days": "0 late days", "Quizzes": "3 quizzes"},
        {"Student": "Jordan Lee", "Late days": "1 late day", "Quizzes": "1 quiz"},
        {"Student": "Sam Okafor", "Late days": "3 late days", "Quizzes": "2 quizzes"},
        {"Student": "Mei Chen", "Late days": "0 late days", "Quizzes": "0 quizzes"},
    ]


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("custom_filters", ["4 students", "2 students used late days", "4 LATE DAYS in all"]),
        ("custom_filters.empty", ["0 students", "0 students used late days", "0 LATE DAYS in all"]),
        ("custom_filters.tricky", ["2 students", "2 students used late days", "3 LATE DAYS in all"]),
    ],
)
def test_plural_chains_after_and_before_other_filters(client, monkeypatch, shown, expected):
    monkeypatch.setitem(data, "custom_filters", data[shown])
    assert texts(lab_page(client), "ul.chains > li") == expected


def test_no_students_take_the_else_branch(client, monkeypatch):
    # data/custom_filters.empty.json: the same lab, with no students.
    monkeypatch.setitem(data, "custom_filters", data["custom_filters.empty"])
    assert texts(lab_page(client), "table.late-days tbody td") == ["No students yet."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "custom_filters", data["custom_filters.tricky"])
    lab = data["custom_filters.tricky"]
    page = lab_page(client)
    assert page.select("p.banner *, table.late-days script, table.late-days b") == []
    assert texts(page, "table.late-days tbody td:first-child") == [s["name"] for s in lab["students"]]
