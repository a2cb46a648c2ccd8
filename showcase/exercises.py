"""Exercises: write the template, or write the test, and be checked at once, in your browser.

An exercise is a folder, ``exercises/NAME/``, with one name everywhere:

``exercise.toml``
    ``title``, ``kind`` (``"template"``: write the template; ``"test"``: write the
    test) and ``practises``, the example it practises (its topic is the exercise's).
``task.md``
    The goal, in a few sentences of Markdown.
``context.json``
    The data the template gets.
``solution.html``
    A correct template.
``test_NAME.py``
    The tests, real pytest: each receives the render as ``soup`` and ``html`` and
    the data as ``context`` (``exercises/conftest.py``). For a ``test`` exercise,
    the reference test the student's is compared with.
``starter.html`` (template) or ``starter.py`` (test)
    What the editor opens with.
``mutants/*.html`` (test exercises)
    Broken copies of the solution, each opening with ``{# mistake: what is wrong #}``.
``templates/*.html`` (optional)
    Templates the exercise's template may extend, include or import.

They are read and checked at start-up: a file missing or malformed stops the
program with its path, line and column. The blueprint ``bp`` (named "exercises")
has these routes:

``GET /exercises``
    Every exercise, grouped by the site's topics, with this browser's progress.
``GET /exercises/NAME``
    The exercise: the task, the data, an editor and "Check", which runs the
    tests in the browser (``showcase/checker.py`` in the playground's worker).
``GET /exercises/runtime/checks-DIGEST.zip``
    What a check needs besides the playground's Python: pytest and its kin,
    BeautifulSoup, the checker, the conftest and ``tests/html_helpers.py``.
"""

import functools
import importlib.util
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask.sansio.blueprints import BlueprintSetupState
from markdown_it import MarkdownIt
from markupsafe import Markup

from showcase import StartupError, playground
from showcase.catalog import TOPICS
from showcase.checker import SOLUTION, mistake, render
from showcase.data import DataFileError, parse_json, read_text
from showcase.security import RUNTIME_CONTENT_SECURITY_POLICY

HERE = Path(__file__).resolve().parent
NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
KINDS = {"template": "write the template", "test": "write the test"}
TOPIC_OF = {example: topic for topic, examples in TOPICS.items() for example in examples}
CHECK_SECONDS = 10  # a check that runs longer is stopped, as a render is after 3 s
# What a check imports besides the playground's Python, from this Python's installation: pytest
# and what it needs, and BeautifulSoup. Of Pygments, only the modules pytest's terminal writer
# imports (it colours nothing here): the rest of it is 9 MB of lexers.
CHECK_PACKAGES = (
    "_pytest",
    "pytest",
    "pluggy",
    "iniconfig",
    "packaging",
    "py",
    "bs4",
    "soupsieve",
    "typing_extensions",
)
CHECK_METADATA = ("pytest", "pluggy", "iniconfig", "packaging", "beautifulsoup4", "soupsieve")
PYGMENTS_MODULES = tuple(
    f"pygments{name}"
    for name in (
        "",
        ".console",
        ".filter",
        ".filters",
        ".formatter",
        ".formatters",
        ".formatters._mapping",
        ".formatters.terminal",
        ".lexer",
        ".lexers",
        ".lexers._mapping",
        ".lexers.diff",
        ".lexers.python",
        ".modeline",
        ".plugin",
        ".regexopt",
        ".styles",
        ".styles._mapping",
        ".token",
        ".unistring",
        ".util",
    )
)
# Markdown as CommonMark, with raw HTML turned off: a task's < and & are text, and its links
# are checked by markdown-it (no javascript: or data: URLs), so its HTML is safe to show.
MARKDOWN = MarkdownIt("commonmark", {"html": False})


class ExerciseError(StartupError):
    """An exercise that cannot be used: ``exercises/NAME/FILE:LINE:COLUMN: what is wrong``."""


@dataclass(frozen=True)
class Exercise:
    name: str
    title: str
    kind: str
    practises: str
    task: Markup
    context_text: str
    context: dict[str, Any]
    starter: str
    solution: str
    test: str
    mutants: dict[str, dict[str, str]] = field(default_factory=dict)  # file: {mistake, template}
    templates: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def expected(self) -> str:
        """The solution's render, what the page should look like: made once, at the first visit."""
        return render(self.solution, self.context, self.templates)["output"]

    @property
    def topic(self) -> str:
        return TOPIC_OF[self.practises]

    @property
    def test_file(self) -> str:
        return f"test_{self.name}.py"

    def for_check(self) -> dict[str, Any]:
        """What the page hands the worker to check an attempt (showcase/checker.py)."""
        found = {"name": self.name, "kind": self.kind, "context": self.context, "templates": self.templates}
        if self.kind == "template":
            return {**found, "test": self.test}
        return {**found, "solution": self.solution, "mutants": self.mutants}


# --- Reading the folder -------------------------------------------------------------


def _toml(path: Path, shown: str) -> dict[str, Any]:
    try:
        return tomllib.loads(read_text(path, shown))
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line, column = (int(where[1]), int(where[2])) if where else (1, 1)
        raise ExerciseError(f"{shown}:{line}:{column}: {str(error).split(' (at ')[0]}") from None


def _file(folder: Path, name: str) -> str:
    path = folder / name
    shown = f"exercises/{folder.name}/{name}"
    if not path.is_file():
        raise ExerciseError(f"{shown}:1:1: the file is missing")
    return read_text(path, shown)


def read_exercise(folder: Path) -> Exercise:
    """One exercise's folder, read and checked; ExerciseError naming the file if it is not right."""
    name = folder.name
    where = f"exercises/{name}"
    if not NAME.match(name):
        raise ExerciseError(f"{where}/:1:1: name an exercise's folder in lower case, with _ between words")
    meta = (
        _toml(folder / "exercise.toml", f"{where}/exercise.toml")
        if (folder / "exercise.toml").is_file()
        else None
    )
    if meta is None:
        raise ExerciseError(f"{where}/exercise.toml:1:1: the file is missing")
    for key, allowed in (("title", None), ("kind", KINDS), ("practises", TOPIC_OF)):
        value = meta.get(key)
        if not isinstance(value, str) or not value or (allowed is not None and value not in allowed):
            wanted = f"one of {', '.join(allowed)}" if allowed else "text"
            raise ExerciseError(f"{where}/exercise.toml:1:1: {key} must be {wanted}, not {value!r}")
    try:
        context = parse_json(_file(folder, "context.json"), f"{where}/context.json")
    except DataFileError as error:
        raise ExerciseError(str(error)) from None
    if not isinstance(context, dict):
        raise ExerciseError(f"{where}/context.json:1:1: the context must be a JSON object")
    kind = meta["kind"]
    mutants = {}
    if kind == "test":
        for path in sorted((folder / "mutants").glob("*.html")):
            text = _file(folder, f"mutants/{path.name}")
            said = mistake(text)
            if said is None:
                raise ExerciseError(
                    f"{where}/mutants/{path.name}:1:1: a mutant's first line says its mistake: "
                    "{# mistake: loop.index0 for loop.index #}"
                )
            mutants[f"mutants/{path.name}"] = {"mistake": said, "template": text}
        if not mutants:
            raise ExerciseError(f"{where}/mutants/:1:1: a test exercise needs broken templates to catch")
    templates = {
        path.name: read_text(path, f"{where}/templates/{path.name}")
        for path in sorted(folder.glob("templates/*.html"))
    }
    return Exercise(
        name=name,
        title=meta["title"],
        kind=kind,
        practises=meta["practises"],
        task=Markup(MARKDOWN.render(_file(folder, "task.md"))),  # raw HTML is off: see MARKDOWN
        context_text=_file(folder, "context.json"),
        context=context,
        starter=_file(folder, "starter.html" if kind == "template" else "starter.py"),
        solution=_file(folder, SOLUTION),
        test=_file(folder, f"test_{name}.py"),
        mutants=mutants,
        templates=templates,
    )


def read_exercises(folder: Path) -> dict[str, Exercise]:
    """Every exercise in ``folder``, by name, in the order of the topics and then by name."""
    if not folder.is_dir():
        raise ExerciseError(f"{folder.name}/:1:1: the exercises folder is missing")
    found = [
        read_exercise(path)
        for path in sorted(folder.iterdir())
        if path.is_dir() and path.name != "__pycache__"
    ]
    order = list(TOPICS)
    found.sort(key=lambda exercise: (order.index(exercise.topic), exercise.name))
    return {exercise.name: exercise for exercise in found}


# --- The blueprint --------------------------------------------------------------------

bp = Blueprint("exercises", __name__)


@bp.record_once
def _load(state: BlueprintSetupState) -> None:
    """Start-up reads and checks every exercise, and stops at the first that is not right."""
    state.app.extensions["showcase.exercises"] = read_exercises(Path(state.app.root_path) / "exercises")


@bp.after_request
def _runtime_headers(response: Any) -> Any:
    """An exercise's page runs the playground's worker: it may compile WebAssembly and start it.
    The other pages (the index, a 404) run none, and keep the site's policy."""
    if request.endpoint in ("exercises.exercise", "exercises.checks"):
        response.headers.setdefault("Content-Security-Policy", RUNTIME_CONTENT_SECURITY_POLICY)
    return response


def exercises() -> dict[str, Exercise]:
    return current_app.extensions["showcase.exercises"]


@bp.app_template_global()
def practise(example: str) -> list[Exercise]:
    """The exercises that practise ``example``: its page links them ("Practise this")."""
    return [exercise for exercise in exercises().values() if exercise.practises == example]


def support_files() -> list[tuple[str, bytes]]:
    """The files a check's folder gets (showcase/checker.py SUPPORT), under checks/ in the zip."""
    root = HERE.parent
    return [
        ("checks/conftest.py", (root / "exercises" / "conftest.py").read_bytes()),
        ("checks/html_helpers.py", (root / "tests" / "html_helpers.py").read_bytes()),
    ]


def _module(name: str) -> tuple[str, bytes]:
    """One module's file, by its path in site-packages: pygments.lexers is pygments/lexers/__init__.py."""
    origin = Path(importlib.util.find_spec(name).origin)
    root = origin.parents[name.count(".") + (origin.name == "__init__.py")]
    return origin.relative_to(root).as_posix(), origin.read_bytes()


@functools.cache
def checks_bundle() -> tuple[str, bytes]:
    """The zip a check adds to the playground's Python, and the digest that names it."""
    files = [
        (name, path.read_bytes())
        for package in CHECK_PACKAGES
        for name, path in playground.package_files(package)
    ]
    files += [_module(name) for name in PYGMENTS_MODULES]
    files += [playground.metadata(package) for package in CHECK_METADATA]
    files.append(("showcase/checker.py", (HERE / "checker.py").read_bytes()))
    files += support_files()
    return playground.make_zip(files)


def _runtime() -> dict[str, Any]:
    digest, _ = checks_bundle()
    return {
        **playground.runtime_urls(),
        "checks": url_for("exercises.checks", digest=digest),
        "seconds": CHECK_SECONDS,
    }


@bp.route("/exercises")
def index():
    """Every exercise, by topic, with what this browser has solved."""
    found = exercises()
    topics = [(topic, [e for e in found.values() if e.topic == topic]) for topic in TOPICS]
    return render_template("exercises.html", topics=[(t, items) for t, items in topics if items], kinds=KINDS)


@bp.route("/exercises/<name>")
def exercise(name: str):
    """One exercise: its task and data, an editor, and "Check"."""
    found = exercises().get(name)
    if found is None:
        abort(404)
    return render_template(
        "exercise.html",
        exercise=found,
        kinds=KINDS,
        expected=found.expected,
        check=found.for_check(),
        runtime=_runtime(),
        editor_rows=min(max(found.starter.count("\n") + 3, 10), 30),
    )


@bp.route("/exercises/runtime/checks-<digest>.zip")
def checks(digest: str):
    """What a check imports: cached for a year, since its name changes with it."""
    current, content = checks_bundle()
    if digest != current:
        abort(404)
    response = current_app.response_class(content, mimetype="application/zip")
    response.headers["Cache-Control"] = f"public, max-age={playground.YEAR}, immutable"
    return response
