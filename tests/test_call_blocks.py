"""/examples/call_blocks: {% call %} hands a macro its body, and caller(item) hands values back."""

import pytest
from bs4 import BeautifulSoup

from app import data
from html_helpers import get_soup, text, texts


def board_page(client):
    return get_soup(client, "/examples/call_blocks")


@pytest.mark.parametrize("data_file", ["call_blocks", "call_blocks.tricky"])
def test_each_announcement_is_the_call_body_inside_a_card(client, monkeypatch, data_file):
    # The view reads data["call_blocks"]: run it on data/call_blocks.json, then on the tricky variant.
    monkeypatch.setitem(data, "call_blocks", data[data_file])
    announcements = data[data_file]["announcements"]
    cards = board_page(client).select("section.card")
    assert [card["class"] for card in cards] == [["card", "card-announcement"]] * len(announcements)
    assert [(text(card.select_one("h4.card-title")), texts(card, ".card-body > p")) for card in cards] == [
        (note["title"], [note["body"], f"Announcement {n} of {len(announcements)}"])
        for n, note in enumerate(announcements, start=1)
    ]


def test_the_body_sees_the_pages_loop(client):
    numbers = texts(board_page(client), "section.card .card-body > p.note-number")
    assert numbers == ["Announcement 1 of 2", "Announcement 2 of 2"]


@pytest.mark.parametrize("data_file", ["call_blocks", "call_blocks.tricky"])
def test_caller_hands_each_ta_to_the_block(client, monkeypatch, data_file):
    monkeypatch.setitem(data, "call_blocks", data[data_file])
    tas = data[data_file]["tas"]
    items = board_page(client).select("ul.item-list > li")
    assert [
        (text(li.select_one(".ta-name")), text(li.select_one(".ta-hours")), text(li.select_one(".ta-room")))
        for li in items
    ] == [(ta["name"], ta["hours"], ta["room"]) for ta in tas]


def test_the_first_ta_reads_as_a_sentence(client):
    first = board_page(client).select_one("ul.item-list > li")
    assert text(first) == "Priya Raman: Monday 4:00\N{EN DASH}5:00 pm in Lab B"


def test_a_macro_called_from_python_takes_a_caller(app):
    cards = app.jinja_env.get_template("macros/cards.html").module
    html = BeautifulSoup(str(cards.item_list(["a", "b"], caller=lambda item: item.upper())), "html.parser")
    assert texts(html, "ul.item-list > li") == ["A", "B"]


def test_empty_lists_show_the_else_branches(client, monkeypatch):
    # data/call_blocks.empty.json: no announcements and no TAs.
    monkeypatch.setitem(data, "call_blocks", data["call_blocks.empty"])
    page = board_page(client)
    assert page.select("section.card") == []
    assert texts(page, "p.empty") == ["No announcements."]
    assert [(li["class"], text(li)) for li in page.select("ul.item-list > li")] == [
        (["empty"], "No TAs assigned yet.")
    ]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "call_blocks", data["call_blocks.tricky"])
    page = board_page(client)
    assert page.select("section.card script, section.card b, ul.item-list i") == []
    assert text(page.select_one("h4.card-title")) == "<script>alert('news')</script>"
