from html_helpers import texts


def test_the_sections_are_in_the_table(soup, context):
    cells = texts(soup, "table.sections td")
    assert cells  # a start: which cells, under which headings, in which rows and order?
