"""/playground: the page, the files it renders with in the browser, and the renderer it runs
there (showcase/renderer.py), imported here in CPython: its diagnostics, its answers to bad
input, and output equal to plain Jinja's. The safety tests are in test_playground_safety.py;
in Chromium, tests/quality/test_playground_browser.py.
"""

import hashlib
import importlib.metadata
import importlib.util
import inspect
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import render_template_string
from jinja2 import DictLoader, Environment, StrictUndefined
from markupsafe import escape

from app import app as showcase_app
from app import data as showcase_data
from app import gallery as showcase_gallery
from html_helpers import captured_templates, get_soup, text, texts
from showcase import bytecode, playground, renderer
from showcase.renderer import FLASK_GLOBALS
from site_pages import demo_of

PROJECT = Path(__file__).resolve().parent.parent
SITE_TEMPLATES = {
    path.relative_to(PROJECT / "templates").as_posix(): path.read_text(encoding="utf-8")
    for path in (PROJECT / "templates").rglob("*.html")
}
OPTIONS = [(False, False), (True, False), (False, True), (True, True)]


def plain_jinja(template, context, trim_blocks=False, lstrip_blocks=False):
    """What Jinja renders without any sandbox, with the same options, extensions and site templates."""
    env = Environment(
        loader=DictLoader(SITE_TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=trim_blocks,
        lstrip_blocks=lstrip_blocks,
        extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"],
    )
    return env.from_string(template).render(context)


def typed(textarea):
    """A textarea's value as a browser reads it: HTML drops one newline right after <textarea>."""
    value = textarea.string or ""
    return value[1:] if value.startswith("\n") else value


# --- The page -------------------------------------------------------------------


def test_the_page_is_prefilled_with_an_example_and_renders_nothing_itself(client):
    soup = get_soup(client, "/playground")
    assert typed(soup.select_one("textarea#template")) == playground.EXAMPLE_TEMPLATE
    assert typed(soup.select_one("textarea#context")) == playground.EXAMPLE_CONTEXT
    # The result is left to the browser: the server's page has none.
    assert soup.select_one("[data-output]").has_attr("hidden")
    assert soup.select_one("[data-source] code").get_text() == ""
    assert not soup.select_one("iframe[data-preview]").has_attr("srcdoc")
    assert [box["name"] for box in soup.select("input[type=checkbox]:not([checked])")] == [
        "trim_blocks",
        "lstrip_blocks",
        "show_whitespace",
    ]
    version = importlib.metadata.version("jinja2")
    assert f"real Jinja {version}" in text(soup.select_one(".summary"))


def test_the_server_renders_no_visitors_template(app, client):
    # Neither a form nor an API: whatever is sent, nothing on the server renders it.
    assert client.post("/playground", data={"template": "{{ 7 * 6 }}"}).status_code == 405
    assert client.post("/api/render", json={"template": "{{ 7 * 6 }}"}).status_code == 404
    form = get_soup(client, "/playground").select_one("form.playground-form")
    assert not form.has_attr("method")
    assert not form.has_attr("action")
    rules = {rule.rule for rule in app.url_map.iter_rules() if "POST" in (rule.methods or ())}
    assert not any(rule.startswith(("/playground", "/api")) for rule in rules)


def test_the_page_says_it_needs_javascript_and_http_until_its_script_runs(client):
    soup = get_soup(client, "/playground")
    needs_js = soup.select_one("[data-needs-javascript]")
    assert not needs_js.has_attr("hidden")  # static/js/playground.js hides it
    assert "needs JavaScript" in text(needs_js)
    needs_http = soup.select_one("[data-needs-http]")
    assert needs_http.has_attr("hidden")  # shown by the script for a page opened from a file
    assert "python -m http.server -d build" in text(needs_http)


def test_the_preview_is_an_iframe_that_allows_neither_scripts_nor_same_origin(client):
    [iframe] = get_soup(client, "/playground").select("iframe")
    # Present and empty (BeautifulSoup reads sandbox as a list of tokens): every restriction on,
    # no allow-scripts, no allow-same-origin.
    assert iframe["sandbox"] == []


def runtime_of(client):
    """The runtime's URLs, as the page gives them to its script."""
    form = get_soup(client, "/playground").select_one("form.playground-form")
    return {name: form[f"data-{name}"] for name in ("worker", "pyodide", "site", "seconds")}


def test_the_runtimes_files_are_served_and_those_with_a_version_cached_for_a_year(client):
    runtime = runtime_of(client)
    assert runtime["seconds"] == str(renderer.WALL_SECONDS) == "3"
    assert runtime["pyodide"] == f"/playground/runtime/pyodide/{playground.PYODIDE_VERSION}/pyodide.mjs"
    folder = runtime["pyodide"].rsplit("/", 1)[0]
    for url, mimetype in [
        (runtime["pyodide"], "text/javascript"),
        (f"{folder}/pyodide.asm.mjs", "text/javascript"),
        (f"{folder}/pyodide.asm.wasm", "application/wasm"),
        (f"{folder}/python_stdlib.zip", "application/zip"),
        (runtime["site"], "application/zip"),
    ]:
        with client.get(url) as response:
            assert (url, response.status_code, response.mimetype) == (url, 200, mimetype)
            assert "max-age=31536000" in response.headers["Cache-Control"]
    with client.get(runtime["worker"]) as response:  # no version in its name: checked every time
        assert (response.status_code, response.mimetype) == (200, "text/javascript")
        assert "max-age=31536000" not in response.headers.get("Cache-Control", "")
    assert client.get("/playground/runtime/site-0000000000000000.zip").status_code == 404


def test_the_site_zip_holds_the_pinned_packages_the_renderer_and_the_sites_templates(app, client):
    url = runtime_of(client)["site"]
    content = client.get(url).data
    assert url == f"/playground/runtime/site-{hashlib.sha256(content).hexdigest()[:16]}.zip"
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = archive.namelist()
    packages = ("jinja2", "markupsafe", "werkzeug", "flask", "click", "itsdangerous", "blinker")
    # jinja2/..., and jinja2-3.1.6.dist-info/METADATA
    assert {name.split("/")[0].split("-")[0] for name in names} == {
        *packages,
        "showcase",
        "playground_site.json",
    }
    # Modules, their bytecode (below), and each package's METADATA (importlib.metadata.version()).
    allowed = (".py", ".cpython-314.pyc", ".json", ".dist-info/METADATA")
    assert not [name for name in names if not name.endswith(allowed)]
    assert not [name for name in names if name.endswith(".pyc") and "/__pycache__/" not in name]
    assert len([name for name in names if name.endswith("METADATA")]) == len(packages)
    # The playground's own modules, as they are here, and nothing else of the site's machinery.
    assert sorted(name for name in names if name.startswith("showcase/") and "__pycache__" not in name) == [
        "showcase/__init__.py", "showcase/example_apps.py", "showcase/renderer.py"
    ]  # fmt: skip
    for name in ("renderer.py", "example_apps.py"):
        assert archive.read(f"showcase/{name}") == (PROJECT / "showcase" / name).read_bytes()
    pinned = dict(
        line.split("==") for line in (PROJECT / "requirements.txt").read_text().splitlines() if "==" in line
    )
    for package, pin in (("jinja2", "Jinja2"), ("flask", "Flask")):
        version = importlib.metadata.version(package)
        assert version == pinned[pin]
        assert archive.read(f"{package}/__init__.py") == (
            Path(importlib.util.find_spec(package).origin).read_bytes()
        )
    site = json.loads(archive.read("playground_site.json"))
    assert site["templates"]["examples/lists.html"] == SITE_TEMPLATES["examples/lists.html"]
    assert site["templates"]["base.html"] == playground.STAND_INS["base.html"] != SITE_TEMPLATES["base.html"]
    assert ("/examples/lists", "lists") in [(route["rule"], route["endpoint"]) for route in site["routes"]]


def test_the_site_zip_carries_bytecode_that_fits_each_module_the_worker_starts_with(client):
    archive = zipfile.ZipFile(io.BytesIO(client.get(runtime_of(client)["site"]).data))
    names = set(archive.namelist())
    compiled = sorted(name for name in names if name.endswith(".pyc"))
    # What the worker imports before its first output: Jinja whole, MarkupSafe, the renderer.
    for module in (
        "jinja2/__init__.py",
        "jinja2/sandbox.py",
        "markupsafe/__init__.py",
        "showcase/renderer.py",
    ):
        assert bytecode.pyc_name(module) in names, f"{module} has no bytecode: python -m showcase.bytecode"
    for pyc in compiled:
        folder, _, file = pyc.partition("/__pycache__/")
        source = f"{folder}/{file.removesuffix('.cpython-314.pyc')}.py"
        assert bytecode.fits(archive.read(pyc), archive.read(source)), pyc
    assert not [name for name in compiled if name.startswith(("werkzeug/", "flask/"))]  # not at the start


def test_every_vendored_pyc_fits_the_source_it_was_compiled_from():
    # A module changed (renderer.py, or a package's new pinned version) and not compiled again would
    # be compiled in every visitor's browser: run python -m showcase.bytecode.
    sources = dict(playground.site_modules())
    vendored = {
        path.relative_to(bytecode.FOLDER).as_posix(): path.read_bytes()
        for path in bytecode.FOLDER.rglob("*.pyc")
    }
    assert vendored
    stale = [
        name
        for name, pyc in vendored.items()
        if not any(
            bytecode.pyc_name(module) == name and bytecode.fits(pyc, source)
            for module, source in sources.items()
        )
    ]
    assert stale == [], "stale bytecode: python -m showcase.bytecode"


def test_bytecode_fits_only_the_source_it_was_compiled_from():
    source = (PROJECT / "showcase" / "renderer.py").read_bytes()
    pyc = bytecode.compiled("showcase/renderer.py", source)
    assert pyc is not None
    assert bytecode.fits(pyc, source)
    assert not bytecode.fits(pyc, source + b"\n# changed\n")
    assert bytecode.compiled("showcase/renderer.py", source + b"\n") is None
    timestamped = pyc[:4] + (0).to_bytes(4, "little") + pyc[8:]  # flags 0: a pyc Python checks by date
    assert not bytecode.fits(timestamped, source)
    assert bytecode.pyc_name("jinja2/lexer.py") == "jinja2/__pycache__/lexer.cpython-314.pyc"
    assert bytecode.pyc_name("typing_extensions.py") == "__pycache__/typing_extensions.cpython-314.pyc"


def test_the_vendored_pyodide_is_the_one_its_checksums_name():
    folder = PROJECT / "showcase" / "runtime" / "pyodide"
    sums = (folder / f"{playground.PYODIDE_VERSION}.sha256").read_text().splitlines()
    expected = dict(reversed(line.split("  ")) for line in sums)
    found = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in (folder / playground.PYODIDE_VERSION).iterdir()
    }
    assert found == expected
    assert set(found) == {
        "pyodide.mjs",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "pyodide-lock.json",
    }
    package = json.loads((PROJECT / "package.json").read_text())
    assert package["devDependencies"]["pyodide"] == playground.PYODIDE_VERSION


def test_the_vendored_pyodide_is_the_npm_packages_own(require_all_checks):
    # npm ci installs the package that package-lock.json pins, its integrity checked.
    installed = PROJECT / "node_modules" / "pyodide"
    if not installed.is_dir():
        require_all_checks("node_modules/pyodide is not installed: npm ci --ignore-scripts")
    vendored = PROJECT / "showcase" / "runtime" / "pyodide" / playground.PYODIDE_VERSION
    assert json.loads((installed / "package.json").read_text())["version"] == playground.PYODIDE_VERSION
    for path in vendored.iterdir():
        assert path.read_bytes() == (installed / path.name).read_bytes(), path.name


def test_only_the_playground_may_compile_webassembly_or_start_a_worker(client):
    policy = client.get("/playground").headers["Content-Security-Policy"]
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy
    assert "worker-src 'self'" in policy
    with client.get(runtime_of(client)["worker"]) as response:
        assert response.headers["Content-Security-Policy"] == policy
    for page in ("/", "/examples/lists", "/testing"):
        other = client.get(page).headers["Content-Security-Policy"]
        assert "wasm-unsafe-eval" not in other
        assert "worker-src" not in other
    for policy_seen in (policy, other):
        assert "'unsafe-eval'" not in policy_seen
        assert "'unsafe-inline'" not in policy_seen


WHITESPACE_TEMPLATE = """\
<ul>
  {% for n in numbers %}
    <li>{{ n }}</li>
  {% endfor %}
</ul>
"""


@pytest.mark.parametrize(("trim_blocks", "lstrip_blocks"), OPTIONS)
def test_the_whitespace_options_change_the_output_as_in_plain_jinja(api, trim_blocks, lstrip_blocks):
    answer = api(WHITESPACE_TEMPLATE, {"numbers": [1, 2]}, trim_blocks, lstrip_blocks)
    expected = plain_jinja(WHITESPACE_TEMPLATE, {"numbers": [1, 2]}, trim_blocks, lstrip_blocks)
    assert answer["output"] == expected


def test_both_whitespace_options_remove_the_lines_of_block_tags(api):
    # Jinja also drops the template's last newline (keep_trailing_newline is off).
    answer = api(WHITESPACE_TEMPLATE, {"numbers": [1, 2]}, True, True)
    assert answer["output"] == "<ul>\n    <li>1</li>\n    <li>2</li>\n</ul>"


# --- Diagnostics ---------------------------------------------------------------------


def test_a_syntax_error_names_its_line_and_column(api):
    answer = api("<p>\n  {{ name name }}\n</p>", {"name": "Ada"})
    assert answer == {
        "output": None,
        "error": {
            "message": "Syntax error on line 2, column 11: "
            "expected token 'end of print statement', got 'name'",
            "line": 2,
            "column": 11,
        },
        "undefined": [],
        "unused": [],
    }


def test_variables_the_context_lacks_and_keys_it_never_uses_are_listed(api):
    template = "{{ greeting }}, {{ name }}!\n{% for item in items %}{{ item }}{% endfor %}"
    answer = api(template, {"name": "Ada", "items": [], "extra": 1, "nmae": "typo"})
    assert answer["undefined"] == ["greeting"]
    assert answer["unused"] == ["extra", "nmae"]
    # StrictUndefined: a missing variable is an error, not a silent blank.
    assert answer["error"] == {"message": "Line 1: 'greeting' is undefined", "line": 1, "column": None}
    assert answer["output"] is None


def test_names_read_by_an_included_site_template_count_as_used(api):
    template = '{% include "examples/lists.html" %}'
    answer = api(template, {"weeks": [], "spare": 1})
    assert (answer["error"], answer["unused"], answer["undefined"]) == (None, ["spare"], [])


DIAGNOSED = {
    "a macro module imported outside the blocks": (
        '{% extends "examples/_inheritance_base.html" %}{% import "macros/results.html" as r %}'
        "{% block content %}{{ r }}{{ missing }}{% endblock %}",
        ["missing"],
    ),
    "a name read only under is defined or default": (
        "{{ total is defined }} {{ nick|default('none') }} {% if shy is undefined %}-{% endif %}{{ shy2 }}",
        ["shy2"],
    ),
    "a loop variable an included partial reads": (
        '{% for assignment in [] %}{% include "examples/_includes_assignment.html" %}{% endfor %}{{ gone }}',
        ["gone"],
    ),
}


@pytest.mark.parametrize("name", DIAGNOSED)
def test_names_the_template_sets_itself_or_guards_are_not_called_undefined(api, name):
    template, undefined = DIAGNOSED[name]
    assert api(template)["undefined"] == undefined


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ 1 / 0 }}", "Line 1: ZeroDivisionError: division by zero"),
        ("a\n{{ items.nope.deeper }}", "Line 2: 'dict object' has no attribute 'nope'"),
        (
            "{{ ''.__class__ }}",
            "Line 1: not allowed in the sandbox: access to attribute '__class__' of 'str' object is unsafe.",
        ),
        (
            "{% include 'nowhere.html' %}",
            "Line 1: there is no template named 'nowhere.html': "
            "the playground knows the site's templates only",
        ),
        ("{{ x|nofilter }}", "Line 1, column 6: No filter named 'nofilter'."),
        (
            '{% include "examples/lists.html" %}\n{{ x|nofilter }}',
            "Line 2, column 6: No filter named 'nofilter'.",
        ),
        (
            "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
            "Line 1: too deeply nested or recursive (a macro calling itself without end?)",
        ),
    ],
)
def test_an_error_is_one_clear_message_without_traceback_or_path(api, template, message):
    answer = api(template, {"items": {}})
    assert answer["error"]["message"] == message
    for leak in ("Traceback", 'File "', str(PROJECT), "site-packages", ".py"):
        assert leak not in message


def test_an_undefined_flask_global_says_where_flask_gives_it(api):
    answer = api("<p>{{ request.args.q }}</p>")
    assert answer["error"]["message"] == (
        "Line 1: 'request' is undefined (Flask gives it to an app's pages: set it in the context, "
        "or try an example, which renders with its app.py)"
    )
    assert answer["undefined"] == ["request"]
    # Through an example's app.py, Flask gives it: nothing is undefined.
    answer = api("<p>{{ request.args.q|default('none') }}</p>", example="search")
    assert (answer["output"], answer["undefined"]) == ("<p>none</p>", [])


# --- Bad input: a message that says what is allowed, naming the field -----------------


@pytest.mark.parametrize(
    ("fields", "field", "problem"),
    [
        ({"context_text": '{"a": 1,}'}, "context", "The context is not valid JSON: Expecting property name"),
        ({"context_text": '["a list"]'}, "context", "The context must be a JSON object ({...}), not a list."),
        (
            {"context_text": '{"big": "' + "x" * 50_000 + '"}'},
            "context",
            "The context is 50,010 bytes as compact JSON",
        ),
        (
            {"context_text": '{"deep": ' + "[" * 101 + "]" * 101 + "}"},
            "context",
            "The context nests lists and objects",
        ),
        (
            {"template": "x" * 20_001},
            "template",
            "The template is 20,001 characters long; the playground takes at most 20,000.",
        ),
    ],
)
def test_what_the_page_sends_is_checked_and_a_problem_names_its_field(api_request, fields, field, problem):
    sent = {"template": "<b>{{ a }}</b>", "context_text": "{}", "trim_blocks": False, "lstrip_blocks": False}
    answer = api_request({**sent, **fields})
    assert answer["output"] is None
    assert answer["error"]["field"] == field
    assert problem in answer["error"]["message"]


# --- Nothing inline: the page works under a strict Content-Security-Policy -----------


def test_the_page_has_no_inline_script_style_or_event_handler(client):
    soup = get_soup(client, "/playground")
    assert [script.get("src") for script in soup.select("script")] == [
        "/static/js/runtime.js",
        "/static/js/playground.js",
    ]
    assert soup.select("style, [style]") == []
    handlers = [
        (tag.name, name) for tag in soup.find_all(True) for name in tag.attrs if name.startswith("on")
    ]
    assert handlers == []
    stylesheets = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    assert stylesheets == ["/static/css/site.css", "/static/css/highlight.css", "/static/css/playground.css"]


def test_the_scripts_and_stylesheet_do_no_eval_and_use_the_sites_colours(client):
    for url in ("/static/js/playground.js", runtime_of(client)["worker"]):
        with client.get(url) as response:
            script = response.get_data(as_text=True)
        assert response.mimetype in ("text/javascript", "application/javascript")
        for forbidden in ("eval(", "new Function", "innerHTML", 'setTimeout("', "document.write"):
            assert forbidden not in script
    with client.get("/static/css/playground.css") as response:
        css = response.get_data(as_text=True)
    assert response.mimetype == "text/css"
    assert "var(--color-border)" in css
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", css) == []  # colours come from site.css's :root


def test_every_page_links_to_the_playground(soup):
    nav = soup("/").select_one("nav.site-nav")
    assert "/playground" in [a["href"] for a in nav.select("a")]
    assert "Playground" in texts(nav, "a")


def test_the_readmes_tour_lists_the_playground():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    row = f"| `/playground` | `playground.html` | {inspect.getdoc(playground.playground)} |"
    assert row in readme.splitlines()


# --- The renderer's answers: the contract of window.playground.render() ---------------


def test_an_answer_is_the_output_and_its_diagnostics(api):
    answer = api("<p>{{ name|upper }}</p>", {"name": "<ada>", "spare": True})
    assert answer == {"output": "<p>&lt;ADA&gt;</p>", "error": None, "undefined": [], "unused": ["spare"]}


def test_an_error_comes_with_its_line_and_column(api):
    answer = api("one\ntwo\n{% for %}", {"x": 1})
    assert answer == {
        "output": None,
        "error": {
            "message": "Syntax error on line 3, column 8: "
            "Expected an expression, got 'end of statement block'",
            "line": 3,
            "column": 8,
        },
        "undefined": [],
        "unused": [],
    }


GOOD = {"template": "{{ x }}", "context": {"x": 1}, "trim_blocks": False, "lstrip_blocks": True}


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ([1, 2], None, "A render takes a JSON object, not a list."),
        (
            {k: v for k, v in GOOD.items() if k != "template"},
            "template",
            "The field 'template' is missing: it must be a string.",
        ),
        (
            {k: v for k, v in GOOD.items() if k != "context"},
            "context",
            "The field 'context' is missing: it must be a JSON object.",
        ),
        (
            {k: v for k, v in GOOD.items() if k != "trim_blocks"},
            "trim_blocks",
            "The field 'trim_blocks' is missing: it must be true or false.",
        ),
        (
            {k: v for k, v in GOOD.items() if k != "lstrip_blocks"},
            "lstrip_blocks",
            "The field 'lstrip_blocks' is missing: it must be true or false.",
        ),
        ({**GOOD, "template": 42}, "template", "The field 'template' must be a string, not a number."),
        ({**GOOD, "context": [1]}, "context", "The field 'context' must be a JSON object, not a list."),
        ({**GOOD, "context": "{}"}, "context", "The field 'context' must be a JSON object, not a string."),
        (
            {**GOOD, "trim_blocks": "yes"},
            "trim_blocks",
            "The field 'trim_blocks' must be true or false, not a string.",
        ),
        (
            {**GOOD, "lstrip_blocks": 1},
            "lstrip_blocks",
            "The field 'lstrip_blocks' must be true or false, not a number.",
        ),
        (
            {**GOOD, "trim_block": True},
            "trim_block",
            "Unknown field 'trim_block': the fields are "
            "template, context, trim_blocks, lstrip_blocks, example, query.",
        ),
        (
            {**GOOD, "template": "x" * 20_001},
            "template",
            "The template is 20,001 characters long; the playground takes at most 20,000.",
        ),
        (
            {**GOOD, "context": {"s": "x" * 50_000}},
            "context",
            "The context is 50,008 bytes as compact JSON; the playground takes at most 50,000 (50 kB).",
        ),
        (
            {**GOOD, "context": {"d": json.loads("[" * 101 + "]" * 101)}},
            "context",
            "The context nests lists and objects more than 100 deep.",
        ),
    ],
)
def test_bad_input_is_answered_with_a_message_naming_the_field(api_request, body, field, message):
    assert api_request(body) == {
        "output": None,
        "error": {"message": message, "line": None, "column": None, "field": field},
        "undefined": [],
        "unused": [],
    }


# --- Correctness: the same output as plain Jinja ----------------------------------------

ORDINARY = {
    "a loop with else and loop variables": (
        "<ol>\n{% for w in weeks %}\n"
        "  <li class=\"{{ loop.cycle('odd', 'even') }}\">{{ loop.index }}/{{ loop.length }}"
        " {{ w|title }}{% if loop.last %} (last){% endif %}</li>\n"
        "{% else %}\n  <li>none</li>\n{% endfor %}\n</ol>\n",
        {"weeks": ["http", "flask", "jinja"]},
    ),
    "an empty loop": ("{% for w in weeks %}{{ w }}{% else %}nothing{% endfor %}", {"weeks": []}),
    "nested loops over a dict": (
        "{% for unit, topics in units|dictsort %}\n<h3>{{ unit }}</h3>\n"
        "  {% for t in topics %}\n  - {{ t }}\n  {% endfor %}\n{% endfor %}\n",
        {"units": {"b": ["y", "z"], "a": ["x"]}},
    ),
    "macros with defaults and caller": (
        "{% macro card(title, level=2) -%}\n<h{{ level }}>{{ title }}</h{{ level }}>\n"
        "<div>{{ caller() }}</div>\n{%- endmacro %}\n"
        "{% call card('Hi <you>') %}\n  body {{ n }}\n{% endcall %}\n{% call card('x', 3) %}{% endcall %}\n",
        {"n": 3},
    ),
    "filters on text": (
        "{{ s|upper }} {{ s|title }} {{ s|replace('a', 'o') }} {{ s|truncate(9) }} {{ s|wordcount }}\n"
        "{{ s|center(30) }}|{{ s|wordwrap(10) }}|{{ s|indent(2, true) }}|{{ '  x  '|trim }}\n"
        "{{ '%05.1f'|format(pi) }} {{ '{:>6}|{:<4}'.format('ab', 'c') }} {{ pi|round(2) }}\n"
        "{{ 7 // 2 }} {{ 7 % 3 }}\n"
        "{{ 2 ** 10 }} {{ 'ab' * 3 }} {{ [0] * 3 }} {{ 'x'.center(5) }}| {{ s.split()|join('-') }}",
        {"s": "a man a plan a canal", "pi": 3.14159},
    ),
    "filters on lists": (
        "{{ people|map(attribute='name')|join(', ') }}; {{ people|sum(attribute='age') }};"
        " {{ people|sort(attribute='age')|map(attribute='name')|first }};"
        " {{ people|selectattr('age', 'gt', 30)|list|length }};"
        " {% for g in people|groupby('team') %}{{ g.grouper }}={{ g.list|length }} {% endfor %};"
        " {{ [1, 2, 3, 4, 5]|batch(2)|list }} {{ [1, 2, 3]|slice(2)|list }} {{ [3, 1, 2]|sort|last }}"
        " {{ [1, 1, 2]|unique|list }} {{ people|length }} {{ missing|default('n/a') }}",
        {"people": [{"name": "Ada", "age": 36, "team": "x"}, {"name": "Alan", "age": 41, "team": "y"}]},
    ),
    "json and escaping": (
        "{{ data|tojson }}\n{{ data|tojson(indent=2) }}\n"
        "{{ html }} {{ html|safe }} {{ html|e }} {{ html|striptags }}\n"
        "{% autoescape false %}{{ html }}{% endautoescape %} {{ 'a=1&b=<2>'|urlencode }}",
        {"data": {"b": [1, "<x>"], "a": None}, "html": "<b>bold</b> & 'q'"},
    ),
    "set, namespace and scope": (
        "{% set total = namespace(n=0) %}{% for x in xs %}{% set total.n = total.n + x %}"
        "{% set inner = x %}{% endfor %}{{ total.n }} {{ inner is defined }}\n"
        "{% set greeting %}Hello {{ who }}{% endset %}{{ greeting }} {% with y = 2 %}{{ y }}{% endwith %}",
        {"xs": [1, 2, 3], "who": "<you>"},
    ),
    "a recursive loop": (
        "<ul>{% for node in tree recursive %}\n<li>{{ loop.depth }} {{ node.name }}"
        "{% if node.children %}<ul>{{ loop(node.children) }}</ul>{% endif %}</li>{% endfor %}</ul>",
        {"tree": [{"name": "a", "children": [{"name": "b", "children": []}]}, {"name": "c", "children": []}]},
    ),
    "cyclers, joiners, tests and loop controls": (
        "{% set row = cycler('odd', 'even') %}{% set comma = joiner(', ') %}"
        "{% for n in range(1, 8) %}{% if n is divisibleby 5 %}{% break %}{% endif %}"
        "{% if n == 2 %}{% continue %}{% endif %}{{ comma() }}{{ n }}:{{ row.next() }}{% endfor %}\n"
        "{{ none is none }} {{ 'x' is string }} {{ 3 in [1, 3] }} {{ dict(a=1, b=2)|dictsort }}",
        {},
    ),
    "filter blocks, raw and comments": (
        "{% filter upper %}\n  shout {{ w }}\n{% endfilter %}{# gone #}\n{% raw %}{{ kept }}{% endraw %}\n"
        "  {%- if true %} tight {% endif -%}  \n!",
        {"w": "<w>"},
    ),
    "a site macro imported": (
        '{% import "macros/playground.html" as p %}'
        '{{ p.gutter(3, 2) }}{{ p.names("k", "T", ["a", "<b>"], "E") }}',
        {},
    ),
}


@pytest.mark.parametrize(("trim_blocks", "lstrip_blocks"), OPTIONS)
@pytest.mark.parametrize("name", ORDINARY)
def test_ordinary_templates_render_as_plain_jinja_renders_them(api, name, trim_blocks, lstrip_blocks):
    template, context = ORDINARY[name]
    answer = api(template, context, trim_blocks, lstrip_blocks)
    assert answer["error"] is None
    assert answer["output"] == plain_jinja(template, context, trim_blocks, lstrip_blocks)


def test_plain_jinja_agrees_on_a_few_literal_outputs(api):
    assert api("{{ 7 * 6 }}|{{ 'ab' * 2 }}|{{ [1, 2]|sum }}")["output"] == "42|abab|3"
    assert api("{{ 'x'|center(5) }}|{{ '%3d'|format(7) }}")["output"] == "  x  |  7"


# --- Every example opens in the playground -----------------------------------------------


# The examples the playground cannot render as the site does yet, and why: it knows JSON, Jinja
# and the site's URLs, not the rest of Flask (request, session, g, config, flashed messages), not app.py's own
# filters, tests and globals, and not the Python values JSON has no word for (tuples, sets,
# dates, dataclass methods, Markup). Each still opens, and says what it lacks. The list may
# only shrink: an example on it that renders as the site does fails the test below.
def same_html(markup):
    """HTML as BeautifulSoup writes it, with every run of white space made one space."""
    return " ".join(str(markup).split())


@pytest.mark.parametrize("endpoint", [example.endpoint for example in showcase_gallery.examples])
def test_every_example_opens_in_the_playground(app, client, soup, gallery, api_request, endpoint):
    """Follow an example page's "Try it" link: its template as it is, and its context."""
    example = gallery.by_endpoint[endpoint]
    with captured_templates(app) as rendered:
        client.get(f"/examples/{endpoint}").get_data()  # read it: a streamed page renders as it is read
    page = soup(f"/examples/{endpoint}")  # the same page, parsed once for the whole run
    link = page.select_one(".try-it a")
    assert link["href"] == f"/playground?example={endpoint}"
    shown = get_soup(client, link["href"])
    template = SITE_TEMPLATES[example.template]
    assert typed(shown.select_one("textarea#template")) == template
    # The page's own render (render_string renders a string template first).
    [passed] = [context for template, context in rendered if template.name == example.template]
    processed = {"course_info"} if endpoint == "context_processors" else set()  # app.py's context processor
    context = json.loads(typed(shown.select_one("textarea#context")))
    assert set(context) == {n for n in example.context_names if n in passed} | processed
    shown = api_request({
        "template": typed(shown.select_one("textarea#template")),
        "context_text": typed(shown.select_one("textarea#context")),
        "trim_blocks": False,
        "lstrip_blocks": False,
        "example": endpoint,  # through the example's own app.py, as the page asks
    })  # fmt: skip
    assert shown["error"] is None
    assert shown["undefined"] == []
    assert shown["unused"] == []
    assert settled(downloads_content(shown["output"])) == settled(demo_as_served(endpoint))


def demo_as_served(endpoint):
    """An example page's demo as ``python app.py`` serves it, as the playground runs the example's
    download: not in testing mode (config_values shows TESTING), whatever mode the suite's app is in."""
    testing, showcase_app.testing = showcase_app.testing, False
    try:
        html = showcase_app.test_client().get(f"/examples/{endpoint}").get_data(as_text=True)
    finally:
        showcase_app.testing = testing
    return demo_of(html).decode_contents()


def test_through_an_examples_app_the_views_values_stay_and_the_visitors_edits_replace_them(
    client, api, example_app
):
    shown = json.loads(
        typed(get_soup(client, "/playground?example=python_types").select_one("textarea#context"))
    )
    assert shown["room"] == ["Science Hall", "214"]  # JSON has no tuple: a list, on the page
    sets = "{{ languages is iterable and languages is not sequence }}"
    kept = api(f"{{{{ room }}}} {sets}", shown, example="python_types")["output"]
    assert "(&#39;Science Hall&#39;, &#39;214&#39;) True" in kept  # the view's tuple and set
    edited = api(f"{{{{ room }}}} {sets}", {**shown, "room": ["Lab", "1"]}, example="python_types")
    assert "[&#39;Lab&#39;, &#39;1&#39;] True" in edited["output"]  # the visitor's list, the view's set
    deleted = {key: value for key, value in shown.items() if key != "ta"}
    answer = api("{{ ta is defined }} {{ room[0] }}", deleted, example="python_types")
    assert "False Science Hall" in answer["output"]
    assert example_app("python_types").module.data["python_types"]["room"] == ["Science Hall", "214"]


def test_through_an_examples_app_a_variant_swaps_its_data_as_its_tests_do(client, api_request):
    page = get_soup(client, "/playground?example=python_types&variant=tricky")
    shown = json.loads(typed(page.select_one("textarea#context")))
    assert (
        shown["room"] == showcase_data["python_types.tricky"]["room"] != showcase_data["python_types"]["room"]
    )
    answer = api_request({
        "template": "{{ room }}", "context": shown, "trim_blocks": False, "lstrip_blocks": False,
        "example": "python_types", "query": "variant=tricky",
    })  # fmt: skip
    # A tuple: the view made it from the tricky data, so the visitor's (equal) list did not replace it.
    assert answer["output"] == str(escape(repr(tuple(shown["room"]))))
    answer = api_request({
        "template": "{{ room }}", "context": shown, "trim_blocks": False, "lstrip_blocks": False,
        "example": "python_types", "query": "variant=full",
    })  # fmt: skip
    assert answer["error"]["message"] == "This example has no variant 'full'."


def settled(markup):
    """HTML as same_html() makes it, without what differs from one run to the next on the site too:
    global_functions' lipsum() words and tip chosen with |random, and the order of python_types' set
    as it comes (each Python process orders a set of text its own way)."""
    html = re.sub(r"(<strong>(?:Placeholder|Tip):</strong>)[^<]*", r"\1 …", same_html(markup))
    as_it_comes = r'(<code>languages\|join\(", "\)</code></td> <td><samp class="result">)([^<]*)'
    html = re.sub(as_it_comes, lambda match: match[1] + ", ".join(sorted(match[2].split(", "))), html)
    a_set = r"\{('[^'{}]*'(?:, '[^'{}]*')*)\}"  # the set's repr: {'Python', 'Jinja', ...}
    return re.sub(a_set, lambda match: "{" + ", ".join(sorted(match[1].split(", "))) + "}", html)


def test_a_template_compiled_once_renders_each_context_and_option_afresh(api):
    """The renderer keeps a template as compiled (per source and options): never a result."""
    template = "{% for w in weeks %}\n  {{ w }}\n{% endfor %}"
    assert api(template, {"weeks": ["a"]})["output"] == "\n  a\n"
    assert api(template, {"weeks": ["b", "c"]})["output"] == "\n  b\n\n  c\n"
    assert api(template, {"weeks": ["b"]}, trim_blocks=True, lstrip_blocks=True)["output"] == "  b\n"
    assert api(template, {})["error"]["message"].startswith("Line 1: 'weeks' is undefined")
    assert api(template, {"weeks": ["a"]})["output"] == "\n  a\n"


def test_opened_on_an_example_the_page_renders_with_its_app_and_says_so(client):
    page = get_soup(client, "/playground?example=tables&variant=empty&sort=phrase")
    form = page.select_one("form.playground-form")
    assert (form["data-example"], form["data-query"]) == ("tables", "variant=empty&sort=phrase")
    assert form["data-examples"] == "/examples/EXAMPLE.zip"
    assert client.get(form["data-examples"].replace("EXAMPLE", "tables")).status_code == 200
    box = page.select_one("input[name=use_example]")
    assert box.has_attr("checked")
    assert page.select_one(f"#{box['aria-describedby']} a[href='/examples/tables.zip']")
    plain = get_soup(client, "/playground")
    assert plain.select_one("input[name=use_example]") is None
    assert not plain.select_one("form.playground-form").has_attr("data-example")


def test_try_it_keeps_the_pages_variant_and_query(client):
    page = get_soup(client, "/examples/tables?variant=empty&sort=phrase")
    href = page.select_one(".try-it a")["href"]
    assert href == "/playground?example=tables&variant=empty&sort=phrase"
    context = json.loads(typed(get_soup(client, href).select_one("textarea#context")))
    assert (context["status_codes"], context["sort"]) == ([], "phrase")


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("example=nope", "example must be one of: lists, dicts, tables,"),
        ("example=tables&sort=nmae", "sort must be one of: code, phrase, category."),
        ("example=lists&variant=full", "variant must be one of: default, empty, tricky."),
    ],
)
def test_try_it_with_a_bad_value_says_what_is_allowed(client, query, said):
    soup = get_soup(client, f"/playground?{query}", status=400)
    assert text(soup.select_one(".error-description")).startswith(said)


def downloads_content(html):
    """What an example's template put in the content block of its download's base.html, which
    the playground renders it with: ``<main>`` without the title base.html writes first."""
    main = BeautifulSoup(html, "html.parser").select_one("main")
    if main is None:
        return BeautifulSoup(html, "html.parser")
    main.select_one("h1").decompose()
    return BeautifulSoup(main.decode_contents(), "html.parser")


URL_FOR_CALLS = [
    "url_for('lists')",
    "url_for('tables', sort='phrase', order='desc')",
    "url_for('urls', week=2, _anchor='week 2')",
    "url_for('urls', week=3, tab='x&y')",
    "url_for('static', filename='css/site.css')",
    "url_for('playground.playground')",
]


def test_url_for_builds_the_sites_urls_as_flask_does(app, api):
    template = "|".join(f"{{{{ {call} }}}}" for call in URL_FOR_CALLS)
    with app.test_request_context():
        expected = render_template_string(template)
    assert api(template) == {"output": expected, "error": None, "undefined": [], "unused": []}
    assert "/examples/urls/week/2#week%202" in expected  # a route argument and an anchor


def test_url_for_says_what_it_cannot_build(api):
    assert api("{{ url_for('nowhere') }}")["error"]["message"].startswith(
        "Line 1: url_for('nowhere') builds no URL: "
    )
    assert api("{{ url_for('lists', _external=true) }}")["error"]["message"] == (
        "Line 1: refused: url_for(_external=...) needs the server, which the playground has not"
    )


def test_an_example_that_needs_flask_says_so(api):
    answer = api(SITE_TEMPLATES["examples/config_values.html"], {"shown": ["DEBUG"]})
    error = answer["error"]["message"]
    assert re.fullmatch(rf"Line \d+: '({'|'.join(FLASK_GLOBALS)})' is undefined \(Flask gives .*", error)
    assert answer["undefined"] == ["config"]
