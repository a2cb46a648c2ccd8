"""/examples/call_blocks: {% call %} hands a macro its body, and caller(item) hands values back."""

import pytest
from bs4 import BeautifulSoup

from html_helpers import text, texts


def demo(soup, variant="default"):
    return soup(f"/examples/call_blocks?variant={variant}").select_one("[data-demo]")


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_each_announcement_is_the_call_body_inside_a_card(soup, data, variant):
    announcements = data.variant("call_blocks", variant)["announcements"]
    cards = demo(soup, variant).select("section.card")
    assert [card["class"] for card in cards] == [["card", "card-announcement"]] * len(announcements)
    assert [(text(card.select_one("h4.card-title")), texts(card, ".card-body > p")) for card in cards] == [
        (note["title"], [note["body"], f"Announcement {n} of {len(announcements)}"])
        for n, note in enumerate(announcements, start=1)
    ]


def test_the_body_sees_the_pages_loop(soup):
    numbers = texts(demo(soup), ".card-body .note-number")
    assert numbers == ["Announcement 1 of 2", "Announcement 2 of 2"]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_caller_hands_each_ta_to_the_block(soup, data, variant):
    tas = data.variant("call_blocks", variant)["tas"]
    items = demo(soup, variant).select("ul.item-list > li")
    assert [
        (text(li.select_one(".ta-name")), text(li.select_one(".ta-hours")), text(li.select_one(".ta-room")))
        for li in items
    ] == [(ta["name"], ta["hours"], ta["room"]) for ta in tas]


def test_the_first_ta_reads_as_a_sentence(soup):
    first = demo(soup).select_one("ul.item-list > li")
    assert text(first) == "Priya Raman: Monday 4:00\N{EN DASH}5:00 pm in Lab B"


def test_a_macro_called_from_python_takes_a_caller(app):
    cards = app.jinja_env.get_template("macros/cards.html").module
    html = BeautifulSoup(str(cards.item_list(["a", "b"], caller=lambda item: item.upper())), "html.parser")
    assert texts(html, "ul.item-list > li") == ["A", "B"]


def test_empty_lists_show_the_else_branches(soup):
    page = demo(soup, "empty")
    assert texts(page, "p.empty") == ["No announcements."]
    assert [(li["class"], text(li)) for li in page.select("ul.item-list > li")] == [
        (["empty"], "No TAs assigned yet.")
    ]


def test_markup_in_the_data_stays_text(soup):
    page = demo(soup, "tricky")
    assert page.select("section script, section b, ul i") == []
    assert text(page.select_one("h4.card-title")) == "<script>alert('news')</script>"
