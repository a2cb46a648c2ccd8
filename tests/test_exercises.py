"""The exercises: every one is checked as the browser's "Check" checks it (showcase/checker.py, real
pytest on the render), and the pages list, link and hand the worker what a check needs."""

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from app import app as showcase_app
from html_helpers import get_soup, text, texts
from showcase import exercises as exercise_pages
from showcase.catalog import TOPICS
from showcase.checker import SOLUTION, check_template, check_test, render, template_source
from showcase.exercises import ExerciseError, read_exercise

EXERCISES = showcase_app.extensions["showcase.exercises"]
FOLDER = Path(showcase_app.root_path) / "exercises"
WRITE_TEMPLATE = [e for e in EXERCISES.values() if e.kind == "template"]
WRITE_TEST = [e for e in EXERCISES.values() if e.kind == "test"]
TRIVIAL_TEST = "def test_it_renders(html):\n    assert html.strip()\n"  # checks only that there is a page


def by_name(exercises):
    return pytest.mark.parametrize("exercise", exercises, ids=lambda exercise: exercise.name)


@pytest.fixture(scope="module")
def support(tmp_path_factory):
    """The folder of a check's support files, from the zip the worker gets: conftest.py, html_helpers.py."""
    folder = tmp_path_factory.mktemp("support")
    for name, content in exercise_pages.support_files():
        (folder / Path(name).name).write_bytes(content)
    return folder


def first_output_blanked(source):
    """The template with its first ``{{ ... }}`` printing nothing: a break its tests must notice."""
    return re.sub(r"\{\{.*?\}\}", "", source, count=1, flags=re.S)


# --- Every exercise, checked as the page checks it ----------------------------------


def test_there_are_enough_exercises_of_each_kind_and_every_topic_has_one():
    assert len(EXERCISES) >= 24
    assert len(WRITE_TEST) >= 8
    assert {exercise.topic for exercise in EXERCISES.values()} == set(TOPICS)


@by_name(EXERCISES.values())
def test_the_solution_renders_and_passes_every_test(exercise, support):
    assert render(exercise.solution, exercise.context, exercise.templates)["error"] is None
    answer = check_template({**exercise.for_check(), "test": exercise.test}, exercise.solution, support)
    assert answer["error"] is None
    assert [test["outcome"] for test in answer["tests"]] == ["passed"] * len(answer["tests"])
    assert len(answer["tests"]) >= 2
    assert answer["status"] == "passed"


@by_name(WRITE_TEMPLATE)
def test_the_starter_renders_and_fails_a_test(exercise, support):
    answer = check_template(exercise.for_check(), exercise.starter, support)
    assert answer["error"] is None  # it renders: the tests say what is missing, not a crash
    assert "failed" in [test["outcome"] for test in answer["tests"]]
    assert answer["status"] == "failed"


@by_name(WRITE_TEMPLATE)
def test_the_tests_notice_when_the_solution_loses_its_first_output(exercise, support):
    broken = first_output_blanked(exercise.solution)
    assert broken != exercise.solution
    assert check_template(exercise.for_check(), broken, support)["status"] == "failed"


@by_name(WRITE_TEST)
def test_the_reference_test_passes_on_the_solution_and_catches_every_mutant(exercise, support):
    answer = check_test(exercise.for_check(), exercise.test, support)
    assert answer["error"] is None
    assert [test["outcome"] for test in answer["tests"]] == ["passed"] * len(answer["tests"])
    assert [mutant for mutant in answer["mutants"] if not mutant["caught"]] == []
    assert len(answer["mutants"]) == len(exercise.mutants) >= 3
    assert answer["status"] == "passed"


@by_name(WRITE_TEST)
def test_a_test_that_checks_only_that_there_is_a_page_catches_no_mutant(exercise, support):
    answer = check_test(exercise.for_check(), TRIVIAL_TEST, support)
    assert [test["outcome"] for test in answer["tests"]] == ["passed"]
    assert [mutant["file"] for mutant in answer["mutants"] if mutant["caught"]] == []
    assert answer["status"] == "failed"


@by_name(WRITE_TEST)
def test_each_mutant_renders_something_else_and_the_starter_test_passes_on_the_solution(exercise, support):
    solution = render(exercise.solution, exercise.context, exercise.templates)["output"]
    for name, mutant in exercise.mutants.items():
        rendered = render(mutant["template"], exercise.context, exercise.templates)
        assert rendered["error"] is None, name
        assert rendered["output"] != solution, name
        assert not template_source(mutant["template"]).startswith("{# mistake"), name
    answer = check_test({**exercise.for_check(), "mutants": {}}, exercise.starter, support)
    assert answer["error"] is None
    assert {test["outcome"] for test in answer["tests"]} == {"passed"}


def test_a_reference_test_broken_on_purpose_is_caught_by_the_suite(support):
    """The check above fails when the reference test stops checking: here, as if it were the trivial one."""
    exercise = WRITE_TEST[0]
    assert check_test(exercise.for_check(), TRIVIAL_TEST, support)["status"] == "failed"
    weakened = exercise.test.replace("assert ", "assert True or ")
    assert check_test(exercise.for_check(), weakened, support)["status"] == "failed"


# --- What a check answers -------------------------------------------------------------


def test_a_failure_shows_pytests_own_message(support):
    exercise = EXERCISES["number_the_weeks"].for_check()
    wrong = '<ol class="weeks">{% for w in weeks %}<li>Week {{ loop.index0 }}: {{ w }}</li>{% endfor %}</ol>'
    answer = check_template(exercise, wrong, support)
    failed = {test["name"]: test["message"] for test in answer["tests"] if test["outcome"] == "failed"}
    message = failed["test_each_item_is_numbered_from_one"]
    assert "AssertionError: assert ['Week 0: Networking'" in message
    assert "At index 0 diff: 'Week 0: Networking' != 'Week 1: Networking'" in message
    assert "test_number_the_weeks.py:10" in message  # the file and line, as the student's folder has it
    assert "/tmp" not in message
    assert str(FOLDER) not in message


def test_a_template_that_does_not_render_says_why_and_runs_no_test(support):
    exercise = EXERCISES["number_the_weeks"].for_check()
    answer = check_template(exercise, "<ol>\n{% for w in weeks %}\n<li>{{ w }</li>", support)
    assert answer["status"] == "failed"
    assert answer["tests"] == []
    assert answer["error"]["line"] == 3
    undefined = check_template(exercise, "{{ week }}", support)
    assert undefined["error"]["message"] == "Line 1: 'week' is undefined"


@pytest.mark.parametrize(
    ("test", "said"),
    [
        ("def test_x(soup)\n    assert soup", "SyntaxError"),
        ("print('no test here')", "No test found"),
        ("import nowhere_to_be_found\n\ndef test_x(): pass", "ModuleNotFoundError"),
        ("def test_x(client):\n    assert client", "fixture 'client' not found"),
        ("x" * 20_001, "a check takes at most 20,000"),
    ],
)
def test_a_test_that_cannot_run_gets_a_clear_message(support, test, said):
    answer = check_test(EXERCISES["test_the_weeks"].for_check(), test, support)
    assert answer["status"] == "failed"
    shown = answer["error"]["message"] if answer["error"] else answer["tests"][0]["message"]
    assert said in shown


def test_a_check_leaves_nothing_behind_for_the_next(support):
    exercise = EXERCISES["test_the_weeks"].for_check()
    first = check_test(exercise, "def test_a(html):\n    assert 'Week 1' in html\n", support)
    second = check_test(exercise, "def test_b(html):\n    assert 'Week 0' in html\n", support)
    assert [test["name"] for test in first["tests"]] == ["test_a"]
    assert [(test["name"], test["outcome"]) for test in second["tests"]] == [("test_b", "failed")]


# --- Reading the folders ---------------------------------------------------------------


@pytest.fixture
def copied(tmp_path):
    """A copy of an exercise's folder to break."""
    target = tmp_path / "test_the_weeks"
    shutil.copytree(FOLDER / "test_the_weeks", target)
    return target


@pytest.mark.parametrize(
    ("file", "content", "said"),
    [
        ("exercise.toml", 'title = "x"\nkind = template\n', "exercise.toml:2:8: "),
        (
            "exercise.toml",
            'title = "x"\nkind = "essay"\npractises = "lists"\n',
            "kind must be one of template, test",
        ),
        (
            "exercise.toml",
            'title = "x"\nkind = "test"\npractises = "nowhere"\n',
            "practises must be one of lists",
        ),
        ("context.json", '{"weeks": [1, 2,]}', "context.json:1:17: "),
        ("context.json", "[1, 2]", "context.json:1:1: the context must be a JSON object"),
        ("mutants/index0.html", "<p>no mistake line</p>", "mutants/index0.html:1:1: a mutant's first line"),
    ],
)
def test_a_broken_exercise_stops_start_up_naming_its_file_and_place(copied, file, content, said):
    (copied / file).write_text(content, encoding="utf-8")
    with pytest.raises(ExerciseError) as stopped:
        read_exercise(copied)
    assert said in str(stopped.value)
    assert str(stopped.value).startswith("exercises/test_the_weeks/")


def test_a_missing_file_stops_start_up_naming_it(copied):
    (copied / "solution.html").unlink()
    with pytest.raises(
        ExerciseError, match=r"^exercises/test_the_weeks/solution.html:1:1: the file is missing$"
    ):
        read_exercise(copied)


def test_the_task_is_markdown_whose_html_and_script_links_stay_text(copied):
    (copied / "task.md").write_text(
        "Use `{{ week }}` and <b>bold</b> <script>alert(1)</script>.\n\n"
        "[a link](https://flask.palletsprojects.com/) and [another](javascript:alert(1))\n",
        encoding="utf-8",
    )
    task = BeautifulSoup(str(read_exercise(copied).task), "html.parser")
    assert task.select("script, b") == []
    assert texts(task, "code") == ["{{ week }}"]
    assert "<b>bold</b> <script>alert(1)</script>" in text(task)
    assert [a["href"] for a in task.select("a")] == ["https://flask.palletsprojects.com/"]


# --- The pages --------------------------------------------------------------------------


def test_the_index_lists_every_exercise_under_its_examples_topic(client):
    soup = get_soup(client, "/exercises")
    found = {
        text(section.h2): [li["data-exercise"] for li in section.select("li[data-exercise]")]
        for section in soup.select("section.exercises-topic")
    }
    expected = {}
    for exercise in EXERCISES.values():
        expected.setdefault(exercise.topic, []).append(exercise.name)
    assert found == expected
    assert list(found) == [topic for topic in TOPICS if topic in expected]  # in the site's order
    item = soup.select_one('li[data-exercise="number_the_weeks"]')
    assert [a["href"] for a in item.select("a")] == ["/exercises/number_the_weeks", "/examples/lists"]
    assert soup.select_one("[data-export]") is not None
    assert soup.select_one("input[type=file][data-import]") is not None


@by_name(EXERCISES.values())
def test_an_exercise_page_gives_the_task_the_data_the_editor_and_what_a_check_needs(client, exercise):
    soup = get_soup(client, f"/exercises/{exercise.name}")
    assert text(soup.h1) == exercise.title
    assert text(soup.select_one(".exercise-task")) == "The task " + text(
        BeautifulSoup(exercise.task, "html.parser")
    )
    assert (
        soup.select_one("#attempt").string.removeprefix("\n") == exercise.starter
    )  # HTML drops that newline
    assert soup.select_one("form.exercise-form button[type=submit]").string == "Check"
    assert json.loads(soup.select_one("script#exercise-check").string) == exercise.for_check()
    assert json.loads(soup.select_one("pre.exercise-code code").string) == exercise.context
    expected = render(exercise.solution, exercise.context, exercise.templates)["output"]
    assert soup.select_one("iframe.exercise-expected")["srcdoc"] == expected
    back = soup.select_one(".exercise-meta").select("a")
    assert back[0]["href"] == f"/examples/{exercise.practises}"
    assert soup.select_one("[data-solution]").has_attr("hidden")  # until solved, or three checks
    shown = {
        section["data-uses"]: section.select_one("pre code").string for section in soup.select("[data-uses]")
    }
    assert shown == exercise.templates  # what the template can extend, include or import, whole


def test_each_example_page_links_the_exercises_that_practise_it(soup, gallery):
    for example in gallery.examples:
        links = [a["href"] for a in soup(f"/examples/{example.endpoint}").select(".practise a")]
        practised = [f"/exercises/{e.name}" for e in EXERCISES.values() if e.practises == example.endpoint]
        assert links == practised, example.endpoint
    assert len(soup("/examples/lists").select(".practise a")) == 2


def test_an_exercise_page_names_its_own_templates_and_how_to_use_them(client):
    exercise = EXERCISES["extend_the_layout"]
    assert list(exercise.templates) == ["layout.html"]
    section = get_soup(client, f"/exercises/{exercise.name}").select_one('[data-uses="layout.html"]')
    assert text(section.h2) == "A template it can use: layout.html"
    assert '{% extends "layout.html" %}' in text(section.select_one(".field-help"))


def test_an_unknown_exercise_is_a_404(client):
    assert client.get("/exercises/no_such_exercise").status_code == 404


def test_the_checks_zip_holds_what_a_check_imports_and_is_cached_for_a_year(client):
    soup = get_soup(client, "/exercises/number_the_weeks")
    url = soup.select_one("form.exercise-form")["data-checks"]
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    names = set(zipfile.ZipFile(io.BytesIO(response.data)).namelist())
    for needed in (
        "pytest/__init__.py",
        "_pytest/assertion/rewrite.py",
        "pluggy/__init__.py",
        "bs4/__init__.py",
        "soupsieve/__init__.py",
        "pygments/lexers/python.py",
        "showcase/checker.py",
        "checks/conftest.py",
        "checks/html_helpers.py",
    ):
        assert needed in names, needed
    assert not any(name.startswith("pygments/lexers/") and name.endswith("_builtins.py") for name in names)
    assert client.get(url.replace("checks-", "checks-0")).status_code == 404


def test_the_exercise_conftest_runs_under_plain_pytest_on_any_of_its_templates():
    """python -m pytest exercises/NAME --template=..., as the conftest's docstring says."""
    ran = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "exercises/number_the_weeks",
            "-p",
            "no:cacheprovider",
            "-q",
            "--template=starter.html",
            f"--template={SOLUTION}",
        ],
        cwd=FOLDER.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ran.returncode == 1, ran.stdout
    assert ran.stdout.splitlines()[-1].startswith("3 failed, 3 passed")
    assert "test_each_item_is_numbered_from_one[starter.html]" in ran.stdout


def test_a_missing_exercises_folder_stops_start_up_saying_so(tmp_path):
    with pytest.raises(ExerciseError, match=r"^exercises/:1:1: the exercises folder is missing$"):
        exercise_pages.read_exercises(tmp_path / "exercises")
