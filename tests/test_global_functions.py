"""/examples/global_functions: range(), dict(), cycler(), joiner(), namespace() and lipsum() at work."""

import itertools

import pytest

from html_helpers import text, texts

DAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday"}


def test_the_legend_names_each_global_function(demo):
    assert texts(demo("global_functions"), "dl.globals-legend dt") == [
        "dict()",
        "joiner()",
        "lipsum()",
        "cycler()",
        "range()",
        "namespace()",
    ]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_dict_turns_day_codes_into_names_in_each_heading(demo, data, variant):
    sections = data.variant("global_functions", variant)
    assert texts(demo("global_functions", variant), "article.lab-section h3") == [
        f"{s['name']}: {DAY_NAMES[s['day']]}, {s['room']}" for s in sections
    ]


def test_joiner_puts_separators_only_between_the_tags_that_show(demo):
    assert texts(demo("global_functions"), "p.section-tags") == ["full", "evening", "full · evening · online"]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_cycler_hands_out_teams_in_turn_across_sections(demo, data, variant):
    sections = data.variant("global_functions", variant)
    students = [student for s in sections for student in s["students"]]
    teams = itertools.islice(itertools.cycle(["red", "green", "blue"]), len(students))
    expected = [f"{student} team {team}" for student, team in zip(students, teams, strict=True)]
    assert texts(demo("global_functions", variant), "li.seat-taken") == expected


def test_the_second_section_starts_with_the_team_after_the_firsts_last(demo):
    second = demo("global_functions").select("article.lab-section")[1]
    assert texts(second, "li.seat-taken .team") == ["team green", "team blue"]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_range_adds_an_open_seat_for_each_free_place(demo, data, variant):
    sections = data.variant("global_functions", variant)
    articles = demo("global_functions", variant).select("article.lab-section")
    open_seats = [len(article.select("li.seat-open")) for article in articles]
    assert open_seats == [s["capacity"] - len(s["students"]) for s in sections]


def test_lipsum_fills_only_the_missing_description_and_says_it_is_a_placeholder(demo, data):
    sections = data.variant("global_functions")
    abouts = demo("global_functions").select("article.lab-section p.section-about")
    is_placeholder = [("placeholder" in p["class"]) for p in abouts]
    assert is_placeholder == [not s["about"] for s in sections] == [False, True, False]
    placeholder = text(abouts[1])
    assert placeholder.startswith("Placeholder: ")
    words = placeholder.removeprefix("Placeholder: ").split()
    assert 8 <= len(words) < 16
    assert placeholder.endswith(".")


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        ("default", "3 sections, 9 students, 3 open seats"),
        ("empty", "0 sections, 0 students, 0 open seats"),
        ("tricky", "2 sections, 4 students, 2 open seats"),
    ],
)
def test_namespace_keeps_the_totals_counted_inside_the_loop(demo, variant, expected):
    assert text(demo("global_functions", variant).select_one("p.totals")) == expected


def test_no_sections_takes_the_else_branch(demo):
    assert texts(demo("global_functions", "empty"), "div.lab-sections > *") == ["No lab sections yet."]


def test_markup_in_the_data_stays_text(demo, data):
    soup = demo("global_functions", "tricky")
    assert soup.select("article b, article i, article script") == []
    assert text(soup.select_one("p.section-about")) == data.variant("global_functions", "tricky")[0]["about"]
