"""/examples/custom_filters: a {% filter %} block, and a filter of our own, plural, chained."""

import pytest

from app import plural
from html_helpers import table_rows, text, texts


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


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_the_filter_block_capitalises_everything_inside_it(demo, data, variant):
    lab = data.variant("custom_filters", variant)
    banner = demo("custom_filters", variant).select_one("p.banner")
    assert text(banner) == f"{lab['title']} is due {lab['due']}".upper()


def test_the_table_counts_late_days_and_quizzes_in_words(demo):
    assert table_rows(demo("custom_filters").select_one("table.late-days")) == [
        {"Student": "Priya Natarajan", "Late days": "0 late days", "Quizzes": "3 quizzes"},
        {"Student": "Jordan Lee", "Late days": "1 late day", "Quizzes": "1 quiz"},
        {"Student": "Sam Okafor", "Late days": "3 late days", "Quizzes": "2 quizzes"},
        {"Student": "Mei Chen", "Late days": "0 late days", "Quizzes": "0 quizzes"},
    ]


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        ("default", ["4 students", "2 students used late days", "4 LATE DAYS in all"]),
        ("empty", ["0 students", "0 students used late days", "0 LATE DAYS in all"]),
        ("tricky", ["2 students", "2 students used late days", "3 LATE DAYS in all"]),
    ],
)
def test_plural_chains_after_and_before_other_filters(demo, variant, expected):
    assert texts(demo("custom_filters", variant), "ul.chains > li") == expected


def test_no_students_take_the_else_branch(demo):
    assert texts(demo("custom_filters", "empty"), "table.late-days tbody td") == ["No students yet."]


def test_markup_in_the_data_stays_text(demo, data):
    lab = data.variant("custom_filters", "tricky")
    shown = demo("custom_filters", "tricky")
    assert shown.select("script, b") == []
    assert texts(shown, "table.late-days tbody td:first-child") == [s["name"] for s in lab["students"]]
