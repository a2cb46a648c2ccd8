"""/examples/render_string: render_template_string with a constant template and the name as a variable."""

from urllib.parse import quote

import pytest

from html_helpers import captured_templates, get_soup, text

SOURCE = '<p class="greeting">Hello, {{ name }}! Welcome to CS253.</p>'


def returned(client, name=None):
    """The text of the page's 'what it returned' block, for a name sent in the query string (or none)."""
    url = "/examples/render_string" + ("" if name is None else f"?name={quote(name)}")
    return get_soup(client, url).select_one("pre.rendered").get_text()


def test_the_template_is_shown_as_the_view_wrote_it(client):
    soup = get_soup(client, "/examples/render_string")
    assert soup.select_one("pre.template-source").get_text() == SOURCE
    assert soup.select_one("form.name-form input#name")["value"] == "Ada"


def test_the_form_sends_the_name_back_to_this_page(client):
    form = get_soup(client, "/examples/render_string?name=Ben").select_one("form.name-form")
    assert (form["action"], form["method"]) == ("/examples/render_string", "get")
    assert form.select_one('label[for="name"]') is not None
    assert (form.select_one("input#name")["name"], form.select_one("input#name")["value"]) == ("name", "Ben")


def test_the_name_fills_in_the_variable(client):
    assert returned(client) == '<p class="greeting">Hello, Ada! Welcome to CS253.</p>'
    assert returned(client, "Ben Okafor") == '<p class="greeting">Hello, Ben Okafor! Welcome to CS253.</p>'


@pytest.mark.parametrize("name", ["{{ 7 * 7 }}", "{{ config }}", "{% for x in range(3) %}x{% endfor %}"])
def test_template_code_in_the_name_is_data_never_run(client, name):
    result = returned(client, name)
    assert result == f'<p class="greeting">Hello, {name}! Welcome to CS253.</p>'
    assert "49" not in result


def test_the_string_template_escapes_the_name_itself(client):
    result = returned(client, "<b>Zoë</b> O'Brien & co")
    escaped = "&lt;b&gt;Zoë&lt;/b&gt; O&#39;Brien &amp; co"
    assert result == f'<p class="greeting">Hello, {escaped}! Welcome to CS253.</p>'


def test_two_templates_render_the_string_then_the_page(app, client):
    with captured_templates(app) as rendered:
        get_soup(client, "/examples/render_string?name=Chen")
    assert [template.name for template, context in rendered] == [None, "examples/render_string.html"]
    assert rendered[0][1]["name"] == "Chen"


def test_a_name_over_40_characters_gets_a_400(client):
    soup = get_soup(client, f"/examples/render_string?name={'A' * 41}", status=400)
    assert text(soup.select_one(".limit")) == "The limit is 40 characters."
