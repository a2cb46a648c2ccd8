"""/examples/imports: from ... import, and importing a macro file with and without context."""

import pytest
from jinja2 import TemplateAssertionError

from app import data
from html_helpers import get_soup, text, texts


def imports_page(client):
    return get_soup(client, "/examples/imports")


@pytest.mark.parametrize("data_file", ["imports", "imports.tricky"])
def test_macros_imported_by_name_render_each_student(client, monkeypatch, data_file):
    # The view reads data["imports"]: run it on data/imports.json, then on data/imports.tricky.json.
    monkeypatch.setitem(data, "imports", data[data_file])
    students = data[data_file]["students"]
    items = imports_page(client).select("ul.students > li")
    assert [(text(li.select_one(".student-name")), text(li.select_one(".grade-badge"))) for li in items] == [
        (s["name"], f"Score: {s['score']}") for s in students
    ]


def test_a_macro_imported_under_another_name_works_the_same(client):
    page = imports_page(client)
    assert texts(page, "ul.tags > li.tag") == ["Macros", "Imports", "Includes"]
    assert text(page.select_one("ul.students .grade-badge")) == "Score: 90"


@pytest.mark.parametrize("data_file", ["imports", "imports.tricky"])
def test_only_the_import_with_context_sees_the_pages_term(client, monkeypatch, data_file):
    monkeypatch.setitem(data, "imports", data[data_file])
    contexts = imports_page(client).select_one("dl.import-context")
    assert text(contexts.select_one("dd.without-context")) == "no term: this macro cannot see it"
    assert text(contexts.select_one("dd.with-context")) == data[data_file]["term"]


def test_the_term_comes_from_the_view(client):
    assert text(imports_page(client).select_one("dl.import-context dd.with-context")) == "Fall 2026"


def test_a_name_starting_with_an_underscore_cannot_be_imported(app):
    with pytest.raises(TemplateAssertionError, match="names starting with an underline can not be imported"):
        app.jinja_env.from_string('{% from "macros/course.html" import _helper %}')


def test_no_students_takes_the_else_branch(client, monkeypatch):
    # data/imports.empty.json: the same term, with no students.
    monkeypatch.setitem(data, "imports", data["imports.empty"])
    assert texts(imports_page(client), "ul.students > li") == ["No students yet."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "imports", data["imports.tricky"])
    page = imports_page(client)
    assert page.select("ul.students script, dl.import-context script") == []
    assert text(page.select_one("ul.students .student-name")) == "<script>alert('import')</script>"
    assert text(page.select_one("dl.import-context dd.with-context")) == 'Été <2026> & "Spring"'
