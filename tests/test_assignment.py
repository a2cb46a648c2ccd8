"""/examples/assignment: {% set %}, a block set that captures markup, and {% with %}."""

from urllib.parse import quote

import pytest

from app import data
from html_helpers import get_soup, text, texts


def course_page(client):
    return get_soup(client, "/examples/assignment")


@pytest.mark.parametrize("shown", ["assignment", "assignment.tricky"])
def test_a_set_name_is_built_once_and_used_twice(client, monkeypatch, shown):
    # The view reads data["assignment"]: give it the course under test.
    monkeypatch.setitem(data, "assignment", data[shown])
    course = data[shown]
    page = course_page(client)
    full_title = f"{course['code']}: {course['title']}"
    assert text(page.select_one("h3.full-title")) == full_title
    assert text(page.select_one("p.contact-bottom")).startswith(f"Stuck on {full_title}?")


def test_the_title_joins_code_and_title(client):
    assert text(course_page(client).select_one("h3.full-title")) == "CS253: Web Development"


@pytest.mark.parametrize("shown", ["assignment", "assignment.tricky"])
def test_the_captured_link_appears_in_both_places(client, monkeypatch, shown):
    monkeypatch.setitem(data, "assignment", data[shown])
    instructor = data[shown]["instructor"]
    links = course_page(client).select("article.course-card a.contact")
    link = (f"mailto:{quote(instructor['email'])}", instructor["name"])
    assert [(a["href"], text(a)) for a in links] == [link, link]
    assert [a.find_parent("p")["class"] for a in links] == [["contact-top"], ["contact-bottom"]]


def test_the_contact_link_writes_to_the_instructor(client):
    [top, _] = course_page(client).select("article.course-card a.contact")
    # |urlencode percent-encodes the @ too: mail programs decode it.
    assert (top["href"], text(top)) == ("mailto:mortiz%40example.edu", "Dr. Maya Ortiz")


def test_with_names_count_and_total_inside_its_block(client):
    assignments = data["assignment"]["assignments"]
    shown = text(course_page(client).select_one("p.workload"))
    assert shown == f"{len(assignments)} assignments, {sum(a['points'] for a in assignments)} points in all."
    assert shown == "5 assignments, 100 points in all."


def test_every_assignment_is_listed_with_its_points(client):
    assignments = data["assignment"]["assignments"]
    assert texts(course_page(client), "ul.assignment-list > li") == [
        f"{a['title']} ({a['points']} points)" for a in assignments
    ]


def test_a_with_name_is_gone_after_endwith(client):
    assert text(course_page(client).select_one("strong.total-scope")) == "undefined"


def test_no_assignments_gives_zero_and_the_else_branch(client, monkeypatch):
    # data/assignment.empty.json: the same course, with nothing posted yet.
    monkeypatch.setitem(data, "assignment", data["assignment.empty"])
    page = course_page(client)
    assert text(page.select_one("p.workload")) == "0 assignments, 0 points in all."
    assert texts(page, "ul.assignment-list > li") == ["No assignments posted yet."]


def test_markup_in_the_data_stays_text_in_the_captured_block(client, monkeypatch):
    monkeypatch.setitem(data, "assignment", data["assignment.tricky"])
    card = course_page(client).select_one("article.course-card")
    assert card.select("script, b") == []
    assert len(card.select("a.contact")) == 2  # the quote in the email did not end the href
    assert texts(card, "ul.assignment-list > li")[0] == "<script>alert('lab')</script> (10 points)"
