from html_helpers import texts


def test_the_weeks_are_listed(soup, context):
    items = texts(soup, "ol.weeks > li")
    assert items  # a start: what else must be true of them?
