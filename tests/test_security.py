"""Security headers: on every response, the pages' and the errors' alike."""

import pytest

from showcase.security import RUNTIME_CONTENT_SECURITY_POLICY, SECURITY_HEADERS
from site_pages import pages

OTHER_RESPONSES = ["/hello", "/static/css/site.css", "/no/such/page", "/examples/tables?sort=nmae"]
# The playground's page and files may also compile WebAssembly and start a worker (Pyodide).
RUNTIME = ["/playground", "/playground?example=lists", "/playground/runtime/worker.js"]


@pytest.mark.parametrize("url", pages() + OTHER_RESPONSES + RUNTIME)
def test_every_response_carries_the_security_headers(client, url):
    expected = dict(SECURITY_HEADERS)
    if url.startswith("/playground"):
        expected["Content-Security-Policy"] = RUNTIME_CONTENT_SECURITY_POLICY
    with client.get(url) as response:
        for header, value in expected.items():
            assert response.headers.get(header) == value, f"{url}: {header}"


def test_the_runtimes_policy_adds_webassembly_and_a_worker_and_nothing_else():
    policy = dict(part.split(" ", 1) for part in RUNTIME_CONTENT_SECURITY_POLICY.split("; "))
    site = dict(part.split(" ", 1) for part in SECURITY_HEADERS["Content-Security-Policy"].split("; "))
    assert policy == {**site, "script-src": "'self' 'wasm-unsafe-eval'", "worker-src": "'self'"}


def test_the_policy_allows_no_inline_code_and_no_framing():
    policy = dict(part.split(" ", 1) for part in SECURITY_HEADERS["Content-Security-Policy"].split("; "))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in SECURITY_HEADERS["Content-Security-Policy"]
    assert "unsafe-eval" not in SECURITY_HEADERS["Content-Security-Policy"]
    assert SECURITY_HEADERS["X-Frame-Options"] == "DENY"
    assert SECURITY_HEADERS["X-Content-Type-Options"] == "nosniff"
