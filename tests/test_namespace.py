"""/examples/namespace: a set inside a loop is lost each turn; namespace() keeps a running total."""

from itertools import accumulate

import pytest

from html_helpers import text, texts


def demo(soup, variant="default"):
    return soup(f"/examples/namespace?variant={variant}").select_one("[data-demo]")


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_the_namespace_keeps_a_running_total(soup, data, variant):
    earned = [grade["earned"] for grade in data.variant("namespace", variant)]
    assert texts(demo(soup, variant), "tbody td.namespace-total") == [str(t) for t in accumulate(earned)]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_a_set_in_the_loop_starts_again_from_zero_each_turn(soup, data, variant):
    earned = [grade["earned"] for grade in data.variant("namespace", variant)]
    assert texts(demo(soup, variant), "tbody td.set-total") == [str(e) for e in earned]


def test_after_the_loop_only_the_namespace_has_the_total(soup, data):
    gradebook = data.variant("namespace")
    page = demo(soup)
    assert text(page.select_one("dd.set-total")) == "0"
    assert text(page.select_one("dd.namespace-total")) == str(sum(g["earned"] for g in gradebook)) == "60"
    assert text(page.select_one("dd.namespace-late")) == str(sum(g["late"] for g in gradebook)) == "2"


def test_the_wrong_column_and_total_are_labelled_wrong(soup):
    page = demo(soup)
    assert "(wrong)" in text(page.select("thead th")[3])
    assert text(page.select_one("dd.set-total").find_previous_sibling("dt")).endswith("wrong")


def test_an_empty_gradebook_takes_the_else_branch_and_totals_zero(soup):
    page = demo(soup, "empty")
    assert texts(page, "tbody td") == ["Nothing graded yet."]
    assert texts(page, "dl.after-loop dd") == ["0", "0", "0"]


def test_markup_in_the_data_stays_text(soup):
    page = demo(soup, "tricky")
    assert page.select("tbody script") == []
    assert text(page.select_one("tbody td")) == "<script>alert('total')</script>"
    assert text(page.select_one("dd.namespace-total")) == "7.5"
