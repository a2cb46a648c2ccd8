"""Valid HTML: the Nu HTML Checker (vnu), the W3C's own, finds no error on any page."""


def test_page_is_valid_html(html_page, vnu_report):
    assert vnu_report.pages[html_page.request] == []


def test_the_checker_reports_an_error_on_a_page_that_has_one(vnu_report):
    # The canary page has a duplicate id: had vnu's report not been read, every page would pass.
    assert vnu_report.canary == ['1:71: Duplicate ID “twice”.  [wice"></p><p id="twice"></p></]']
