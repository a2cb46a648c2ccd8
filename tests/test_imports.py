"""/examples/imports: from ... import, and importing a macro file with and without context."""

import pytest
from jinja2 import TemplateAssertionError

from html_helpers import text, texts


def demo(soup, variant="default"):
    return soup(f"/examples/imports?variant={variant}").select_one("[data-demo]")


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_macros_imported_by_name_render_each_student(soup, data, variant):
    students = data.variant("imports", variant)["students"]
    items = demo(soup, variant).select("ul.students > li")
    assert [(text(li.select_one(".student-name")), text(li.select_one(".grade-badge"))) for li in items] == [
        (s["name"], f"Score: {s['score']}") for s in students
    ]


def test_a_macro_imported_under_another_name_works_the_same(soup):
    page = demo(soup)
    assert texts(page, "ul.tags > li.tag") == ["Macros", "Imports", "Includes"]
    assert text(page.select_one("ul.students .grade-badge")) == "Score: 90"


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_only_the_import_with_context_sees_the_pages_term(soup, data, variant):
    page = demo(soup, variant)
    assert text(page.select_one("dd.without-context")) == "no term: this macro cannot see it"
    assert text(page.select_one("dd.with-context")) == data.variant("imports", variant)["term"]


def test_the_term_comes_from_the_view(soup):
    assert text(demo(soup).select_one("dd.with-context")) == "Fall 2026"


def test_a_name_starting_with_an_underscore_cannot_be_imported(app):
    with pytest.raises(TemplateAssertionError, match="names starting with an underline can not be imported"):
        app.jinja_env.from_string('{% from "macros/course.html" import _helper %}')


def test_no_students_takes_the_else_branch(soup):
    assert texts(demo(soup, "empty"), "ul.students > li") == ["No students yet."]


def test_markup_in_the_data_stays_text(soup):
    page = demo(soup, "tricky")
    assert page.select("ul script, dd script") == []
    assert text(page.select_one("dd.with-context")) == 'Été <2026> & "Spring"'
