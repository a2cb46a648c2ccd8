"""/examples/dicts: keys read by dot and by subscript, .items() and |dictsort."""

import pytest

from app import data
from html_helpers import get_soup, text, texts


def course_article(client):
    return get_soup(client, "/examples/dicts").select_one("article.course")


@pytest.mark.parametrize("data_file", ["dicts", "dicts.tricky"])
def test_heading_reads_keys_by_dot_and_by_subscript(client, monkeypatch, data_file):
    # The view reads data["dicts"]: run it on data/dicts.json, then on data/dicts.tricky.json.
    monkeypatch.setitem(data, "dicts", data[data_file])
    course = data[data_file]
    article = course_article(client)
    assert text(article.select_one("h3")) == f"{course['code']}: {course['title']}"
    assert text(article.select_one("p.course-term")) == f"{course['term']}, {course['credits']} credit"


def test_heading_shows_the_course(client):
    assert text(course_article(client).select_one("h3")) == "CS253: Web Development"


def test_instructor_fields_follow_the_dicts_order(client):
    instructor = data["dicts"]["instructor"]
    dl = course_article(client).select_one("dl.instructor")
    assert texts(dl, "dt") == list(instructor)
    assert texts(dl, "dd") == list(instructor.values())


def test_items_keep_the_dicts_order_and_dictsort_sorts_by_key(client):
    hours = data["dicts"]["office_hours"]
    article = course_article(client)
    in_order = texts(article, "ul.office-hours-items > li .day")
    by_name = texts(article, "ul.office-hours-sorted > li .day")
    assert in_order == list(hours) == ["Wednesday", "Monday", "Thursday"]
    assert by_name == sorted(hours, key=str.lower) == ["Monday", "Thursday", "Wednesday"]
    assert texts(article, "ul.office-hours-items > li") == [f"{day} {hours[day]}" for day in in_order]
    assert texts(article, "ul.office-hours-sorted > li") == [f"{day} {hours[day]}" for day in by_name]


def test_empty_dicts_take_the_else_branch(client, monkeypatch):
    # data/dicts.empty.json: the same course, with no instructor fields and no office hours.
    monkeypatch.setitem(data, "dicts", data["dicts.empty"])
    article = course_article(client)
    assert texts(article, "dl.instructor dd") == ["to be announced"]
    assert texts(article, "ul.office-hours > li.empty") == ["No office hours this term."] * 2


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "dicts", data["dicts.tricky"])
    course = data["dicts.tricky"]
    article = course_article(client)
    assert article.select("script, b") == []
    assert texts(article, "dl.instructor dd")[1] == course["instructor"]["email"]
    assert "<Friday>" in texts(article, "ul.office-hours-items .day")
