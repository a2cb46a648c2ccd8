"""/coverage: every construct against the examples that use it, read from their code."""

import re

import pytest
from jinja2 import nodes
from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_TESTS

from html_helpers import captured_templates, text, texts
from showcase.coverage import CONSTRUCTS, GROUPS, Usage, captured_context


def usage_of(app, template, python="", parent=None):
    """What a template (and a view's source) uses, as the coverage map reads an example.

    ``parent`` is the text of a template it reaches that another one extends, such as a layout.
    """
    tree = app.jinja_env.parse(template)
    parent_blocks = list(app.jinja_env.parse(parent).find_all(nodes.Block)) if parent is not None else []
    return Usage(
        nodes=[tree, *tree.find_all(nodes.Node)],
        text=template,
        reached_text=template,
        python=python,
        templates=[],
        chain=1,
        values=[],
        custom_filters=frozenset(),
        custom_tests=frozenset(),
        data_files=False,
        parent_blocks=parent_blocks,
    )


def construct(name):
    [found] = [c for c in CONSTRUCTS if c.name == name]
    return found


@pytest.mark.parametrize(
    ("name", "uses", "does_not"),
    [
        (
            "loop.index",
            "{% for x in xs %}{{ loop.index }}{% endfor %}",
            "{% for x in xs %}{{ x.index }}{% endfor %}",
        ),
        ("for ... else", "{% for x in xs %}{% else %}none{% endfor %}", "{% for x in xs %}{% endfor %}"),
        ("|sort by attribute", "{{ xs|sort(attribute='a') }}", "{{ xs|sort }}"),
        (
            "if / elif / else",
            "{% if a %}1{% elif b %}2{% else %}3{% endif %}",
            "{% if a %}1{% else %}3{% endif %}",
        ),
        (
            "import with context and without",
            "{% import 'a.html' as a with context %}{% from 'b.html' import b %}",
            "{% import 'a.html' as a %}",
        ),
        ("- markers strip white space", "{%- if a %}{% endif %}", "{% if a %}{% endif %}"),
        ("{# comments #}", "{# why #}{{ a }}", "{{ a }}"),
        (
            "reaching an outer loop from an inner one",
            "{% for a in xs %}{% set n = loop.index %}{% for b in a %}{{ n }}{% endfor %}{% endfor %}",
            "{% for a in xs %}{% for b in a %}{{ loop.index }}{% endfor %}{% endfor %}",
        ),
        ("extending a parent chosen by a variable", "{% extends layout %}", "{% extends 'base.html' %}"),
        (
            "is ge (also >=)",
            "{% if hours is ge 9 %}heavy{% endif %}",
            "{% if hours >= 9 %}heavy{% endif %}",
        ),
        ("|default (also |d)", "{{ nick|d('none') }}", "{{ nick or 'none' }}"),
    ],
)
def test_a_detector_finds_its_construct_and_only_it(app, name, uses, does_not):
    check = construct(name).check
    assert check(usage_of(app, uses))
    assert not check(usage_of(app, does_not))


def test_blocks_with_defaults_are_looked_for_in_the_parents_only(app):
    check = construct("blocks with defaults").check
    child = "{% extends 'layout.html' %}{% block title %}Week 3{% endblock %}"
    assert check(usage_of(app, child, parent="{% block title %}A week{% endblock %}"))
    # A child's override is not a default, nor is a parent's empty or required block.
    assert not check(usage_of(app, child, parent="{% block title %}\n  {% endblock %}"))
    assert not check(usage_of(app, child, parent="{% block title required %}{% endblock %}"))
    assert not check(usage_of(app, "{% block demo %}<p>Week 3</p>{% endblock %}"))


def test_python_rows_read_the_views_source(app):
    check = construct("stream_template() for a long list").check
    assert check(usage_of(app, "", python='return stream_template("x.html", rows=rows)'))
    assert not check(usage_of(app, "", python='return render_template("x.html", rows=rows)'))


@pytest.mark.parametrize(
    ("name", "template", "uses", "does_not"),
    [
        (
            "autoescaping a value from the query string",
            "{{ comment }}",
            'comment = request.args.get("comment", "")',
            'comment = data["comments"][0]',
        ),
        (
            "autoescaping a value from the query string",
            "{{ comment }}",
            'comment = query_text("comment", max_length=200)',
            'sort = query_choice("sort", columns)',
        ),
    ],
)
def test_a_python_detector_finds_its_construct_and_only_it(app, name, template, uses, does_not):
    check = construct(name).check
    assert check(usage_of(app, template, python=uses))
    assert not check(usage_of(app, template, python=does_not))


def test_every_filter_and_test_of_jinjas_own_lists_has_a_row():
    filters = {c.name for c in CONSTRUCTS if c.group == "Filters"}
    tests = {c.name for c in CONSTRUCTS if c.group == "Tests"}
    words = {
        group: set(re.split(r"[\s,()|]+", " ".join(names))) for group, names in (("f", filters), ("t", tests))
    }
    assert set(DEFAULT_FILTERS) <= words["f"]
    assert set(DEFAULT_TESTS) <= words["t"]
    assert {
        "|attr",
        "|default (also |d)",
        "is eq (also ==, equalto)",
    } <= filters | tests  # a few literal rows


def test_every_row_belongs_to_a_group_and_names_are_unique():
    assert {c.group for c in CONSTRUCTS} == set(GROUPS)
    names = [c.name for c in CONSTRUCTS]
    assert len(names) == len(set(names))
    assert len(CONSTRUCTS) >= 150


def test_the_context_is_captured_without_rendering(app, gallery, data):
    example = gallery.by_endpoint["lists"]
    with app.test_request_context(), captured_templates(app) as rendered:
        context = captured_context(app, example)
    assert context == {"weeks": data["lists"]}
    assert rendered == []


def test_the_page_lists_every_construct_by_group(soup, gallery):
    page = soup("/coverage")
    assert texts(page, "main h2") == list(GROUPS)
    shown = [text(th) for th in page.select("table.coverage-table tbody th")]
    assert shown == [
        row.construct.name for group in GROUPS for row in gallery.coverage if row.construct.group == group
    ]
    gaps = [row for row in gallery.coverage if row.gap]
    assert len(page.select("tr.gap")) == len(gaps)
    total = len(gallery.coverage)
    summary = text(page.select_one(".coverage-summary"))
    assert summary.startswith(f"{total - len(gaps)} of {total} covered")


def test_a_covered_row_links_its_examples_and_names_their_tests(soup):
    page = soup("/coverage")
    row = next(tr for tr in page.select("tbody tr") if text(tr.th) == "loop.depth")
    assert [(a["href"], text(a)) for a in row.select("td:nth-of-type(1) a")] == [("/examples/tree", "A tree")]
    assert texts(row, "td:nth-of-type(2) code") == ["tests/test_tree.py"]
    assert "gap" not in row.get("class", [])


def test_every_construct_has_an_example_and_a_test(gallery):
    gaps = [f"{row.construct.group}: {row.construct.name} ({row.gap})" for row in gallery.coverage if row.gap]
    assert gaps == []


def test_the_page_says_everything_is_covered(soup, gallery):
    page = soup("/coverage")
    total = len(gallery.coverage)
    assert text(page.select_one(".coverage-summary")) == f"{total} of {total} covered."
    assert page.select("tr.gap, .gap-label") == []


def test_a_long_list_is_folded_behind_its_count_and_a_short_one_shows_as_it_is(soup, gallery):
    page = soup("/coverage")
    rows = {text(tr.th): tr for tr in page.select("table.coverage-table tbody tr")}
    for covered in gallery.coverage:
        cells = rows[covered.construct.name].select("td")
        for cell, items, noun in (
            (cells[0], covered.examples, "example"),
            (cells[1], covered.tests, "test file"),
        ):
            folded = cell.select_one("details.coverage-list")
            if len(items) > 3:
                assert text(folded.summary) == f"{len(items)} {noun}s"
            else:
                assert folded is None
        assert [a["href"] for a in cells[0].select("a")] == [
            f"/examples/{e.endpoint}" for e in covered.examples
        ]
        assert texts(cells[1], "code") == list(covered.tests)
    assert any(len(row.examples) > 3 for row in gallery.coverage)  # so that folding is tested at all
