"""/examples/number_filters: round, int, float, abs, format and filesizeformat."""

import math

import pytest

from app import data
from html_helpers import get_soup, table_rows, texts


def results(page, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(page.select_one(f"table.results-{name}"))
    ]


@pytest.mark.parametrize("dataset", ["number_filters", "number_filters.tricky"])
def test_rounding_follows_pythons_round(client, monkeypatch, dataset):
    # The view reads data["number_filters"]: give it the data set under test.
    monkeypatch.setitem(data, "number_filters", data[dataset])
    report = data[dataset]
    average = report["average"]
    assert [result for _, result in results(get_soup(client, "/examples/number_filters"), "rounding")] == [
        str(average),
        str(round(average, 0)),
        str(round(average, 1)),
        str(float(math.floor(average))),
        str(float(math.ceil(average))),
        str(int(round(average, 0))),
        str(round(report["halfway"], 0)),
    ]


def test_rounding_an_average(client):
    assert data["number_filters"]["average"] == 87.456
    assert results(get_soup(client, "/examples/number_filters"), "rounding") == [
        ("report.average", "87.456"),
        ("report.average|round", "87.0"),
        ("report.average|round(1)", "87.5"),
        ('report.average|round(0, "floor")', "87.0"),
        ('report.average|round(0, "ceil")', "88.0"),
        ("report.average|round|int", "87"),
        ("report.halfway|round", "2.0"),  # a half goes to the even side
    ]


def test_formatting_as_percent_operator_does(client):
    report = data["number_filters"]
    assert results(get_soup(client, "/examples/number_filters"), "formatting") == [
        ('"%.2f"|format(report.average)', f"{report['average']:.2f}"),
        ('"%.0f%%"|format(report.completion * 100)', "83%"),
        ("report.change|abs", str(abs(report["change"]))),
    ]


def test_text_becomes_numbers_and_unreadable_text_becomes_the_default(client):
    report = data["number_filters"]
    assert results(get_soup(client, "/examples/number_filters"), "converting") == [
        ("report.points_typed|int + 5", str(int(report["points_typed"]) + 5)),
        ("report.weight_typed|float * 100", str(float(report["weight_typed"]) * 100)),
        ("report.missing_typed|int", "0"),
        ("report.missing_typed|int(-1)", "-1"),
    ]


@pytest.mark.parametrize("dataset", ["number_filters", "number_filters.tricky"])
def test_every_file_is_listed_with_its_bytes(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "number_filters", data[dataset])
    files = data[dataset]["files"]
    rows = table_rows(get_soup(client, "/examples/number_filters").select_one("table.files"))
    assert [(row["File"], row["Bytes"]) for row in rows] == [(f["name"], str(f["bytes"])) for f in files]


def test_file_sizes_read_in_decimal_and_binary_units(client):
    rows = table_rows(get_soup(client, "/examples/number_filters").select_one("table.files"))
    assert [(row["Size"], row["Size, binary"]) for row in rows] == [
        ("6.7 kB", "6.5 KiB"),
        ("1.9 kB", "1.8 KiB"),
        ("11.9 kB", "11.6 KiB"),
        ("1.8 MB", "1.8 MiB"),
        ("48.3 MB", "46.1 MiB"),
    ]


def test_no_files_take_the_else_branch(client, monkeypatch):
    # The view reads data["number_filters"]: give it data/number_filters.empty.json, with no files.
    monkeypatch.setitem(data, "number_filters", data["number_filters.empty"])
    page = get_soup(client, "/examples/number_filters")
    assert texts(page, "table.files tbody td") == ["No files uploaded yet."]


def test_small_files_and_markup_in_names(client, monkeypatch):
    monkeypatch.setitem(data, "number_filters", data["number_filters.tricky"])
    page = get_soup(client, "/examples/number_filters")
    tables = page.select("table.results, table.files")
    assert len(tables) == 4
    assert [table.select("script, b") for table in tables] == [[]] * 4
    rows = table_rows(page.select_one("table.files"))
    assert [(row["Size"], row["Size, binary"]) for row in rows] == [
        ("0 Bytes", "0 Bytes"),
        ("999 Bytes", "999 Bytes"),
        ("1.0 kB", "1000 Bytes"),  # a kB is 1000 bytes, a KiB 1024
    ]
