"""An exercise's check: its tests, run by real pytest on a template's render.

The same module runs in two places: in the visitor's browser, in the playground's
worker (Pyodide), where "Check" on an exercise page runs it on what the student
wrote, and in the suite (CPython), which checks every exercise the same way. The
server never runs it.

An exercise (``exercises/NAME/``, read by ``showcase/exercises.py``) is one of two kinds:

- ``template``: the student writes the template; the exercise's tests
  (``test_NAME.py``) run on its render. It is solved when every test passes.
- ``test``: the student writes the test; it runs on the render of the exercise's
  correct template (it must pass there) and on each of its broken copies, the
  mutants (``mutants/*.html``), where it should fail. It is solved when it passes
  on the correct one and catches every mistake.

A check writes a small pytest project into a folder of its own (``exercises/conftest.py``
as its conftest, ``tests/html_helpers.py``, ``context.json``, the templates, the test
file), runs ``pytest.main`` on it once, with each template as a ``--template`` option,
and reads each test's outcome and pytest's own message for a failure.
"""

import contextlib
import copy
import functools
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from showcase.renderer import Job, Renderer, error_message

MISTAKE = re.compile(r"\{#-?\s*mistake:\s*(?P<mistake>.*?)\s*-?#\}\n")
CHECKED = "yours.html"  # the student's template, as the check names it
SOLUTION = "solution.html"
MAX_TEST_CHARS = 20_000
SUPPORT = ("conftest.py", "html_helpers.py")  # the files every check's folder gets


def mistake(text: str) -> str | None:
    """What a mutant's first line says is wrong with it: ``{# mistake: loop.index0 for loop.index #}``."""
    found = MISTAKE.match(text)
    return found["mistake"] if found else None


def template_source(text: str) -> str:
    """A template as it renders: a mutant without its first line, which says what its mistake is
    (a comment, and yet the newline after it would be output, which no mistake should be)."""
    found = MISTAKE.match(text)
    return text[found.end() :] if found else text


def render(source: str, context: dict[str, Any], templates: dict[str, str] | None = None) -> dict[str, Any]:
    """Render ``source`` as the playground does (Jinja's sandbox, autoescaping, undefined names
    are errors), over the exercise's own ``templates``: ``{output, error}``.

    A check renders the template once to see that it renders, then once more for each test that
    reads the render (the ``html`` fixture): the same render, asked again, is answered from the
    first."""
    found = _render(template_source(source), json.dumps(context), tuple(sorted((templates or {}).items())))
    return copy.deepcopy(found)


@functools.lru_cache(maxsize=64)
def _render(source: str, context: str, templates: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    renderer = Renderer(dict(templates))
    job = Job(template=source, context=json.loads(context))
    found = renderer.diagnose(job)
    if found["error"] is not None:
        return {"output": None, "error": found["error"]}
    return renderer.render(job)


# --- Running pytest -------------------------------------------------------------


class _Outcomes:
    """A pytest plugin that keeps each test's outcome, and the collection's errors."""

    def __init__(self) -> None:
        self.tests: list[dict[str, Any]] = []
        self.errors: list[str] = []

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            self.errors.append(report.longreprtext)

    def pytest_runtest_logreport(self, report: Any) -> None:
        # A test's call, or the setup or teardown that failed around it (a fixture it asks for
        # that does not exist): one line each.
        if report.when != "call" and not report.failed:
            return
        name, _, template = report.nodeid.rpartition("::")[2].partition("[")
        self.tests.append(
            {
                "name": name,
                "template": template.removesuffix("]"),
                "outcome": "passed" if report.passed else "failed",
                "message": report.longreprtext if report.failed else "",
            }
        )


@contextlib.contextmanager
def _isolated(folder: Path, test_module: str) -> Iterator[None]:
    """Run pytest in ``folder`` and leave this process as it was: the working folder, and sys.modules.

    A module of the same name as the check's test file (the suite imports each exercise's own
    ``test_NAME.py``), or a conftest, is put aside while it runs, or pytest would take it for the
    check's; the check's own modules are dropped after it, for the next check's file of that name.
    The working folder is the process's, not the thread's (pytest names files relative to it):
    in the worker nothing else runs meanwhile; a thread that starts a program during a check
    gives it a ``cwd`` of its own (tests/projects.py).
    """
    before, here = dict(sys.modules), os.getcwd()
    for name in (test_module, "conftest"):
        sys.modules.pop(name, None)
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)
        for name, module in list(sys.modules.items()):
            where = getattr(module, "__file__", None) or ""
            if where.startswith(str(folder)) and before.get(name) is not module:
                del sys.modules[name]
        sys.modules.update({name: module for name, module in before.items() if name not in sys.modules})


def run(exercise: dict[str, Any], test: str, templates: dict[str, str], support: Path) -> dict[str, Any]:
    """Run ``test`` (a test file's source) on the render of each of ``templates`` (by file name):
    ``{error, tests: [{name, template, outcome, message}]}``. ``support`` is the folder that holds
    ``conftest.py`` and ``html_helpers.py``."""
    import pytest  # here: a page that only renders never imports it

    with tempfile.TemporaryDirectory(prefix="check-") as made:
        folder = Path(made)
        for name in SUPPORT:
            (folder / name).write_bytes((support / name).read_bytes())
        # A pytest.ini of its own: the check never picks up a project's settings from a folder above.
        (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        (folder / "context.json").write_text(json.dumps(exercise["context"]), encoding="utf-8")
        files = {**{f"templates/{n}": s for n, s in exercise.get("templates", {}).items()}, **templates}
        for name, source in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(source, encoding="utf-8")
        test_file = folder / f"test_{exercise['name']}.py"
        test_file.write_text(test, encoding="utf-8")
        outcomes = _Outcomes()
        arguments = [
            test_file.name,
            *(f"--template={name}" for name in templates),
            "-p",
            "no:cacheprovider",
            "-p",
            "no:faulthandler",
            # It runs the garbage collector twice as the run ends, to turn what a __del__ raised
            # into warnings, which -W ignore drops: in a process that holds much (the suite) that
            # took longer than the tests.
            "-p",
            "no:unraisableexception",
            "--tb=short",
            "-vv",  # the whole difference in an assertion's message, not its first lines
            "--color=no",
            "-W",
            "ignore",
        ]
        with _isolated(folder, test_file.stem), contextlib.redirect_stdout(io.StringIO()):
            pytest.main(arguments, plugins=[outcomes])
    if outcomes.errors:
        return {"error": "\n".join(outcomes.errors), "tests": []}
    if not outcomes.tests:
        return {
            "error": "No test found: a test is a function whose name starts with test_, such as "
            "def test_each_week_is_listed(soup):",
            "tests": [],
        }
    return {"error": None, "tests": outcomes.tests}


# --- The two kinds of exercise ----------------------------------------------------


def check_template(exercise: dict[str, Any], template: str, support: Path) -> dict[str, Any]:
    """A student's template for a ``template`` exercise: its render's error, or each test's outcome."""
    rendered = render(template, exercise["context"], exercise.get("templates"))
    if rendered["error"] is not None:
        return {"status": "failed", "error": rendered["error"], "tests": []}
    ran = run(exercise, exercise["test"], {CHECKED: template}, support)
    if ran["error"] is not None:  # the exercise's own test file is broken: the teacher's to fix
        return {"status": "failed", "error": error_message(ran["error"], None), "tests": []}
    passed = all(test["outcome"] == "passed" for test in ran["tests"])
    return {"status": "passed" if passed else "failed", "error": None, "tests": ran["tests"]}


def check_test(exercise: dict[str, Any], test: str, support: Path) -> dict[str, Any]:
    """A student's test for a ``test`` exercise: how it fares on the correct template, and which
    mutants it catches (fails on)."""
    if len(test) > MAX_TEST_CHARS:
        message = f"The test is {len(test):,} characters long; a check takes at most {MAX_TEST_CHARS:,}."
        return {"status": "failed", "error": error_message(message, None), "tests": [], "mutants": []}
    mutants = exercise["mutants"]
    templates = {SOLUTION: exercise["solution"], **{name: m["template"] for name, m in mutants.items()}}
    ran = run(exercise, test, templates, support)
    if ran["error"] is not None:
        return {"status": "failed", "error": error_message(ran["error"], None), "tests": [], "mutants": []}
    # A test that reads no render (neither soup nor html) runs once, not per template: it counts here.
    on_solution = [test for test in ran["tests"] if test["template"] in (SOLUTION, "")]
    caught = [
        {
            "file": name,
            "mistake": mutant["mistake"],
            "caught": any(t["outcome"] == "failed" for t in ran["tests"] if t["template"] == name),
        }
        for name, mutant in mutants.items()
    ]
    passed = all(t["outcome"] == "passed" for t in on_solution) and all(m["caught"] for m in caught)
    return {
        "status": "passed" if passed else "failed",
        "error": None,
        "tests": on_solution,
        "mutants": caught,
    }


def check(request: dict[str, Any], support: Path) -> dict[str, Any]:
    """A check as the page asks for it: ``{exercise, template}`` or ``{exercise, test}``."""
    exercise = request["exercise"]
    if exercise["kind"] == "template":
        return check_template(exercise, request["template"], support)
    return check_test(exercise, request["test"], support)


def worker_check(request_json: str, support: str) -> str:
    """Worker: a check, as JSON."""
    return json.dumps(check(json.loads(request_json), Path(support)))
