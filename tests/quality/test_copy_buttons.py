"""In a real browser: every copy button puts exactly its file's text on the clipboard."""

import pytest
from bs4 import BeautifulSoup

from app import app as showcase_app
from app import gallery as showcase_gallery
from external_tools import PROJECT


def expected_texts(url):
    """What each copy button should copy: the text of the <pre> it names, as the server sent it."""
    html = showcase_app.test_client().get(url).get_data(as_text=True)
    soup = BeautifulSoup(html, "html.parser")
    return {
        button["data-copy"]: soup.find(id=button["data-copy"]).get_text()
        for button in soup.select("[data-copy]")
    }


@pytest.mark.parametrize("url", ["/examples/tables?variant=tricky", "/examples/lists", "/testing"])
def test_every_copy_button_copies_its_files_exact_text(page, url):
    expected = expected_texts(url)
    assert len(expected) >= 5
    page.goto(url)
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    copied = {}
    for code_id in expected:
        button = page.locator(f'button[data-copy="{code_id}"]')
        assert button.is_visible(), f"{code_id}: copy.js did not show the button"
        button.click()
        copied[code_id] = page.evaluate("navigator.clipboard.readText()")
        assert button.inner_text() == "Copied"
    assert copied == expected
    assert page.locator("p.copy-status[role=status]").inner_text().startswith("Copied ")


def test_copied_sources_are_the_files_themselves(page):
    example = showcase_gallery.by_endpoint["lists"]
    page.goto("/examples/lists")
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.locator('button[data-copy="panel-view-1"]').click()
    # The view panel's file is the app.py of the example's download, whole.
    assert (
        page.evaluate("navigator.clipboard.readText()") == showcase_gallery.project("lists").files["app.py"]
    )
    page.locator('button[data-copy="panel-template-1"]').click()
    template = (PROJECT / "templates" / example.template).read_text(encoding="utf-8")
    assert page.evaluate("navigator.clipboard.readText()") == template
    page.locator('button[data-copy="panel-html-1"]').click()
    assert page.evaluate("navigator.clipboard.readText()").startswith("<h3>The course, week by week</h3>\n")
