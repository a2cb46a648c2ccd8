"""How fast the playground starts and renders in the browser, each against its floor, in one run.

Run it from the project's folder (it needs Chromium, as the browser checks do):

    python benchmarks/playground_latency.py
    python benchmarks/playground_latency.py --starts 5 --renders 300

It serves the app on a free port and drives Debian's Chromium:

- cold start: a fresh browser profile opens ``/playground`` until the example's output is
  on the page, against a bare page on the same server that only boots Pyodide in a worker
  (``loadPyodide``, nothing else): the floor of any page that runs Python. And the
  playground once more with its zip's bytecode taken out (showcase/bytecode.py), so that the
  modules are compiled in the browser: what the bytecode saves, side by side. The three
  alternate, ``--starts`` times each; the medians and their ratios are printed.
- warm render: ``window.playground.render()`` of the page's own example, ``--renders``
  times one after another, timed in the page (``performance.now()``): median and 95th
  percentile, in milliseconds. Twice: the same template each time (a context edited, an
  option ticked: the renderer keeps the template as compiled), and a new one each time
  (a comment with a number added, as when typing: parsed, analysed and compiled anew),
  which is the renderer without its cache, side by side.

Absolute figures depend on the machine and on what else runs on it; the ratio of the cold
start to the bare boot is steadier.
"""

import argparse
import io
import json
import logging
import os
import statistics
import sys
import threading
import time
import zipfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "benchmark")
PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests" / "quality")]

from playwright.sync_api import sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from app import app  # noqa: E402
from external_tools import CHROMIUM_ARGS, chromium  # noqa: E402
from showcase.playground import EXAMPLE_CONTEXT, EXAMPLE_TEMPLATE, PYODIDE_VERSION  # noqa: E402
from showcase.security import RUNTIME_CONTENT_SECURITY_POLICY  # noqa: E402

PYODIDE = f"/playground/runtime/pyodide/{PYODIDE_VERSION}/pyodide.mjs"
BARE_PAGE = '<!DOCTYPE html><html lang="en"><title>Bare</title><script src="/bare.js"></script></html>'
BARE_SCRIPT = """
const worker = new Worker("/bare-worker.js", {type: "module"});
window.booted = new Promise((resolve) => { worker.onmessage = () => resolve(true); });
"""
BARE_WORKER = f"""
import {{ loadPyodide }} from "{PYODIDE}";
await loadPyodide({{ indexURL: new URL(".", new URL("{PYODIDE}", self.location.href)).href }});
self.postMessage("ready");
"""
WARM = """async ([request, times, fresh]) => {
  const seconds = [];
  for (let i = 0; i < times; i += 1) {
    const asked = fresh ? { ...request, template: `${request.template}{# ${i} #}` } : request;
    const started = performance.now();
    const answer = await window.playground.render(asked);
    seconds.push(performance.now() - started);
    if (answer.error) throw new Error(answer.error.message);
  }
  return seconds;
}"""


def bare(route):
    """The bare page and its worker, served by the benchmark on the app's own origin."""
    name = route.request.url.rsplit("/", 1)[1]
    body, kind = {
        "bare.html": (BARE_PAGE, "text/html"),
        "bare.js": (BARE_SCRIPT, "text/javascript"),
        "bare-worker.js": (BARE_WORKER, "text/javascript"),
    }[name]
    route.fulfill(
        body=body, content_type=kind, headers={"Content-Security-Policy": RUNTIME_CONTENT_SECURITY_POLICY}
    )


def without_bytecode(route, served):
    """The worker's zip without the bytecode showcase/bytecode.py adds: every module is then
    compiled in the browser, as before it. ``served`` counts the zips so changed."""
    response = route.fetch()
    stripped = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(response.body())) as archive, zipfile.ZipFile(stripped, "w") as out:
        for info in archive.infolist():
            if not info.filename.endswith(".pyc"):
                out.writestr(info, archive.read(info))
    served.append(route.request.url)
    route.fulfill(response=response, body=stripped.getvalue())


def cold_start(browser, url, kind):
    """Seconds from opening a page in a fresh profile to its first output (or, bare, to Python
    booted). ``kind``: "bare", "playground", or "no bytecode" (the playground, its zip without)."""
    context = browser.new_context()
    context.route("**/bare*", bare)
    served = []
    if kind == "no bytecode":
        context.route("**/playground/runtime/site-*.zip", lambda route: without_bytecode(route, served))
    page = context.new_page()
    started = time.perf_counter()
    if kind == "bare":
        page.goto(f"{url}/bare.html")
        page.evaluate("() => window.booted")
    else:
        page.goto(f"{url}/playground")
        page.locator('[data-status][data-state="rendered"]').wait_for(timeout=120_000)
    seconds = time.perf_counter() - started
    context.close()
    assert len(served) == (kind == "no bytecode"), served
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--starts", type=int, default=3, help="cold starts of each page (default 3)")
    parser.add_argument("--renders", type=int, default=200, help="warm renders (default 200)")
    options = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # not a line per request
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium(playwright.chromium.executable_path), args=CHROMIUM_ARGS
        )
        starts = {"bare": [], "playground": [], "no bytecode": []}
        for _ in range(options.starts):
            for kind, times in starts.items():
                times.append(cold_start(browser, url, kind))
        page = browser.new_page()
        page.goto(f"{url}/playground")
        page.evaluate("() => window.playground.ready")
        request = {
            "template": EXAMPLE_TEMPLATE,
            "context": json.loads(EXAMPLE_CONTEXT),
            "trim_blocks": False,
            "lstrip_blocks": False,
        }
        page.evaluate(WARM, [request, 20, False])  # warm up
        warm = sorted(page.evaluate(WARM, [request, options.renders, False]))
        fresh = sorted(page.evaluate(WARM, [request, options.renders, True]))
        browser.close()
    server.shutdown()
    bare_s, playground_s, compiling_s = (statistics.median(times) for times in starts.values())
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"cold start, bare Pyodide boot: median {bare_s:.2f} s of {[round(s, 2) for s in starts['bare']]}")
    print(
        f"cold start, playground to first output: median {playground_s:.2f} s "
        f"({playground_s / bare_s:.2f}x the bare boot)"
    )
    print(
        f"cold start, the same without its bytecode (showcase/bytecode.py): median {compiling_s:.2f} s "
        f"({compiling_s / bare_s:.2f}x the bare boot)"
    )
    for label, times in (("the same template", warm), ("a new template each time", fresh)):
        p95 = times[int(0.95 * (len(times) - 1))]
        print(
            f"warm render of the example, {label} ({len(times)}): "
            f"p50 {statistics.median(times):.2f} ms, p95 {p95:.2f} ms"
        )


if __name__ == "__main__":
    main()
