"""/examples/expressions: arithmetic, comparisons, and/or/not, in, inline if, methods and lookups."""

import pytest

from app import data
from html_helpers import get_soup, table_rows, text

TABLES = ["arithmetic", "comparisons", "logic", "inline-if", "lookups"]


def results(page, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(page.select_one(f"table.results-{name}"))
    ]


@pytest.mark.parametrize("dataset", ["expressions", "expressions.tricky"])
def test_every_expression_gives_what_python_gives(client, monkeypatch, dataset):
    # The view reads data["expressions"]: give it the data set under test.
    monkeypatch.setitem(data, "expressions", data[dataset])
    lab = data[dataset]
    page = get_soup(client, "/examples/expressions")
    assert results(page, "arithmetic") == [
        ("lab.minutes // 60", str(lab["minutes"] // 60)),
        ("lab.minutes % 60", str(lab["minutes"] % 60)),
        ("lab.score / lab.out_of * 100", str(lab["score"] / lab["out_of"] * 100)),
        ("lab.late_days_allowed - lab.late_days_used", str(lab["late_days_allowed"] - lab["late_days_used"])),
        ("2 ** 3 ** 2", "64"),
    ]
    assert results(page, "comparisons") == [
        ("lab.score >= 45", str(lab["score"] >= 45)),
        ("lab.late_days_used < lab.late_days_allowed", str(lab["late_days_used"] < lab["late_days_allowed"])),
        ("lab.score == lab.out_of", str(lab["score"] == lab["out_of"])),
        ("lab.score != lab.out_of", str(lab["score"] != lab["out_of"])),
    ]
    assert results(page, "logic") == [
        ("lab.submitted and lab.score >= 25", str(lab["submitted"] and lab["score"] >= 25)),
        (
            "not lab.submitted or lab.late_days_used > 5",
            str(not lab["submitted"] or lab["late_days_used"] > 5),
        ),
        ('"templates" in lab.topics', str("templates" in lab["topics"])),
        ('"databases" not in lab.topics', str("databases" not in lab["topics"])),
    ]


def test_the_default_lab_in_literal_values(client):
    page = get_soup(client, "/examples/expressions")
    assert text(page.select_one("h3.lab-title")) == "Priya Natarajan, Python Flask Server Lab"
    assert [result for _, result in results(page, "arithmetic")] == ["2", "15", "94.0", "3", "64"]
    assert [result for _, result in results(page, "logic")] == ["True", "False", "True", "True"]


@pytest.mark.parametrize(
    ("dataset", "expected"),
    [("expressions", ["passed", "css to do"]), ("expressions.tricky", ["not yet", "css done"])],
)
def test_inline_if_takes_either_branch(client, monkeypatch, dataset, expected):
    monkeypatch.setitem(data, "expressions", data[dataset])
    page = get_soup(client, "/examples/expressions")
    assert [result for _, result in results(page, "inline-if")] == expected


@pytest.mark.parametrize("dataset", ["expressions", "expressions.tricky"])
def test_methods_and_lookups_reach_into_the_data(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "expressions", data[dataset])
    lab = data[dataset]
    page = get_soup(client, "/examples/expressions")
    assert results(page, "lookups") == [
        ("lab.student.split()[0]", lab["student"].split()[0]),
        ('lab.email.endswith("@example.edu")', str(lab["email"].endswith("@example.edu"))),
        ("lab.title.upper()", lab["title"].upper()),
        ('lab["student"]', lab["student"]),
        ("lab.topics[0]", lab["topics"][0]),
        ('lab.checkpoints["hello"]', str(lab["checkpoints"]["hello"])),
    ]


@pytest.mark.parametrize("dataset", ["expressions", "expressions.tricky"])
def test_markup_in_the_data_stays_text(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "expressions", data[dataset])
    lab = data[dataset]
    page = get_soup(client, "/examples/expressions")
    shown = [page.select_one("h3.lab-title"), *(page.select_one(f"table.results-{name}") for name in TABLES)]
    assert [tag.select("script, b") for tag in shown] == [[]] * len(shown)
    assert text(shown[0]) == f"{lab['student']}, {lab['title']}"
