"""/examples/search: a GET search form, request in the template, and the query kept and echoed safely."""

from urllib.parse import quote

import pytest

from app import data
from html_helpers import get_soup, text, texts


def matching(terms, query):
    """The terms the page should list: the query found in the term or its meaning, ignoring case."""
    needle = query.strip().casefold()
    return [t["term"] for t in terms if needle in f"{t['term']} {t['meaning']}".casefold()]


def test_without_a_query_every_term_is_listed(client):
    terms = data["search"]
    soup = get_soup(client, "/examples/search")
    assert texts(soup, "ul.glossary strong.term") == [t["term"] for t in terms]
    assert texts(soup, "ul.glossary span.meaning") == [t["meaning"] for t in terms]
    assert texts(soup, "ul.glossary li") == [f"{t['term']}: {t['meaning']}" for t in terms]
    assert soup.select_one("form.search-form input#q")["value"] == ""
    assert soup.select("p.search-summary") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("HTTP", ["HTTP"]),
        ("flask", ["route", "query string", "session", "WSGI"]),
        ("  TEMPLATE ", ["view", "template"]),
    ],
)
def test_a_query_lists_the_matching_terms_and_says_how_many(client, query, expected):
    soup = get_soup(client, f"/examples/search?q={quote(query)}")
    assert texts(soup, "ul.glossary strong.term") == matching(data["search"], query) == expected
    noun = "term matches" if len(expected) == 1 else "terms match"
    summary = f"{len(expected)} {noun} “{query}”. Show every term"
    assert text(soup.select_one("p.search-summary")) == " ".join(summary.split())


def test_the_form_sends_a_get_back_to_this_page_and_keeps_the_query(client):
    soup = get_soup(client, "/examples/search?q=%22%3E%3Cb%3Eroute")
    form = soup.select_one("form.search-form")
    assert (form["action"], form["method"]) == ("/examples/search", "get")
    assert form.select_one('label[for="q"]') is not None
    assert form.select_one("input#q")["name"] == "q"
    assert form.select_one("input#q")["value"] == '"><b>route'
    assert form.select("b") == []
    summary = soup.select_one("p.search-summary")
    assert summary.select("b") == []
    assert '“"><b>route”' in text(summary)
    assert summary.select_one("a")["href"] == "/examples/search"


def test_the_page_shows_request_args_as_text(client):
    soup = get_soup(client, "/examples/search?q=%3Ci%3Eflask")
    args = soup.select_one("p.request-args")
    assert text(args) == "request.args for this page: {'q': '<i>flask'}"
    assert args.select("i") == []


def test_no_match_and_an_empty_glossary_say_so(client, monkeypatch):
    no_match = get_soup(client, "/examples/search?q=zzz")
    assert texts(no_match, "ul.glossary li") == ["Try another word."]
    monkeypatch.setitem(data, "search", data["search.empty"])
    empty = get_soup(client, "/examples/search")
    assert texts(empty, "ul.glossary li") == ["The glossary is empty."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "search", data["search.tricky"])
    soup = get_soup(client, "/examples/search")
    assert soup.select("ul.glossary script") == []
    assert texts(soup, "ul.glossary strong.term") == [t["term"] for t in data["search.tricky"]]
    assert texts(soup, "ul.glossary span.meaning") == [t["meaning"] for t in data["search.tricky"]]


def test_a_query_over_50_characters_gets_a_400_that_keeps_it(client):
    query = "<b>" + "flask " * 9 + "app"
    soup = get_soup(client, f"/examples/search?q={quote(query)}", status=400)
    assert text(soup.select_one(".error-description")) == "q must be at most 50 characters long."
    assert text(soup.select_one(".sent")) == f"You sent q={query}: 60 characters."
    assert soup.select("main b") == []
