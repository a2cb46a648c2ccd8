"""/examples/autoescape: a comment from the query string, autoescaped, with |escape and |forceescape."""

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from html_helpers import get_soup, text, texts

DEFAULT = 'Loved <b>week 5</b> & its "filters" <3'
ROWS = ["escaping-auto", "escaping-escape", "escaping-twice", "escaping-force"]


def shown(soup):
    """What each row of the table shows, by its class."""
    return {row["class"][0]: text(row.td) for row in soup.select("table.escaping tbody tr")}


def test_the_default_comment_is_shown_as_text_not_html(client):
    soup = get_soup(client, "/examples/autoescape")
    assert soup.select("table.escaping td b") == []
    assert shown(soup) == {
        "escaping-auto": DEFAULT,
        "escaping-escape": DEFAULT,
        "escaping-twice": DEFAULT,
        "escaping-force": "Loved &lt;b&gt;week 5&lt;/b&gt; &amp; its &#34;filters&#34; &lt;3",
    }


@pytest.mark.parametrize(
    "comment", ["<b>hi</b>", "<script>alert('hi')</script>", 'Zoë & O\'Brien say "月曜日"', ""]
)
def test_a_comment_from_the_query_string_is_escaped_once_and_forceescape_escapes_again(client, comment):
    soup = get_soup(client, f"/examples/autoescape?comment={quote(comment)}")
    assert soup.select("table.escaping td b, table.escaping td script") == []
    html_of_it = comment.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    html_of_it = html_of_it.replace('"', "&#34;").replace("'", "&#39;")
    assert shown(soup) == dict(zip(ROWS, [comment, comment, comment, html_of_it], strict=True))


def test_the_page_sends_entities_for_the_markup(client):
    html = client.get("/examples/autoescape?comment=%3Cb%3Ehi%3C%2Fb%3E").get_data(as_text=True)
    assert "<td>&lt;b&gt;hi&lt;/b&gt;</td>" in html
    assert "<td>&amp;lt;b&amp;gt;hi&amp;lt;/b&amp;gt;</td>" in html
    assert "<b>hi</b>" not in html


def test_the_field_keeps_what_was_typed_and_the_rows_name_their_template_code(client):
    soup = get_soup(client, "/examples/autoescape?comment=%22%3E%3Cb%3Ex")
    form = soup.select_one("form.comment-form")
    assert (form["action"], form["method"]) == ("/examples/autoescape", "get")  # it sends to this page
    field = form.select_one("input#comment")
    assert field["name"] == "comment"
    assert field["value"] == '"><b>x'
    assert soup.select_one('form.comment-form label[for="comment"]') is not None
    assert texts(soup, "table.escaping tbody th") == [
        "{{ comment }}",
        "{{ comment|escape }}",
        "{{ comment|escape|escape }}",
        "{{ comment|escape|forceescape }}",
    ]


def test_a_comment_of_200_characters_is_accepted(client):
    soup = get_soup(client, f"/examples/autoescape?comment={'x' * 200}")
    assert shown(soup)["escaping-auto"] == "x" * 200


def test_a_longer_comment_gets_a_400_that_says_the_limit_and_shows_it_escaped(client):
    comment = "<script>alert('hi')</script>" + "x" * 180
    soup = get_soup(client, f"/examples/autoescape?comment={quote(comment)}", status=400)
    assert texts(soup, "h1") == ["400 Bad Request"]
    assert text(soup.select_one(".error-description")) == "comment must be at most 200 characters long."
    assert text(soup.select_one(".sent")) == f"You sent comment={comment}: 208 characters."
    assert text(soup.select_one(".limit")) == "The limit is 200 characters."
    assert soup.select("main script") == []
    shortened = urlsplit(soup.select_one("a.shortened")["href"])
    assert shortened.path == "/examples/autoescape"
    assert parse_qs(shortened.query) == {"comment": [comment[:200]]}
