"""/examples/number_filters: round, int, float, abs, format and filesizeformat."""

from html_helpers import table_rows, texts


def results(shown, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(shown.select_one(f"table.results-{name}"))
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


def test_file_sizes_read_in_decimal_and_binary_units(demo, data):
    files = data.variant("number_filters")["files"]
    rows = table_rows(demo("number_filters").select_one("table.files"))
    assert [(row["File"], row["Bytes"]) for row in rows] == [(f["name"], str(f["bytes"])) for f in files]
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
