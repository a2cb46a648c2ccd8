from html_helpers import text, texts

LAYOUT_FOOTER = "CS253, Fall 2026. Questions? Come to office hours."


def test_the_title_and_the_content_fill_the_layout(soup, context):
    lab = context["lab"]
    assert soup.title.get_text() == f"{lab['title']} · CS253 Web Development"
    assert text(soup.select_one("main h1.lab-title")) == lab["title"]
    assert texts(soup, "main p.due") == [f"Due {lab['due']}"]
    assert texts(soup, "main ol.steps > li") == lab["steps"]
    assert soup.select("main .default") == []


def test_the_footer_keeps_the_layouts_line_and_adds_the_labs(soup, context):
    expected = [LAYOUT_FOOTER, f"Stuck on {context['lab']['title']}? Ask in the lab's channel."]
    assert texts(soup, "footer.site-footer > p") == expected
