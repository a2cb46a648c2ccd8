"""In a real browser: every page loads without errors, styled, fits a phone, and is screenshotted."""

import re
import struct
from urllib.parse import urlsplit

import pytest

from app import gallery as showcase_gallery
from crawler import Request
from external_tools import PROJECT
from showcase_site import endpoint
from visits import DESKTOP, PHONE, code_once_a_section, runtime_once_a_route, whole_or_demo


def css_backgrounds():
    """The page background site.css sets, as a browser reports it: {"light": "rgb(...)", "dark": ...}."""
    css = (PROJECT / "static" / "css" / "site.css").read_text(encoding="utf-8")
    light, dark = re.findall(r"--color-background:\s*#([0-9a-fA-F]{6});", css)
    return {
        scheme: "rgb({}, {}, {})".format(*bytes.fromhex(colour))
        for scheme, colour in (("light", light), ("dark", dark))
    }


def png_width(path):
    """The width in pixels of a PNG file, read from its header."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">I", header[16:20])[0]


def shown(page):
    """Where the page is (path and query) and which variant links it marks as the current page."""
    url = urlsplit(page.url)
    current = page.locator('nav.variants a[aria-current="page"]').all_inner_texts()
    return url.path + (f"?{url.query}" if url.query else ""), current


def test_page_logs_no_errors_to_the_console(html_page, visits):
    assert visits[html_page].errors == []


def test_page_requests_nothing_that_fails(html_page, visits):
    assert visits[html_page].failed_requests == []


def test_stylesheet_applies_in_both_colour_schemes(html_page, visits):
    assert css_backgrounds()["light"] == "rgb(251, 251, 253)"
    assert visits[html_page].background == css_backgrounds()


def test_page_does_not_scroll_sideways_on_a_phone(html_page, visits):
    assert visits[html_page].too_wide == []


def test_page_has_screenshots(html_page, visits):
    seen = visits[html_page]
    widths = {name: png_width(path) for name, path in seen.screenshots.items()}
    assert seen.phone_width >= PHONE["width"]
    # A page taken whole: all of it, on a desktop and on a phone; another, its demo on a phone
    # (tests/quality/visits.py), as wide as the phone's screen leaves it.
    if seen.whole:
        assert widths == {"desktop": DESKTOP["width"], "phone": seen.phone_width}
    else:
        assert list(widths) == ["phone"]
        assert PHONE["width"] / 2 < widths["phone"] <= PHONE["width"]


def test_one_page_a_path_is_taken_whole_and_the_others_on_their_demo(site):
    whole = whole_or_demo(site.pages)
    assert whole[Request("/examples/lists")] is True
    assert whole[Request("/examples/lists?variant=empty")] is False
    assert whole[Request("/examples/tables?sort=nmae", status=400)] is True  # an error page's own
    assert whole[Request("/playground?example=lists")] is False  # no demo: visits take it whole
    by_path = {}
    for page in site.pages:
        by_path.setdefault(page.request.url.split("?")[0], []).append(whole[page.request])
    assert all(taken[0] for taken in by_path.values())
    assert 50 <= sum(whole.values()) < len(whole) / 2


def test_the_runtime_starts_on_the_first_page_of_each_route_only(site):
    runtime = runtime_once_a_route(site.pages, endpoint)
    exercises = [page.request for page in site.pages if page.request.url.startswith("/exercises/")]
    assert len(exercises) >= 20
    assert [runtime[request] for request in exercises] == [True] + [False] * (len(exercises) - 1)
    assert runtime[Request("/playground")] is True
    assert runtime[Request("/playground?example=lists")] is False
    assert runtime[Request("/examples/lists")] is True
    assert runtime[Request("/examples/lists?variant=empty")] is False


def test_axe_checks_the_highlighted_code_on_the_first_page_of_each_section(site, visits):
    code = code_once_a_section(site.pages)
    examples = [page.request for page in site.pages if page.request.url.startswith("/examples/")]
    assert len(examples) >= 100
    assert [code[request] for request in examples] == [True] + [False] * (len(examples) - 1)
    assert code[Request("/testing")] is code[Request("/playground")] is True
    assert code[Request("/playground?example=lists")] is False
    assert [visits[site.get(request)].code for request in examples[:2]] == [True, False]
    assert visits[site.get("/testing")].code is True


def test_the_empty_variant_link_shows_the_else_branch(page):
    page.goto("/examples/lists")
    with page.expect_navigation():
        page.locator("nav.variants").get_by_role("link", name="empty", exact=True).click()
    assert shown(page) == ("/examples/lists?variant=empty", ["empty"])
    assert page.locator("ol.weeks > li").all_inner_texts() == ["No weeks planned yet."]


WITH_VARIANTS = [example for example in showcase_gallery.examples if len(example.variants) > 1]


@pytest.mark.parametrize("example", WITH_VARIANTS, ids=lambda example: example.endpoint)
def test_each_variant_link_leads_to_its_variant_and_is_marked_current(site, visits, example):
    # Each variant's page, as the browser saw it: its links, where they lead, which is current.
    # (A click on one is the test above: following any other is following its address.)
    path = f"/examples/{example.endpoint}"
    default, *others = example.variants
    assert default == "default"
    leads_to = {default: path} | {variant: f"{path}?variant={variant}" for variant in others}
    for variant, url in leads_to.items():
        links = visits[site.get(url)].variant_links
        assert [(name, href) for name, href, _ in links] == list(leads_to.items()), url
        assert [name for name, _, current in links if current] == [variant], url
