"""/examples/conditionals: if / elif / else turns each score into one letter grade."""

import pytest

from app import data
from html_helpers import get_soup, table_rows

NO_SCORE = "\N{EN DASH}"  # what the score column shows for None


def grade(score):
    """The grade the page should give: the first branch whose condition holds, as in the template."""
    if score is None:
        return "not graded yet"
    for floor, letter in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if score >= floor:
            return letter
    return "F: come to office hours"


def grades_table(client):
    return get_soup(client, "/examples/conditionals").select_one("table.grades")


@pytest.mark.parametrize("shown", ["conditionals", "conditionals.tricky"])
def test_every_student_gets_the_grade_of_the_first_true_branch(client, monkeypatch, shown):
    # The view reads data["conditionals"]: give it the class under test.
    monkeypatch.setitem(data, "conditionals", data[shown])
    assert table_rows(grades_table(client)) == [
        {
            "Student": s["name"],
            "Score": NO_SCORE if s["score"] is None else str(s["score"]),
            "Grade": grade(s["score"]),
        }
        for s in data[shown]
    ]


def test_boundaries_belong_to_the_higher_grade(client):
    rows = {row["Student"]: (row["Score"], row["Grade"]) for row in table_rows(grades_table(client))}
    assert rows == {
        "Ada Okafor": ("97", "A"),
        "Bruno Lindqvist": ("90", "A"),
        "Chen Wei": ("89", "B"),
        "Dalia Haddad": ("80", "B"),
        "Emeka Obi": ("79", "C"),
        "Freya Nilsen": ("70", "C"),
        "Gabriel Souza": ("60", "D"),
        "Hana Sato": ("59", "F: come to office hours"),
        "Ivan Petrov": (NO_SCORE, "not graded yet"),
    }


def test_a_missing_score_is_caught_before_any_comparison(client):
    [cell] = grades_table(client).select("td.grade-none")
    assert cell.get_text() == "not graded yet"
    assert cell.find_previous_sibling("td", class_="score").get_text() == NO_SCORE


def test_each_grade_cell_has_exactly_one_branchs_class(client):
    cells = grades_table(client).select("tbody td.grade")
    assert len(cells) == len(data["conditionals"])
    assert [cell["class"][1] for cell in cells] == [
        "grade-a",
        "grade-a",
        "grade-b",
        "grade-b",
        "grade-c",
        "grade-c",
        "grade-d",
        "grade-f",
        "grade-none",
    ]


def test_an_empty_class_takes_the_loops_else_branch(client, monkeypatch):
    # data/conditionals.empty.json is []: nobody has a score yet.
    monkeypatch.setitem(data, "conditionals", data["conditionals.empty"])
    cells = grades_table(client).select("tbody td")
    assert [(cell["class"], cell.get_text()) for cell in cells] == [(["empty"], "No scores yet.")]


def test_markup_in_a_name_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "conditionals", data["conditionals.tricky"])
    table = grades_table(client)
    assert table.select("tbody script, tbody b, tbody i") == []
    assert table_rows(table)[0]["Student"] == "<script>alert('A+')</script>"
    assert table_rows(table)[2]["Grade"] == "D"  # 69.5 is not 70
