"""Accessible: axe-core finds no WCAG 2.1 A or AA violation on any page, once the page's scripts have
run: in the dark colour scheme on a phone, and, on a page taken whole, in the light one on a desktop
(tests/quality/visits.py)."""

from visits import CODE, DEMO, PHONE, SCHEMES, violations


def test_page_has_no_accessibility_violations(html_page, visits):
    seen = visits[html_page]
    assert seen.violations == {scheme: [] for scheme in (SCHEMES if seen.whole else ["dark"])}


def test_axe_reports_an_input_without_a_label(page):
    # Proof that the check can fail: the same call, on a page with an unlabelled input.
    page.set_content('<!DOCTYPE html><html lang="en"><title>Form</title><main><input></main></html>')
    assert [line.split(" ", 1)[0] for line in violations(page)] == ["label"]


def test_axe_reports_a_box_that_scrolls_only_on_a_phone_and_takes_no_focus(page):
    # Why the phone is checked too: on a desktop this line fits, and axe finds nothing.
    page.set_content(
        '<!DOCTYPE html><html lang="en"><title>Code</title><main>'
        f'<pre style="overflow-x: auto">{"x = 1; " * 18}</pre></main></html>'
    )
    assert violations(page) == []
    page.set_viewport_size(PHONE)
    assert [line.split(" ", 1)[0] for line in violations(page)] == ["scrollable-region-focusable"]


def test_axe_on_a_demo_reports_what_is_in_it_and_nothing_else(page):
    # A page taken on its demo (tests/quality/visits.py) is checked there, and there it can fail.
    outside = '<main><input id="outside"><section class="demo"><input id="inside"></section></main>'
    page.set_content(f'<!DOCTYPE html><html lang="en"><title>Form</title>{outside}</html>')
    assert [line.rsplit(" at ", 1)[1] for line in violations(page, DEMO)] == ["#inside"]
    assert [line.rsplit(" at ", 1)[1] for line in violations(page)] == ["#outside, #inside"]


def test_axe_without_the_code_reports_what_is_outside_it(page):
    # A page whose highlighted code is left out (tests/quality/visits.py, CODE) is checked elsewhere.
    body = '<main><input id="outside"><pre class="highlight"><input id="inside"></pre></main>'
    page.set_content(f'<!DOCTYPE html><html lang="en"><title>Form</title>{body}</html>')
    assert [line.rsplit(" at ", 1)[1] for line in violations(page, without=CODE)] == ["#outside"]
    assert [line.rsplit(" at ", 1)[1] for line in violations(page)] == ["#outside, #inside"]
