"""In a real browser: exercises are checked in the visitor's own Python (pytest in the playground's
worker), progress is kept across a reload and carried by a file, an endless test is stopped, and the
static copy served over HTTP checks them too."""

import json

import pytest
from playwright.sync_api import expect

from app import app as showcase_app
from showcase.exercises import CHECK_SECONDS

EXERCISES = showcase_app.extensions["showcase.exercises"]
WRITE_TEMPLATE = [exercise for exercise in EXERCISES.values() if exercise.kind == "template"]
WRITE_TEST = [exercise for exercise in EXERCISES.values() if exercise.kind == "test"]
FIRST_CHECK_SECONDS = 90  # the runtime's start, and pytest's import, on a loaded machine


def fresh_tab(browser, live_server):
    """A tab of a fresh browser profile (nothing solved yet) on the live server, and what its
    console reports as errors."""
    context = browser.new_context(base_url=live_server, accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    return page, errors


@pytest.fixture
def tab(browser, live_server):
    """A fresh tab; no console errors."""
    page, errors = fresh_tab(browser, live_server)
    yield page
    page.context.close()
    assert errors == []  # nothing the policy refused, nothing the runtime failed at


@pytest.fixture(scope="module")
def first_exercise(browser, live_server):
    """A fresh tab on the first exercise's page, its runtime started once, for the tests that only
    ask it to check and diagnose (which keep no progress of their own); no console errors."""
    page, errors = fresh_tab(browser, live_server)
    page.goto(f"/exercises/{WRITE_TEMPLATE[0].name}")
    yield page
    page.context.close()
    assert errors == []


def check(page, attempt, seconds=FIRST_CHECK_SECONDS):
    """Type ``attempt`` in the editor, press Check, and wait for the result: its data-status."""
    page.fill("#attempt", attempt)
    page.click("form.exercise-form button[type=submit]")  # the last result's status goes at once
    page.locator("[data-result][data-status]").wait_for(timeout=seconds * 1000)
    return page.locator("[data-result]").get_attribute("data-status")


def test_a_student_solves_two_templates_and_a_test_and_keeps_it_across_a_reload(tab):
    first, second = WRITE_TEMPLATE[:2]
    writing_test = EXERCISES["test_the_weeks"]

    tab.goto(f"/exercises/{first.name}")
    assert check(tab, first.starter) == "failed"
    failed = tab.locator('[data-tests] li[data-status="failed"]')
    assert failed.count() >= 1
    assert "assert" in failed.first.locator("pre").inner_text()  # pytest's own message
    assert tab.locator("[data-solution]").is_hidden()
    assert check(tab, first.solution, seconds=30) == "passed"
    assert (
        tab.locator('[data-tests] li[data-status="passed"]').count() == tab.locator("[data-tests] li").count()
    )
    assert tab.locator("[data-verdict]").inner_text().startswith("Solved")
    assert tab.locator("[data-solution]").is_visible()  # once solved

    tab.goto(f"/exercises/{second.name}")
    assert check(tab, second.solution) == "passed"

    tab.goto(f"/exercises/{writing_test.name}")
    assert check(tab, writing_test.starter) == "failed"
    slipped = tab.locator('[data-mutants] li[data-caught="false"]')
    assert slipped.count() == len(writing_test.mutants)  # the starter's test catches no mistake
    assert check(tab, writing_test.test, seconds=30) == "passed"
    caught = tab.locator('[data-mutants] li[data-caught="true"]').all_inner_texts()
    assert len(caught) == len(writing_test.mutants)
    assert sorted(text.split(": ", 1)[1] for text in caught) == sorted(
        mutant["mistake"] for mutant in writing_test.mutants.values()
    )
    assert tab.locator("[data-verdict]").inner_text() == (
        f"Solved: your test catches all {len(writing_test.mutants)} mistakes."
    )

    tab.reload()  # the attempt and the progress are this browser's
    assert tab.locator("#attempt").input_value() == writing_test.test
    assert tab.locator(f'[data-progress-of="{writing_test.name}"]').inner_text() == "solved"
    tab.goto("/exercises")
    solved = {first.name, second.name, writing_test.name}
    for name in EXERCISES:
        state = tab.locator(f'[data-progress-of="{name}"]').get_attribute("data-state")
        assert state == ("solved" if name in solved else "new"), name
    assert tab.locator("[data-tally]").inner_text() == f"Solved in this browser: 3 of {len(EXERCISES)}."


CHECK_EACH = """async (requests) => {
  const runtime = window.showcaseRuntime(document.querySelector("form.exercise-form"));
  await runtime.ready;
  const answers = [];
  for (const request of requests) answers.push(await runtime.check(request));
  return answers;
}"""


def test_every_exercise_is_solved_by_its_own_answer_in_the_browsers_python(first_exercise):
    """Every exercise's solution (a template) or reference test (a test), checked by pytest in
    Pyodide as the page checks it, one after another in one worker: what the suite proves in
    CPython (tests/test_exercises.py) holds in the browser too."""
    requests = [
        {"exercise": e.for_check(), "template": e.solution}
        if e.kind == "template"
        else {"exercise": e.for_check(), "test": e.test}
        for e in EXERCISES.values()
    ]
    answers = first_exercise.evaluate(CHECK_EACH, requests)
    outcomes = {
        e.name: (answer["status"], answer["error"], [t["outcome"] for t in answer["tests"]].count("failed"))
        for e, answer in zip(EXERCISES.values(), answers, strict=True)
    }
    assert outcomes == {name: ("passed", None, 0) for name in EXERCISES}
    caught = {
        e.name: sum(m["caught"] for m in a.get("mutants", []))
        for e, a in zip(EXERCISES.values(), answers, strict=True)
    }
    assert caught == {e.name: len(e.mutants) for e in EXERCISES.values()}


def test_progress_exported_as_a_file_is_imported_in_another_browser(browser, live_server, tmp_path, tab):
    exercise = WRITE_TEMPLATE[0]
    tab.goto(f"/exercises/{exercise.name}")
    assert check(tab, exercise.starter) == "failed"
    tab.goto("/exercises")
    with tab.expect_download() as downloading:
        tab.click("[data-export]")
    saved = tmp_path / "progress.json"
    downloading.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["exercises"] == {
        exercise.name: {"status": "tried", "checks": 1, "attempt": exercise.starter}
    }

    other = browser.new_context(base_url=live_server).new_page()  # another browser: nothing kept
    other.goto("/exercises")
    assert other.locator(f'[data-progress-of="{exercise.name}"]').get_attribute("data-state") == "new"
    other.set_input_files("[data-import]", saved)
    expect(other.locator("[data-keep-status]")).to_have_text("Imported 1 exercise from progress.json.")
    assert other.locator(f'[data-progress-of="{exercise.name}"]').inner_text() == "tried"
    not_ours = tmp_path / "other.json"
    not_ours.write_text('{"weeks": []}', encoding="utf-8")
    other.set_input_files("[data-import]", not_ours)
    expect(other.locator("[data-keep-status]")).to_contain_text("is not an export of this site's progress")
    assert other.locator(f'[data-progress-of="{exercise.name}"]').inner_text() == "tried"  # kept
    other.context.close()


def test_an_endless_test_is_stopped_and_the_next_check_works(tab):
    exercise = EXERCISES["test_the_weeks"]
    tab.goto(f"/exercises/{exercise.name}")
    assert check(tab, exercise.starter) == "failed"  # started, and pytest imported
    assert (
        check(tab, "def test_forever(html):\n    while True:\n        pass\n", seconds=CHECK_SECONDS + 20)
        == "failed"
    )
    message = tab.locator("[data-error-message]").inner_text()
    assert message.startswith(f"The check ran for more than {CHECK_SECONDS} s and was stopped")
    assert check(tab, exercise.test) == "passed"  # a new worker, started at once


def test_a_template_error_marks_its_line_before_any_check(first_exercise):
    first_exercise.fill("#attempt", "<ol>\n{% for w in weeks %}\n<li>{{ w }</li>")
    marked = first_exercise.locator("[data-gutter] .is-error")
    marked.wait_for(timeout=FIRST_CHECK_SECONDS * 1000)
    assert marked.inner_text() == "3"
    assert "line 3" in first_exercise.locator("[data-error-message]").inner_text().lower()


def test_the_static_copys_exercises_work_over_http(browser, static_copy):
    folder, url = static_copy
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/exercises.html")
    page.click(f'a[href$="exercises/{WRITE_TEMPLATE[0].name}.html"]')
    assert check(page, WRITE_TEMPLATE[0].solution) == "passed"
    page.goto((folder / "exercises" / f"{WRITE_TEMPLATE[0].name}.html").as_uri())
    assert page.locator("[data-needs-http]").is_visible()
    context.close()
