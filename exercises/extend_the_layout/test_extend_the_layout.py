from html_helpers import text, texts

LAYOUT_FOOTER = "CS253, Fall 2026. Questions? Come to office hours."


def heading(week):
    return f"Week {week['number']}: {week['topic']}"


def test_the_page_title_names_the_week(soup, context):
    assert soup.title.get_text() == f"{heading(context['week'])} · CS253 Web Development"


def test_the_content_block_shows_the_week_and_its_notes(soup, context):
    assert texts(soup, "main h1.week-title") == [heading(context["week"])]
    assert texts(soup, "main ul.notes > li") == context["week"]["notes"]
    assert soup.select("main .default") == []  # the layout's placeholder is replaced


def test_the_layouts_header_is_kept(soup):
    assert texts(soup, "header.site-header .site-name") == ["CS253 Web Development"]


def test_the_footer_keeps_the_layouts_line_and_adds_the_update(soup, context):
    paragraphs = texts(soup, "footer.site-footer > p")
    assert paragraphs == [LAYOUT_FOOTER, f"Notes updated {context['week']['updated']}"]
    assert text(soup.select_one("footer.site-footer p.copyright")) == LAYOUT_FOOTER
