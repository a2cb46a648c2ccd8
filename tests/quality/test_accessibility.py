"""Accessible: axe-core finds no WCAG 2.1 A or AA violation on any page, in light and dark colour schemes."""

import pytest

from visits import SCHEMES, violations


@pytest.mark.parametrize("scheme", SCHEMES)
def test_page_has_no_accessibility_violations(html_page, scheme, visits):
    assert visits[html_page].violations[scheme] == []


def test_axe_reports_an_input_without_a_label(page):
    # Proof that the check can fail: the same call, on a page with an unlabelled input.
    page.set_content('<!DOCTYPE html><html lang="en"><title>Form</title><main><input></main></html>')
    assert [line.split(" ", 1)[0] for line in violations(page)] == ["label"]
