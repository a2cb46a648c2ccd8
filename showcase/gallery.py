"""The gallery: which views are examples, what each one uses, and the page around each.

An example is a plain Flask view in app.py; ``showcase/catalog.py`` names it under
a topic, and the gallery reads the rest from the example's own files, once, at
start-up: its title (the template's ``title`` block), its summary (the view's
docstring), the template it renders, the names it passes, the data sets it reads
(``data["lists"]``) and their variants (``data/lists.empty.json``). A template or
data set that does not exist stops the program there.

The example does not know the gallery is there:

- its template extends ``base.html`` and fills the ``content`` block; the site's
  ``base.html`` sees that the page is an example (``gallery_page()``) and frames
  that block with the lesson (``templates/lessons/<name>.html``), the data
  variants and the panels (``layouts/example.html``);
- a variant (``?variant=empty``) runs the same view, with ``data["lists"]``
  holding ``data/lists.empty.json`` instead of ``data/lists.json``: the view's
  code with another ``data`` dict in its globals, nothing changed in app.py.
"""

import ast
import fnmatch
import functools
import inspect
import io
import os
import textwrap
import types
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, g, request, send_file
from jinja2 import TemplateError, meta, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from showcase import StartupError, project
from showcase.catalog import TOPICS
from showcase.coverage import Row, captured_context, coverage_rows
from showcase.data import DEFAULT, variant_key, variants
from showcase.panels import Panel, Panels
from showcase.project import Project
from showcase.validation import BadQueryValue

RENDERERS = ("render_template", "stream_template")
# A request with this key in its WSGI environ gets an example's page without the gallery's frame,
# as the example's download serves it: for the suite, which runs the examples' own tests on it.
UNFRAMED = "showcase.unframed"


class ExampleError(StartupError):
    """An example view that cannot be shown, found at start-up rather than at a request."""


@dataclass(frozen=True)
class Example:
    """One example page, as the gallery knows it."""

    title: str
    topic: str
    summary: str  # the first line of the view's docstring
    view: Callable
    templates: tuple[str, ...]  # the templates the view renders, the page's first
    context_names: tuple[str, ...]  # the names the view passes to render_template
    data_names: tuple[str, ...]  # the data sets it reads: data["name"]
    variants: tuple[str, ...]  # "default" first
    reads_request: bool = False  # the view reads the query string or a form: a static copy cannot
    named_templates: tuple[str, ...] = ()  # other templates the view names, such as a parent it picks

    @property
    def endpoint(self) -> str:
        return self.view.__name__

    @property
    def lesson(self) -> str:
        """The template of the lesson's prose, which the gallery shows above the demo."""
        return f"lessons/{self.endpoint}.html"

    @property
    def template(self) -> str:
        return self.templates[0]


@dataclass(frozen=True)
class Page:
    """What the example layout needs to know about the page being rendered."""

    example: Example
    variant: str
    previous: Example | None
    next: Example | None

    @staticmethod
    def variant_args(variant: str) -> dict[str, str]:
        """The url_for() values of the example's own page in ``variant``: the example's URL
        alone, whatever sort, week or search this page shows, since those may not exist in
        another variant's data; each variant is then one page to link to, and to export."""
        return {} if variant == DEFAULT else {"variant": variant}


class Gallery:
    """The examples of one Flask app, and the page the site shows around each."""

    def __init__(self, app: Flask, data: dict[str, Any], topics: dict[str, tuple[str, ...]] = TOPICS) -> None:
        """Register the examples ``topics`` names (the catalog's): call it once the views are routed."""
        self.app, self.data, self.catalog = app, data, topics
        self.panels = Panels(app.jinja_env, Path(app.root_path), Path(app.root_path) / "tests")
        app.extensions["showcase.gallery"] = self
        self.examples  # noqa: B018  read and check every example now, at start-up
        for example in self.examples:
            app.view_functions[example.endpoint] = self._with_variants(example)
        app.before_request(self._choose_variant)
        app.add_url_rule("/examples/<name>.zip", "download", self._download)
        app.add_template_global(self._gallery_page, "gallery_page")
        app.add_template_global(self._example_panels, "example_panels")
        app.add_template_global(self._panel_html, "panel_html")
        app.add_template_global(self.panels.function, "function_source")
        app.add_template_global(self.panels.needs, "recipe_needs")

    @cached_property
    def examples(self) -> tuple[Example, ...]:
        """Every example of the catalog, topic by topic."""
        found = []
        for topic, endpoints in self.catalog.items():
            for endpoint in endpoints:
                view = self.app.view_functions.get(endpoint)
                if view is None:
                    raise ExampleError(f"showcase/catalog.py: {endpoint!r} is not a view of the app")
                found.append(self._describe(view, topic))
        return tuple(found)

    @cached_property
    def by_endpoint(self) -> dict[str, Example]:
        return {example.endpoint: example for example in self.examples}

    @cached_property
    def _positions(self) -> dict[str, int]:
        """Each example's place in the gallery: ``examples.index()`` compares dataclasses field by field."""
        return {example.endpoint: index for index, example in enumerate(self.examples)}

    @cached_property
    def coverage(self) -> list[Row]:
        """Which examples cover each construct, read from their code once per process."""
        return coverage_rows(self.app, list(self.examples), Path(self.app.root_path) / "tests")

    def topics(self) -> list[tuple[str, list[Example]]]:
        """The examples grouped by topic, for the index."""
        return [
            (topic, [self.by_endpoint[e] for e in endpoints]) for topic, endpoints in self.catalog.items()
        ]

    # --- Downloads: each example as a project of its own ---------------------------

    @functools.cache  # noqa: B019  one gallery per app; a project changes only with the code
    def project(self, name: str) -> Project:
        """Example ``name`` as a project of its own (see showcase/project.py)."""
        return project.build(self.app, self.by_endpoint[name])

    def _download(self, name: str) -> Response:
        if name not in self.by_endpoint:
            abort(404)
        return send_file(
            io.BytesIO(self.project(name).zip()),
            mimetype="application/zip",
            as_attachment=True,
            download_name=f"{name}.zip",
            last_modified=None,
        )

    # --- Variants: the same view, with another data dict ---------------------------

    def _with_variants(self, example: Example) -> Callable:
        """The example's view as the site routes it: the view itself for the default data; for
        a variant, the view's own code run with ``data`` giving the variant's files."""
        view = example.view

        @functools.cache
        def in_variant(variant: str) -> Callable:
            data = dict(self.data)
            for name in example.data_names:
                data[name] = self.data.get(variant_key(name, variant), self.data[name])
            namespace = {**view.__globals__, "data": data}
            return types.FunctionType(
                view.__code__, namespace, view.__name__, view.__defaults__, view.__closure__
            )

        @functools.wraps(view)
        def routed(**values: Any) -> Any:
            variant = g.get("variant", DEFAULT)
            return (view if variant == DEFAULT else in_variant(variant))(**values)

        return routed

    def _choose_variant(self) -> None:
        example = self.by_endpoint.get(request.endpoint or "")
        if example is not None:
            # A static export puts the variant in the path (showcase/export.py); the site, in the query.
            variant = g.pop("path_variant", None) or request.args.get("variant", DEFAULT)
            if variant not in example.variants:
                raise BadQueryValue("variant", variant, example.variants)
            g.variant = variant

    # --- What the site's base.html shows around an example -------------------------

    @pass_context
    def _gallery_page(self, context: Context) -> Page | None:
        """This example's place in the gallery, while its own template renders; else None (an
        error page on an example's URL, the other pages)."""
        example = self.by_endpoint.get(request.endpoint or "") if request else None
        if example is None or context.name != example.template or request.environ.get(UNFRAMED):
            return None
        index = self._positions[example.endpoint]
        return Page(
            example=example,
            variant=g.get("variant", DEFAULT),
            previous=self.examples[index - 1] if index > 0 else None,
            next=self.examples[index + 1] if index + 1 < len(self.examples) else None,
        )

    def _panel_html(self, panel: Panel) -> Markup:
        """A panel as HTML (macros/panels.html), rendered once per distinct panel: the view, template
        and test panels once per example, the context and HTML panels once per text they show.
        Rendering them costs a page a third of its time (benchmarks/against.py)."""
        if self.app.jinja_env.auto_reload:
            return self._panels_macros().panel(panel)
        return self._rendered_panel(panel)

    @lru_cache(maxsize=1024)  # noqa: B019  one gallery per app; examples times panels and variants
    def _rendered_panel(self, panel: Panel) -> Markup:
        return self._panels_macros().panel(panel)

    def _panels_macros(self) -> Any:
        return self.app.jinja_env.get_template("macros/panels.html").module

    def _source(self, template: str) -> str:
        env = self.app.jinja_env
        return env.loader.get_source(env, template)[0]

    @pass_context
    def _example_panels(self, context: Context, demo_html: str) -> list[Panel]:
        """The panels of the example being rendered, from the names its view passed."""
        example = context["page"].example
        passed = {name: context[name] for name in example.context_names if name in context}
        return self.panels.for_page(example, passed, str(demo_html), self.project(example.endpoint))

    @lru_cache(maxsize=512)  # noqa: B019  one gallery per app; pages times variants times query values
    def playground_fields(self, name: str, query: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
        """What "Try it in the playground" opens: example ``name``'s template as it is, and the
        context its view passes for the query string ``query`` (``variant``, ``sort``...) as JSON.

        The view runs as for a request to its page, stopped when it asks for its template to be
        rendered; what the view raises (a 400 for a bad query value) is raised here too.
        """
        if name not in self.by_endpoint:
            raise BadQueryValue("example", name, tuple(self.by_endpoint))
        example = self.by_endpoint[name]
        names = (*example.context_names, *self._processed_names(example.template))
        passed = captured_context(self.app, example, query, names)
        template = self._source(example.template)
        return {"template": template, "context": str(self.panels.context_json(passed).unescape())}

    @lru_cache  # noqa: B019  one gallery per app, for the life of the process
    def _processed_names(self, template: str) -> tuple[str, ...]:
        """The names that the app's context processors (not Flask's, not the gallery's) give every
        template and ``template`` reads."""
        source = self._source(template)
        read = meta.find_undeclared_variables(self.app.jinja_env.parse(source))
        given: set[str] = set()
        for processor in self.app.template_context_processors[None]:
            if getattr(processor, "__module__", "").startswith(("flask", "showcase")):
                continue
            given |= set(processor())
        return tuple(sorted(given & read))

    # --- At start-up: read the view's source --------------------------------------

    def _describe(self, view: Callable, topic: str) -> Example:
        where = f"example view {view.__name__}()"
        doc = inspect.getdoc(view)
        if not doc:
            raise ExampleError(f"{where}: give it a one-line docstring, the lesson the index shows")
        templates, context_names, data_reads, patterns = _read_view(view, self.app.root_path)
        if "data" in view.__code__.co_freevars:  # a variant swaps the dict in the view's globals
            raise ExampleError(f"{where}: read data from a dict of the view's module, as app.py does")
        if not templates:
            raise ExampleError(f"{where}: call render_template() with the template's name as a string")
        for name in (*templates, f"lessons/{view.__name__}.html"):
            try:
                self.app.jinja_env.get_template(name)
            except TemplateError as error:
                raise ExampleError(f"{where}: template {name}: {error}") from None
        for name, position in data_reads.items():
            if name not in self.data:
                raise ExampleError(f"{position}: data[{name!r}] reads data/{name}.json, which is missing")
        found = {variant for name in data_reads for variant in variants(self.data, name)}
        source = inspect.getsource(view)
        existing = self.app.jinja_env.list_templates()
        named = sorted(
            t for t in existing if any(fnmatch.fnmatchcase(t, p) for p in patterns) and t not in templates
        )
        return Example(
            named_templates=tuple(named),
            reads_request="request." in source or "query_" in source,
            title=_title(self.app.jinja_env.get_template(templates[0]), where),
            topic=topic,
            summary=doc.splitlines()[0],
            view=view,
            templates=templates,
            context_names=context_names,
            data_names=tuple(data_reads),
            variants=(DEFAULT, *sorted(found - {DEFAULT})),
        )


def _title(template: Any, where: str) -> str:
    """The text of a template's ``title`` block: the example's title, on the site and in the download."""
    block = template.blocks.get("title")
    if block is None:
        raise ExampleError(
            f"{where}: give {template.name} a title: {{% block title %}}Lists{{% endblock title %}}"
        )
    return "".join(block(template.new_context({}))).strip()


def _read_view(
    view: Callable, root: str
) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str], list[str]]:
    """The templates a view renders, the names it passes them, the data sets it reads, and
    globs of the other template names it writes (``f"examples/_{layout}.html"``).

    Each data set comes with where the view reads it, ``app.py:57:30``.
    """
    lines, first_line = inspect.getsourcelines(view)
    path = os.path.relpath(inspect.getsourcefile(view) or "?", root)
    indent = len(lines[0]) - len(lines[0].lstrip())  # what dedent() takes off every line
    tree = ast.parse(textwrap.dedent("".join(lines)))
    templates: dict[str, None] = {}
    context_names: dict[str, None] = {}
    data_reads: dict[str, str] = {}
    patterns: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = [v.value if isinstance(v, ast.Constant) else "*" for v in node.values]
            patterns.append("".join(parts))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.endswith(".html"):
            patterns.append(node.value)
        if isinstance(node, ast.Call) and _called(node) in RENDERERS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                templates[first.value] = None
            context_names.update(dict.fromkeys(k.arg for k in node.keywords if k.arg))
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "data"
            and isinstance(node.slice, ast.Constant)
        ):
            position = f"{path}:{first_line + node.lineno - 1}:{indent + node.col_offset + 1}"
            data_reads.setdefault(node.slice.value, position)
    return tuple(templates), tuple(context_names), data_reads, [p for p in patterns if p.endswith(".html")]


def _called(call: ast.Call) -> str:
    function = call.func
    return function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
