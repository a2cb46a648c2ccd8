from html_helpers import text, texts


def test_each_comment_reads_as_its_student_wrote_it(soup, context):
    expected = [(c["author"], c["text"]) for c in context["comments"]]
    shown = list(zip(texts(soup, "li.comment .author"), texts(soup, "li.comment q.text"), strict=False))
    assert shown == expected
    newest = context["comments"][-1]
    assert text(soup.select_one("p.newest")) == f"Newest, from {newest['author']}: {newest['text']}"


def test_no_comment_becomes_markup(soup):
    assert soup.find_all("script") == []
    assert soup.select("q *") == []  # a quoted comment holds text, no element


def test_each_quote_button_holds_the_whole_comment(soup, context):
    assert [button.get("title") for button in soup.select("li.comment button.quote")] == [
        c["text"] for c in context["comments"]
    ]
