"""The five panels beside every example's demo, read from the code itself so they cannot drift.

- view: the app.py of the example's download (showcase/project.py): the view and
  what it uses, as the site runs them;
- template: the page's template, then every template it extends, includes or imports;
- context: what the view passed to render_template, as JSON (or as Python where JSON would not be faithful);
- html: what the demo rendered to, re-indented, as plain text;
- test: the tests that check the page, from tests/test_<name>.py.

Each text is highlighted once per process (``highlight_once``, a ``functools``
cache keyed by the text): the view, template and test panels of a page, and the
contexts that come back.
"""

import ast
import fnmatch
import importlib.util
import json
import pprint
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, nodes
from markupsafe import Markup, escape

from showcase.example_apps import jsonable
from showcase.highlight import highlight
from showcase.prettyhtml import pretty_html_lines

# Templates every example page shares: the site's chrome, not the lesson.
LAYOUT_TEMPLATES = ("layouts/example.html", "base.html", "_home.html")


@dataclass(frozen=True)
class Source:
    """One file (or piece of text) shown in a panel."""

    name: str  # what the reader would call it: "app.py", "examples/lists.html"
    note: str  # where it comes from: "lines 63 to 67", "extended by examples/lists.html"
    text: str  # exactly what the copy button copies
    html: Markup  # the text, highlighted
    open: bool = True  # shown unfolded

    @property
    def lines(self) -> int:
        return self.text.count("\n") + (not self.text.endswith("\n"))


@dataclass(frozen=True)
class Panel:
    key: str  # the data-panel value
    title: str
    intro: str
    sources: tuple[Source, ...]
    missing: str = ""  # what to say when there are no sources


CACHE_SIZE = 512  # distinct texts kept highlighted: the sources, and contexts of pages and variants
highlight_once = lru_cache(maxsize=CACHE_SIZE)(highlight)


class Panels:
    """Builds the panels of an example page; static parts once, request parts per distinct text."""

    def __init__(self, env: Environment, root: Path, tests_folder: Path) -> None:
        self.env, self.root, self.tests_folder = env, Path(root), Path(tests_folder)
        self._functions: dict[str, Source] = {}

    def clear_caches(self) -> None:
        """Forget everything highlighted so far (for tests that measure a cold page)."""
        self._functions.clear()
        highlight_once.cache_clear()
        _context_source.cache_clear()
        _html_source.cache_clear()
        _literal_context_text.cache_clear()

    def for_page(self, example: Any, context: dict[str, Any], demo_html: str, project: Any) -> list[Panel]:
        """All five panels for a rendered example page; ``project`` is the example as a project of
        its own (showcase/project.py), whose files the view, template and test panels show."""
        files = project.files
        templates = [
            path for path in files if path.startswith("templates/") and path != "templates/base.html"
        ]
        test = f"tests/test_{example.endpoint}.py"
        return [
            Panel(
                "view",
                "The view",
                "The app.py of this example's download: the lines of the site's app.py that serve this page"
                " (the view, and what it uses), with what any Flask app starts with.",
                (self._file("app.py", "as the download has it", files["app.py"], "python"),),
            ),
            Panel(
                "template",
                "The templates",
                "The page's template, then each one it extends, includes or imports. The page extends"
                " base.html: in the download, a small layout with a title and a content block.",
                tuple(
                    self._file(
                        path.removeprefix("templates/"), project.notes[path], files[path], "html+jinja"
                    )
                    for path in templates
                ),
            ),
            Panel(
                "context",
                "The context",
                "What the view passed to render_template().",
                (self.context(context),),
            ),
            Panel(
                "html",
                "The HTML",
                "What the demo above rendered to, re-indented to read.",
                (self.html(demo_html),),
            ),
            Panel(
                "test",
                "The tests",
                "The pytest tests that check this page: they parse its HTML with BeautifulSoup.",
                (self._file(test, "run with python -m pytest", files[test], "python"),)
                if test in files
                else (),
                missing=f"No tests check this page yet: {test} does not exist.",
            ),
        ]

    @staticmethod
    def _file(name: str, note: str, text: str, language: str, open: bool = True) -> Source:
        return Source(name, note, text, highlight_once(text, language), open=open)

    def function(self, reference: str) -> Source:
        """The source of one function named ``path::name``, such as ``tests/test_lists.py::test_...``,
        after the lines of its file that it uses (imports, helpers, constants), so that it pastes
        and runs as shown.

        Read from the file once per process, decorators included, so a page that
        quotes a test shows exactly the test that runs.
        """
        if reference not in self._functions:
            path, _, name = reference.partition("::")
            text = (self.root / path).read_text(encoding="utf-8")
            tree = ast.parse(text)
            found = [
                node
                for node in tree.body
                if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name == name
            ]
            if not found:
                raise LookupError(f"{path} defines no function {name}()")
            nodes_shown = [*definitions_used(tree, found[0]), found[0]]
            lines = text.splitlines(keepends=True)
            parts = [
                "".join(lines[_first_line(node) - 1 : node.end_lineno]).rstrip("\n") for node in nodes_shown
            ]
            imports = imports_used(tree, nodes_shown)
            code = "\n\n\n".join(([imports] if imports else []) + parts) + "\n"  # two blank lines apart
            what = ["imports"] * bool(imports) + ["helpers"] * (len(parts) > 1)
            note = f"{name}()" + (f", with the {' and '.join(what)} it uses" if what else "")
            self._functions[reference] = Source(path, note, code, highlight_once(code, "python"))
        return self._functions[reference]

    def needs(self, references: list[str]) -> dict[str, list[str]]:
        """What the functions named ``path::name`` need to run, beyond what they define themselves:
        the fixtures they ask for (``"conftest"``, this project's; ``"pytest"``, pytest's own), the
        helper modules of tests/ they import (``"modules"``), and which of them are tests."""
        conftest = self._fixtures(self.tests_folder / "conftest.py")
        defined, asked, modules = set(), {}, {}
        for reference in references:
            path, _, name = reference.partition("::")
            node = _definition(_module_tree(self.root / path), name)
            defined.add(name)
            if name.startswith("test_") or _is_fixture(node):
                parametrized = _parametrized(node)
                asked.update(dict.fromkeys(a.arg for a in node.args.args if a.arg not in parametrized))
            modules.update(dict.fromkeys(_project_test_modules(node, self.root / path)))
        asked = [name for name in asked if name not in defined]
        return {
            "conftest": [name for name in asked if name in conftest],
            "pytest": [name for name in asked if name not in conftest],
            "modules": [f"tests/{name}.py" for name in modules],
            "tests": [r for r in references if r.partition("::")[2].startswith("test_")],
        }

    @staticmethod
    @lru_cache
    def _fixtures(conftest: Path) -> frozenset[str]:
        tree = ast.parse(conftest.read_text(encoding="utf-8"))
        return frozenset(
            node.name for node in tree.body if isinstance(node, ast.FunctionDef) and _is_fixture(node)
        )

    def context(self, context: dict[str, Any]) -> Source:
        """The context panel's file: the context as JSON, or as Python where JSON cannot say it."""
        return _context_source(*context_text(context))

    def context_json(self, context: dict[str, Any]) -> Markup:
        """The context as JSON for the playground, which knows only JSON: dates become ISO
        text, dataclasses objects, tuples and sets lists (sets sorted, so it is stable).
        Escaped, ready for a form field's value."""
        return escape(json.dumps(context, default=jsonable, ensure_ascii=False, indent=2))

    def html(self, demo_html: str) -> Source:
        """The demo's HTML re-indented, as plain text: the demo itself is right above it."""
        return _html_source(str(demo_html))


@lru_cache
def _module_tree(path: Path) -> ast.Module:
    """A file of tests/, parsed once per process: /testing asks what each recipe needs on every request."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _definition(tree: ast.Module, name: str) -> ast.FunctionDef:
    [node] = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name]
    return node


def _parametrized(node: ast.FunctionDef) -> set[str]:
    """The parameters that ``@pytest.mark.parametrize`` gives a test: not fixtures."""
    names: set[str] = set()
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Call) and getattr(decorator.func, "attr", "") == "parametrize":
            first = decorator.args[0] if decorator.args else None
            if isinstance(first, ast.Constant):
                names.update(name.strip() for name in str(first.value).split(","))
            elif isinstance(first, ast.Tuple | ast.List):
                names.update(e.value for e in first.elts if isinstance(e, ast.Constant))
    return names


def _project_test_modules(node: ast.FunctionDef, path: Path) -> list[str]:
    """The helper modules of tests/ (site_pages, outcomes...) that the function's file imports
    and the function (or a helper shown with it) uses; html_helpers is copied whole anyway."""
    tree = _module_tree(path)
    used = _names_read([node, *definitions_used(tree, node)])
    found = []
    for statement in tree.body:
        if (
            isinstance(statement, ast.ImportFrom)
            and statement.module in TEST_MODULES
            and any((alias.asname or alias.name) in used for alias in statement.names)
        ):
            found.append(statement.module)
    return found


# The helper modules of tests/ that recipes import.
TEST_MODULES = ("site_pages", "outcomes", "processes")


def _is_fixture(node: ast.FunctionDef) -> bool:
    """Whether a function is decorated ``@pytest.fixture`` (with arguments or without)."""
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and target.attr == "fixture":
            return True
    return False


def _first_line(node: ast.stmt) -> int:
    return min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))])


def _names_read(nodes_: list[ast.AST]) -> set[str]:
    """The names the code reads, less those it sets itself: its functions' parameters (a
    fixture's ``app``), its variables, the functions defined inside it."""
    names, local = set(), set()
    for tree in nodes_:
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                (names if isinstance(node.ctx, ast.Load) else local).add(node.id)
            elif isinstance(node, ast.arg):
                local.add(node.arg)
            elif isinstance(node, ast.FunctionDef | ast.ClassDef) and node not in nodes_:
                local.add(node.name)  # a function defined inside: its own, not the module's
    return names - local


def _defined(node: ast.stmt) -> set[str]:
    """The names a module-level statement defines: a function's, a class's, an assignment's."""
    if isinstance(node, ast.FunctionDef | ast.ClassDef):
        return {node.name}
    if isinstance(node, ast.Assign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return {name.id for target in targets for name in ast.walk(target) if isinstance(name, ast.Name)}
    return set()


def definitions_used(tree: ast.Module, function: ast.AST) -> list[ast.stmt]:
    """The module-level functions, classes and constants that ``function`` uses, and those
    they use in turn, in the module's order."""
    wanted: list[ast.stmt] = []
    pending = [function]
    while pending:
        used = _names_read([pending.pop()])
        for node in tree.body:
            if node is not function and node not in wanted and _defined(node) & used:
                wanted.append(node)
                pending.append(node)
    return sorted(wanted, key=lambda node: node.lineno)


def imports_used(tree: ast.Module, functions: list[ast.AST]) -> str:
    """The module's import lines that ``functions`` need, each cut to the names they use, in the
    module's order and grouped as ruff groups them (standard library, others, the project's)."""
    used = _names_read(functions)
    groups: list[list[str]] = [[], [], []]
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [alias for alias in node.names if (alias.asname or alias.name.split(".")[0]) in used]
            if not names:
                continue
            listed = ", ".join(
                alias.name + (f" as {alias.asname}" if alias.asname else "") for alias in names
            )
            module = node.module if isinstance(node, ast.ImportFrom) else names[0].name
            line = (
                f"from {module} import {listed}" if isinstance(node, ast.ImportFrom) else f"import {listed}"
            )
            groups[_import_group(module or "")].append(line)
    return "\n\n".join("\n".join(group) for group in groups if group)


def _import_group(module: str) -> int:
    top = module.split(".")[0]
    if top in sys.stdlib_module_names:
        return 0
    return 1 if importlib.util.find_spec(top) and top not in PROJECT_MODULES else 2


# The project's own modules, which a paste needs too: tests/ and the app.
PROJECT_MODULES = {"app", "showcase", "html_helpers", "site_pages", "outcomes", "processes"}


# Kept per distinct text: a page and its variants show the same few contexts and demos again
# and again, and re-indenting a demo costs more than rendering it (benchmarks/against.py).
@lru_cache(maxsize=CACHE_SIZE)
def _context_source(text: str, language: str) -> Source:
    name = f"context.{'json' if language == 'json' else 'py'}"
    return Source(name, "", text, highlight(text, language))


@lru_cache(maxsize=CACHE_SIZE)
def _html_source(demo_html: str) -> Source:
    text = "".join(pretty_html_lines(demo_html))
    return Source("demo.html", "", text, escape(text))


def context_text(context: dict[str, Any]) -> tuple[str, str]:
    """The context as pretty JSON when JSON says exactly what it holds, else as a Python literal."""
    return _literal_context_text(repr(context)) or _context_text(context)


@lru_cache(maxsize=CACHE_SIZE)
def _literal_context_text(literal: str) -> tuple[str, str] | None:
    """context_text() of a context whose repr is a Python literal (dicts, lists, tuples, sets, strings,
    numbers, booleans, None), once per distinct repr: the repr says all the text shows, types
    included. None for any other context (a dataclass, a date, Markup), laid out on each request,
    and for a set that comes back from its repr in another order (a set's order is its hashes' and
    its history's), which would be laid out in that order."""
    try:
        context = ast.literal_eval(literal)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    return _context_text(context) if repr(context) == literal else None


def _context_text(context: dict[str, Any]) -> tuple[str, str]:
    try:
        text = json.dumps(context, indent=2, ensure_ascii=False)
    except (TypeError, ValueError):
        text = None
    if text is not None and json.loads(text) == context and _only_json_types(context):
        return text + "\n", "json"
    return pprint.pformat(context, width=88, sort_dicts=False) + "\n", "python"


def _only_json_types(value: Any) -> bool:
    """True when every value is a dict with str keys, a list, str, int, float, bool or None."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _only_json_types(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_only_json_types(v) for v in value)
    return value is None or isinstance(value, str | int | float | bool)


@lru_cache(maxsize=256)
def _references(
    env: Environment, text: str, overridden: frozenset[str]
) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The blocks ``text`` defines, and (kind, name) for each template it extends, includes or
    imports, outside the blocks in ``overridden``."""
    tree = env.parse(text)
    kinds = {nodes.Extends: "extended", nodes.Include: "included", nodes.Import: "imported"}
    kinds[nodes.FromImport] = "imported"
    found: list[tuple[str, str]] = []
    for node in _walk(tree, overridden, tuple(kinds)):
        names, chosen_at_run_time = template_candidates(env, node.template)
        kind = kinds[type(node)] + (", chosen at run time," if chosen_at_run_time else "")
        found += [(kind, name) for name in names]
    defined = frozenset(block.name for block in tree.find_all(nodes.Block))
    return defined, tuple(found)


def template_candidates(env: Environment, expression: nodes.Node) -> tuple[list[str], bool]:
    """The existing templates an extends, include or import may load, and whether the choice is
    made at run time.

    A constant name is itself; a list renders the first of its templates that exists; a name
    built with ``~`` from strings and values, ``"examples/_" ~ kind ~ ".html"``, may be any
    template its strings fit (here ``examples/_*.html``). A bare variable names nothing
    that can be read from the template alone. Names that do not exist (``ignore missing``)
    are left out.
    """
    existing = env.list_templates()
    items = expression.items if isinstance(expression, nodes.Tuple | nodes.List) else [expression]
    if isinstance(expression, nodes.Const) and isinstance(expression.value, list | tuple):
        items = [nodes.Const(value) for value in expression.value]
    names: list[str] = []
    dynamic = False
    for item in items:
        pattern = _name_pattern(item)
        if pattern is None:
            dynamic = True
        elif "*" in pattern:
            dynamic = True
            names += [name for name in existing if fnmatch.fnmatchcase(name, pattern) and name not in names]
        elif pattern in existing:
            names.append(pattern)
            if not dynamic:
                break  # a list of constants: the first that exists is the one rendered
    return names, dynamic


def _name_pattern(expression: nodes.Node) -> str | None:
    """A glob for the names ``expression`` can make: its strings, with * for each value."""
    if isinstance(expression, nodes.Const) and isinstance(expression.value, str):
        return expression.value
    if isinstance(expression, nodes.Concat):
        parts = [_name_pattern(part) for part in expression.nodes]
    elif isinstance(expression, nodes.Add):
        parts = [_name_pattern(expression.left), _name_pattern(expression.right)]
    else:
        return None
    joined = "".join(part if part is not None else "*" for part in parts)
    return joined if joined.strip("*") else None


def _walk(node: nodes.Node, overridden: frozenset[str], kinds: tuple[type, ...]) -> Any:
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Block) and child.name in overridden:
            continue
        if isinstance(child, kinds):
            yield child
        yield from _walk(child, overridden, kinds)
