"""/examples/nested: a loop inside a loop over a dict of lists."""

from html_helpers import get_soup, text, texts


def units_shown(client, variant="default"):
    return get_soup(client, f"/examples/nested?variant={variant}").select_one("[data-demo]")


def test_every_unit_and_its_topics_are_numbered(client, data):
    units = data.variant("nested")
    demo = units_shown(client)
    sections = demo.select("section.unit")
    assert [text(s.h3) for s in sections] == [f"{n}. {unit}" for n, unit in enumerate(units, start=1)]
    for n, (section, topics) in enumerate(zip(sections, units.values(), strict=True), start=1):
        expected = [f"{n}.{m} {topic}" for m, topic in enumerate(topics, start=1)]
        assert texts(section, "ul.topics > li:not(.empty)") == expected
    assert texts(demo, "section.unit")[1].startswith("2. Flask 2.1 Routes 2.2 render_template()")


def test_a_unit_without_topics_takes_the_inner_else(client, data):
    empty_units = [unit for unit, topics in data.variant("nested").items() if not topics]
    assert empty_units == ["Final project"]
    section = units_shown(client).select("section.unit")[-1]
    assert texts(section, "ul.topics > li.empty") == ["Topics to be announced."]


def test_no_units_take_the_outer_else(client):
    demo = units_shown(client, "empty")
    assert demo.select("section.unit") == []
    assert texts(demo, "p.empty") == ["No units yet."]


def test_markup_in_the_data_stays_text(client, data):
    units = data.variant("nested", "tricky")
    demo = units_shown(client, "tricky")
    assert demo.select("script") == []
    assert texts(demo, "section.unit > h3") == [f"{n}. {unit}" for n, unit in enumerate(units, start=1)]
