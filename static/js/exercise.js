// An exercise page (templates/exercise.html): "Check" runs the exercise's tests in this
// browser, in the runtime's worker (static/js/runtime.js, showcase/checker.py), never on
// the server.
//
// Writing the template: as you type, the template renders with the exercise's data, as
// in the playground (an error with its line marked, the names the data lacks, the HTML);
// "Check" runs the exercise's tests on that render and lists each, passed or failed with
// pytest's own message. Writing the test: "Check" runs your test on the correct template
// (it must pass) and on each broken copy (it should fail: "caught"). The result carries
// data-status="passed" or "failed". Progress and the last attempt are kept in this
// browser (static/js/progress.js). A solution shows once solved, or after three checks.
(function () {
  "use strict";

  const form = document.querySelector(".exercise-form");
  if (!form) {
    return;
  }
  const NAME = form.dataset.exercise;
  const WRITES_TEMPLATE = form.dataset.kind === "template";
  const TRIES_BEFORE_SOLUTION = 3;
  const DELAY_MS = 300;
  const exercise = JSON.parse(document.getElementById("exercise-check").textContent);
  const editor = form.elements.attempt;
  const starter = editor.defaultValue;
  const gutter = form.querySelector("[data-gutter]");
  const status = form.querySelector("[data-runtime-status]");
  const progress = form.querySelector("[data-progress]");
  const result = document.querySelector("[data-result]");
  const verdict = result.querySelector("[data-verdict]");
  const error = result.querySelector("[data-error]");
  const errorMessage = result.querySelector("[data-error-message]");
  const tests = result.querySelector("[data-tests]");
  const mutants = result.querySelector("[data-mutants]");
  const solution = document.querySelector("[data-solution]");
  const store = window.exerciseProgress;
  let errorLine = null;

  // --- The editor: line numbers, with the error's line marked ---------------------

  function drawGutter() {
    const lines = editor.value.split("\n").length;
    const numbers = [];
    for (let number = 1; number <= lines; number += 1) {
      const span = document.createElement("span");
      span.textContent = String(number);
      if (number === errorLine) {
        span.className = "is-error";
      }
      numbers.push(span, number < lines ? "\n" : "");
    }
    gutter.replaceChildren(...numbers);
    gutter.scrollTop = editor.scrollTop;
  }

  // --- The check's result -------------------------------------------------------

  function item(className, heading, message) {
    const li = document.createElement("li");
    li.className = className;
    const strong = document.createElement("strong");
    strong.textContent = heading;
    li.append(strong);
    if (message) {
      const pre = document.createElement("pre");
      pre.textContent = message;
      li.append(pre);
    }
    return li;
  }

  function showTests(found) {
    tests.replaceChildren(
      ...found.map((test) => {
        const li = item(`is-${test.outcome}`, `${test.outcome === "passed" ? "✓" : "✗"} ${test.name}: ${test.outcome}`, test.message);
        li.dataset.status = test.outcome;
        return li;
      }),
    );
    result.querySelector("[data-tests-heading]").hidden = found.length === 0;
  }

  function showMutants(found) {
    if (!mutants) {
      return;
    }
    mutants.replaceChildren(
      ...found.map((mutant) => {
        const li = item(mutant.caught ? "is-passed" : "is-failed", `${mutant.caught ? "✓ caught" : "✗ slipped through"}: ${mutant.mistake}`);
        li.dataset.caught = String(mutant.caught);
        return li;
      }),
    );
    result.querySelector("[data-mutants-heading]").hidden = found.length === 0;
  }

  function sayVerdict(answer) {
    if (answer.error) {
      return "Not checked: see the error.";
    }
    if (WRITES_TEMPLATE) {
      const passed = answer.tests.filter((test) => test.outcome === "passed").length;
      return answer.status === "passed"
        ? `Solved: all ${answer.tests.length} tests pass.`
        : `${passed} of ${answer.tests.length} tests pass.`;
    }
    const caught = answer.mutants.filter((mutant) => mutant.caught).length;
    const failing = answer.tests.filter((test) => test.outcome === "failed").length;
    const catches = `Your test catches ${caught} of ${answer.mutants.length} mistakes`;
    if (failing) {
      return `${catches}, but fails on the correct template: a test must pass where nothing is wrong.`;
    }
    return answer.status === "passed" ? `Solved: your test catches all ${caught} mistakes.` : `${catches}.`;
  }

  function show(answer) {
    result.hidden = false;
    result.dataset.status = answer.status;
    verdict.textContent = sayVerdict(answer);
    error.hidden = !answer.error;
    errorMessage.textContent = answer.error ? answer.error.message : "";
    errorLine = answer.error && answer.error.line ? answer.error.line : errorLine;
    drawGutter();
    showTests(answer.tests || []);
    showMutants(answer.mutants || []);
    const kept = store.record(NAME, { status: answer.status, attempt: editor.value });
    if (kept.status === "solved" || kept.checks >= TRIES_BEFORE_SOLUTION) {
      solution.hidden = false;
    }
  }

  // --- The runtime ----------------------------------------------------------------

  if (window.location.protocol === "file:") {
    document.querySelector("[data-needs-http]").hidden = false;
    status.textContent = "Not started: this page must be served over HTTP.";
    return;
  }
  document.querySelector("[data-needs-javascript]").hidden = true;
  const runtime = window.showcaseRuntime(form, {
    onProgress: window.showcaseRuntime.progress(progress, status),
    onStatus: (text) => {
      status.textContent = text;
    },
  });
  runtime.ready.then((started) => {
    progress.hidden = true;
    status.textContent = started === true ? "Ready." : started;
  });

  async function check() {
    status.textContent = "Checking…";
    delete result.dataset.status; // until this check's answer
    const request = WRITES_TEMPLATE ? { exercise, template: editor.value } : { exercise, test: editor.value };
    const answer = await runtime.check(request);
    status.textContent = "Checked.";
    show(answer);
  }

  // --- Writing the template: its render as you type, as in the playground -----------

  const source = document.querySelector("[data-render]");
  let timer = null;
  let rendering = false;
  let again = false;

  function showNames(names) {
    const section = document.querySelector('[data-names="undefined"]');
    section.querySelector("ul").replaceChildren(
      ...names.map((name) => {
        const li = document.createElement("li");
        const code = document.createElement("code");
        code.textContent = name;
        li.append(code);
        return li;
      }),
    );
    section.hidden = names.length === 0;
  }

  async function preview() {
    if (rendering) {
      again = true;
      return;
    }
    rendering = true;
    const rendered = await runtime.render({
      template: editor.value,
      context: exercise.context,
      trim_blocks: false,
      lstrip_blocks: false,
    });
    rendering = false;
    if (again) {
      again = false;
      preview();
      return;
    }
    errorLine = rendered.error ? rendered.error.line : null;
    drawGutter();
    showNames(rendered.undefined || []);
    if (rendered.error) {
      error.hidden = false;
      errorMessage.textContent = rendered.error.message;
      result.hidden = false;
    } else if (!result.dataset.status) {
      error.hidden = true;
    }
    if (rendered.output !== null && rendered.output !== undefined) {
      source.querySelector("code").textContent = rendered.output;
      source.hidden = false;
    }
  }

  // --- Start --------------------------------------------------------------------

  const kept = store.get(NAME);
  if (kept && kept.attempt) {
    editor.value = kept.attempt; // the last attempt, as it was left
  }
  if (kept && (kept.status === "solved" || kept.checks >= TRIES_BEFORE_SOLUTION)) {
    solution.hidden = false;
  }
  drawGutter();
  editor.addEventListener("input", () => {
    drawGutter();
    store.keepAttempt(NAME, editor.value);
    if (WRITES_TEMPLATE) {
      window.clearTimeout(timer);
      timer = window.setTimeout(preview, DELAY_MS);
    }
  });
  editor.addEventListener("scroll", () => {
    gutter.scrollTop = editor.scrollTop;
  });
  form.querySelector("[data-reset]").addEventListener("click", () => {
    editor.value = starter;
    store.keepAttempt(NAME, starter);
    drawGutter();
    if (WRITES_TEMPLATE) {
      preview();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    check();
  });
  if (WRITES_TEMPLATE) {
    preview();
  }
})();
