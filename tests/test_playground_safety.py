"""The playground is safe to put on the internet: injections contained, blow-ups refused or stopped.

The templates run in the visitor's browser (showcase/renderer.py in Pyodide); the same
Python is imported here, in CPython, where most of these checks are quick. The corpora are
data files in tests/playground/: ssti_payloads.txt (with the public sources they come from)
and exhaustion.txt. The blow-ups that only a clock can stop run in Chromium, where the page
ends the worker (tests/quality/test_playground_browser.py).
"""

import inspect
import json
import re
import secrets
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from app import app as showcase_app
from showcase import playground, renderer

PROJECT = Path(__file__).resolve().parent.parent
CORPORA = Path(__file__).resolve().parent / "playground"
SITE_TEMPLATES = playground.site_templates(showcase_app)

# What must never reach a visitor: Python's insides, a command's output, a file's, a path.
LEAKS = (
    "<class",
    "&lt;class",
    "<module",
    "&lt;module",
    "<function",
    "&lt;function",
    "<built-in",
    "&lt;built-in",
    "bound method",
    " at 0x",
    # Jinja's own objects, whose reprs name no "object"
    "TemplateReference None",
    "LoopContext 1",
    "Macro '",
    "Namespace {",
    "Context {",
    "uid=",
    "root:x:",
    "Traceback",
    'File "',
    "site-packages",
    str(PROJECT),
)


def job(template, context=None):
    return {"template": template, "context": context or {}, "trim_blocks": False, "lstrip_blocks": False}


# --- Server-side template injection: the corpus ------------------------------------------


def ssti_payloads():
    lines = (CORPORA / "ssti_payloads.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("##")]


def test_the_injection_corpus_has_50_payloads_and_names_its_sources():
    header = (CORPORA / "ssti_payloads.txt").read_text(encoding="utf-8")
    assert len(ssti_payloads()) >= 50
    assert len(set(ssti_payloads())) == len(ssti_payloads())
    for source in ("PayloadsAllTheThings", "HackTricks", "PortSwigger", "CVE-2025-27516", "CVE-2024-56326"):
        assert source in header


@pytest.fixture(scope="module")
def canaries(tmp_path_factory):
    """Secrets the payloads must not reach: a file's content, the app's SECRET_KEY, and a
    marker file that no payload may create."""
    folder = tmp_path_factory.mktemp("canaries")
    secret = folder / "secret.txt"
    secret.write_text("canary-file-" + secrets.token_hex(8))
    key = "canary-key-" + secrets.token_hex(8)
    old_key = showcase_app.config.get("SECRET_KEY")
    showcase_app.config["SECRET_KEY"] = key
    yield {"file": secret, "marker": folder / "marker", "secrets": (secret.read_text(), key)}
    showcase_app.config["SECRET_KEY"] = old_key


FLASKY = "config_values"  # an example whose template reads config; request, session and g are there too


@pytest.mark.parametrize("example", [None, FLASKY], ids=["plain", "through-an-examples-app"])
@pytest.mark.parametrize("payload", ssti_payloads())
def test_an_injection_payload_reads_no_file_runs_nothing_and_shows_no_internals(
    api, canaries, payload, example
):
    """Plain, and through an example's app.py, whose SECRET_KEY is its own, made in the browser at
    random (its app.py finds none in the environment): never the server's."""
    template = payload.replace("CANARY_FILE", str(canaries["file"])).replace(
        "CANARY_MARKER", str(canaries["marker"])
    )
    answer = api(template, example=example)
    shown = (answer["output"] or "") + json.dumps(answer["error"])
    # In any case, and url-encoded too: |upper and |urlencode turn a repr into text of their own.
    shown = (shown + " " + urllib.parse.unquote_plus(shown)).casefold()
    for leak in (*LEAKS, *canaries["secrets"]):
        assert leak.casefold() not in shown
    assert not canaries["marker"].exists()


def test_the_payloads_are_stopped_by_the_sandbox_not_by_chance(api):
    """A guard for the test above: the classic payloads fail for the reason they should."""
    answer = api("{{ cycler.__init__.__globals__.os.popen('id').read() }}")
    assert answer["error"]["message"] == (
        "Line 1: not allowed in the sandbox: access to attribute '__init__' of 'type' object is unsafe."
    )
    answer = api("{{ config.SECRET_KEY }}")
    assert answer["error"]["message"].startswith("Line 1: 'config' is undefined")
    answer = api("{{ range }} {{ 'a'.upper }} {{ cycler(1) }} {{ dict }}")
    assert answer["output"] == "[function] [method] [object] [class]"


# --- Through an example's app.py: Flask's objects can be read, not driven ----------------------


@pytest.mark.parametrize(
    "template",
    [
        "{{ config.from_object('js') }}",  # would import Pyodide's bridge to the page
        "{{ config.from_pyfile('/etc/passwd') }}",
        "{{ config.from_mapping(a=1) }}",
        "{{ request.from_values() }}",
        "{{ request.get_json() }}",
        "{{ request.environ['werkzeug.request'].close() }}",
        "{{ session.clear() }}",
        "{{ g.pop('student') }}",
        "{{ request.parameter_storage_class() }}",
    ],
)
def test_an_examples_app_gives_flasks_objects_to_read_and_no_method_that_acts(api, template):
    answer = api(template, example=FLASKY)
    assert answer["output"] is None
    assert "not allowed in the sandbox" in answer["error"]["message"]


def test_flasks_objects_are_read_in_an_examples_app_as_on_its_page(api):
    template = (
        "{{ config.DEBUG }} {{ config.get('TESTING') }} {{ request.args.get('q', '-') }} {{ request.path }}"
        " {{ session.get('visits', 0) }} {{ request.args.to_dict() }} {{ request }}"
    )
    answer = api(template, example=FLASKY)
    assert answer["error"] is None
    # As python app.py runs the download: neither debugging nor testing.
    assert "False False - /examples/config_values 0 {} [object]" in answer["output"]


MARKED = {
    "{{ self }}": "[object]",
    "{{ self|string }}": "[object]",
    "{% for x in [1] %}{{ loop }} {{ loop.cycle }}{% endfor %}": "[object] [method]",
    "{% macro m() %}{{ caller }} {{ varargs }} {{ kwargs }}{% endmacro %}{% call m(1, a=2) %}{% endcall %}": (
        "[macro] (1,) {&#39;a&#39;: 2}"
    ),
    "{{ namespace(total=1) }} {{ joiner() ~ '' }}": "[object] [object]",
    "{{ [self, 1, 'a', (dict,)] }}": "[[object], 1, &#39;a&#39;, ([class],)]",
    "{{ self.title }}{% block title %}{% endblock %}": "[object]",
}


@pytest.mark.parametrize("template", MARKED)
def test_what_is_not_plain_data_prints_as_a_marker_and_plain_data_as_jinja_prints_it(api, template):
    answer = api(template)
    assert answer == {"output": MARKED[template], "error": None, "undefined": [], "unused": []}
    assert api("{{ xs }} {{ d }} {{ d.items()|list }} {{ (1, none) }}", {"xs": [1, "a"], "d": {"k": True}})[
        "output"
    ] == ("[1, &#39;a&#39;] {&#39;k&#39;: True} [(&#39;k&#39;, True)] (1, None)")


def test_a_template_changes_its_own_copy_of_the_context_and_no_other_render_sees_it(api):
    template = (
        "{% do weeks.append('late') %}{% do course.update(code='X') %}{{ weeks|length }} {{ course.code }}"
    )
    context = {"weeks": ["flask"], "course": {"code": "CS253"}}
    for _ in range(2):  # the second render starts from the context as sent, not as the first left it
        assert api(template, context)["output"] == "2 X"


def test_the_sandbox_gives_templates_only_a_learners_globals():
    env = renderer.make_environment(SITE_TEMPLATES, trim_blocks=False, lstrip_blocks=False)
    assert isinstance(env, SandboxedEnvironment)
    assert (env.autoescape, env.undefined) == (True, StrictUndefined)
    # The gettext functions (and _, an alias) come with {% trans %}; they translate nothing.
    assert sorted(env.globals) == [
        *["_", "cycler", "dict", "gettext", "joiner", "namespace"],
        *["ngettext", "npgettext", "pgettext", "range"],
    ]
    trans = '{{ _("%(n)s cats", n=2) }}|{% trans n=1 %}{{ n }} cat{% pluralize %}{{ n }} cats{% endtrans %}'
    assert env.from_string(trans).render() == "2 cats|1 cat"
    assert env.globals["range"] is renderer.capped_range


def test_the_playground_never_uses_the_apps_jinja_environment():
    for module in (renderer, playground):
        source = inspect.getsource(module)
        assert re.findall(r"jinja_env", source) == []
        assert "render_template_string" not in source
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, showcase.renderer; print(sorted(sys.modules))"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "'flask" not in imported  # (werkzeug.routing is there: url_for builds URLs from plain rules)


# --- Resource exhaustion: the corpus ---------------------------------------------------------


def exhaustion_cases():
    """{name: (expected fragments, template)} from exhaustion.txt, and the cases too big to keep there."""
    cases = {}
    text_ = (CORPORA / "exhaustion.txt").read_text(encoding="utf-8")
    for block in text_.split("\n=== ")[1:]:
        name, expect, template = block.split("\n", 2)
        cases[name] = (expect.removeprefix("expect: ").split(" | "), template.strip("\n"))
    cases["deep nesting of if"] = (
        ["nested too deeply to parse"],
        "{% if 1 %}" * 900 + "x" + "{% endif %}" * 900,
    )
    cases["deep nesting of brackets"] = (
        ["nested too deeply to parse"],
        "{{ " + "[" * 5000 + "]" * 5000 + " }}",
    )
    cases["deep nesting of loops"] = (
        ["too deeply nested to compile"],
        "{% for a in [1] %}" * 30 + "{% endfor %}" * 30,
    )
    cases["a huge template"] = (["400 template"], "{{ x }}" * 3000)
    return cases


EXHAUSTION = exhaustion_cases()


# The cases only a clock stops (or, in the browser, Python running out of room): they run in
# Chromium (tests/quality/test_playground_browser.py). The others are refused or stopped by the
# renderer itself, at once, here as there.
CLOCKED = ("took longer than", "of CPU time", "of memory")
STOPPED_AT_ONCE = [name for name, (expected, _) in EXHAUSTION.items() if not set(CLOCKED) & set(expected)]


def test_the_exhaustion_corpus_covers_every_kind_of_blow_up():
    names = " ".join(EXHAUSTION)
    for kind in (
        "repetition",
        "nested loops",
        "fan-out",
        "recursion",
        "deep nesting",
        "huge template",
        "width",
    ):
        assert kind in names


def test_most_blow_ups_are_stopped_by_the_renderer_itself():
    assert len(STOPPED_AT_ONCE) >= 20
    assert len(EXHAUSTION) - len(STOPPED_AT_ONCE) >= 6  # and those, by the browser's clock


@pytest.mark.parametrize("name", STOPPED_AT_ONCE)
def test_a_blow_up_is_refused_or_stopped_with_a_clear_error(api_request, name):
    expected, template = EXHAUSTION[name]
    answer = api_request(job(template))
    assert answer["output"] is None
    if expected == ["400 template"]:
        assert answer["error"]["field"] == "template"
        return
    message = answer["error"]["message"]
    assert any(fragment in message for fragment in expected), message
    for leak in LEAKS:
        assert leak not in message
