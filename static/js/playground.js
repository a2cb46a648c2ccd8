// The playground: a template rendered by real Jinja, in this browser, as you type.
//
// The page (templates/playground.html) gives the editor; this file starts the runtime
// (static/js/runtime.js: a Web Worker that runs CPython on WebAssembly, Pyodide, with
// Jinja's sandbox), and asks it to render 300 ms after the last keystroke. The server
// renders nothing. A render that runs past its time is stopped by ending the worker,
// and a new one starts at once. No inline code and no eval: it runs under a
// Content-Security-Policy that allows only this site's scripts, and WebAssembly. The
// output goes in with textContent and the iframe's srcdoc property, never as HTML of
// this page.
//
// Opened on an example ("Try it in the playground"), it renders through that example's
// own app.py, in the worker too (showcase/example_apps.py), unless the visitor unticks
// "Render with the example's app.py".
//
// For scripts and tests: window.playground.render({template, context, trim_blocks,
// lstrip_blocks}) returns a promise of {output, error: null|{message, line, column},
// undefined: [...], unused: [...]}, once the runtime is ready; with example: "lists"
// (and query: "variant=empty"), through that example's app.py. It never rejects: a
// render that is stopped, or a runtime that cannot start, resolves with the reason in
// error. window.playground.ready resolves once the runtime has started.
(function () {
  "use strict";

  const form = document.querySelector(".playground-form");
  if (!form) {
    return;
  }
  const DELAY_MS = 300;
  const fields = form.elements;
  const gutter = document.querySelector("[data-gutter]");
  const status = document.querySelector("[data-status]");
  const progress = document.querySelector("[data-progress]");
  const error = document.querySelector("[data-error]");
  const errorMessage = document.querySelector("[data-error-message]");
  const panes = document.querySelector("[data-output]");
  const source = document.querySelector("[data-source] code");
  const preview = document.querySelector("[data-preview]");
  let errorLine = null;
  let lastOutput = null; // the last output rendered, shown again when "show whitespace" changes

  // --- The editor's line numbers, as macros/playground.html's gutter() makes them

  function drawGutter() {
    const lines = fields.template.value.split("\n").length;
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
    gutter.scrollTop = fields.template.scrollTop;
  }

  // --- The result

  function showSource(output) {
    if (!fields.show_whitespace.checked) {
      source.textContent = output;
      return;
    }
    // As app.py's show_whitespace filter: · space, → tab, ↵ newline.
    const marks = { " ": ["ws-space", "·", ""], "\t": ["ws-tab", "→", "\t"], "\n": ["ws-newline", "↵", "\n"] };
    const parts = [];
    for (const piece of output.split(/([ \t\n])/)) {
      if (piece in marks) {
        const [className, mark, kept] = marks[piece];
        const span = document.createElement("span");
        span.className = className;
        span.textContent = mark;
        parts.push(span, kept);
      } else if (piece) {
        parts.push(piece);
      }
    }
    source.replaceChildren(...parts);
  }

  function showNames(kind, names) {
    const section = document.querySelector(`[data-names="${kind}"]`);
    const items = names.map((name) => {
      const item = document.createElement("li");
      const code = document.createElement("code");
      code.textContent = name;
      item.append(code);
      return item;
    });
    section.querySelector("ul").replaceChildren(...items);
    section.hidden = names.length === 0;
  }

  function showError(message, line) {
    error.hidden = !message;
    errorMessage.textContent = message || "";
    errorLine = line || null;
    drawGutter();
  }

  function show(result) {
    showError(result.error && result.error.message, result.error && result.error.line);
    showNames("undefined", result.undefined || []);
    showNames("unused", result.unused || []);
    if (result.output !== null && result.output !== undefined) {
      lastOutput = result.output;
      showSource(result.output);
      preview.srcdoc = result.output;
      panes.hidden = false;
    }
    // Keep the last good output on screen, dimmed, while the template has an error.
    panes.classList.toggle("is-stale", Boolean(result.error));
    status.textContent = result.error ? "Not rendered: see the error." : "Rendered.";
    status.dataset.state = result.error ? "error" : "rendered";
  }

  // --- Rendering what is typed: only the latest text matters ---------------------

  let timer = null;
  let waiting = false; // a render of the page's own is queued or running
  let again = false; // the text changed while it was

  async function update() {
    if (waiting) {
      again = true;
      return;
    }
    waiting = true;
    status.textContent = "Rendering…";
    status.dataset.state = "rendering";
    const request = {
      template: fields.template.value,
      context_text: fields.context.value,
      trim_blocks: fields.trim_blocks.checked,
      lstrip_blocks: fields.lstrip_blocks.checked,
    };
    if (fields.use_example && fields.use_example.checked) {
      request.example = form.dataset.example;
      request.query = form.dataset.query;
    }
    const result = await runtime.render(request);
    waiting = false;
    if (again) {
      again = false;
      update();
      return;
    }
    show(result);
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, delay);
  }

  // --- Start --------------------------------------------------------------------

  if (window.location.protocol === "file:") {
    // Browsers start no worker for a page opened from the file system.
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

  window.playground = Object.freeze({
    ready: runtime.ready.then((started) => started === true),
    render(request) {
      const { template, context, trim_blocks: trim, lstrip_blocks: lstrip, example, query } = request || {};
      const asked = { template, context, trim_blocks: trim, lstrip_blocks: lstrip };
      if (example !== undefined) {
        Object.assign(asked, query === undefined ? { example } : { example, query });
      }
      return runtime.render(asked);
    },
  });

  fields.template.addEventListener("input", () => {
    drawGutter();
    schedule(DELAY_MS);
  });
  fields.template.addEventListener("scroll", () => {
    gutter.scrollTop = fields.template.scrollTop;
  });
  fields.context.addEventListener("input", () => schedule(DELAY_MS));
  fields.trim_blocks.addEventListener("change", () => schedule(0));
  fields.lstrip_blocks.addEventListener("change", () => schedule(0));
  if (fields.use_example) {
    fields.use_example.addEventListener("change", () => schedule(0));
  }
  fields.show_whitespace.addEventListener("change", () => {
    if (lastOutput !== null) {
      showSource(lastOutput);
    } else {
      schedule(0);
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    schedule(0);
  });
  drawGutter();
  update(); // the first render, as soon as the runtime is ready
})();
