"""/examples/global_functions: range(), dict(), cycler(), joiner(), namespace() and lipsum() at work."""

import itertools

import pytest

from app import data
from html_helpers import get_soup, text, texts

DAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday"}


def page(client, monkeypatch, dataset="global_functions"):
    """The page, rendered from data/<dataset>.json: the view reads data["global_functions"]."""
    monkeypatch.setitem(data, "global_functions", data[dataset])
    return get_soup(client, "/examples/global_functions")


def test_the_legend_names_each_global_function(client):
    assert texts(get_soup(client, "/examples/global_functions"), "dl.globals-legend dt") == [
        "dict()",
        "joiner()",
        "lipsum()",
        "cycler()",
        "range()",
        "namespace()",
        "|random",
    ]


@pytest.mark.parametrize("dataset", ["global_functions", "global_functions.tricky"])
def test_dict_turns_day_codes_into_names_in_each_heading(client, monkeypatch, dataset):
    sections = data[dataset]
    assert texts(page(client, monkeypatch, dataset), "article.lab-section h3") == [
        f"{s['name']}: {DAY_NAMES[s['day']]}, {s['room']}" for s in sections
    ]


def test_joiner_puts_separators_only_between_the_tags_that_show(client):
    soup = get_soup(client, "/examples/global_functions")
    assert texts(soup, "article.lab-section p.section-tags") == ["full", "evening", "full · evening · online"]


@pytest.mark.parametrize("dataset", ["global_functions", "global_functions.tricky"])
def test_cycler_hands_out_teams_in_turn_across_sections(client, monkeypatch, dataset):
    sections = data[dataset]
    students = [student for s in sections for student in s["students"]]
    teams = itertools.islice(itertools.cycle(["red", "green", "blue"]), len(students))
    expected = [f"{student} team {team}" for student, team in zip(students, teams, strict=True)]
    assert texts(page(client, monkeypatch, dataset), "article.lab-section li.seat-taken") == expected


def test_the_second_section_starts_with_the_team_after_the_firsts_last(client):
    second = get_soup(client, "/examples/global_functions").select("article.lab-section")[1]
    assert texts(second, "li.seat-taken .team") == ["team green", "team blue"]


@pytest.mark.parametrize("dataset", ["global_functions", "global_functions.tricky"])
def test_range_adds_an_open_seat_for_each_free_place(client, monkeypatch, dataset):
    sections = data[dataset]
    articles = page(client, monkeypatch, dataset).select("article.lab-section")
    open_seats = [len(article.select("li.seat-open")) for article in articles]
    assert open_seats == [s["capacity"] - len(s["students"]) for s in sections]


def test_lipsum_fills_only_the_missing_description_and_says_it_is_a_placeholder(client):
    sections = data["global_functions"]
    abouts = get_soup(client, "/examples/global_functions").select("article.lab-section p.section-about")
    is_placeholder = [("placeholder" in p["class"]) for p in abouts]
    assert is_placeholder == [not s["about"] for s in sections] == [False, True, False]
    placeholder = text(abouts[1])
    assert placeholder.startswith("Placeholder: ")
    words = placeholder.removeprefix("Placeholder: ").split()
    assert 8 <= len(words) < 16
    assert placeholder.endswith(".")


@pytest.mark.parametrize("dataset", ["global_functions", "global_functions.tricky"])
def test_random_shows_one_of_each_sections_tips(client, monkeypatch, dataset):
    sections = data[dataset]
    tips = texts(page(client, monkeypatch, dataset), "article.lab-section p.section-tip")
    assert len(tips) == len(sections)
    for tip, section in zip(tips, sections, strict=True):
        assert tip.startswith("Tip: ")
        # |random picks a different tip from load to load: check only that it is one of them.
        assert tip.removeprefix("Tip: ") in section["tips"]


def test_a_section_with_one_tip_always_shows_it(client):
    sections = data["global_functions"]
    assert sections[2]["tips"] == ["Share your screen, not a photo of it."]
    tips = texts(get_soup(client, "/examples/global_functions"), "article.lab-section p.section-tip")
    assert tips[2] == "Tip: Share your screen, not a photo of it."


@pytest.mark.parametrize(
    ("dataset", "expected"),
    [
        ("global_functions", "3 sections, 9 students, 3 open seats"),
        ("global_functions.empty", "0 sections, 0 students, 0 open seats"),
        ("global_functions.tricky", "2 sections, 4 students, 2 open seats"),
    ],
)
def test_namespace_keeps_the_totals_counted_inside_the_loop(client, monkeypatch, dataset, expected):
    assert text(page(client, monkeypatch, dataset).select_one("p.totals")) == expected


def test_no_sections_takes_the_else_branch(client, monkeypatch):
    soup = page(client, monkeypatch, "global_functions.empty")
    assert texts(soup, "div.lab-sections > *") == ["No lab sections yet."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    soup = page(client, monkeypatch, "global_functions.tricky")
    assert soup.select("article.lab-section b, article.lab-section i, article.lab-section script") == []
    assert texts(soup, "article.lab-section p.section-tip")[1] == "Tip: Zoë's tip: 日本語 & 'quotes'"
    about = data["global_functions.tricky"][0]["about"]
    assert text(soup.select_one("article.lab-section p.section-about")) == about
