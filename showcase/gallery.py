"""The gallery: which views are examples, what each one uses, and the index of them all.

A view becomes an example with one decorator under its route::

    @app.route("/examples/lists")
    @gallery.example("Lists", topic="Data from Python")
    def lists():
        \"\"\"Loop over a list with loop.index, and say so when it is empty.\"\"\"
        return render_template("examples/lists.html", weeks=data["lists"])

The decorator reads the view's own source once, at start-up: the template it
renders, the names it passes, the data sets it reads. A template or data set
that does not exist stops the program there. The index is built from the app's
routes, so adding an example never means updating a list by hand.
"""

import ast
import fnmatch
import inspect
import os
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from flask import Flask, g, request
from jinja2 import TemplateError, meta, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from showcase import StartupError
from showcase.caching import FragmentCache, memoize_url_for
from showcase.coverage import Row, coverage_rows
from showcase.data import DEFAULT, DataSets
from showcase.panels import Panel, Panels
from showcase.validation import BadQueryValue

escaped = lru_cache(maxsize=256)(escape)  # a template's text, as a form field's value

TOPICS = (
    "Data from Python",
    "Output and expressions",
    "Filters",
    "Tests",
    "Loops and conditionals",
    "Assignment and scope",
    "Reuse",
    "Inheritance",
    "Whitespace",
    "Escaping and safety",
    "Globals and extensions",
    "Flask's side",
)
RENDERERS = ("render_template", "stream_template")


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
    also: tuple[str, ...] = ()  # other functions of app.py the lesson is about (a filter, a handler)
    reads_request: bool = False  # the view reads the query string or a form: a static copy cannot
    named_templates: tuple[str, ...] = ()  # other templates the view names, such as a parent it picks

    @property
    def endpoint(self) -> str:
        return self.view.__name__

    def also_functions(self) -> list[Callable]:
        """The functions named in ``also``, looked up in the view's module when asked."""
        module = sys.modules[self.view.__module__]
        missing = [name for name in self.also if not callable(getattr(module, name, None))]
        if missing:
            raise ExampleError(f"example view {self.endpoint}(): also= names no function {missing}")
        return [getattr(module, name) for name in self.also]

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
    """The registry of example views for one Flask app."""

    def __init__(self, app: Flask, data: DataSets) -> None:
        self.app, self.data = app, data
        self._examples: dict[Callable, Example] = {}
        self.panels = Panels(app.jinja_env, Path(app.root_path), Path(app.root_path) / "tests")
        app.extensions["showcase.gallery"] = self
        app.before_request(self._choose_variant)
        app.context_processor(self._page_context)
        app.add_template_global(self._example_panels, "example_panels")
        app.add_template_global(self.panels.function, "function_source")
        app.add_template_global(self.panels.needs, "recipe_needs")
        app.add_template_global(self._playground_fields, "playground_fields")
        # Per process, not per request: url_for()'s answers, and the panels that never change.
        app.jinja_env.add_extension(FragmentCache)
        memoize_url_for(app)

    def example(
        self, title: str, *, topic: str, also: tuple[str, ...] = ()
    ) -> Callable[[Callable], Callable]:
        """Mark a view as an example page titled ``title`` under ``topic`` (one of TOPICS).

        ``also`` names other functions of the module that the lesson is about, such
        as the filter it registers: the view panel shows them after the view.
        """

        def register(view: Callable) -> Callable:
            self._examples[view] = replace(self._describe(view, title, topic), also=tuple(also))
            return view

        return register

    @cached_property
    def examples(self) -> tuple[Example, ...]:
        """Every example the app routes to, topic by topic, in the order app.py defines them."""
        routed = [self.app.view_functions[rule.endpoint] for rule in self.app.url_map.iter_rules()]
        found = [self._examples[view] for view in dict.fromkeys(routed) if view in self._examples]
        return tuple(sorted(found, key=lambda example: TOPICS.index(example.topic)))

    @cached_property
    def by_endpoint(self) -> dict[str, Example]:
        return {example.endpoint: example for example in self.examples}

    @cached_property
    def coverage(self) -> list[Row]:
        """Which examples cover each construct, read from their code once per process."""
        return coverage_rows(self.app, list(self.examples), Path(self.app.root_path) / "tests")

    def topics(self) -> list[tuple[str, list[Example]]]:
        """The examples grouped by topic, for the index; topics without examples left out."""
        grouped = {topic: [e for e in self.examples if e.topic == topic] for topic in TOPICS}
        return [(topic, examples) for topic, examples in grouped.items() if examples]

    # --- Per request: the variant, and what the layout shows --------------------

    def _choose_variant(self) -> None:
        example = self.by_endpoint.get(request.endpoint or "")
        if example is not None:
            # A static export puts the variant in the path (showcase/export.py); the site, in the query.
            variant = g.pop("path_variant", None) or request.args.get("variant", DEFAULT)
            if variant not in example.variants:
                raise BadQueryValue("variant", variant, example.variants)
            g.variant = variant

    def _page_context(self) -> dict[str, Page | None]:
        example = self.by_endpoint.get(request.endpoint or "") if request else None
        if example is None:
            return {"page": None}
        index = self.examples.index(example)
        return {
            "page": Page(
                example=example,
                variant=g.get("variant", DEFAULT),
                previous=self.examples[index - 1] if index > 0 else None,
                next=self.examples[index + 1] if index + 1 < len(self.examples) else None,
            )
        }

    @pass_context
    def _example_panels(self, context: Context, demo_html: str) -> list[Panel]:
        """The panels of the example being rendered, from the names its view passed."""
        example = context["page"].example
        passed = {name: context[name] for name in example.context_names if name in context}
        return self.panels.for_page(example, passed, str(demo_html))

    @pass_context
    def _playground_fields(self, context: Context) -> dict[str, Markup]:
        """What the "Try it in the playground" form sends: the page's template, and its context as
        JSON; both escaped once, not per request, for the form's value attributes."""
        example = context["page"].example
        passed = {name: context[name] for name in example.context_names if name in context}
        # What the app's own context processors gave this template, and it reads (course_info).
        passed |= {name: context[name] for name in self._processed_names(example.template) if name in context}
        template = self.panels.templates(example.template)[0].text
        return {"template": escaped(template), "context": self.panels.context_json(passed)}

    @lru_cache  # noqa: B019  one gallery per app, for the life of the process
    def _processed_names(self, template: str) -> tuple[str, ...]:
        """The names that the app's context processors (not Flask's, not the gallery's) give every
        template and ``template`` reads."""
        source = self.panels.templates(template)[0].text
        read = meta.find_undeclared_variables(self.app.jinja_env.parse(source))
        given: set[str] = set()
        for processor in self.app.template_context_processors[None]:
            if getattr(processor, "__module__", "").startswith(("flask", "showcase")):
                continue
            given |= set(processor())
        return tuple(sorted(given & read))

    # --- At start-up: read the view's source --------------------------------------

    def _describe(self, view: Callable, title: str, topic: str) -> Example:
        where = f"example view {view.__name__}()"
        if topic not in TOPICS:
            raise ExampleError(f"{where}: topic {topic!r} is not one of {TOPICS}")
        doc = inspect.getdoc(view)
        if not doc:
            raise ExampleError(f"{where}: give it a one-line docstring, the lesson the index shows")
        templates, context_names, data_reads, patterns = _read_view(view, self.app.root_path)
        if not templates:
            raise ExampleError(f"{where}: call render_template() with the template's name as a string")
        for name in templates:
            try:
                self.app.jinja_env.get_template(name)
            except TemplateError as error:
                raise ExampleError(f"{where}: template {name}: {error}") from None
        for name, position in data_reads.items():
            if name not in self.data:
                raise ExampleError(f"{position}: data[{name!r}] reads data/{name}.json, which is missing")
        variants = {variant for name in data_reads for variant in self.data.variants(name)}
        source = inspect.getsource(view)
        existing = self.app.jinja_env.list_templates()
        named = sorted(
            t for t in existing if any(fnmatch.fnmatchcase(t, p) for p in patterns) and t not in templates
        )
        return Example(
            named_templates=tuple(named),
            reads_request="request." in source or "query_" in source,
            title=title,
            topic=topic,
            summary=doc.splitlines()[0],
            view=view,
            templates=templates,
            context_names=context_names,
            data_names=tuple(data_reads),
            variants=(DEFAULT, *sorted(variants - {DEFAULT})),
        )


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
