"""In a real browser: the playground renders in the visitor's own Python (Pyodide in a worker),
diagnoses, previews, opens every example as its page shows it, contains the injection corpus,
stops the blow-ups only a clock can stop, and works in the static copy served over HTTP."""

import json
import time
import urllib.parse

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, TemplateSyntaxError
from test_playground import demo_as_served, downloads_content, settled
from test_playground_safety import CLOCKED, EXHAUSTION, LEAKS, job, ssti_payloads

from app import app as showcase_app
from app import gallery as showcase_gallery

RENDER = "(request) => window.playground.render(request)"


def type_into(page, selector, text):
    """Replace a field's text as a person would: the page hears an input event."""
    page.fill(selector, text)


def rendered(page, has_text, seconds=60):
    """Wait until the source pane shows ``has_text`` (the runtime may still be starting)."""
    page.locator("[data-source] code").filter(has_text=has_text).wait_for(timeout=seconds * 1000)


@pytest.fixture(scope="module")
def playground(browser, live_server):
    """One playground tab, its runtime started once, for the renders of this module's tests."""
    context = browser.new_context(base_url=live_server)
    tab = context.new_page()
    errors = []
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.goto("/playground")
    assert tab.evaluate("() => window.playground.ready") is True
    yield tab
    context.close()
    # Nothing the policy refused, nothing the runtime failed at; but the preview's sandbox does
    # refuse the script that test_the_preview_runs_no_script puts in it, and says so.
    refused = "Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed"
    assert [error for error in errors if not error.startswith(refused)] == []


def render(tab, template, context=None, trim_blocks=False, lstrip_blocks=False):
    request = {"template": template, "context": context or {}, "trim_blocks": trim_blocks}
    return tab.evaluate(RENDER, {**request, "lstrip_blocks": lstrip_blocks})


def test_the_preview_follows_the_template_as_it_is_typed(page):
    page.goto("/playground")
    rendered(page, "CS253: Web Development")  # the example, once the runtime is ready
    assert page.locator("[data-status]").inner_text() == "Rendered."
    type_into(page, "#context", json.dumps({"weeks": ["HTTP", "Flask & <Jinja>"]}))
    type_into(page, "#template", "<ul>{% for w in weeks %}<li>{{ w }}</li>{% endfor %}</ul>")
    rendered(page, "Flask &amp; &lt;Jinja&gt;")
    source = page.locator("[data-source] code")
    assert source.inner_text() == "<ul><li>HTTP</li><li>Flask &amp; &lt;Jinja&gt;</li></ul>"
    preview = page.frame_locator("[data-preview]")
    assert preview.locator("li").all_inner_texts() == ["HTTP", "Flask & <Jinja>"]
    assert page.url.endswith("/playground")  # updated in place: no form was submitted
    assert page.locator("[data-needs-javascript]").is_hidden()
    page.check("input[name=show_whitespace]")  # marked at once, as app.py's show_whitespace filter does
    assert source.inner_text() == "<ul><li>HTTP</li><li>Flask·&amp;·&lt;Jinja&gt;</li></ul>"
    type_into(page, "#template", "<p>\ta b</p>\n<br>")
    rendered(page, "↵")
    assert source.inner_text() == "<p>→\ta·b</p>↵\n<br>"


def jinja_error_line(template):
    """The line plain Jinja blames for a template's syntax error."""
    with pytest.raises(TemplateSyntaxError) as caught:
        Environment().parse(template)
    return caught.value.lineno


def test_a_syntax_error_marks_its_line_beside_the_editor(playground):
    template = "<p>one</p>\n<p>two</p>\n{{ weeks|join(', ' }}\n<p>three</p>"
    line = jinja_error_line(template)
    assert line == 3
    page = playground
    rendered(page, "CS253")
    type_into(page, "#template", template)
    marked = page.locator("[data-gutter] .is-error")
    marked.wait_for()
    assert marked.inner_text() == str(line)
    assert f"line {line}" in page.locator("[data-error-message]").inner_text().lower()


def test_the_preview_runs_no_script(playground):
    page = playground  # its runtime started: the template and context are typed over
    type_into(page, "#context", "{}")
    type_into(
        page,
        "#template",
        '<p id="x">before</p><script>document.getElementById("x").textContent = "ran"</script>',
    )
    rendered(page, "<script>")
    assert page.frame_locator("[data-preview]").locator("#x").inner_text() == "before"
    assert page.locator("[data-preview]").get_attribute("sandbox") == ""


def test_render_answers_as_the_python_it_runs_does(playground, api):
    for template, context in [
        ("<p>{{ name|upper }}</p>", {"name": "<ada>", "spare": True}),
        ("one\ntwo\n{% for %}", {"x": 1}),
        ("{% do weeks.append('late') %}{{ weeks }}", {"weeks": ["flask"]}),
        ("{{ url_for('tables', sort='phrase') }} {{ missing }}", {}),
    ]:
        assert render(playground, template, context) == api(template, context)
    answer = render(playground, "{{ x }}", {"x": 1}, trim_blocks=True)
    assert answer == {"output": "1", "error": None, "undefined": [], "unused": []}
    bad = playground.evaluate("() => window.playground.render({template: 1})")
    assert bad["output"] is None
    assert bad["error"]["field"] == "template"


@pytest.mark.parametrize("example", showcase_gallery.examples, ids=lambda example: example.endpoint)
def test_every_example_renders_in_the_browser_as_its_page_shows_it(playground, example):
    """Through the example's own app.py, downloaded and imported in the worker, as "Try it" asks."""
    name = example.endpoint
    fields = showcase_app.extensions["showcase.gallery"].playground_fields(name)
    request = {"template": fields["template"], "context": json.loads(fields["context"])}
    answer = playground.evaluate(
        RENDER, {**request, "trim_blocks": False, "lstrip_blocks": False, "example": name}
    )
    assert answer["error"] is None, answer["error"]
    assert answer["undefined"] == []
    assert answer["unused"] == []
    assert settled(downloads_content(answer["output"])) == settled(demo_as_served(name))


def test_try_it_opens_an_example_that_renders_with_its_app_and_can_go_without(page):
    page.goto("/playground?example=python_types&variant=tricky")
    rendered(page, "Salle")  # the tricky variant's room, rendered by the example's app.py
    assert page.locator("[data-status]").inner_text() == "Rendered."
    # The view's tuple, shown as a tuple; the JSON alone has a list.
    type_into(page, "#template", "{{ room }}")
    rendered(page, "(&#39;Salle")
    page.uncheck("input[name=use_example]")
    rendered(page, "[&#39;Salle")
    page.check("input[name=use_example]")
    type_into(page, "#template", "{{ room|length }} {{ config.DEBUG }}")
    rendered(page, "2 False")


def test_the_injection_corpus_reaches_neither_pythons_insides_nor_the_page(playground):
    reached = []
    for payload in ssti_payloads():
        template = payload.replace("CANARY_FILE", "/etc/passwd").replace("CANARY_MARKER", "/tmp/marker")
        answer = render(playground, template)
        shown = (answer["output"] or "") + json.dumps(answer["error"])
        shown = (shown + " " + urllib.parse.unquote_plus(shown)).casefold()
        reached += [(payload, leak) for leak in LEAKS if leak.casefold() in shown]
    # Pyodide's bridge to the page: a template that could reach it could run script here.
    for template in (
        "{{ js }}",
        "{{ pyodide }}",
        "{{ pyodide_js }}",
        "{{ self._TemplateReference__context.js }}",
    ):
        answer = render(playground, template)
        assert answer["output"] is None, template
    assert reached == []


CLOCKED_CASES = [name for name, (expected, _) in EXHAUSTION.items() if set(CLOCKED) & set(expected)]
# A clock, the worker's memory, the output's cap, or, in WebAssembly's 32-bit Python, a string's
# own size limit, which a doubling string can reach within the 3 s.
STOPPED = (
    "ran for more than 3 s and was stopped",
    "ran out of room",
    "larger than",
    "is too long for a Python string",
)


def test_each_blow_up_only_a_clock_stops_is_stopped_within_5_s_and_the_next_render_works(playground):
    assert len(CLOCKED_CASES) >= 6
    answers = {}
    for name in CLOCKED_CASES:
        started = time.monotonic()
        answer = playground.evaluate(RENDER, job(EXHAUSTION[name][1]))
        message = (answer["error"] or {}).get("message", "")
        answers[name] = (round(time.monotonic() - started, 1), answer["output"], message)
        after = render(playground, "{{ word }}!", {"word": "still here"})
        assert after["output"] == "still here!", name
    for name, (seconds, output, message) in answers.items():
        assert seconds < 5, name
        assert output is None, name
        assert any(reason in message for reason in STOPPED), (name, message)
        for leak in LEAKS:
            assert leak not in message


def test_the_static_copys_playground_works_over_http_and_says_why_not_from_a_file(browser, static_copy):
    folder, url = static_copy
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{url}/playground.html")
    assert tab.evaluate("() => window.playground.ready") is True
    assert render(tab, "{{ n * 6 }}", {"n": 7})["output"] == "42"
    # An example's "Try it" link leads to its own file, which renders it through its app.py.
    tab.goto(f"{url}/examples/python_types.html")
    tab.click(".try-it a")
    assert tab.url == f"{url}/playground/python_types.html"
    tab.locator('[data-status][data-state="rendered"]').wait_for(timeout=60_000)
    assert "Science Hall" in tab.locator("[data-source] code").inner_text()
    type_into(tab, "#template", "{{ room }}")
    rendered(tab, "(&#39;Science Hall&#39;, &#39;214&#39;)")  # the view's tuple: its app.py ran
    tab.goto((folder / "playground.html").as_uri())
    assert tab.locator("[data-needs-http]").is_visible()
    assert "python -m http.server -d build" in tab.locator("[data-needs-http]").inner_text()
    context.close()
    # The runtime's files are plain files there: what the page asks for is in the copy.
    soup = BeautifulSoup((folder / "playground.html").read_text(encoding="utf-8"), "html.parser")
    form = soup.select_one("form.playground-form")
    for name in ("data-worker", "data-pyodide", "data-site"):
        assert (folder / form[name].lstrip("/")).is_file(), form[name]
