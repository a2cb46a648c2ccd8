"""/examples/trusted_html: Markup, |safe and {% autoescape false %}, each on HTML the program wrote."""

import pytest

from html_helpers import text, texts


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_markup_keeps_its_own_tags_and_escapes_the_room_it_formats(demo, data, variant):
    room = data.variant("trusted_html", variant)["room"]
    notice = demo("trusted_html", variant).select_one("p.notice")
    assert [tag.name for tag in notice.find_all()] == ["strong"]
    assert text(notice.strong) == room
    assert text(notice) == f"Office hours move to {room} this week."


def test_the_default_room_is_in_bold(demo):
    assert text(demo("trusted_html").select_one("p.notice strong")) == "Science Hall 214"


def test_is_escaped_tells_markup_from_a_plain_string(demo):
    soup = demo("trusted_html")
    assert texts(soup, "dl.is-escaped dt") == ["{{ notice is escaped }}", "{{ hours.room is escaped }}"]
    assert texts(soup, "dl.is-escaped dd") == ["True", "False"]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_a_safe_separator_joins_days_that_stay_text(demo, data, variant):
    days = data.variant("trusted_html", variant)["days"]
    line = demo("trusted_html", variant).select_one("p.days")
    assert line.find_all() == []
    assert text(line) == "Office hours: " + " · ".join(days)


def test_the_separator_is_sent_as_an_entity_and_the_days_escaped(client):
    html = client.get("/examples/trusted_html?variant=tricky").get_data(as_text=True)
    assert "&lt;Friday&gt; &middot; Dienstag &amp; Mittwoch &middot; 月曜日" in html


def test_autoescape_false_lets_the_constant_through_as_html(demo):
    line = demo("trusted_html").select_one("section.trusted-autoescape p.autoescape-off")
    assert [tag.name for tag in line.find_all()] == ["kbd"]
    assert text(line.kbd) == "python app.py"
