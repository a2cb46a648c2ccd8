"""Each example as a project of its own: the files a student downloads, runs and tests.

A project is built from the files the site runs, never from a copy kept by hand:

- ``app.py``: ``app = Flask(...)`` as the lab makes it, the Jinja extensions the
  templates use, the data loaded from ``data/``, then the lines of the site's
  ``app.py`` that the example needs, word for word (the view with its route,
  the functions, classes and constants it uses, the filters, tests, globals and
  context processors its templates use, the error handlers of what it raises),
  the helpers it calls from ``showcase/validation.py``, and a ``__main__`` block;
- ``templates/``: the example's templates and those they extend, include or
  import, and a small ``base.html`` (this folder's) in place of the site's;
- ``data/``: the data sets the view reads, in every variant;
- ``static/``: the files its templates link with ``url_for('static', ...)``;
- ``tests/``: ``conftest.py`` (this folder's), ``html_helpers.py`` and the
  example's ``test_<name>.py``, unchanged;
- ``requirements.txt``: Flask, Jinja2, pytest and beautifulsoup4, pinned as the
  project pins them, and a ``README.md`` with the two commands.
"""

import ast
import inspect
import io
import re
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask
from jinja2 import nodes

from showcase import StartupError
from showcase.panels import LAYOUT_TEMPLATES, _first_line, _names_read, _references, definitions_used

SKELETON = Path(__file__).parent / "project"
PINNED = ("Flask", "Jinja2", "pytest", "beautifulsoup4")
# Modules of the showcase whose helpers an example may call: shown, and copied, with it.
HELPER_MODULES = ("showcase.validation",)
EXTENSIONS = {
    nodes.ExprStmt: "jinja2.ext.do",
    nodes.Break: "jinja2.ext.loopcontrols",
    nodes.Continue: "jinja2.ext.loopcontrols",
}
TRANSLATIONS = {"gettext", "ngettext", "_", "pgettext", "npgettext"}


class ProjectError(StartupError):
    """An example that cannot be made into a project of its own."""


@dataclass(frozen=True)
class Project:
    """One example's files, by path, as a student gets them."""

    name: str
    files: dict[str, str]
    notes: dict[str, str]  # how each of templates/ is reached: "the page", "included by ..."

    def zip(self) -> bytes:
        """The files in a zip, under a folder named after the example; the same bytes every time."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path, text in sorted(self.files.items()):
                info = zipfile.ZipInfo(f"{self.name}/{path}", date_time=(2026, 1, 1, 0, 0, 0))
                info.external_attr = 0o644 << 16
                archive.writestr(info, text, zipfile.ZIP_DEFLATED)
        return buffer.getvalue()


def build(app: Flask, example: Any) -> Project:
    """The project of ``example`` (an entry of the gallery)."""
    root = Path(app.root_path)
    templates = template_files(app, example)
    code = app_code(app, example, templates)
    files: dict[str, str] = {"app.py": code}
    for name in templates:
        files[f"templates/{name}"] = app.jinja_env.loader.get_source(app.jinja_env, name)[0]
    files["templates/base.html"] = (SKELETON / "templates" / "base.html").read_text(encoding="utf-8")
    for name in example.data_names:
        for path in sorted((root / "data").glob(f"{name}.*json")):
            if path.stem == name or path.stem.startswith(name + "."):
                files[f"data/{path.name}"] = path.read_text(encoding="utf-8")
    for name in static_files(app, templates):
        files[f"static/{name}"] = (root / "static" / name).read_text(encoding="utf-8")
    files["tests/conftest.py"] = (SKELETON / "tests" / "conftest.py").read_text(encoding="utf-8")
    files["tests/html_helpers.py"] = (root / "tests" / "html_helpers.py").read_text(encoding="utf-8")
    test = root / "tests" / f"test_{example.endpoint}.py"
    if test.is_file():
        files[f"tests/{test.name}"] = test.read_text(encoding="utf-8")
    files["requirements.txt"] = requirements(root / "requirements.txt")
    files["README.md"] = readme(example, url_of(app, example), files)
    notes = {f"templates/{name}": note for name, note in templates.items()}
    notes["templates/base.html"] = "extended by the page, in this project"
    return Project(example.endpoint, files, notes)


# --- Templates ------------------------------------------------------------------


def template_files(app: Flask, example: Any, handlers: bool = True) -> dict[str, str]:
    """The example's templates, each with how it is reached ("the page", "included by ..."): the
    page's first, then those it reaches, and (with ``handlers``) those of the error handlers it
    needs; not the site's own layouts: the project has its own base.html."""
    env = app.jinja_env
    found: dict[str, str] = {}

    def visit(name: str, note: str) -> None:
        if name in found or name in LAYOUT_TEMPLATES:
            return
        found[name] = note
        _, references = _references(env, env.loader.get_source(env, name)[0], frozenset())
        for kind, referenced in references:
            visit(referenced, f"{kind} by {name}")

    for name in example.templates:
        visit(name, "the page")
    for name in example.named_templates:
        visit(name, "named by the view")
    if handlers:
        for handler in _handlers(app, _module_parts(app, example)[1]):
            for name in _rendered(handler):
                visit(name, f"rendered by {handler.__name__}()")
    return found


def _template_trees(app: Flask, templates: Iterable[str]) -> list[nodes.Template]:
    env = app.jinja_env
    return [env.parse(env.loader.get_source(env, name)[0]) for name in templates]


def static_files(app: Flask, templates: Iterable[str]) -> list[str]:
    """The files of static/ that the templates link with ``url_for('static', filename=...)``."""
    names = []
    for tree in _template_trees(app, templates):
        for call in tree.find_all(nodes.Call):
            first = call.args[0] if call.args else None
            if (
                isinstance(call.node, nodes.Name)
                and call.node.name == "url_for"
                and isinstance(first, nodes.Const)
                and first.value == "static"
            ):
                names += [
                    k.value.value
                    for k in call.kwargs
                    if k.key == "filename" and isinstance(k.value, nodes.Const)
                ]
    return sorted(set(names))


# --- app.py -----------------------------------------------------------------------


def _module_parts(app: Flask, example: Any) -> tuple[ast.Module, list[ast.stmt]]:
    """The site's app.py parsed, and its statements the example needs (not yet its handlers)."""
    module = sys.modules[example.view.__module__]
    tree = ast.parse(inspect.getsource(module))
    view = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == example.endpoint)
    wanted = [view]
    for function in _template_functions(app, example, module):
        node = next((n for n in tree.body if getattr(n, "name", None) == function.__name__), None)
        if node is None:
            raise ProjectError(f"{example.endpoint}: {function.__name__}() is not defined in app.py")
        wanted.append(node)
    parts = set()
    for node in wanted:
        parts.add(node)
        parts.update(definitions_used(tree, node))
    return tree, sorted(filter(_copied, parts), key=lambda n: n.lineno)


def _copied(node: ast.stmt) -> bool:
    """Whether a statement of the site's app.py goes into a project: a function, a class, or a
    constant; not the site's own app, data or gallery, made anew or not at all in a project."""
    if isinstance(node, ast.FunctionDef | ast.ClassDef):
        return True
    targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
    return all(isinstance(t, ast.Name) and t.id not in ("app", "data", "gallery") for t in targets)


def _template_functions(app: Flask, example: Any, module: Any) -> list[Any]:
    """The filters, tests, globals and context processors of app.py that the templates use."""
    env = app.jinja_env
    trees = _template_trees(app, template_files(app, example, handlers=False))
    used_filters = {n.name for tree in trees for n in tree.find_all(nodes.Filter)}
    used_tests = {n.name for tree in trees for n in tree.find_all(nodes.Test)}
    names_read = {n.name for tree in trees for n in tree.find_all(nodes.Name) if n.ctx == "load"}
    found = [env.filters[name] for name in sorted(used_filters) if name in env.filters]
    found += [env.tests[name] for name in sorted(used_tests) if name in env.tests]
    found += [env.globals[name] for name in sorted(names_read) if callable(env.globals.get(name))]
    for processor in app.template_context_processors[None]:
        if getattr(processor, "__module__", None) == module.__name__ and set(processor()) & names_read:
            found.append(processor)
    return [f for f in found if getattr(f, "__module__", None) == module.__name__]


def _helper_parts(parts: list[ast.stmt]) -> list[tuple[str, ast.Module, list[ast.stmt]]]:
    """From the modules of HELPER_MODULES, the definitions the parts import and use: each module's
    name, its parsed source, and those definitions."""
    used = _names_read(parts)
    found = []
    for name in HELPER_MODULES:
        module = sys.modules.get(name) or __import__(name, fromlist=["_"])
        tree = ast.parse(inspect.getsource(module))
        wanted: set[ast.stmt] = set()
        for node in tree.body:
            if getattr(node, "name", None) in used:
                wanted.add(node)
                wanted.update(definitions_used(tree, node))
        if wanted:
            found.append((name, tree, sorted(wanted, key=lambda n: n.lineno)))
    return found


def _handlers(app: Flask, parts: list[ast.stmt]) -> list[Any]:
    """The app's error handlers for what the parts raise: their exception classes, and
    HTTPException when they call abort()."""
    defined = {getattr(n, "name", None) for n in parts}
    helper_names = {getattr(n, "name", None) for _, _, nodes_ in _helper_parts(parts) for n in nodes_}
    raised = defined | helper_names
    calls_abort = "abort" in _names_read(parts)
    found = []
    for _code, by_class in app.error_handler_spec.get(None, {}).items():
        for exception, handler in by_class.items():
            if exception.__name__ in raised or (calls_abort and exception.__name__ == "HTTPException"):
                found.append(handler)
    return found


def _rendered(function: Any) -> list[str]:
    tree = ast.parse(inspect.getsource(function).lstrip())
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "render_template"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


def code_parts(app: Flask, example: Any) -> tuple[ast.Module, list[ast.stmt], list, list[str]]:
    """What the project's app.py copies from the site: app.py's tree, its statements the example
    needs (with the error handlers), the helpers of HELPER_MODULES, and the text of each, in order."""
    tree, parts = _module_parts(app, example)
    handlers = _handlers(app, parts)
    handler_names = {h.__name__ for h in handlers}
    handler_nodes = [n for n in tree.body if getattr(n, "name", None) in handler_names]
    for node in handler_nodes:
        parts = sorted({*parts, node, *filter(_copied, definitions_used(tree, node))}, key=lambda n: n.lineno)
    helpers = _helper_parts(parts)
    source = inspect.getsource(sys.modules[example.view.__module__]).splitlines(keepends=True)
    chunks = []
    for name, _, helper_nodes in helpers:
        lines = inspect.getsource(sys.modules[name]).splitlines(keepends=True)
        chunks += [_text(lines, node) for node in helper_nodes]
    chunks += [_text(source, node) for node in parts]
    return tree, parts, helpers, chunks


def app_code(app: Flask, example: Any, templates: Iterable[str]) -> str:
    """The project's app.py."""
    tree, parts, helpers, chunks = code_parts(app, example)
    trees = _template_trees(app, templates)
    extensions = sorted(
        {name for tree in trees for kind, name in EXTENSIONS.items() for _ in tree.find_all(kind)}
    )
    translates = any(_has_trans(tree) for tree in trees)
    if translates:
        extensions.append("jinja2.ext.i18n")
    reads_data = bool(example.data_names)
    secret = bool({"session", "flash"} & _names_read(parts))

    all_nodes = [*(n for _, _, ns in helpers for n in ns), *parts]
    imports = _imports([helper_tree for _, helper_tree, _ in helpers] + [tree], all_nodes)
    imports.add(("flask", "Flask"))
    imports.add(("random", None))
    if reads_data:
        imports |= {("json", None), ("pathlib", "Path")}
    if secret:
        imports |= {("os", None), ("secrets", None)}

    url = url_of(app, example)
    head = [
        f'"""{example.title}.\n\n{example.summary}\n\n'
        "From the Flask Templating Showcase. Run it with python app.py, test it with python -m pytest.\n"
        '"""\n',
        _import_lines(imports),
        'app = Flask(__name__, template_folder="templates", static_folder="static")\n',
    ]
    if secret:
        head.append(
            "# Sessions and flashed messages are signed with SECRET_KEY: from the environment,\n"
            "# or made up at start-up (they then end when the app restarts).\n"
            'app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or secrets.token_hex(32)\n'
        )
    if extensions:
        head.append("# The Jinja extensions the templates use.\n")
        head += [f'app.jinja_env.add_extension("{name}")\n' for name in extensions]
        if translates:
            head.append("app.jinja_env.install_null_translations(newstyle=True)\n")
    if reads_data:
        names = " and ".join(f"data/{name}.json" for name in example.data_names)
        head.append(
            f'# {names}, read once at start-up as plain lists and dicts: data["{example.data_names[0]}"]\n'
            f"# holds data/{example.data_names[0]}.json, and a variant such as data/NAME.empty.json is\n"
            '# data["NAME.empty"], which the tests swap in.\n'
            "data = {\n"
            '    path.stem: json.loads(path.read_text(encoding="utf-8"))\n'
            '    for path in sorted(Path(app.root_path, "data").glob("*.json"))\n'
            "}\n"
        )
    main = (
        'if __name__ == "__main__":\n'
        "    port = random.randint(2000, 9000)  # a random port, as the lab chooses one\n"
        f'    print(f" * Open http://127.0.0.1:{{port}}{url} in your browser")\n'
        "    app.run(port=port)\n"
    )
    return (
        "\n".join(head) + "\n\n" + "\n\n".join(chunk.rstrip("\n") + "\n" for chunk in chunks) + "\n\n" + main
    )


def _has_trans(tree: nodes.Template) -> bool:
    """Whether a template translates: {% trans %} compiles to calls of gettext() and friends."""
    return any(
        isinstance(n.node, nodes.Name) and n.node.name in TRANSLATIONS for n in tree.find_all(nodes.Call)
    )


def _text(lines: list[str], node: ast.stmt) -> str:
    return "".join(lines[_first_line(node) - 1 : node.end_lineno])


def _imports(modules: list[ast.Module], all_nodes: list[ast.stmt]) -> set:
    """(module, name) for each import of ``modules`` that the nodes use; (module, None) for
    ``import module``."""
    used = _names_read(all_nodes)
    found = set()
    for tree in modules:
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and not (node.module or "").startswith("showcase"):
                found |= {(node.module, a.name) for a in node.names if (a.asname or a.name) in used}
            elif isinstance(node, ast.Import):
                found |= {(a.name, None) for a in node.names if a.name.split(".")[0] in used}
    return found


def _import_lines(imports: set) -> str:
    """The import block, grouped and sorted as ruff sorts it: the standard library, then the others."""
    groups: list[list[str]] = [[], []]
    for module in sorted({m for m, _ in imports}):
        group = groups[0 if module.split(".")[0] in sys.stdlib_module_names else 1]
        if (module, None) in imports:
            group.append(f"import {module}")
    for module in sorted({m for m, _ in imports}):
        group = groups[0 if module.split(".")[0] in sys.stdlib_module_names else 1]
        names = sorted((n for m, n in imports if m == module and n), key=_ruff_order)
        if names:
            group.append(f"from {module} import {', '.join(names)}")
    for group in groups:
        group.sort(key=lambda line: (line.startswith("from"), line.split()[1]))
    return "\n\n".join("\n".join(group) for group in groups if group) + "\n"


def _ruff_order(name: str) -> tuple[int, str]:
    """ruff's order-by-type: CONSTANTS, then Classes, then functions."""
    if name.isupper() and len(name) > 1:
        return 0, name
    return (1 if name[:1].isupper() else 2), name


def url_of(app: Flask, example: Any) -> str:
    """The example's URL: its route that takes no arguments."""
    rules = [r for r in app.url_map.iter_rules(example.endpoint) if not r.arguments]
    return rules[0].rule


def requirements(path: Path) -> str:
    """The lines of the project's requirements.txt that pin what an example needs."""
    lines = path.read_text(encoding="utf-8").splitlines()
    pinned = [line for line in lines if re.match(rf"({'|'.join(PINNED)})==", line)]
    if len(pinned) != len(PINNED):
        raise ProjectError(f"requirements.txt must pin each of {', '.join(PINNED)} with ==")
    return (
        "# What this example needs, pinned as the Flask Templating Showcase pins it.\n"
        + "\n".join(pinned)
        + "\n"
    )


def readme(example: Any, url: str, files: dict[str, str]) -> str:
    skeleton = (SKELETON / "README.md").read_text(encoding="utf-8")
    listed = "\n".join(f"- `{path}`" for path in sorted(files) if path != "README.md")
    listed += "\n- `README.md`: this file"
    return skeleton.format(title=example.title, summary=example.summary, url=url, files=listed)
