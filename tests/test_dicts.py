"""/examples/dicts: keys read by dot and by subscript, .items() and |dictsort."""

import pytest

from html_helpers import text, texts


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_heading_reads_keys_by_dot_and_by_subscript(demo, data, variant):
    course = data.variant("dicts", variant)
    assert text(demo("dicts", variant).h3) == f"{course['code']}: {course['title']}"


def test_heading_shows_the_course(demo):
    assert text(demo("dicts").h3) == "CS253: Web Development"


def test_instructor_fields_follow_the_dicts_order(demo, data):
    instructor = data.variant("dicts")["instructor"]
    dl = demo("dicts").select_one("dl.instructor")
    assert texts(dl, "dt") == list(instructor)
    assert texts(dl, "dd") == list(instructor.values())


def test_items_keep_the_dicts_order_and_dictsort_sorts_by_key(demo, data):
    hours = data.variant("dicts")["office_hours"]
    soup = demo("dicts")
    in_order = texts(soup, "ul.office-hours-items > li .day")
    by_name = texts(soup, "ul.office-hours-sorted > li .day")
    assert in_order == list(hours) == ["Wednesday", "Monday", "Thursday"]
    assert by_name == sorted(hours, key=str.lower) == ["Monday", "Thursday", "Wednesday"]
    assert texts(soup, "ul.office-hours-sorted > li") == [f"{day} {hours[day]}" for day in by_name]


def test_empty_dicts_take_the_else_branch(demo):
    soup = demo("dicts", "empty")
    assert texts(soup, "dl.instructor dd") == ["to be announced"]
    assert texts(soup, "ul.office-hours > li.empty") == ["No office hours this term."] * 2


def test_markup_in_the_data_stays_text(demo, data):
    course = data.variant("dicts", "tricky")
    soup = demo("dicts", "tricky")
    assert soup.select("script, b") == []
    assert texts(soup, "dl.instructor dd")[1] == course["instructor"]["email"]
    assert "<Friday>" in texts(soup, "ul.office-hours-items .day")
