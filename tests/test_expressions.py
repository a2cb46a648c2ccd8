"""/examples/expressions: arithmetic, comparisons, and/or/not, in, inline if, methods and lookups."""

import pytest

from html_helpers import table_rows, text


def results(shown, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(shown.select_one(f"table.results-{name}"))
    ]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_every_expression_gives_what_python_gives(demo, data, variant):
    lab = data.variant("expressions", variant)
    shown = demo("expressions", variant)
    assert results(shown, "arithmetic") == [
        ("lab.minutes // 60", str(lab["minutes"] // 60)),
        ("lab.minutes % 60", str(lab["minutes"] % 60)),
        ("lab.score / lab.out_of * 100", str(lab["score"] / lab["out_of"] * 100)),
        ("lab.late_days_allowed - lab.late_days_used", str(lab["late_days_allowed"] - lab["late_days_used"])),
        ("2 ** 3 ** 2", "64"),
    ]
    assert results(shown, "comparisons") == [
        ("lab.score >= 45", str(lab["score"] >= 45)),
        ("lab.late_days_used < lab.late_days_allowed", str(lab["late_days_used"] < lab["late_days_allowed"])),
        ("lab.score == lab.out_of", str(lab["score"] == lab["out_of"])),
        ("lab.score != lab.out_of", str(lab["score"] != lab["out_of"])),
    ]
    assert results(shown, "logic") == [
        ("lab.submitted and lab.score >= 25", str(lab["submitted"] and lab["score"] >= 25)),
        (
            "not lab.submitted or lab.late_days_used > 5",
            str(not lab["submitted"] or lab["late_days_used"] > 5),
        ),
        ('"templates" in lab.topics', str("templates" in lab["topics"])),
        ('"databases" not in lab.topics', str("databases" not in lab["topics"])),
    ]


def test_the_default_lab_in_literal_values(demo):
    shown = demo("expressions")
    assert [result for _, result in results(shown, "arithmetic")] == ["2", "15", "94.0", "3", "64"]
    assert [result for _, result in results(shown, "logic")] == ["True", "False", "True", "True"]


@pytest.mark.parametrize(
    ("variant", "expected"),
    [("default", ["passed", "css to do"]), ("tricky", ["not yet", "css done"])],
)
def test_inline_if_takes_either_branch(demo, variant, expected):
    assert [result for _, result in results(demo("expressions", variant), "inline-if")] == expected


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_methods_and_lookups_reach_into_the_data(demo, data, variant):
    lab = data.variant("expressions", variant)
    assert results(demo("expressions", variant), "lookups") == [
        ("lab.student.split()[0]", lab["student"].split()[0]),
        ('lab.email.endswith("@example.edu")', str(lab["email"].endswith("@example.edu"))),
        ("lab.title.upper()", lab["title"].upper()),
        ('lab["student"]', lab["student"]),
        ("lab.topics[0]", lab["topics"][0]),
        ('lab.checkpoints["hello"]', str(lab["checkpoints"]["hello"])),
    ]


def test_markup_in_the_data_stays_text(demo, data):
    lab = data.variant("expressions", "tricky")
    shown = demo("expressions", "tricky")
    assert shown.select("script, b") == []
    assert text(shown.h3) == f"{lab['student']}, {lab['title']}"
