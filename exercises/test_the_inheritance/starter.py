def test_the_page_has_the_layouts_parts(soup):
    assert soup.select_one("header.site-header")  # a start: what must the child's blocks add, and keep?
