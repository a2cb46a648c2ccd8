"""/examples/output on the site: its panels show the template's {# #} comment, but not the HTML's."""


def test_the_comment_is_in_the_template_panel_but_not_in_the_html(soup):
    page = soup("/examples/output")
    comment = "comments stay on the server"
    assert comment in page.select_one('[data-panel="template"] pre').get_text()
    assert comment not in str(page.select_one("[data-demo]"))
    assert comment not in page.select_one('[data-panel="html"] pre').get_text()
