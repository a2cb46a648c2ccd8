"""/examples/inheritance: extends three levels deep, blocks with defaults, super(), named end tags."""

import pytest
from jinja2 import meta

from app import data
from html_helpers import get_soup, text, texts

PARTS = ("page", "section", "base")


def inheritance_page(client):
    return get_soup(client, "/examples/inheritance")


def mini_site(client):
    """The demo's page, rendered through its chain: the base's div.mini-site."""
    return inheritance_page(client).select_one("div.mini-site")


def test_the_chain_is_three_templates_long(app):
    env = app.jinja_env
    parents = {}
    for part in PARTS:
        source = env.loader.get_source(env, f"examples/_inheritance_{part}.html")[0]
        parents[part] = list(meta.find_referenced_templates(env.parse(source)))
    assert parents == {
        "page": ["examples/_inheritance_section.html"],
        "section": ["examples/_inheritance_base.html"],
        "base": [],
    }


def test_super_keeps_the_bases_header_and_adds_the_sections_line(client):
    header = mini_site(client).select_one("header.mini-header")
    assert [(p["class"], text(p)) for p in header.select("p")] == [
        (["mini-site-name"], "CS253 Web Development"),
        (["mini-section"], "Weekly notes"),
    ]


@pytest.mark.parametrize("data_file", ["inheritance", "inheritance.tricky"])
def test_the_page_fills_the_sections_blocks(client, monkeypatch, data_file):
    # The view reads data["inheritance"]: run it on data/inheritance.json, then on the tricky variant.
    monkeypatch.setitem(data, "inheritance", data[data_file])
    week = data[data_file]
    page = inheritance_page(client)
    assert text(page.select_one("h3.chain-title")) == f"Week {week['number']}'s page, three templates deep"
    main = page.select_one("div.mini-site div.mini-main")
    assert text(main.select_one("h4.mini-heading")) == f"Week {week['number']}: {week['topic']}"
    assert texts(main, "ul.mini-notes > li") == week["notes"]
    assert main.select(".mini-default") == []  # the section's default notes were overridden


def test_the_heading_reads_as_the_data_says(client):
    page = inheritance_page(client)
    assert text(page.select_one("div.mini-site h4.mini-heading")) == "Week 3: Templates with Jinja"
    assert text(page.select_one("h3.chain-title")) == "Week 3's page, three templates deep"


def test_a_block_no_one_overrides_keeps_the_bases_default(client):
    footer = mini_site(client).select_one("footer.mini-footer")
    assert texts(footer, "p.mini-default") == ["CS253, Fall 2026. Questions? Come to office hours."]


def test_the_templates_name_their_end_tags(app):
    env = app.jinja_env
    for part in PARTS:
        source = env.loader.get_source(env, f"examples/_inheritance_{part}.html")[0]
        assert source.count("{% endblock %}") == 0
        assert source.count("{% endblock ") == source.count("{% block ")


def test_no_notes_takes_the_else_branch(client, monkeypatch):
    # data/inheritance.empty.json: the same week, with no notes.
    monkeypatch.setitem(data, "inheritance", data["inheritance.empty"])
    assert texts(mini_site(client), "ul.mini-notes > li") == ["No notes for this week yet."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "inheritance", data["inheritance.tricky"])
    mini = mini_site(client)
    assert mini.select("script, li b") == []
    assert texts(mini, "ul.mini-notes > li")[0] == "Write <b>bold</b> as text, not markup."
