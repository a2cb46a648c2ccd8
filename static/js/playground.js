// The playground's live preview: progressive enhancement of templates/playground.html.
//
// Without this file the form posts to /playground and the page comes back
// rendered. With it, the result follows as you type: a pause of 300 ms, then
// POST /api/render. No inline code and no eval, so it runs under a strict
// Content-Security-Policy (script-src 'self'). The output goes in with
// textContent and the iframe's srcdoc property: never as HTML of this page.
(function () {
  "use strict";

  const form = document.querySelector(".playground-form");
  if (!form || !window.fetch || !window.AbortController) {
    return;
  }
  const DELAY_MS = 300;
  const fields = form.elements;
  const gutter = document.querySelector("[data-gutter]");
  const status = document.querySelector("[data-status]");
  const error = document.querySelector("[data-error]");
  const errorMessage = document.querySelector("[data-error-message]");
  const panes = document.querySelector("[data-output]");
  const source = document.querySelector("[data-source] code");
  const preview = document.querySelector("[data-preview]");
  let timer = null;
  let request = null;
  let lastOutput = null; // the last output rendered, shown again when "show whitespace" changes
  const marked = gutter.querySelector(".is-error"); // the server marked the error's line
  let errorLine = marked ? Number(marked.textContent) : null;

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
    // As app.py's show_whitespace filter, which the server uses: · space, → tab, ↵ newline.
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
  }

  // --- Asking the server

  function contextObject() {
    let context;
    try {
      context = JSON.parse(fields.context.value || "{}");
    } catch (problem) {
      return { problem: `The context is not valid JSON: ${problem.message}` };
    }
    if (context === null || typeof context !== "object" || Array.isArray(context)) {
      return { problem: "The context must be a JSON object ({...})." };
    }
    return { context };
  }

  async function update() {
    const { context, problem } = contextObject();
    if (problem) {
      showError(problem, null);
      panes.classList.add("is-stale");
      status.textContent = "Not rendered: see the error.";
      return;
    }
    if (request) {
      request.abort(); // only the latest text matters
    }
    request = new AbortController();
    status.textContent = "Rendering…";
    let response;
    try {
      response = await fetch(form.dataset.api, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          template: fields.template.value,
          context,
          trim_blocks: fields.trim_blocks.checked,
          lstrip_blocks: fields.lstrip_blocks.checked,
        }),
        signal: request.signal,
      });
    } catch (problem) {
      if (problem.name !== "AbortError") {
        status.textContent = "The server could not be reached: press Render to try again.";
      }
      return;
    }
    if (response.status === 503) {
      const seconds = Number(response.headers.get("Retry-After")) || 1;
      status.textContent = `The playground is busy: trying again in ${seconds} s.`;
      schedule(seconds * 1000);
      return;
    }
    show(await response.json());
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, delay);
  }

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
  fields.show_whitespace.addEventListener("change", () => {
    if (lastOutput !== null) {
      showSource(lastOutput);
    } else {
      schedule(0);
    }
  });
})();
