// The runtime in the browser: a Web Worker (showcase/runtime/worker.js) running CPython on
// WebAssembly (Pyodide), shared by the playground (static/js/playground.js) and the exercise
// pages (static/js/exercise.js).
//
// window.showcaseRuntime(element, {onProgress, onStatus}) starts a worker from what the
// element's data-* attributes say (data-worker, data-pyodide, data-site, data-examples, and
// data-checks on an exercise page: the URLs of the worker, of Pyodide, of the Python it
// imports, of an example's download, of what a check imports; data-seconds: how long a job
// may run), and returns {ready, render(request), check(request)}. Jobs run one at a time,
// in order. A job past its time is stopped by ending the worker (Python cannot be
// interrupted from here), and a new worker starts at once: the job resolves with the reason
// in its error. Nothing here rejects.
(function () {
  "use strict";

  function error(message) {
    return { message, line: null, column: null };
  }

  // What a stopped or failed job answers, by its type.
  const ANSWERS = {
    render(message, diagnostics) {
      const found = diagnostics || {};
      return { output: null, error: error(message), undefined: found.undefined || [], unused: found.unused || [] };
    },
    check(message) {
      return { status: "failed", error: error(message), tests: [], mutants: [] };
    },
  };
  const STOPPED = {
    render: (seconds) =>
      `The render ran for more than ${seconds} s and was stopped: is there a loop that never ends, ` +
      "or one that does far too much? The playground restarted.",
    check: (seconds) =>
      `The check ran for more than ${seconds} s and was stopped: is there a loop that never ends, ` +
      "in the template or in the test? Python restarted.",
  };

  function showcaseRuntime(element, { onProgress = () => {}, onStatus = () => {} } = {}) {
    const SECONDS = Number(element.dataset.seconds);
    const runtime = {
      worker: null,
      ready: null, // a promise: true once started, or the message saying why it could not
      queue: [], // jobs waiting: {type, request, resolve}
      running: null, // the job the worker has: {id, type, request, resolve, diagnostics, timer}
      nextId: 1,

      start() {
        const worker = new Worker(element.dataset.worker, { type: "module" });
        this.worker = worker;
        this.ready = new Promise((resolve) => {
          worker.onmessage = (event) => {
            const message = event.data;
            if (message.type === "progress") {
              onProgress(message.loaded, message.total);
            } else if (message.type === "ready") {
              resolve(true);
            } else if (message.type === "failed") {
              resolve(`Python could not start: ${message.message}`);
            } else {
              this.answer(message);
            }
          };
          worker.onerror = (event) => {
            event.preventDefault();
            resolve(`Python could not start: ${event.message || "its worker failed"}.`);
          };
        });
        // As absolute URLs: the worker would read relative ones against its own.
        const absolute = (url) => (url ? new URL(url, document.baseURI).href : null);
        worker.postMessage({
          type: "start",
          pyodide: absolute(element.dataset.pyodide),
          site: absolute(element.dataset.site),
          examples: absolute(element.dataset.examples),
          checks: absolute(element.dataset.checks),
        });
        this.ready.then(() => this.next());
      },

      ask(type, request) {
        return new Promise((resolve) => {
          this.queue.push({ type, request, resolve });
          this.next();
        });
      },

      async next() {
        if (this.running || this.queue.length === 0) {
          return;
        }
        const job = this.queue.shift();
        this.running = job;
        const started = await this.ready;
        if (started !== true) {
          this.running = null;
          job.resolve(ANSWERS[job.type](started));
          this.next();
          return;
        }
        job.id = this.nextId;
        this.nextId += 1;
        job.timer = window.setTimeout(() => this.stop(job), SECONDS * 1000);
        this.worker.postMessage({ type: job.type, id: job.id, request: job.request });
      },

      answer(message) {
        const job = this.running;
        if (!job || message.id !== job.id) {
          return;
        }
        if (message.type === "loading") {
          // Downloading and importing (an example's app.py, pytest) is not the job: the clock waits.
          window.clearTimeout(job.timer);
          onStatus(`Loading ${message.what}…`);
          return;
        }
        if (message.type === "loaded") {
          job.timer = window.setTimeout(() => this.stop(job), SECONDS * 1000);
          return;
        }
        if (message.type === "diagnostics") {
          job.diagnostics = message.value;
          return;
        }
        window.clearTimeout(job.timer);
        this.running = null;
        job.resolve(message.value);
        this.next();
      },

      // A job past its time: end the worker, answer with the reason (and what a render's
      // diagnostics found before it ran), and start a new worker at once.
      stop(job) {
        this.worker.terminate();
        this.running = null;
        job.resolve(ANSWERS[job.type](STOPPED[job.type](SECONDS), job.diagnostics));
        onStatus("Restarting Python…");
        this.start();
      },
    };
    runtime.start();
    return {
      get ready() {
        return runtime.ready;
      },
      render: (request) => runtime.ask("render", request),
      check: (request) => runtime.ask("check", request),
    };
  }

  // The progress bar and status line that every page of the runtime has.
  showcaseRuntime.progress = function (progress, status) {
    return (loaded, total) => {
      progress.hidden = false;
      if (total > 0) {
        progress.max = total;
        progress.value = Math.min(loaded, total);
      }
      const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
      status.textContent = `Loading Python and Jinja: ${megabytes(loaded)} of ${megabytes(total)} MB…`;
    };
  };

  window.showcaseRuntime = showcaseRuntime;
})();
