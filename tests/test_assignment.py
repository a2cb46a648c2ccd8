"""/examples/assignment: {% set %}, a block set that captures markup, and {% with %}."""

from urllib.parse import quote

import pytest

from html_helpers import text, texts


def demo(soup, variant="default"):
    return soup(f"/examples/assignment?variant={variant}").select_one("[data-demo]")


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_a_set_name_is_built_once_and_used_twice(soup, data, variant):
    course = data.variant("assignment", variant)
    page = demo(soup, variant)
    full_title = f"{course['code']}: {course['title']}"
    assert text(page.select_one("h3.full-title")) == full_title
    assert text(page.select_one(".contact-bottom")).startswith(f"Stuck on {full_title}?")


def test_the_title_joins_code_and_title(soup):
    assert text(demo(soup).select_one("h3.full-title")) == "CS253: Web Development"


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_the_captured_link_appears_in_both_places(soup, data, variant):
    instructor = data.variant("assignment", variant)["instructor"]
    links = demo(soup, variant).select("a.contact")
    link = (f"mailto:{quote(instructor['email'])}", instructor["name"])
    assert [(a["href"], text(a)) for a in links] == [link, link]
    assert [a.find_parent("p")["class"] for a in links] == [["contact-top"], ["contact-bottom"]]


def test_with_names_count_and_total_inside_its_block(soup, data):
    assignments = data.variant("assignment")["assignments"]
    shown = text(demo(soup).select_one(".workload"))
    assert shown == f"{len(assignments)} assignments, {sum(a['points'] for a in assignments)} points in all."
    assert shown == "5 assignments, 100 points in all."


def test_a_with_name_is_gone_after_endwith(soup):
    assert text(demo(soup).select_one(".total-scope")) == "undefined"


def test_no_assignments_gives_zero_and_the_else_branch(soup):
    page = demo(soup, "empty")
    assert text(page.select_one(".workload")) == "0 assignments, 0 points in all."
    assert texts(page, "ul.assignment-list > li") == ["No assignments posted yet."]


def test_markup_in_the_data_stays_text_in_the_captured_block(soup, data):
    page = demo(soup, "tricky")
    assert page.select("script, article b") == []
    assert len(page.select("a.contact")) == 2  # the quote in the email did not end the href
    assert texts(page, "ul.assignment-list > li")[0] == "<script>alert('lab')</script> (10 points)"
