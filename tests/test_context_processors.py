"""/examples/context_processors: @app.context_processor gives every template course_info."""

import json

import pytest
from flask import render_template_string

from html_helpers import text, texts


def test_the_page_shows_what_the_context_processor_gave_it(demo):
    shown = demo("context_processors")
    assert text(shown.h3) == "CS253 announcements, Fall 2026"
    contact = shown.select_one("p.course-contact a")
    assert (contact["href"], text(contact)) == ("mailto:cs253-staff@example.edu", "cs253-staff@example.edu")


def test_the_context_panel_shows_only_what_the_view_passed(soup, data):
    panel = soup("/examples/context_processors").select_one('[data-panel="context"] pre').get_text()
    assert json.loads(panel) == {"announcements": data.variant("context_processors")}
    assert "course_info" not in panel


def test_every_template_gets_it_even_one_no_view_passes_anything(app):
    with app.test_request_context():
        assert render_template_string("{{ course_info.code }}, {{ course_info.term }}") == "CS253, Fall 2026"


def test_a_value_the_view_passes_wins_over_the_context_processors(app):
    with app.test_request_context():
        assert render_template_string("{{ course_info.code }}", course_info={"code": "CS101"}) == "CS101"


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_the_announcements_are_listed_as_text(demo, data, variant):
    announcements = data.variant("context_processors", variant)
    shown = demo("context_processors", variant)
    assert texts(shown, "ul.announcements > li") == [f"{a['date']} {a['text']}" for a in announcements]
    assert shown.select("ul.announcements b, ul.announcements script") == []


def test_no_announcements_takes_the_else_branch(demo):
    assert texts(demo("context_processors", "empty"), "ul.announcements > li") == ["No announcements yet."]
