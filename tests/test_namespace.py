"""/examples/namespace: a set inside a loop is lost each turn; namespace() keeps a running total."""

from itertools import accumulate

import pytest

from app import data
from html_helpers import get_soup, text, texts


def gradebook_page(client):
    """The gradebook table and the totals after the loop, as the page renders them."""
    page = get_soup(client, "/examples/namespace")
    return page.select_one("table.gradebook"), page.select_one("dl.after-loop")


@pytest.mark.parametrize("data_file", ["namespace", "namespace.tricky"])
def test_every_grade_gets_a_row(client, monkeypatch, data_file):
    # The view reads data["namespace"]: run it on data/namespace.json, then on data/namespace.tricky.json.
    monkeypatch.setitem(data, "namespace", data[data_file])
    table, _ = gradebook_page(client)
    rows = [texts(tr, "td")[:3] for tr in table.select("tbody tr")]
    assert rows == [
        [g["assignment"], f"{g['earned']} / {g['possible']}", "late" if g["late"] else "on time"]
        for g in data[data_file]
    ]


def test_the_first_row_reads_as_the_data_says(client):
    table, _ = gradebook_page(client)
    assert texts(table.select_one("tbody tr"), "td") == [
        "Lab 1: Hello, Flask",
        "10 / 10",
        "on time",
        "10",
        "10",
    ]


@pytest.mark.parametrize("data_file", ["namespace", "namespace.tricky"])
def test_the_namespace_keeps_a_running_total(client, monkeypatch, data_file):
    monkeypatch.setitem(data, "namespace", data[data_file])
    earned = [grade["earned"] for grade in data[data_file]]
    table, _ = gradebook_page(client)
    assert texts(table, "tbody td.namespace-total") == [str(t) for t in accumulate(earned)]


@pytest.mark.parametrize("data_file", ["namespace", "namespace.tricky"])
def test_a_set_in_the_loop_starts_again_from_zero_each_turn(client, monkeypatch, data_file):
    monkeypatch.setitem(data, "namespace", data[data_file])
    earned = [grade["earned"] for grade in data[data_file]]
    table, _ = gradebook_page(client)
    assert texts(table, "tbody td.set-total") == [str(e) for e in earned]


def test_after_the_loop_only_the_namespace_has_the_total(client):
    gradebook = data["namespace"]
    _, after = gradebook_page(client)
    assert text(after.select_one("dd.set-total")) == "0"
    assert text(after.select_one("dd.namespace-total")) == str(sum(g["earned"] for g in gradebook)) == "60"
    assert text(after.select_one("dd.namespace-late")) == str(sum(g["late"] for g in gradebook)) == "2"


def test_the_wrong_column_and_total_are_labelled_wrong(client):
    table, after = gradebook_page(client)
    assert "(wrong)" in text(table.select("thead th")[3])
    assert text(after.select_one("dd.set-total").find_previous_sibling("dt")).endswith("wrong")


def test_an_empty_gradebook_takes_the_else_branch_and_totals_zero(client, monkeypatch):
    # data/namespace.empty.json: nothing graded yet.
    monkeypatch.setitem(data, "namespace", data["namespace.empty"])
    table, after = gradebook_page(client)
    assert texts(table, "tbody td") == ["Nothing graded yet."]
    assert texts(after, "dd") == ["0", "0", "0"]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "namespace", data["namespace.tricky"])
    table, after = gradebook_page(client)
    assert table.select("tbody script") == []
    assert text(table.select_one("tbody td")) == "<script>alert('total')</script>"
    assert text(after.select_one("dd.namespace-total")) == "7.5"
