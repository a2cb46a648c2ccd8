"""showcase/validation.py: query values checked in the view, with a clear 400 when they are wrong."""

import pytest

from showcase.validation import QueryTextTooLong, query_text


@pytest.mark.parametrize(
    ("url", "expected"),
    [("/?q=Flask", "Flask"), ("/?q=", ""), ("/?q=Zo%C3%AB", "Zoë"), ("/", "Jinja")],
)
def test_query_text_returns_the_value_or_the_default(app, url, expected):
    with app.test_request_context(url):
        assert query_text("q", max_length=5, default="Jinja") == expected


def test_query_text_counts_characters_not_bytes(app):
    with app.test_request_context("/?q=%E6%9C%88%E6%9B%9C%E6%97%A5"):  # 月曜日: 3 characters, 9 bytes
        assert query_text("q", max_length=3) == "月曜日"


def test_query_text_over_the_limit_is_a_400_that_keeps_the_value(app):
    with app.test_request_context("/?q=Flasks"), pytest.raises(QueryTextTooLong) as raised:
        query_text("q", max_length=5)
    error = raised.value
    assert (error.code, error.parameter, error.value, error.max_length) == (400, "q", "Flasks", 5)
    assert error.description == "q must be at most 5 characters long."
