"""Every example page shows its demo and five panels read from the code: checked for every example."""

import ast
import dataclasses
import datetime
import functools
import inspect
import json
import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jinja2 import nodes
from markupsafe import Markup
from pygments.styles import get_style_by_name
from pygments.token import Token

import app as app_module
import showcase.highlight
import showcase.panels as panels_module
from app import gallery as showcase_gallery
from html_helpers import captured_templates, get_soup, text
from showcase.gallery import UNFRAMED
from showcase.highlight import DARK_STYLE, LIGHT_STYLE, PlainPunctuation, stylesheet
from showcase.panels import template_candidates
from site_pages import demo_of, example_url

PROJECT = Path(__file__).resolve().parent.parent
PANELS = ["view", "template", "context", "html", "test"]
EXAMPLES = [example.endpoint for example in showcase_gallery.examples]
VARIANTS = [(e.endpoint, variant) for e in showcase_gallery.examples for variant in e.variants]


@pytest.fixture(scope="session")
def panels(soup):
    """``panels("lists", "empty")``: an example page's panels by name, ``{"view": <section>, ...}``.

    Found in one pass over the run's shared parse of the page (see ``soup`` in conftest.py),
    then kept: the tests below read the five panels of every page many times over.
    """

    @functools.cache
    def find(endpoint, variant="default"):
        page = soup(example_url(endpoint, variant))
        return {panel["data-panel"]: panel for panel in page.select("[data-panel]")}

    return find


def panel_texts(panel):
    """The exact text of each file shown in a panel."""
    return [pre.get_text() for pre in panel.find_all("pre")]


def python_value(text):
    """The value a context panel's Python text stands for.

    Literals are read safely; anything else (a dataclass, a date) is evaluated with
    nothing but app.py's names and the datetime module, which its reprs use.
    """
    try:
        return ast.literal_eval(text)
    except ValueError:
        return eval(text, {**vars(app_module), "__builtins__": {}, "datetime": datetime})


def structure(html):
    """What a browser would make of an HTML fragment: tags, attributes and words, in order."""
    soup = BeautifulSoup(html, "html.parser")
    shape = []
    for node in soup.descendants:
        if node.name:
            shape.append(
                (
                    node.name,
                    sorted((k, " ".join(v) if isinstance(v, list) else v) for k, v in node.attrs.items()),
                )
            )
        elif node.strip():
            shape.append(" ".join(node.split()))
    return shape


def test_the_registry_lists_the_examples():
    assert {"dicts", "lists", "tables", "nested", "tree"} <= set(EXAMPLES)


@pytest.mark.parametrize("endpoint", EXAMPLES)
def test_the_five_panels_are_there_in_order_and_not_empty(soup, panels, endpoint):
    page = soup(example_url(endpoint))
    assert [panel["data-panel"] for panel in page.select("[data-panel]")] == PANELS
    for key, panel in panels(endpoint).items():
        texts = panel_texts(panel)
        assert texts, f"the {key} panel shows no file"
        assert all(text.strip() for text in texts), f"the {key} panel has an empty file"
    assert len(page.select("[data-demo]")) == 1


@pytest.mark.parametrize("endpoint", EXAMPLES)
def test_the_view_panel_is_the_downloads_app_py_with_the_view_as_the_site_runs_it(panels, gallery, endpoint):
    panel = panels(endpoint)["view"]
    [shown] = panel_texts(panel)
    assert shown == gallery.project(endpoint).files["app.py"]
    assert inspect.getsource(gallery.by_endpoint[endpoint].view) in shown  # word for word
    assert panel.select_one(".source-name").get_text() == "app.py"
    assert "gallery" not in shown
    assert "showcase" not in shown.split('"""', 2)[2]  # only the docstring names where it comes from


@pytest.mark.parametrize("endpoint", EXAMPLES)
def test_the_template_panel_shows_the_examples_own_templates(panels, gallery, endpoint):
    panel = panels(endpoint)["template"]
    names = [code.get_text() for code in panel.select(".source-name")]
    assert names[0] == gallery.by_endpoint[endpoint].template
    assert not {"layouts/example.html", "_home.html", "base.html"} & set(names)  # the frame is not the lesson
    assert len(names) == len(set(names))
    on_disk = [(PROJECT / "templates" / name).read_text(encoding="utf-8") for name in names]
    assert panel_texts(panel) == on_disk
    assert all(source.has_attr("open") for source in panel.select("details.source"))


@pytest.mark.parametrize(("endpoint", "variant"), VARIANTS)
def test_the_context_panel_equals_what_the_view_passed(app, client, panels, gallery, endpoint, variant):
    example = gallery.by_endpoint[endpoint]
    with captured_templates(app) as rendered:
        client.get(example_url(endpoint, variant)).get_data()  # a streamed page renders as it is read
    panel = panels(endpoint, variant)["context"]  # the same page, parsed once for every test
    # The page's own render, once; a view may render other templates too (render_template_string...).
    [context] = [context for template, context in rendered if template.name == example.template]
    passed = {name: context[name] for name in example.context_names}
    [text] = panel_texts(panel)
    name = panel.select_one(".source-name").get_text()
    shown = json.loads(text) if name == "context.json" else python_value(text)
    assert shown == passed


@pytest.mark.parametrize(("endpoint", "variant"), VARIANTS)
def test_the_framed_page_shows_the_demo_the_examples_own_tests_check(app, endpoint, variant):
    # The examples' own tests get the page without the gallery's frame (see client in conftest.py).
    # Both fetched now, by new clients, in the same state: config, session, random numbers.
    unframed = app.test_client()
    unframed.environ_base[UNFRAMED] = True
    random.seed(253)  # lipsum() and |random: the same words in both
    framed = demo_of(app.test_client().get(example_url(endpoint, variant)).get_data(as_text=True))
    random.seed(253)
    page = get_soup(unframed, example_url(endpoint, variant))
    assert page.select("[data-demo], [data-panel], section.lesson") == []
    content = page.select_one("main")
    content.select_one("h1").decompose()
    assert structure(content.decode_contents()) == structure(framed.decode_contents())


@pytest.mark.parametrize(("endpoint", "variant"), VARIANTS)
def test_the_html_panel_is_what_the_demo_rendered(panels, demo, endpoint, variant):
    [text] = panel_texts(panels(endpoint, variant)["html"])
    assert structure(text) == structure(demo(endpoint, variant).decode_contents())
    assert "&lt;" in text or variant != "tricky"  # escaping is shown as it was sent


@pytest.mark.parametrize("endpoint", EXAMPLES)
def test_the_test_panel_shows_the_pages_test_file(panels, endpoint):
    path = PROJECT / "tests" / f"test_{endpoint}.py"
    [shown] = panel_texts(panels(endpoint)["test"])
    assert shown == path.read_text(encoding="utf-8")
    assert "def test_" in shown


@pytest.mark.parametrize("endpoint", [e.endpoint for e in showcase_gallery.examples if len(e.variants) > 1])
def test_every_variant_changes_the_context_and_html_panels_only(panels, gallery, endpoint):
    shown = {}
    for variant in gallery.by_endpoint[endpoint].variants:
        shown[variant] = {key: panel_texts(panel) for key, panel in panels(endpoint, variant).items()}
    variants = list(shown)
    for key in ("context", "html"):
        assert len({str(shown[v][key]) for v in variants}) == len(variants), (
            f"{key} is the same in two variants"
        )
    for key in ("view", "template", "test"):
        assert len({str(shown[v][key]) for v in variants}) == 1, f"{key} changes with the variant"


@pytest.mark.parametrize("endpoint", EXAMPLES)
def test_every_copy_button_points_at_a_panels_code(soup, panels, endpoint):
    page = soup(example_url(endpoint))
    buttons = page.select("button[data-copy]")  # anywhere on the page
    codes = [pre for panel in panels(endpoint).values() for pre in panel.find_all("pre")]
    # One button for each file a panel shows, in the same order: the id it names is its file's.
    assert [button["data-copy"] for button in buttons] == [pre["id"] for pre in codes]
    # Shown by static/js/copy.js: without JavaScript there is no dead button.
    assert all(button.has_attr("hidden") for button in buttons)
    assert page.select_one('script[src="/static/js/copy.js"]').has_attr("defer")


def test_highlighting_happens_once_not_per_request(client, gallery, monkeypatch):
    calls = []
    real = showcase.highlight.pygments_highlight
    monkeypatch.setattr(
        showcase.highlight, "pygments_highlight", lambda *args: calls.append(1) or real(*args)
    )
    gallery.panels.clear_caches()
    client.get("/examples/tables?sort=phrase")
    assert len(calls) >= 4  # the download's app.py, the template, the context, the test file
    cold = len(calls)
    client.get("/examples/tables?sort=phrase")
    client.get("/examples/tables?sort=phrase")
    assert len(calls) == cold  # from then on, the same page highlights nothing


@dataclasses.dataclass
class Seat:
    row: str


def set_in_an_order_its_repr_does_not_give() -> set[int]:
    """{4, 100}, which its repr builds back as {100, 4}: where a set's items sit depends on what
    it held before (ints hash to themselves, so this is the same in every process)."""
    numbers = set(range(5)) | {100}
    numbers -= {0, 1, 2, 3}
    assert repr(numbers) != repr(ast.literal_eval(repr(numbers)))
    return numbers


@pytest.mark.parametrize(
    ("context", "language"),
    [
        ({"weeks": ["Flask", "Jinja"], "count": 2, "ratio": 0.5, "open": True, "ta": None}, "json"),
        ({"seats": set_in_an_order_its_repr_does_not_give()}, "python"),
        ({"columns": ("code", "phrase")}, "python"),  # JSON has no tuples
        ({"languages": {"SQL", "HTML"}}, "python"),
        ({"by_id": {1: "one"}}, "python"),  # JSON's keys are strings
        ({"note": Markup("<b>bold</b>")}, "json"),  # a str, to JSON; its repr is no literal
        ({"seat": Seat("A")}, "python"),
        ({"day": datetime.date(2026, 12, 2)}, "python"),
        ({"score": float("nan")}, "python"),
    ],
)
def test_the_context_text_is_the_same_from_the_cache_of_literal_contexts(context, language):
    panels_module._literal_context_text.cache_clear()
    first = panels_module.context_text(context)
    assert first == panels_module._context_text(context)  # the layout without the cache
    assert first[1] == language
    assert panels_module.context_text(context) == first


def test_a_literal_context_is_laid_out_once_per_distinct_text(monkeypatch):
    calls = []
    real = panels_module._context_text
    monkeypatch.setattr(panels_module, "_context_text", lambda value: calls.append(1) or real(value))
    panels_module._literal_context_text.cache_clear()
    for _ in range(3):
        panels_module.context_text({"columns": ("code", "phrase"), "rows": [{"code": 200}]})
        panels_module.context_text({"seat": Seat("A")})  # not a literal: laid out every time
    assert len(calls) == 1 + 3


def test_the_html_panel_is_plain_text(soup):
    panel = soup("/examples/lists").select_one('[data-panel="html"] pre code')
    assert panel.find_all(True) == []  # no highlighting markup: the demo itself is right above
    assert '<ol class="weeks">' in panel.get_text()


def test_the_highlight_stylesheet_is_generated_and_covers_the_dark_scheme():
    assert (PROJECT / "static" / "css" / "highlight.css").read_text(encoding="utf-8") == stylesheet()
    light, dark = stylesheet().split("@media (prefers-color-scheme: dark)")
    classes = {line.split("{")[0].strip() for line in light.splitlines() if line.startswith(".highlight .")}
    assert classes <= {line.split("{")[0].strip() for line in dark.splitlines() if ".highlight ." in line}


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.1's contrast ratio of two colours written as hex RGB ("1C01CE", "#fff")."""

    def luminance(colour: str) -> float:
        digits = colour.lstrip("#")
        digits = "".join(c * 2 for c in digits) if len(digits) == 3 else digits
        linear = [
            c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
            for c in (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_wcags():
    assert contrast("000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "fff") == pytest.approx(4.48, abs=0.01)  # the grey just under AA


def highlighted_kinds() -> set:
    """The token kinds a highlighted span can have: every kind Pygments knows, through
    PlainPunctuation (punctuation, operators, white space and plain names become Token.Text)."""
    plain = PlainPunctuation()
    known = get_style_by_name(LIGHT_STYLE).styles
    return {kind for each in known for kind, _ in plain.filter(None, [(each, "x")])}


@pytest.mark.parametrize("style", [LIGHT_STYLE, DARK_STYLE])
def test_every_colour_highlighting_gives_meets_wcag_aa(style):
    # The colours of highlighted code, checked for every kind of token, in both schemes: the
    # browser checks (tests/quality/visits.py, CODE) let axe see them on one page a section.
    theme = get_style_by_name(style)
    kinds = highlighted_kinds()
    assert len(kinds) > 40
    assert Token.Keyword in kinds
    assert Token.Punctuation not in kinds
    weak = {}
    for kind in kinds:
        defined = theme.style_for_token(kind)
        if defined["color"]:  # else the page's text colour, which axe checks on every page
            ratio = contrast(defined["color"], defined["bgcolor"] or theme.background_color)
            if ratio < 4.5:
                weak[str(kind)] = round(ratio, 2)
    assert weak == {}


def test_templates_chosen_at_run_time_are_shown_as_such(panels):
    notes = {
        text(block.select_one(".source-name")): text(block.select_one(".source-note"))
        for block in panels("includes")["template"].select("details")
    }
    # {% include "examples/_includes_" ~ assignment.kind ~ "_rules.html" %} may be any of these:
    assert (
        notes["examples/_includes_project_rules.html"]
        == "included, chosen at run time, by examples/includes.html"
    )
    assert (
        notes["examples/_includes_lab_help.html"] == "included, chosen at run time, by examples/includes.html"
    )


def test_a_parent_the_view_picks_is_shown_as_named_by_the_view(panels):
    names = [
        (text(block.select_one(".source-name")), text(block.select_one(".source-note")))
        for block in panels("dynamic_extends")["template"].select("details")
    ]
    assert ("examples/_dynamic_extends_card.html", "named by the view") in names
    assert ("examples/_dynamic_extends_list.html", "named by the view") in names


def candidates(app, template):
    """What template_candidates finds for the one include or extends in ``template``."""
    [node] = app.jinja_env.parse(template).find_all((nodes.Include, nodes.Extends))
    return template_candidates(app.jinja_env, node.template)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ('{% include "examples/_nowhere.html" ignore missing %}', ([], False)),
        ('{% include ["examples/_nowhere.html", "base.html", "_home.html"] %}', (["base.html"], False)),
        ("{% extends parent %}", ([], True)),
    ],
)
def test_constant_names_are_what_jinja_would_load(app, template, expected):
    assert candidates(app, template) == expected


def test_a_name_built_with_tilde_may_be_any_template_its_strings_fit(app):
    names, chosen_at_run_time = candidates(app, '{% include "macros/" ~ name ~ ".html" %}')
    assert sorted(names) == sorted(t for t in app.jinja_env.list_templates() if t.startswith("macros/"))
    assert "macros/panels.html" in names
    assert chosen_at_run_time


def test_variant_links_lead_to_the_examples_own_page(client):
    soup = get_soup(client, "/examples/urls/week/2?variant=tricky")
    links = {text(a): a["href"] for a in soup.select("nav.variants a")}
    assert links == {"default": "/examples/urls", "tricky": "/examples/urls?variant=tricky"}
    soup = get_soup(client, "/examples/dynamic_extends?layout=list")
    assert soup.select_one("nav.variants a")["href"] == "/examples/dynamic_extends"
