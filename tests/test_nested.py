"""/examples/nested: a loop inside a loop over a dict of lists."""

from app import data
from html_helpers import get_soup, text, texts


def nested_page(client):
    return get_soup(client, "/examples/nested")


def test_every_unit_and_its_topics_are_numbered(client):
    units = data["nested"]
    shown = nested_page(client)
    sections = shown.select("section.unit")
    assert [text(s.h3) for s in sections] == [f"{n}. {unit}" for n, unit in enumerate(units, start=1)]
    for n, (section, topics) in enumerate(zip(sections, units.values(), strict=True), start=1):
        expected = [f"{n}.{m} {topic}" for m, topic in enumerate(topics, start=1)]
        assert texts(section, "ul.topics > li:not(.empty)") == expected
    assert texts(shown, "section.unit")[1].startswith("2. Flask 2.1 Routes 2.2 render_template()")


def test_a_unit_without_topics_takes_the_inner_else(client):
    empty_units = [unit for unit, topics in data["nested"].items() if not topics]
    assert empty_units == ["Final project"]
    section = nested_page(client).select("section.unit")[-1]
    assert texts(section, "ul.topics > li.empty") == ["Topics to be announced."]


def test_no_units_take_the_outer_else(client, monkeypatch):
    # The view reads data["nested"]: give it the empty dict of data/nested.empty.json instead.
    monkeypatch.setitem(data, "nested", data["nested.empty"])
    shown = nested_page(client)
    assert shown.select("section.unit") == []
    assert texts(shown, "p.empty") == ["No units yet."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "nested", data["nested.tricky"])
    units = data["nested.tricky"]
    shown = nested_page(client)
    assert shown.select("section.unit script") == []
    assert texts(shown, "section.unit > h3") == [f"{n}. {unit}" for n, unit in enumerate(units, start=1)]
    assert texts(shown, "section.unit ul.topics > li")[0] == "1.1 <script>alert('DNS')</script>"
