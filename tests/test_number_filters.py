"""/examples/number_filters: round, int, float, abs, format and filesizeformat."""

import math

import pytest

from html_helpers import table_rows, texts


def results(shown, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(shown.select_one(f"table.results-{name}"))
    ]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_rounding_follows_pythons_round(demo, data, variant):
    report = data.variant("number_filters", variant)
    average = report["average"]
    assert [result for _, result in results(demo("number_filters", variant), "rounding")] == [
        str(average),
        str(round(average, 0)),
        str(round(average, 1)),
        str(float(math.floor(average))),
        str(float(math.ceil(average))),
        str(int(round(average, 0))),
        str(round(report["halfway"], 0)),
    ]


def test_rounding_an_average(demo, data):
    report = data.variant("number_filters")
    assert report["average"] == 87.456
    assert results(demo("number_filters"), "rounding") == [
        ("report.average", "87.456"),
        ("report.average|round", "87.0"),
        ("report.average|round(1)", "87.5"),
        ('report.average|round(0, "floor")', "87.0"),
        ('report.average|round(0, "ceil")', "88.0"),
        ("report.average|round|int", "87"),
        ("report.halfway|round", "2.0"),  # a half goes to the even side
    ]


def test_formatting_as_percent_operator_does(demo, data):
    report = data.variant("number_filters")
    assert results(demo("number_filters"), "formatting") == [
        ('"%.2f"|format(report.average)', f"{report['average']:.2f}"),
        ('"%.0f%%"|format(report.completion * 100)', "83%"),
        ("report.change|abs", str(abs(report["change"]))),
    ]


def test_text_becomes_numbers_and_unreadable_text_becomes_the_default(demo, data):
    report = data.variant("number_filters")
    assert results(demo("number_filters"), "converting") == [
        ("report.points_typed|int + 5", str(int(report["points_typed"]) + 5)),
        ("report.weight_typed|float * 100", str(float(report["weight_typed"]) * 100)),
        ("report.missing_typed|int", "0"),
        ("report.missing_typed|int(-1)", "-1"),
    ]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_every_file_is_listed_with_its_bytes(demo, data, variant):
    files = data.variant("number_filters", variant)["files"]
    rows = table_rows(demo("number_filters", variant).select_one("table.files"))
    assert [(row["File"], row["Bytes"]) for row in rows] == [(f["name"], str(f["bytes"])) for f in files]


def test_file_sizes_read_in_decimal_and_binary_units(demo):
    rows = table_rows(demo("number_filters").select_one("table.files"))
    assert [(row["Size"], row["Size, binary"]) for row in rows] == [
        ("6.7 kB", "6.5 KiB"),
        ("1.9 kB", "1.8 KiB"),
        ("11.9 kB", "11.6 KiB"),
        ("1.8 MB", "1.8 MiB"),
        ("48.3 MB", "46.1 MiB"),
    ]


def test_no_files_take_the_else_branch(demo):
    shown = demo("number_filters", "empty")
    assert texts(shown, "table.files tbody td") == ["No files uploaded yet."]


def test_small_files_and_markup_in_names(demo):
    shown = demo("number_filters", "tricky")
    assert shown.select("script, b") == []
    rows = table_rows(shown.select_one("table.files"))
    assert [(row["Size"], row["Size, binary"]) for row in rows] == [
        ("0 Bytes", "0 Bytes"),
        ("999 Bytes", "999 Bytes"),
        ("1.0 kB", "1000 Bytes"),  # a kB is 1000 bytes, a KiB 1024
    ]
