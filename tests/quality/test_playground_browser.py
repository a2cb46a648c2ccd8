"""In a real browser: the playground's preview follows what is typed, and errors mark their line."""

import json

import pytest
from jinja2 import Environment, TemplateSyntaxError


def type_into(page, selector, text):
    """Replace a field's text as a person would: the page hears an input event."""
    page.fill(selector, text)


def test_the_preview_follows_the_template_as_it_is_typed(page):
    page.goto("/playground")
    type_into(page, "#context", json.dumps({"weeks": ["HTTP", "Flask & <Jinja>"]}))
    type_into(page, "#template", "<ul>{% for w in weeks %}<li>{{ w }}</li>{% endfor %}</ul>")
    source = page.locator("[data-source] code")
    source.filter(has_text="Flask &amp; &lt;Jinja&gt;").wait_for()
    assert source.inner_text() == "<ul><li>HTTP</li><li>Flask &amp; &lt;Jinja&gt;</li></ul>"
    preview = page.frame_locator("[data-preview]")
    assert preview.locator("li").all_inner_texts() == ["HTTP", "Flask & <Jinja>"]
    assert page.url.endswith("/playground")  # updated in place: no form was submitted


def jinja_error_line(template):
    """The line plain Jinja blames for a template's syntax error."""
    with pytest.raises(TemplateSyntaxError) as caught:
        Environment().parse(template)
    return caught.value.lineno


def test_a_syntax_error_marks_its_line_beside_the_editor(page):
    template = "<p>one</p>\n<p>two</p>\n{{ weeks|join(', ' }}\n<p>three</p>"
    line = jinja_error_line(template)
    assert line == 3
    page.goto("/playground")
    type_into(page, "#template", template)
    marked = page.locator("[data-gutter] .is-error")
    marked.wait_for()
    assert marked.inner_text() == str(line)
    assert f"line {line}" in page.locator("[data-error-message]").inner_text().lower()


def test_the_preview_runs_no_script(page):
    page.goto("/playground")
    type_into(page, "#context", "{}")
    type_into(
        page,
        "#template",
        '<p id="x">before</p><script>document.getElementById("x").textContent = "ran"</script>',
    )
    page.locator("[data-source] code").filter(has_text="<script>").wait_for()
    assert page.frame_locator("[data-preview]").locator("#x").inner_text() == "before"
    assert page.locator("[data-preview]").get_attribute("sandbox") == ""
