"""/examples/context_processors: @app.context_processor gives every template course_info."""

import pytest
from flask import render_template_string

from app import data
from html_helpers import get_soup, text, texts


def course_news(client):
    return get_soup(client, "/examples/context_processors").select_one("article.course-news")


def test_the_page_shows_what_the_context_processor_gave_it(client):
    shown = course_news(client)
    assert text(shown.h3) == "CS253 announcements, Fall 2026"
    contact = shown.select_one("p.course-contact a")
    assert (contact["href"], text(contact)) == ("mailto:cs253-staff@example.edu", "cs253-staff@example.edu")


def test_every_template_gets_it_even_one_no_view_passes_anything(app):
    with app.test_request_context():
        assert render_template_string("{{ course_info.code }}, {{ course_info.term }}") == "CS253, Fall 2026"


def test_a_value_the_view_passes_wins_over_the_context_processors(app):
    with app.test_request_context():
        assert render_template_string("{{ course_info.code }}", course_info={"code": "CS101"}) == "CS101"


@pytest.mark.parametrize("variant", ["context_processors", "context_processors.tricky"])
def test_the_announcements_are_listed_as_text(client, monkeypatch, variant):
    announcements = data[variant]
    monkeypatch.setitem(data, "context_processors", announcements)
    shown = course_news(client)
    assert texts(shown, "ul.announcements > li") == [f"{a['date']} {a['text']}" for a in announcements]
    assert texts(shown, "ul.announcements span.announcement-date") == [a["date"] for a in announcements]
    assert shown.select("ul.announcements b, ul.announcements script") == []


def test_no_announcements_takes_the_else_branch(client, monkeypatch):
    monkeypatch.setitem(data, "context_processors", data["context_processors.empty"])
    assert texts(course_news(client), "ul.announcements > li") == ["No announcements yet."]
