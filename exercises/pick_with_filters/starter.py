from html_helpers import texts


def test_the_open_assignments_are_listed(soup, context):
    items = texts(soup, "ul.open-assignments > li")
    assert items  # a start: which assignments, in which order, and how many does the summary say?
