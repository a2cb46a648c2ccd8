from html_helpers import text


def test_the_verdict_is_shown(soup, context):
    verdict = text(soup.select_one("p.verdict"))
    assert verdict in ("pass", "fail")  # a start: which of the two should it be, from the numbers?
