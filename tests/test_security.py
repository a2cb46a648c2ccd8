"""Security headers: on every response, the pages' and the errors' alike."""

import pytest

from showcase.security import SECURITY_HEADERS
from site_pages import pages

OTHER_RESPONSES = ["/hello", "/static/css/site.css", "/no/such/page", "/examples/tables?sort=nmae"]


@pytest.mark.parametrize("url", pages() + OTHER_RESPONSES)
def test_every_response_carries_the_security_headers(client, url):
    with client.get(url) as response:
        for header, value in SECURITY_HEADERS.items():
            assert response.headers.get(header) == value, f"{url}: {header}"


def test_the_policy_allows_no_inline_code_and_no_framing():
    policy = dict(part.split(" ", 1) for part in SECURITY_HEADERS["Content-Security-Policy"].split("; "))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in SECURITY_HEADERS["Content-Security-Policy"]
    assert "unsafe-eval" not in SECURITY_HEADERS["Content-Security-Policy"]
    assert SECURITY_HEADERS["X-Frame-Options"] == "DENY"
    assert SECURITY_HEADERS["X-Content-Type-Options"] == "nosniff"
