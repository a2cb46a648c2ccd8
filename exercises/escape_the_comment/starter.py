from html_helpers import texts


def test_each_comment_is_shown(soup, context):
    shown = texts(soup, "ul.comments > li.comment")
    assert len(shown) == len(context["comments"])  # a start: as written? as text? in the title too?
