// The playground's worker: CPython (Pyodide), Jinja and the site's renderer, off the page's thread.
//
// static/js/runtime.js starts it with {type: "start", pyodide, site, examples, checks}: the
// URL of pyodide.mjs, of the zip of the Python it imports (showcase/playground.py), of an
// example's download with EXAMPLE for its name, and, on an exercise page, of the zip of
// what a check imports (pytest, BeautifulSoup: showcase/exercises.py). It answers {type: "progress",
// loaded, total} while it downloads, then {type: "ready"} (or {type: "failed", message}).
// Then, for each {type: "render", id, request}, it answers {type: "diagnostics", id,
// value} and {type: "result", id, value}: the two steps of showcase/renderer.py, as JSON
// text. A request naming an example the worker has not loaded yet is preceded by
// {type: "loading", id} and {type: "loaded", id}: it downloads that example's project,
// unpacks it under /examples and imports its app.py (showcase/example_apps.py), once. A
// render that runs too long is not stopped here: the page ends this worker and starts
// another. Each {type: "check", id, request} runs an exercise's tests on an attempt
// (showcase/checker.py) and answers {type: "result", id, value}; the first one imports
// pytest, between {type: "loading"} and {type: "loaded"}.
//
// The worker has no DOM, and nothing here evaluates what a visitor typed: the template
// goes to Jinja's sandbox as a string, and its output comes back as a string.

let python = null; // Pyodide, once started
let renderer = null; // showcase/renderer.py, once imported
let examplesURL = null; // an example's download, with EXAMPLE for its name
const loaded = new Set(); // the examples unpacked and imported
let checker = null; // showcase/checker.py, imported at the first check

// Fetch the files the runtime needs, counting their bytes for the page's progress bar.
// They are cached for a year, so a second visit reads them from the browser's cache.
// ``handOver`` maps the files Pyodide fetches itself (the WebAssembly, the standard
// library) to what its fetch will answer: the response fetched here, whose clone is
// counted as it arrives, so that Pyodide compiles the WebAssembly as it downloads, as a
// bare page does, and nothing crosses the network twice. The other files are read whole:
// what is returned.
async function download(urls, handOver) {
  // Looked up now: Pyodide's fetch may take its entry out of handOver before the headers are in.
  const handedOver = urls.map((url) => handOver.get(url));
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  for (const response of responses) {
    if (!response.ok) {
      throw new Error(`${response.url} answered ${response.status}`);
    }
  }
  const total = responses.reduce((sum, r) => sum + Number(r.headers.get("Content-Length") || 0), 0);
  let loaded = 0;
  const bodies = await Promise.all(
    responses.map(async (response, index) => {
      const handed = handedOver[index];
      // A clone is counted, and Pyodide gets the response itself: with its URL, so that the
      // browser keeps the compiled WebAssembly for the next visit too.
      const counted = handed ? response.clone() : response;
      if (handed) {
        handed.resolve(response);
      }
      const reader = counted.body.getReader();
      const chunks = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          break;
        }
        if (!handed) {
          chunks.push(value);
        }
        loaded += value.length;
        self.postMessage({ type: "progress", loaded, total });
      }
      return new Blob(chunks).arrayBuffer();
    }),
  );
  return bodies;
}

// A promise, with the functions that settle it.
function deferred() {
  const made = {};
  made.promise = new Promise((resolve, reject) => Object.assign(made, { resolve, reject }));
  return made;
}

async function start({ pyodide: pyodideURL, site, examples, checks }) {
  examplesURL = examples;
  const index = new URL(".", new URL(pyodideURL, self.location.href)).href;
  // pyodide.asm.mjs is imported, not fetched: fetched here too, it is counted, and then cached.
  const files = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs"].map((name) => index + name);
  const handOver = new Map([files[0], files[1]].map((url) => [url, deferred()]));
  const bundles = [site, ...(checks ? [checks] : [])].map((url) => new URL(url, self.location.href).href);
  const downloading = download([...files, ...bundles], handOver);
  const waiting = [...handOver.values()];
  downloading.catch((problem) => waiting.forEach((handed) => handed.reject(problem)));
  const fetchFromNetwork = self.fetch.bind(self);
  self.fetch = (resource, options) => {
    const handed = handOver.get(String(resource));
    if (!handed) {
      return fetchFromNetwork(resource, options);
    }
    handOver.delete(String(resource)); // once: a later fetch goes to the network
    return handed.promise;
  };
  const { loadPyodide } = await import(pyodideURL);
  const booting = loadPyodide({ indexURL: index, stdout: () => {}, stderr: () => {} });
  const [[, , , ...zips], started] = await Promise.all([downloading, booting]);
  python = started;
  self.fetch = fetchFromNetwork;
  for (const zip of zips) {
    python.unpackArchive(zip, "zip", { extractDir: "/playground" });
  }
  python.runPython(`
import sys
sys.path.insert(0, "/playground")
from showcase import renderer
with open("/playground/playground_site.json", encoding="utf-8") as site:
    renderer.start(site.read(), "/examples")
`);
  renderer = python.pyimport("showcase.renderer");
}

// An example's project, downloaded, unpacked and imported the first time a render names it.
// What goes wrong comes back as the renderer's own answer: the example is unknown, say.
async function loadExample(name, id) {
  if (loaded.has(name) || typeof name !== "string" || !/^[a-z][a-z0-9_]*$/.test(name)) {
    return; // a name that is no example's: the renderer says so
  }
  self.postMessage({ type: "loading", id, what: "the example's app.py" });
  try {
    const response = await fetch(examplesURL.replace("EXAMPLE", name));
    if (response.ok) {
      python.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: "/examples" });
      renderer.load(name); // imports Flask the first time, and the example's app.py
      loaded.add(name);
    }
  } finally {
    self.postMessage({ type: "loaded", id });
  }
}

// An exercise's check: the tests run by pytest on the attempt's render. The first imports pytest.
function check(message) {
  if (checker === null) {
    self.postMessage({ type: "loading", id: message.id, what: "pytest" });
    python.runPython("import pytest, bs4");
    checker = python.pyimport("showcase.checker");
    self.postMessage({ type: "loaded", id: message.id });
  }
  let value;
  try {
    value = JSON.parse(checker.worker_check(JSON.stringify(message.request), "/playground/checks"));
  } catch {
    const error = { message: "The check failed: Python ran out of room.", line: null, column: null };
    value = { status: "failed", error, tests: [], mutants: [] };
  }
  self.postMessage({ type: "result", id: message.id, value });
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "start") {
    try {
      await start(message);
      self.postMessage({ type: "ready" });
    } catch (problem) {
      self.postMessage({ type: "failed", message: String(problem && problem.message ? problem.message : problem) });
    }
    return;
  }
  if (message.type === "check") {
    check(message);
    return;
  }
  if (message.type === "render") {
    let diagnostics = { error: null, undefined: [], unused: [] };
    let value;
    try {
      await loadExample(message.request.example, message.id);
      diagnostics = JSON.parse(renderer.diagnose(JSON.stringify(message.request)));
      self.postMessage({ type: "diagnostics", id: message.id, value: diagnostics });
      value = diagnostics.error ? { output: null, error: diagnostics.error } : JSON.parse(renderer.render(""));
    } catch {
      // What the renderer does not turn into a message itself (Python out of memory, say):
      // one line, and never Python's traceback, which names the worker's files.
      value = { output: null, error: { message: "The render failed: Python ran out of room.", line: null, column: null } };
    }
    self.postMessage({ type: "result", id: message.id, value: { ...diagnostics, ...value } });
  }
};
