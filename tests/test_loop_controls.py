"""/examples/loop_controls: for ... if, {% break %}, {% continue %}, and unpacking tuples."""

from collections import Counter

import pytest

from app import data
from html_helpers import get_soup, text, texts


def assignments_page(client):
    return get_soup(client, "/examples/loop_controls")


def labs(page, which):
    return [
        (text(li.select_one(".lab-number")), text(li.select_one(".lab-title")))
        for li in page.select(f"ul.labs-{which} > li:not(.empty)")
    ]


@pytest.mark.parametrize("shown", ["loop_controls", "loop_controls.tricky"])
def test_a_filtered_loop_counts_only_the_items_it_keeps(client, monkeypatch, shown):
    # The view reads data["loop_controls"]: give it the assignments under test.
    monkeypatch.setitem(data, "loop_controls", data[shown])
    titles = [a["title"] for a in data[shown] if a["kind"] == "lab"]
    assert labs(assignments_page(client), "filtered") == [
        (f"{n} of {len(titles)}", title) for n, title in enumerate(titles, start=1)
    ]


def test_an_if_inside_the_loop_counts_every_item(client):
    page = assignments_page(client)
    assert labs(page, "filtered")[1] == ("2 of 4", "Lab 2: Templates")
    assert [number for number, _ in labs(page, "if-inside")] == ["1 of 7", "3 of 7", "4 of 7", "6 of 7"]
    assert [title for _, title in labs(page, "if-inside")] == [title for _, title in labs(page, "filtered")]


@pytest.mark.parametrize("shown", ["loop_controls", "loop_controls.tricky"])
def test_break_stops_at_the_first_unreleased_assignment(client, monkeypatch, shown):
    monkeypatch.setitem(data, "loop_controls", data[shown])
    assignments = data[shown]
    stop = next(i for i, a in enumerate(assignments) if not a["released"])
    items = assignments_page(client).select("ul.released > li")
    assert [text(li) for li in items[:-1]] == [a["title"] for a in assignments[:stop]]
    assert items[-1]["class"] == ["stopped"]
    assert text(items[-1]) == f"Not released yet: {assignments[stop]['title']}, and nothing after it."


def test_break_hides_a_released_assignment_after_the_stop(client, monkeypatch):
    monkeypatch.setitem(data, "loop_controls", data["loop_controls.tricky"])
    assert data["loop_controls.tricky"][3]["released"]
    assert texts(assignments_page(client), "ul.released > li") == [
        "Lab <1>: \"Hello\" & 'goodbye'",
        "<script>alert('hw')</script>",
        "Not released yet: Lab 2: Ünïcödé café 日本語 🎉, and nothing after it.",
    ]  # the released project after the stop is not there


def test_continue_skips_graded_and_unreleased_assignments(client):
    assignments = data["loop_controls"]
    shown = texts(assignments_page(client), "ul.to-grade > li")
    assert shown == [
        f"{a['title']} ({a['points']} points)" for a in assignments if a["released"] and not a["graded"]
    ]
    assert shown[0] == "Lab 2: Templates (10 points)"


def test_kind_and_count_are_unpacked_from_each_tuple(client):
    page = assignments_page(client)
    counts = Counter(a["kind"] for a in data["loop_controls"])
    assert list(zip(texts(page, "dl.kinds dt"), texts(page, "dl.kinds dd"), strict=True)) == [
        (kind, str(count)) for kind, count in counts.most_common()
    ]
    assert texts(page, "dl.kinds dt") == ["lab", "homework", "project"]


def test_no_assignments_takes_every_else_branch(client, monkeypatch):
    # data/loop_controls.empty.json is []: nothing assigned yet.
    monkeypatch.setitem(data, "loop_controls", data["loop_controls.empty"])
    page = assignments_page(client)
    assert texts(page, "ul.labs-filtered > li.empty") == ["No labs yet."]
    assert page.select_one("ul.labs-if-inside").select("li") == []
    assert texts(page, "ul.released > li.empty") == ["Nothing released yet."]
    assert texts(page, "ul.to-grade > li.empty") == ["Nothing left to grade."]
    assert texts(page, "dl.kinds dt.empty") == ["None yet"]


@pytest.mark.parametrize(
    ("loop", "output"),
    [
        ("{% for n in [] %}{{ n }}{% else %}else{% endfor %}", "else"),
        ("{% for n in [1, 2] if n > 2 %}{{ n }}{% else %}else{% endfor %}", "else"),
        ("{% for n in [1, 2] %}{% continue %}{% else %}else{% endfor %}", "else"),
        ("{% for n in [1, 2] %}{{ n }}{% break %}{% else %} else{% endfor %}", "1 else"),
        ("{% for n in [1, 2] %}{{ n }}{% if n == 2 %}{% break %}{% endif %}{% else %}else{% endfor %}", "12"),
    ],
)
def test_else_runs_when_no_turn_reaches_the_end_of_the_loop(app, loop, output):
    """What the lesson's pitfall says, checked on the app's own Jinja environment."""
    assert app.jinja_env.from_string(loop).render() == output


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "loop_controls", data["loop_controls.tricky"])
    page = assignments_page(client)
    assert page.select("ul.labs script, ul.labs b, ul.released script, ul.released b, ul.to-grade b") == []
    assert labs(page, "filtered")[0][1] == "Lab <1>: \"Hello\" & 'goodbye'"
