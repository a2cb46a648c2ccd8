"""/examples/macros: macros with defaults, varargs and kwargs, imported from macros/course.html."""

import pytest
from bs4 import BeautifulSoup

from app import data
from html_helpers import get_soup, text, texts


def macros_page(client):
    return get_soup(client, "/examples/macros")


def badges_table(client):
    return macros_page(client).select_one("table.badges")


@pytest.fixture
def course(app):
    """The macros of templates/macros/course.html, called like Python functions."""
    return app.jinja_env.get_template("macros/course.html").module


def badge(score, passing, label):
    outcome = "grade-pass" if score >= passing else "grade-fail"
    return (["grade-badge", outcome], f"{label}: {score}")


def badges(table, column):
    return [(span["class"], text(span)) for span in table.select(f"tbody td.{column} .grade-badge")]


@pytest.mark.parametrize("data_file", ["macros", "macros.tricky"])
def test_defaults_apply_unless_an_argument_is_passed(client, monkeypatch, data_file):
    # The view reads data["macros"]: run it on data/macros.json, then on data/macros.tricky.json.
    monkeypatch.setitem(data, "macros", data[data_file])
    students = data[data_file]
    table = badges_table(client)
    assert texts(table, "tbody tr > td:first-child") == [s["name"] for s in students]
    assert badges(table, "default-badge") == [badge(s["score"], 70, "Score") for s in students]
    assert badges(table, "honors-badge") == [badge(s["score"], 90, "Honors") for s in students]


def test_seventy_passes_by_default_but_not_for_honors(client):
    row = badges_table(client).select("tbody tr")[2]
    assert text(row.td) == "Emeka Obi"
    assert [(span["class"][1], text(span)) for span in row.select(".grade-badge")] == [
        ("grade-pass", "Score: 70"),
        ("grade-fail", "Honors: 70"),
    ]


def test_varargs_takes_as_many_topics_as_are_passed(client):
    page = macros_page(client)
    assert texts(page, "dd.tags-three ul.tags > li.tag") == ["Flask", "Jinja", "HTTP"]
    assert texts(page, "dd.tags-one ul.tags > li.tag") == ["CSS"]


def test_kwargs_become_extra_attributes(client):
    page = macros_page(client)
    plain = page.select_one("dd.link-plain a")
    extra = page.select_one("dd.link-extra a")
    assert plain.attrs == {"href": "#badges"}
    assert extra.attrs == {
        "href": "#badges",
        "class": ["more-link"],
        "title": "The table at the top of this page",
    }
    assert text(plain) == text(extra) == "Back to the badges"
    assert page.select_one("table#badges") is not None  # where the links lead


def test_a_macro_can_be_called_from_python_and_escapes_its_arguments(course):
    html = BeautifulSoup(str(course.tags("<b>Flask</b>", "Jinja & co")), "html.parser")
    assert html.select("b") == []
    assert texts(html, "li.tag") == ["<b>Flask</b>", "Jinja & co"]
    assert str(course.link("Home", "/", rel="help")).strip() == '<a href="/" rel="help">Home</a>'


def test_a_macro_refuses_arguments_it_does_not_declare(course):
    with pytest.raises(TypeError, match=r"takes not more than 3 argument\(s\)"):
        course.grade_badge(90, 70, "Score", "extra")
    with pytest.raises(TypeError, match="no keyword argument 'colour'"):
        course.grade_badge(90, colour="red")


def test_no_students_takes_the_else_branch(client, monkeypatch):
    # data/macros.empty.json: no scores at all.
    monkeypatch.setitem(data, "macros", data["macros.empty"])
    assert texts(badges_table(client), "tbody td") == ["No scores yet."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "macros", data["macros.tricky"])
    table = badges_table(client)
    assert table.select("tbody script, tbody b") == []
    assert text(table.select_one("tbody td")) == "<script>alert('badge')</script>"
