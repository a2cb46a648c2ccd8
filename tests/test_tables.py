"""/examples/tables: a list of dicts as a table, sorted by a checked query value."""

import pytest

from app import data
from html_helpers import get_soup, table_rows, text, texts

COLUMNS = ("code", "phrase", "category")


def expected_rows(status_codes, sort="code", order="asc"):
    """The rows the page should show: sorted as Jinja's |sort does, ignoring case."""

    def key(status):
        value = status[sort]
        return value.lower() if isinstance(value, str) else value

    ordered = sorted(status_codes, key=key, reverse=order == "desc")
    return [
        {"Code": str(s["code"]), "Phrase": s["phrase"], "Category": s["category"], "Meaning": s["meaning"]}
        for s in ordered
    ]


def status_table(client, url="/examples/tables"):
    return get_soup(client, url).select_one("table.status-codes")


def test_rows_are_sorted_by_code_by_default(client):
    table = status_table(client)
    rows = table_rows(table)
    assert rows == expected_rows(data["tables"])
    assert rows[0] == {
        "Code": "200",
        "Phrase": "OK",
        "Category": "Success",
        "Meaning": "Here is what you asked for.",
    }
    assert text(table.caption) == "HTTP status codes, by code, ascending"


@pytest.mark.parametrize("sort", COLUMNS)
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_rows_follow_the_query_string(client, sort, order):
    table = status_table(client, f"/examples/tables?sort={sort}&order={order}")
    assert table_rows(table) == expected_rows(data["tables"], sort, order)


def test_sorted_column_is_marked_and_its_link_reverses(client):
    table = status_table(client, "/examples/tables?sort=phrase&order=asc")
    headings = table.select("thead th")
    assert [th.get("aria-sort") for th in headings] == [None, "ascending", None, None]
    assert [a["href"] for a in table.select("thead th a")] == [
        "/examples/tables?sort=code&order=asc",
        "/examples/tables?sort=phrase&order=desc",
        "/examples/tables?sort=category&order=asc",
    ]


@pytest.mark.parametrize(
    ("query", "parameter", "allowed"),
    [("sort=nmae", "sort", COLUMNS), ("order=up", "order", ("asc", "desc")), ("sort=", "sort", COLUMNS)],
)
def test_a_bad_query_value_gets_a_400_that_names_the_allowed_ones(client, query, parameter, allowed):
    soup = get_soup(client, f"/examples/tables?{query}", status=400)
    assert texts(soup, "h1") == ["400 Bad Request"]
    assert text(soup.select_one(".error-description")) == f"{parameter} must be one of: {', '.join(allowed)}."
    assert text(soup.select_one(".sent")) == f"You sent {query}."
    assert texts(soup, ".allowed-values a") == [f"{parameter}={value}" for value in allowed]


def test_the_400_page_keeps_the_other_parameters_and_escapes_what_was_sent(client):
    soup = get_soup(client, "/examples/tables?order=desc&sort=%3Cb%3Ex", status=400)
    assert soup.select("main b") == []
    assert text(soup.select_one(".sent")) == "You sent sort=<b>x."
    assert [a["href"] for a in soup.select(".allowed-values a")] == [
        f"/examples/tables?order=desc&sort={column}" for column in COLUMNS
    ]


def test_an_empty_table_says_so(client, monkeypatch):
    # The view reads data["tables"]: give it the empty list of data/tables.empty.json instead.
    monkeypatch.setitem(data, "tables", data["tables.empty"])
    table = status_table(client)
    cells = table.select("tbody td")
    assert [(text(td), td["colspan"]) for td in cells] == [("No status codes to show.", "4")]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "tables", data["tables.tricky"])
    table = status_table(client)
    assert table.select("tbody b, tbody script") == []
    assert table_rows(table) == expected_rows(data["tables.tricky"])
