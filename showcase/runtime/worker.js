// The playground's worker: CPython (Pyodide), Jinja and the site's renderer, off the page's thread.
//
// static/js/playground.js starts it with {type: "start", pyodide, site}: the URL of
// pyodide.mjs, and of the zip of the Python it imports (showcase/playground.py). It
// answers {type: "progress", loaded, total} while it downloads, then {type: "ready"}
// (or {type: "failed", message}). Then, for each {type: "render", id, request}, it
// answers {type: "diagnostics", id, value} and {type: "result", id, value}: the two
// steps of showcase/renderer.py, as JSON text. A render that runs too long is not
// stopped here: the page ends this worker and starts another.
//
// The worker has no DOM, and nothing here evaluates what a visitor typed: the template
// goes to Jinja's sandbox as a string, and its output comes back as a string.

let renderer = null; // showcase/renderer.py, once imported

// Fetch the files the runtime needs, counting their bytes for the page's progress bar.
// They are cached for a year, so Pyodide's own requests for them are answered from the
// browser's cache, and so is a second visit.
async function download(urls) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  for (const response of responses) {
    if (!response.ok) {
      throw new Error(`${response.url} answered ${response.status}`);
    }
  }
  const total = responses.reduce((sum, r) => sum + Number(r.headers.get("Content-Length") || 0), 0);
  let loaded = 0;
  const bodies = await Promise.all(
    responses.map(async (response) => {
      const reader = response.body.getReader();
      const chunks = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          break;
        }
        chunks.push(value);
        loaded += value.length;
        self.postMessage({ type: "progress", loaded, total });
      }
      return new Blob(chunks).arrayBuffer();
    }),
  );
  return bodies;
}

async function start({ pyodide: pyodideURL, site }) {
  const index = new URL(".", new URL(pyodideURL, self.location.href)).href;
  const files = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs"].map((name) => index + name);
  const [, , , siteZip] = await download([...files, new URL(site, self.location.href).href]);
  const { loadPyodide } = await import(pyodideURL);
  const python = await loadPyodide({ indexURL: index, stdout: () => {}, stderr: () => {} });
  python.unpackArchive(siteZip, "zip", { extractDir: "/playground" });
  python.runPython(`
import sys
sys.path.insert(0, "/playground")
import renderer
with open("/playground/playground_site.json", encoding="utf-8") as site:
    renderer.start(site.read())
`);
  renderer = python.pyimport("renderer");
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
  if (message.type === "render") {
    let diagnostics = { error: null, undefined: [], unused: [] };
    let value;
    try {
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
