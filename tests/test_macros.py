"""/examples/macros: macros with defaults, varargs and kwargs, imported from macros/course.html."""

import pytest
from bs4 import BeautifulSoup

from html_helpers import text, texts


def demo(soup, variant="default"):
    return soup(f"/examples/macros?variant={variant}").select_one("[data-demo]")


@pytest.fixture
def course(app):
    """The macros of templates/macros/course.html, called like Python functions."""
    return app.jinja_env.get_template("macros/course.html").module


def badge(score, passing, label):
    outcome = "grade-pass" if score >= passing else "grade-fail"
    return (["grade-badge", outcome], f"{label}: {score}")


def badges(page, column):
    return [(span["class"], text(span)) for span in page.select(f"td.{column} .grade-badge")]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_defaults_apply_unless_an_argument_is_passed(soup, data, variant):
    students = data.variant("macros", variant)
    page = demo(soup, variant)
    assert badges(page, "default-badge") == [badge(s["score"], 70, "Score") for s in students]
    assert badges(page, "honors-badge") == [badge(s["score"], 90, "Honors") for s in students]


def test_seventy_passes_by_default_but_not_for_honors(soup):
    row = demo(soup).select("table.badges tbody tr")[2]
    assert text(row.td) == "Emeka Obi"
    assert [(span["class"][1], text(span)) for span in row.select(".grade-badge")] == [
        ("grade-pass", "Score: 70"),
        ("grade-fail", "Honors: 70"),
    ]


def test_varargs_takes_as_many_topics_as_are_passed(soup):
    page = demo(soup)
    assert texts(page, ".tags-three li.tag") == ["Flask", "Jinja", "HTTP"]
    assert texts(page, ".tags-one li.tag") == ["CSS"]


def test_kwargs_become_extra_attributes(soup):
    page = demo(soup)
    plain = page.select_one(".link-plain a")
    extra = page.select_one(".link-extra a")
    assert plain.attrs == {"href": "/examples/conditionals"}
    assert extra.attrs == {
        "href": "/examples/conditionals",
        "class": ["more-link"],
        "title": "The if / elif / else example",
    }
    assert text(plain) == text(extra) == "How scores become grades"


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


def test_no_students_takes_the_else_branch(soup):
    assert texts(demo(soup, "empty"), "table.badges tbody td") == ["No scores yet."]


def test_markup_in_the_data_stays_text(soup):
    page = demo(soup, "tricky")
    assert page.select("tbody script, tbody b") == []
    assert text(page.select_one("tbody td")) == "<script>alert('badge')</script>"
