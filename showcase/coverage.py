"""Which example shows each Jinja construct and Flask feature, found by reading the examples' code.

Nothing here is a hand-kept list of pages. Each construct is a row with a
detector; an example covers a row when the detector finds the construct in
what the example really uses:

- the Jinja syntax tree of its page template (its lesson's prose is a file
  apart, templates/lessons/) and of every template that reaches (macros,
  partials, layouts of its own; not the base.html every page extends);
- the text of the same, for what the syntax tree forgets (comments, ``-``
  markers, named end tags);
- the Python that its download copies from the site (showcase/project.py): the
  view and the functions, classes and filters it uses;
- the values its view passes, captured once by calling the view without
  rendering, for the rows about Python data (a set, a dataclass, a date...).

A row no example covers, or whose examples have no test file, is a gap.
"""

import ast
import dataclasses
import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, before_render_template
from jinja2 import Environment, nodes
from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_TESTS

from showcase import project
from showcase.catalog import TOPICS
from showcase.panels import LAYOUT_TEMPLATES, template_candidates

# The map's groups are the gallery's topics, in the index's order.
GROUPS = tuple(TOPICS)


@dataclass
class Usage:
    """What one example uses, read from its code."""

    nodes: list[nodes.Node]
    text: str  # the demo's template text, then the text of each template it reaches
    reached_text: str  # the text of the templates it reaches, without the page's own
    python: str  # the view's source and the also= functions' sources
    templates: list[str]  # the templates it reaches, beyond the page's own
    chain: int  # the longest chain of extends among them (1 = no extends)
    values: list[Any]  # every value reachable from what the view passed
    custom_filters: frozenset[str]
    custom_tests: frozenset[str]
    data_files: bool  # reads data/*.json
    parent_blocks: list[nodes.Block] = field(default_factory=list)  # blocks of the templates others extend


@dataclass(frozen=True)
class Construct:
    group: str
    name: str  # as the coverage page shows it
    check: Callable[[Usage], bool]


@dataclass
class Row:
    construct: Construct
    examples: list[Any] = field(default_factory=list)
    tests: list[str] = field(default_factory=list)  # test files of those examples

    @property
    def gap(self) -> str:
        """Why the row is a gap, or "" when it is covered and tested."""
        if not self.examples:
            return "no example"
        if not self.tests:
            return "no test"
        return ""


# --- Detector builders ----------------------------------------------------------


def node(kind: type, where: Callable[[Any], bool] = lambda n: True) -> Callable[[Usage], bool]:
    return lambda usage: any(isinstance(n, kind) and where(n) for n in usage.nodes)


def filter_(*names: str, where: Callable[[Any], bool] = lambda n: True) -> Callable[[Usage], bool]:
    def check(usage: Usage) -> bool:
        return any(
            isinstance(n, nodes.Filter | nodes.FilterBlock) and _filter_name(n) in names and where(n)
            for n in usage.nodes
        )

    return check


def _by_function(table: dict[str, Callable]) -> list[tuple[str, ...]]:
    """The names of a table of Jinja's (filters, tests) grouped by the function they name, its own
    name first (``("default", "d")``, ``("eq", "==", "equalto")``), in alphabetical order."""
    grouped: dict[Callable, list[str]] = {}
    for name, function in table.items():
        grouped.setdefault(function, []).append(name)
    ordered = []
    for names in grouped.values():
        function = table[names[0]]
        own = function.__name__.removeprefix("do_").removeprefix("test_").removeprefix("sync_")
        first = own if own in names else next((n for n in names if n.isidentifier()), names[0])
        ordered.append((first, *(n for n in names if n != first)))
    return sorted(ordered)


def _label(prefix: str, names: tuple[str, ...]) -> str:
    """``|default (also |d)``: a row's name, with its aliases."""
    also = ", ".join(prefix.strip() + n if prefix == "|" else n for n in names[1:])
    return f"{prefix}{names[0]}" + (f" (also {also})" if also else "")


def test_(*names: str) -> Callable[[Usage], bool]:
    return node(nodes.Test, lambda n: n.name in names)


def loop_attr(attr: str) -> Callable[[Usage], bool]:
    return node(
        nodes.Getattr, lambda n: isinstance(n.node, nodes.Name) and n.node.name == "loop" and n.attr == attr
    )


def call(name: str, where: Callable[[Any], bool] = lambda n: True) -> Callable[[Usage], bool]:
    return node(nodes.Call, lambda n: isinstance(n.node, nodes.Name) and n.node.name == name and where(n))


def name(*names: str) -> Callable[[Usage], bool]:
    return node(nodes.Name, lambda n: n.name in names)


def text(pattern: str) -> Callable[[Usage], bool]:
    return lambda usage: re.search(pattern, usage.text) is not None


def python(pattern: str) -> Callable[[Usage], bool]:
    return lambda usage: re.search(pattern, usage.python) is not None


def value(predicate: Callable[[Any], bool]) -> Callable[[Usage], bool]:
    return lambda usage: any(predicate(v) for v in usage.values)


def all_of(*checks: Callable[[Usage], bool]) -> Callable[[Usage], bool]:
    return lambda usage: all(check(usage) for check in checks)


def _filter_name(n: Any) -> str:
    return n.filter.name if isinstance(n, nodes.FilterBlock) else n.name


def _kwarg(n: Any, key: str) -> bool:
    return any(k.key == key for k in n.kwargs)


def _const(n: Any, kind: type | tuple[type, ...]) -> bool:
    return isinstance(n, nodes.Const) and isinstance(n.value, kind) and not isinstance(n.value, bool)


def _outer_loop(usage: Usage) -> bool:
    """A loop that saves its loop variable (or part of it), then loops again inside."""
    for loop in (n for n in usage.nodes if isinstance(n, nodes.For)):
        body = nodes.Scope(loop.body)
        saves = any(
            any(name.name == "loop" for name in assign.node.find_all(nodes.Name))
            for assign in body.find_all(nodes.Assign)
        )
        if saves and any(True for _ in body.find_all(nodes.For)):
            return True
    return False


def _set_in_loop(usage: Usage) -> bool:
    return any(
        any(True for _ in nodes.Scope(f.body).find_all(nodes.Assign))
        for f in usage.nodes
        if isinstance(f, nodes.For)
    )


def _renders_something(body: list[nodes.Node]) -> bool:
    """A block body that is more than white space: a parent's default that a child may keep."""
    return any(
        not (
            isinstance(n, nodes.Output)
            and all(isinstance(c, nodes.TemplateData) and not c.data.strip() for c in n.nodes)
        )
        for n in body
    )


def _is_items(n: Any) -> bool:
    iterable = n.iter
    if isinstance(iterable, nodes.Call) and isinstance(iterable.node, nodes.Getattr):
        return iterable.node.attr == "items"
    return isinstance(iterable, nodes.Filter) and iterable.name in ("items", "dictsort")


def _nested(v: Any) -> bool:
    containers = (dict, list, tuple, set, frozenset)
    inner = v.values() if isinstance(v, dict) else v if isinstance(v, list | tuple) else ()
    return isinstance(v, containers) and any(isinstance(i, containers) and i for i in inner)


def _object(v: Any) -> bool:
    return dataclasses.is_dataclass(v) and not isinstance(v, type)


COMPARE = ("eq", "ne", "lt", "lteq", "gt", "gteq")
COMPARE_TESTS = (
    "eq",
    "equalto",
    "==",
    "ne",
    "!=",
    "lt",
    "lessthan",
    "<",
    "le",
    "<=",
    "gt",
    "greaterthan",
    ">",
    "ge",
    ">=",
)

CONSTRUCTS = (
    # Output and expressions
    Construct(
        "Output and expressions",
        "{{ }} output",
        node(nodes.Output, lambda n: any(not isinstance(c, nodes.TemplateData) for c in n.nodes)),
    ),
    Construct(
        "Output and expressions",
        "attribute lookup a.b",
        node(
            nodes.Getattr, lambda n: not (isinstance(n.node, nodes.Name) and n.node.name in ("loop", "self"))
        ),
    ),
    Construct(
        "Output and expressions", "subscript lookup a['b']", node(nodes.Getitem, lambda n: _const(n.arg, str))
    ),
    Construct(
        "Output and expressions", "string literal", node(nodes.Const, lambda n: isinstance(n.value, str))
    ),
    Construct(
        "Output and expressions", "number literal", node(nodes.Const, lambda n: _const(n, (int, float)))
    ),
    Construct("Output and expressions", "list literal", node(nodes.List)),
    Construct("Output and expressions", "tuple literal", node(nodes.Tuple, lambda n: n.ctx == "load")),
    Construct("Output and expressions", "dict literal", node(nodes.Dict)),
    Construct(
        "Output and expressions", "boolean literal", node(nodes.Const, lambda n: isinstance(n.value, bool))
    ),
    Construct(
        "Output and expressions",
        "arithmetic + - * / // % **",
        node(nodes.Add | nodes.Sub | nodes.Mul | nodes.Div | nodes.FloorDiv | nodes.Mod | nodes.Pow),
    ),
    Construct(
        "Output and expressions",
        "comparisons == != < <= > >=",
        node(nodes.Compare, lambda n: any(op.op in COMPARE for op in n.ops)),
    ),
    Construct(
        "Output and expressions", "and, or, not", all_of(node(nodes.And), node(nodes.Or), node(nodes.Not))
    ),
    Construct(
        "Output and expressions",
        "in",
        node(nodes.Compare, lambda n: any(op.op in ("in", "notin") for op in n.ops)),
    ),
    Construct("Output and expressions", "~ joins strings", node(nodes.Concat)),
    Construct("Output and expressions", "inline x if c else y", node(nodes.CondExpr)),
    Construct(
        "Output and expressions",
        "calling a method",
        node(
            nodes.Call,
            lambda n: (
                isinstance(n.node, nodes.Getattr)
                and not (
                    isinstance(n.node.node, nodes.Name) and n.node.node.name in ("loop", "self", "caller")
                )
            ),
        ),
    ),
    Construct("Output and expressions", "{# comments #}", text(r"\{#")),
    Construct(
        "Output and expressions",
        "undefined values and |default",
        all_of(filter_("default", "d"), test_("defined", "undefined")),
    ),
    # Filters
    Construct(
        "Filters",
        "chaining filters, with arguments",
        node(
            nodes.Filter,
            lambda n: (
                isinstance(n.node, nodes.Filter) and bool(n.args or n.kwargs or n.node.args or n.node.kwargs)
            ),
        ),
    ),
    # One row for each of Jinja's own filters, from its own list: a filter a new Jinja adds
    # shows up as a gap. Aliases (|d, |e, |count) count with the filter they name.
    *(Construct("Filters", _label("|", names), filter_(*names)) for names in _by_function(DEFAULT_FILTERS)),
    Construct("Filters", "|sort by attribute", filter_("sort", where=lambda n: _kwarg(n, "attribute"))),
    Construct("Filters", "|sum by attribute", filter_("sum", where=lambda n: _kwarg(n, "attribute"))),
    Construct("Filters", "{% filter %} block", node(nodes.FilterBlock)),
    Construct(
        "Filters",
        "a custom filter: @app.template_filter",
        all_of(
            python(r"@app\.template_filter"),
            lambda u: any(isinstance(n, nodes.Filter) and n.name in u.custom_filters for n in u.nodes),
        ),
    ),
    # Tests
    # One row for each of Jinja's own tests, from its own list; aliases (==, equalto) count with it.
    *(Construct("Tests", _label("is ", names), test_(*names)) for names in _by_function(DEFAULT_TESTS)),
    Construct(
        "Tests",
        "a custom test: @app.template_test",
        all_of(
            python(r"@app\.template_test"),
            lambda u: any(isinstance(n, nodes.Test) and n.name in u.custom_tests for n in u.nodes),
        ),
    ),
    # Loops and conditionals
    Construct(
        "Loops and conditionals", "if / elif / else", node(nodes.If, lambda n: bool(n.elif_ and n.else_))
    ),
    Construct("Loops and conditionals", "for", node(nodes.For)),
    Construct("Loops and conditionals", "for ... else", node(nodes.For, lambda n: bool(n.else_))),
    Construct(
        "Loops and conditionals",
        "loop filtering: for x in xs if ...",
        node(nodes.For, lambda n: n.test is not None),
    ),
    *(
        Construct("Loops and conditionals", f"loop.{a}", loop_attr(a))
        for a in (
            "index",
            "index0",
            "revindex",
            "revindex0",
            "first",
            "last",
            "length",
            "cycle",
            "changed",
            "previtem",
            "nextitem",
            "depth",
        )
    ),
    Construct("Loops and conditionals", "recursive loops on a tree", node(nodes.For, lambda n: n.recursive)),
    Construct(
        "Loops and conditionals",
        "break and continue (loopcontrols)",
        all_of(node(nodes.Break), node(nodes.Continue)),
    ),
    Construct(
        "Loops and conditionals",
        "unpacking tuples in a loop",
        node(nodes.For, lambda n: isinstance(n.target, nodes.Tuple) and not _is_items(n)),
    ),
    Construct(
        "Loops and conditionals",
        "unpacking dict items in a loop",
        node(nodes.For, lambda n: isinstance(n.target, nodes.Tuple) and _is_items(n)),
    ),
    Construct("Loops and conditionals", "reaching an outer loop from an inner one", _outer_loop),
    # Assignment and scope
    Construct("Assignment and scope", "{% set %}", node(nodes.Assign)),
    Construct("Assignment and scope", "block set ... endset", node(nodes.AssignBlock)),
    Construct(
        "Assignment and scope",
        "set in a loop does not leak; namespace() does",
        all_of(_set_in_loop, node(nodes.NSRef)),
    ),
    Construct("Assignment and scope", "{% with %}", node(nodes.With)),
    # Reuse
    Construct("Reuse", "macro with defaults", node(nodes.Macro, lambda n: bool(n.defaults))),
    Construct(
        "Reuse",
        "macro with varargs",
        node(nodes.Macro, lambda n: any(x.name == "varargs" for x in n.find_all(nodes.Name))),
    ),
    Construct(
        "Reuse",
        "macro with kwargs",
        node(nodes.Macro, lambda n: any(x.name == "kwargs" for x in n.find_all(nodes.Name))),
    ),
    Construct("Reuse", "caller() and {% call %}", node(nodes.CallBlock)),
    Construct(
        "Reuse",
        "{% call(args) %} passing arguments to caller()",
        node(nodes.CallBlock, lambda n: bool(n.args)),
    ),
    Construct("Reuse", "import ... as", node(nodes.Import)),
    Construct("Reuse", "from ... import", node(nodes.FromImport)),
    Construct(
        "Reuse",
        "import with context and without",
        all_of(
            node(nodes.Import | nodes.FromImport, lambda n: n.with_context),
            node(nodes.Import | nodes.FromImport, lambda n: not n.with_context),
        ),
    ),
    Construct("Reuse", "include (with its context)", node(nodes.Include, lambda n: n.with_context)),
    Construct("Reuse", "include ignore missing", node(nodes.Include, lambda n: n.ignore_missing)),
    Construct(
        "Reuse",
        "include a list of fallbacks",
        node(
            nodes.Include,
            lambda n: (
                isinstance(n.template, nodes.List | nodes.Tuple)
                or (isinstance(n.template, nodes.Const) and isinstance(n.template.value, list | tuple))
            ),
        ),
    ),
    Construct(
        "Reuse",
        "partials named _name.html",
        lambda u: any(t.rsplit("/", 1)[-1].startswith("_") for t in u.templates),
    ),
    # Inheritance
    Construct("Inheritance", "{% extends %}", node(nodes.Extends)),
    Construct(
        "Inheritance",
        "blocks with defaults",
        lambda u: any(_renders_something(block.body) for block in u.parent_blocks),
    ),
    Construct("Inheritance", "super()", call("super")),
    Construct("Inheritance", "three levels deep", lambda u: u.chain >= 3),
    Construct(
        "Inheritance",
        "named end tags",
        lambda u: re.search(r"\{%-?\s*endblock\s+\w+", u.reached_text) is not None,
    ),
    Construct("Inheritance", "scoped blocks", node(nodes.Block, lambda n: n.scoped)),
    Construct("Inheritance", "required blocks", node(nodes.Block, lambda n: n.required)),
    Construct(
        "Inheritance",
        "self.blockname()",
        node(
            nodes.Call,
            lambda n: (
                isinstance(n.node, nodes.Getattr)
                and isinstance(n.node.node, nodes.Name)
                and n.node.node.name == "self"
            ),
        ),
    ),
    Construct(
        "Inheritance",
        "extending a parent chosen by a variable",
        node(nodes.Extends, lambda n: not isinstance(n.template, nodes.Const)),
    ),
    # Whitespace
    Construct("Whitespace", "- markers strip white space", text(r"\{%-|-%\}|\{\{-|-\}\}")),
    Construct("Whitespace", "+ markers keep it", text(r"\{%\+|\+%\}")),
    Construct(
        "Whitespace", "trim_blocks and lstrip_blocks", all_of(python("trim_blocks"), python("lstrip_blocks"))
    ),
    Construct("Whitespace", "{% raw %}", text(r"\{%-?\s*raw\s*-?%\}")),
    # Escaping and safety
    Construct(
        "Escaping and safety",
        "autoescaping a value from the query string",
        # Free text from the query string: read directly, or through showcase.validation's query_text().
        all_of(python(r"request\.args|\bquery_text\("), node(nodes.Output)),
    ),
    Construct("Escaping and safety", "Markup for trusted HTML", python(r"\bMarkup\(")),
    Construct("Escaping and safety", "{% autoescape %} blocks", node(nodes.ScopedEvalContextModifier)),
    Construct(
        "Escaping and safety",
        "|tojson in a <script type=application/json> data island",
        all_of(filter_("tojson"), text(r"<script[^>]+application/json")),
    ),
    Construct(
        "Escaping and safety",
        "allow-listing a URL's scheme before href",
        all_of(python(r"\.scheme"), text(r"href=")),
    ),
    # Globals and extensions
    *(
        Construct("Globals and extensions", f"{g}()", call(g))
        for g in ("range", "dict", "cycler", "joiner", "namespace", "lipsum")
    ),
    Construct("Globals and extensions", "{% do %} (the do extension)", node(nodes.ExprStmt)),
    Construct(
        "Globals and extensions",
        "{% trans %} (i18n)",
        node(nodes.Call, lambda n: isinstance(n.node, nodes.Name) and n.node.name in ("gettext", "ngettext")),
    ),
    Construct("Globals and extensions", "{% pluralize %}", call("ngettext")),
    # Flask's side
    Construct("Flask's side", "render_template()", python(r"\brender_template\(")),
    Construct("Flask's side", "render_template_string()", python(r"\brender_template_string\(")),
    Construct("Flask's side", "stream_template() for a long list", python(r"\bstream_template\(")),
    Construct(
        "Flask's side",
        "url_for() for a route",
        call(
            "url_for",
            lambda n: not (n.args and isinstance(n.args[0], nodes.Const) and n.args[0].value == "static"),
        ),
    ),
    Construct(
        "Flask's side",
        "url_for() for a static file",
        call(
            "url_for",
            lambda n: bool(n.args and isinstance(n.args[0], nodes.Const) and n.args[0].value == "static"),
        ),
    ),
    Construct(
        "Flask's side", "request in a template: a GET search form", all_of(name("request"), text(r"<form"))
    ),
    Construct(
        "Flask's side",
        "a POST form, its errors, Post/Redirect/Get",
        all_of(python(r"POST"), python(r"\bredirect\("), text(r'method="post"')),
    ),
    Construct(
        "Flask's side",
        "flash() and get_flashed_messages() with categories",
        all_of(python(r"\bflash\("), call("get_flashed_messages", lambda n: _kwarg(n, "with_categories"))),
    ),
    Construct("Flask's side", "session", name("session")),
    Construct("Flask's side", "g", name("g")),
    Construct("Flask's side", "@app.context_processor", python(r"@app\.context_processor")),
    Construct("Flask's side", "@app.template_global", python(r"@app\.template_global")),
    Construct("Flask's side", "custom error pages: @app.errorhandler", python(r"@app\.errorhandler")),
    Construct("Flask's side", "config in templates", name("config")),
    # Data from Python
    Construct("Data from Python", "dicts", value(lambda v: isinstance(v, dict))),
    Construct("Data from Python", "lists", value(lambda v: isinstance(v, list))),
    Construct("Data from Python", "tuples", value(lambda v: isinstance(v, tuple))),
    Construct("Data from Python", "sets", value(lambda v: isinstance(v, set | frozenset))),
    Construct("Data from Python", "nested structures", value(_nested)),
    Construct("Data from Python", "objects and dataclasses", value(_object)),
    Construct(
        "Data from Python",
        "dates and times, with a formatting filter",
        all_of(
            value(lambda v: isinstance(v, datetime.date | datetime.time)),
            lambda u: any(isinstance(n, nodes.Filter) and n.name in u.custom_filters for n in u.nodes),
        ),
    ),
    Construct("Data from Python", "None", value(lambda v: v is None)),
    Construct("Data from Python", "booleans", value(lambda v: isinstance(v, bool))),
    Construct(
        "Data from Python",
        "numbers with formatting",
        all_of(value(lambda v: isinstance(v, float)), filter_("format", "round")),
    ),
    Construct("Data from Python", "JSON loaded from data/", lambda u: u.data_files),
)


# --- Reading an example ---------------------------------------------------------


def read_usage(app: Flask, example: Any) -> Usage:
    """Everything one example uses, read once."""
    env = app.jinja_env
    source = env.loader.get_source(env, example.template)[0]
    page = env.parse(source)
    kept = [
        n
        for n in page.body
        # Every example extends base.html, as any Flask page does: that is not the lesson.
        if not (
            isinstance(n, nodes.Extends)
            and isinstance(n.template, nodes.Const)
            and n.template.value in LAYOUT_TEMPLATES
        )
    ]
    found: list[nodes.Node] = []
    for top in kept:
        found.append(top)
        found.extend(top.find_all(nodes.Node))
    texts = [source]
    reached: list[str] = []
    trees: dict[str, nodes.Template] = {}
    parents: dict[str, str] = {}
    queue = [*_referenced(env, kept), *example.named_templates]
    while queue:
        name = queue.pop(0)
        if name in reached or name in LAYOUT_TEMPLATES or name == example.template:
            continue
        reached.append(name)
        text = env.loader.get_source(env, name)[0]
        tree = env.parse(text)
        trees[name] = tree
        texts.append(text)
        found.append(tree)
        found.extend(tree.find_all(nodes.Node))
        for extends in tree.find_all(nodes.Extends):
            if isinstance(extends.template, nodes.Const):
                parents[name] = extends.template.value
        queue.extend(_referenced(env, [tree]))
    # The Python a project of its own copies from the site: the view, and what it uses.
    python_source = "\n".join(project.code_parts(app, example)[3])
    return Usage(
        nodes=found,
        text="\n".join(texts),
        reached_text="\n".join(texts[1:]),
        python=python_source,
        templates=reached,
        chain=max((_chain_length(t, parents) for t in reached), default=1),
        values=[v for passed in captured_context(app, example).values() for v in _walk_values(passed)],
        custom_filters=frozenset(env.filters) - frozenset(DEFAULT_FILTERS),
        custom_tests=frozenset(env.tests) - frozenset(DEFAULT_TESTS),
        data_files=bool(example.data_names),
        parent_blocks=[
            b for name in set(parents.values()) if name in trees for b in trees[name].find_all(nodes.Block)
        ],
    )


def _referenced(env: Environment, trees: list[nodes.Node]) -> Iterator[str]:
    """The existing templates these trees extend, include or import (as the template panel finds them)."""
    kinds = nodes.Extends | nodes.Include | nodes.Import | nodes.FromImport
    for tree in trees:
        candidates = [tree] if isinstance(tree, kinds) else []
        for n in [*candidates, *tree.find_all(kinds)]:
            yield from template_candidates(env, n.template)[0]


def _chain_length(name: str, parents: dict[str, str]) -> int:
    length, seen = 1, {name}
    while name in parents and parents[name] not in seen:
        name = parents[name]
        seen.add(name)
        length += 1
    return length


def _walk_values(value: Any, depth: int = 0) -> Iterator[Any]:
    yield value
    if depth > 8:
        return
    if isinstance(value, dict):
        items: Any = value.values()
    elif isinstance(value, list | tuple | set | frozenset):
        items = value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = [getattr(value, f.name) for f in dataclasses.fields(value)]
    else:
        return
    for item in items:
        yield from _walk_values(item, depth + 1)


class _SkipRenderError(Exception):
    pass


def captured_context(
    app: Flask, example: Any, query: tuple[tuple[str, str], ...] = (), names: tuple[str, ...] | None = None
) -> dict[str, Any]:
    """What the example's view passes to its template (``names``, by default those it names in its
    render_template call), on a GET with ``query``, without rendering the template.

    The view runs as for a request, as the site routes it (a ``variant`` in ``query`` too); the
    moment it asks for its template to be rendered, the context is recorded and the render is
    skipped. An HTTP error the view raises is raised here.
    """
    captured: dict[str, Any] = {}
    wanted = example.context_names if names is None else names

    def record(sender: Flask, template: Any, context: dict[str, Any], **extra: Any) -> None:
        if template.name == example.template:
            captured.update({k: context[k] for k in wanted if k in context})
            raise _SkipRenderError

    url = next(rule.rule for rule in app.url_map.iter_rules(example.endpoint) if not rule.arguments)
    with (
        app.test_request_context(url, query_string=list(query)),
        before_render_template.connected_to(record, app),
    ):
        try:
            app.preprocess_request()
            app.ensure_sync(app.view_functions[example.endpoint])()
        except _SkipRenderError:
            pass
    return captured


# --- The map ----------------------------------------------------------------------


def coverage_rows(app: Flask, examples: list[Any], tests_folder: Any) -> list[Row]:
    """One row per construct, with the examples that use it and their test files."""
    usages = {example.endpoint: read_usage(app, example) for example in examples}
    # Each example's test file, read once for all the rows that name it.
    test_files = {example.endpoint: tests_folder / f"test_{example.endpoint}.py" for example in examples}
    tested = {name: path.is_file() and _has_tests(path) for name, path in test_files.items()}
    rows = []
    for construct in CONSTRUCTS:
        row = Row(construct)
        for example in examples:
            if construct.check(usages[example.endpoint]):
                row.examples.append(example)
                if tested[example.endpoint]:
                    row.tests.append(f"tests/{test_files[example.endpoint].name}")
        rows.append(row)
    return rows


def _has_tests(path: Any) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(n, ast.FunctionDef) and n.name.startswith("test_") for n in tree.body)
