// Exercise progress, kept in this browser's localStorage with no account: for each
// exercise, "solved" or "tried", how many checks, and the last attempt typed.
//
// window.exerciseProgress.get(name) / .record(name, {status, attempt}) / .all() is what
// static/js/exercise.js uses. On any page, each [data-progress-of=NAME] element shows
// that exercise's state; on /exercises, "Export progress" saves it as a small JSON file
// and "Import progress" reads one back (merged: a solved exercise stays solved).
(function () {
  "use strict";

  const KEY = "flask-templating-showcase.exercises";
  const FORMAT = "flask-templating-showcase-progress";
  const WORDS = { solved: "solved", tried: "tried" };

  function load() {
    try {
      const stored = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
    } catch {
      return {}; // unreadable, or storage refused: start afresh
    }
  }

  function save(progress) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(progress));
    } catch {
      // Storage full or refused (a private window may refuse it): the page still works.
    }
  }

  // One exercise's entry, as it is kept: anything else in an imported file is dropped.
  function clean(entry) {
    if (!entry || typeof entry !== "object" || !(entry.status in WORDS)) {
      return null;
    }
    return {
      status: entry.status,
      checks: Number.isInteger(entry.checks) && entry.checks >= 0 ? entry.checks : 0,
      attempt: typeof entry.attempt === "string" ? entry.attempt.slice(0, 20000) : "",
    };
  }

  function show() {
    const progress = load();
    let solved = 0;
    for (const element of document.querySelectorAll("[data-progress-of]")) {
      const entry = clean(progress[element.dataset.progressOf]);
      element.textContent = entry ? WORDS[entry.status] : "";
      element.dataset.state = entry ? entry.status : "new";
    }
    const names = new Set(Array.from(document.querySelectorAll("[data-exercise]"), (item) => item.dataset.exercise));
    for (const name of names) {
      const entry = clean(progress[name]);
      solved += entry && entry.status === "solved" ? 1 : 0;
    }
    const tally = document.querySelector("[data-tally]");
    if (tally) {
      tally.textContent = `Solved in this browser: ${solved} of ${names.size}.`;
      tally.hidden = false;
    }
  }

  const store = {
    get(name) {
      return clean(load()[name]);
    },
    all() {
      return load();
    },
    // A check's outcome: once solved, an exercise stays solved.
    record(name, { status, attempt }) {
      const progress = load();
      const before = clean(progress[name]);
      progress[name] = {
        status: status === "passed" || (before && before.status === "solved") ? "solved" : "tried",
        checks: (before ? before.checks : 0) + 1,
        attempt,
      };
      save(progress);
      show();
      return progress[name];
    },
    keepAttempt(name, attempt) {
      const progress = load();
      const before = clean(progress[name]);
      if (before) {
        progress[name] = { ...before, attempt };
        save(progress);
      }
    },
    forget(name) {
      const progress = load();
      delete progress[name];
      save(progress);
      show();
    },
  };
  window.exerciseProgress = Object.freeze(store);

  // --- Export and import, on /exercises -------------------------------------------

  const status = document.querySelector("[data-keep-status]");
  const exportButton = document.querySelector("[data-export]");
  if (exportButton) {
    exportButton.addEventListener("click", () => {
      const exercises = {};
      for (const [name, entry] of Object.entries(load())) {
        if (clean(entry)) {
          exercises[name] = clean(entry);
        }
      }
      const file = { format: FORMAT, version: 1, exported: new Date().toISOString(), exercises };
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
      link.download = "exercise-progress.json";
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(link.href);
      status.textContent = `Exported ${Object.keys(exercises).length} exercises to exercise-progress.json.`;
    });
  }
  const importField = document.querySelector("[data-import]");
  if (importField) {
    importField.addEventListener("change", async () => {
      const [chosen] = importField.files;
      if (!chosen) {
        return;
      }
      let file;
      try {
        file = JSON.parse(await chosen.text());
      } catch {
        status.textContent = `${chosen.name} is not JSON: choose a file that "Export progress" saved.`;
        return;
      }
      if (!file || file.format !== FORMAT || typeof file.exercises !== "object" || file.exercises === null) {
        status.textContent = `${chosen.name} is not an export of this site's progress: nothing was changed.`;
        return;
      }
      const progress = load();
      let taken = 0;
      for (const [name, entry] of Object.entries(file.exercises)) {
        const imported = clean(entry);
        if (!imported || !/^[a-z][a-z0-9_]*$/.test(name)) {
          continue;
        }
        const before = clean(progress[name]);
        const solved = imported.status === "solved" || (before && before.status === "solved");
        progress[name] = { ...imported, status: solved ? "solved" : "tried" };
        taken += 1;
      }
      save(progress);
      show();
      status.textContent = `Imported ${taken} ${taken === 1 ? "exercise" : "exercises"} from ${chosen.name}.`;
    });
  }

  show();
})();
