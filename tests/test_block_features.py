"""/examples/block_features: scoped blocks in a loop, a required block, and self.title()."""

import pytest
from bs4 import BeautifulSoup
from jinja2 import TemplateRuntimeError

from app import data
from html_helpers import get_soup, text, texts

TITLE = "CS253 reading list"


def reading_list_page(client):
    return get_soup(client, "/examples/block_features")


def handout(client):
    """The handout that examples/_block_features_page.html renders through its layout."""
    return reading_list_page(client).select_one("article.handout")


@pytest.mark.parametrize("data_file", ["block_features", "block_features.tricky"])
def test_the_scoped_override_sees_each_week(client, monkeypatch, data_file):
    # The view reads data["block_features"]: run it on data/block_features.json, then on the tricky variant.
    monkeypatch.setitem(data, "block_features", data[data_file])
    weeks = data[data_file]
    page = reading_list_page(client)
    assert text(page.select_one("h3.reading-list-title")).startswith(f"A reading list of {len(weeks)} weeks:")
    rows = page.select("article.handout ol.handout-weeks > li.handout-week")
    shown = [(text(li.select_one(".week-topic")), text(li.select_one("cite.week-reading"))) for li in rows]
    assert shown == [(week["topic"], week["reading"]) for week in weeks]


def test_the_page_counts_the_weeks_it_hands_to_the_handout(client):
    heading = reading_list_page(client).select_one("h3.reading-list-title")
    assert text(heading) == (
        "A reading list of 4 weeks: a required title, scoped rows, and the title again with self.title()"
    )


def test_a_row_reads_as_a_sentence(client):
    first = handout(client).select_one("li.handout-week")
    assert text(first) == "Networking: clients, servers and HTTP: read MDN: An overview of HTTP"


def test_the_required_title_is_filled_and_repeated_with_self(client):
    page = handout(client)
    assert text(page.select_one("h4.handout-title")) == TITLE
    assert text(page.select_one("footer.handout-footer")) == f"End of “{TITLE}”"


def test_self_title_repeats_whatever_title_a_child_gives(app):
    child = app.jinja_env.from_string(
        '{% extends "examples/_block_features_layout.html" %}{% block title %}Exam week{% endblock %}'
    )
    handout = BeautifulSoup(child.render(weeks=[]), "html.parser")
    assert text(handout.select_one("h4.handout-title")) == "Exam week"
    assert text(handout.select_one("footer.handout-footer")) == "End of “Exam week”"


def test_the_layout_alone_fails_for_want_of_its_required_block(app):
    layout = app.jinja_env.get_template("examples/_block_features_layout.html")
    with pytest.raises(TemplateRuntimeError, match="Required block 'title' not found"):
        layout.render(weeks=[])


def test_no_weeks_takes_the_else_branch_and_keeps_the_title(client, monkeypatch):
    # data/block_features.empty.json: no weeks at all.
    monkeypatch.setitem(data, "block_features", data["block_features.empty"])
    page = handout(client)
    assert texts(page, "ol.handout-weeks > li") == ["No weeks planned yet."]
    assert text(page.select_one("footer.handout-footer")) == f"End of “{TITLE}”"


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "block_features", data["block_features.tricky"])
    page = handout(client)
    assert page.select("li script, li b, li i") == []
    assert text(page.select_one(".week-topic")) == "<script>alert('topic')</script>"
