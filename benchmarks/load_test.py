"""Load test: every page and the playground under gunicorn at 64 connections, then a storm of runaway renders.

Run it from the project's folder (it needs wrk: apt-get install wrk):

    python benchmarks/load_test.py                 # 60 s of mixed load, then 30 s with the storm
    python benchmarks/load_test.py --seconds 10 --storm-seconds 10   # a quick look

It starts gunicorn on 127.0.0.1 (2 workers of 4 threads, as the README
suggests) and stops it at the end; nothing listens beyond this machine.

1. Mixed load: wrk sends ``--seconds`` of requests on 64 connections, cycling
   through every page the site serves (each example in each data variant, the
   error pages' own URLs excluded) and the playground: ordinary renders through
   ``POST /api/render`` and the ``POST /playground`` form. Every answer must be
   a 2xx: no socket error, no timeout, no 4xx, no 5xx.
2. Storm: the same pages on 64 connections for ``--storm-seconds``, while
   twelve threads send the playground templates that never end or blow up
   (endless loops, exponential macros, huge strings), one after another. The
   pages must still all answer 2xx; each runaway render must be answered
   within its wall-clock limit plus 10 s (``SLACK_SECONDS``: its waits for a
   sandbox worker and a server thread), with the sandbox's clear error
   (stopped, or busy with ``Retry-After``), never a 500 and never a hang.

It prints the figures and exits 1 when any check fails. Everything has a
deadline: wrk runs for a fixed time, every request of the storm times out.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from run import Gunicorn  # benchmarks/run.py: gunicorn on a free loopback port

import app as site  # run.py has put the project's folder on the path
from showcase.playground import EXAMPLE_CONTEXT, EXAMPLE_TEMPLATE
from showcase.sandbox import Limits

CONNECTIONS = 64
STORM_THREADS = 12
# A runaway render is answered within its wall-clock limit plus this: its wait for a free
# sandbox worker (up to 2 s), then for a free server thread, which the storm itself keeps
# busy (twelve storm threads, and 64 connections, share the server's eight).
SLACK_SECONDS = 10

# Templates that would run for ever, or fill the memory, without the sandbox.
RUNAWAYS = [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
    '{{ ("x" * 200000)|replace("x", "y" * 2000)|length }}',
    "{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}",
]
STOPPED = (
    "The render took longer than",
    "The render used more than",
    "The render needed more than",
    "The output is larger than",
    "The playground is busy",
)


def page_urls():
    """Every page a visitor can GET: each route without arguments, each example in each variant."""
    urls = [
        rule.rule
        for rule in site.app.url_map.iter_rules()
        if "GET" in rule.methods and not rule.arguments and rule.endpoint not in ("static",)
    ]
    for example in site.gallery.examples:
        urls += [f"/examples/{example.endpoint}?variant={variant}" for variant in example.variants[1:]]
    return urls


def render_job(template, context):
    """What POST /api/render takes: a template, its context, and Jinja's two whitespace options."""
    return {"template": template, "context": context, "trim_blocks": False, "lstrip_blocks": False}


def lua_string(text):
    """A Lua string literal for ``text``: long brackets need no escaping."""
    level = "=" * 8
    assert f"]{level}]" not in text
    return f"[{level}[{text}]{level}]"


def wrk_script(urls, playground):
    """A wrk Lua script that cycles through ``urls`` (and the playground's POSTs) and counts statuses."""
    requests = [f'wrk.format("GET", {lua_string(url)})' for url in urls]
    if playground:
        api = json.dumps(render_job(EXAMPLE_TEMPLATE, json.loads(EXAMPLE_CONTEXT)), ensure_ascii=False)
        form = urlencode({"template": EXAMPLE_TEMPLATE, "context": EXAMPLE_CONTEXT})
        json_headers = '{["Content-Type"] = "application/json"}'
        form_headers = '{["Content-Type"] = "application/x-www-form-urlencoded"}'
        # One playground request for every eight pages.
        for _ in range(max(1, len(urls) // 16)):
            requests.append(f'wrk.format("POST", "/api/render", {json_headers}, {lua_string(api)})')
            requests.append(f'wrk.format("POST", "/playground", {form_headers}, {lua_string(form)})')
    listed = ",\n  ".join(requests)
    return f"""
local requests = {{
  {listed}
}}
local threads = {{}}
local counter = 0
statuses = {{}}

function setup(thread)
  thread:set("offset", #threads * 7)
  table.insert(threads, thread)
end

function init(args)
  counter = offset or 0
end

function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {{}}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      merged[status] = (merged[status] or 0) + count
    end
  end
  local parts = {{}}
  for status, count in pairs(merged) do
    table.insert(parts, string.format('"%d": %d', status, count))
  end
  local e = summary.errors
  io.write(string.format(
    'RESULT {{"requests": %d, "seconds": %.3f, "statuses": {{%s}}, ' ..
    '"errors": {{"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}, ' ..
    '"latency_ms": {{"50": %.2f, "90": %.2f, "99": %.2f, "max": %.2f}}}}\\n',
    summary.requests, summary.duration / 1e6, table.concat(parts, ", "),
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def run_wrk(base, script, seconds):
    """Run wrk with ``script`` for ``seconds`` on CONNECTIONS connections; its RESULT line, parsed."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(script)
    try:
        command = [
            "wrk",
            *("-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s"),
            *("-s", file.name, base),
        ]
        output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout
    finally:
        Path(file.name).unlink()
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    result["statuses"] = {int(status): count for status, count in result["statuses"].items()}
    return result


def storm(base, stop, answers):
    """Send runaway renders one after another until ``stop`` is set; record each answer and its time."""
    index = 0
    while not stop.is_set():
        template = RUNAWAYS[index % len(RUNAWAYS)]
        index += 1
        body = json.dumps(render_job(template, {})).encode()
        request = urllib.request.Request(
            f"{base}/api/render", body, {"Content-Type": "application/json"}, method="POST"
        )
        began = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            with error:
                status, text = error.code, error.read().decode()
        except OSError as error:  # no answer at all
            status, text = None, json.dumps({"error": {"message": f"no answer: {error}"}})
        answers.append((status, json.loads(text), time.monotonic() - began))


def check_mixed(result):
    problems = []
    if sum(result["errors"].values()):
        problems.append(f"socket errors or timeouts: {result['errors']}")
    bad = {status: count for status, count in result["statuses"].items() if not 200 <= status < 300}
    if bad:
        problems.append(f"answers other than 2xx: {bad}")
    return problems


def check_storm(answers, wall_seconds):
    problems = []
    for status, answer, seconds in answers:
        message = (answer.get("error") or {}).get("message", "")
        if status not in (200, 503) or not message.startswith(STOPPED):
            problems.append(f"a runaway render was answered {status}: {message!r}")
        if seconds > wall_seconds + SLACK_SECONDS:
            problems.append(f"a runaway render took {seconds:.1f} s to be answered")
    return problems


def describe(name, result):
    statuses = ", ".join(f"{status}: {count}" for status, count in sorted(result["statuses"].items()))
    latency = result["latency_ms"]
    return (
        f"{name}: {result['requests']:,} requests in {result['seconds']:.1f} s "
        f"({result['requests'] / result['seconds']:.0f}/s) on {CONNECTIONS} connections; "
        f"statuses {{{statuses}}}; socket errors {sum(result['errors'].values())}; "
        f"latency p50 {latency['50']:.1f} ms, p90 {latency['90']:.1f} ms, "
        f"p99 {latency['99']:.1f} ms, max {latency['max']:.0f} ms"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="mixed load, seconds (default 60)")
    parser.add_argument("--storm-seconds", type=int, default=30, help="storm, seconds (default 30)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk not found: apt-get install wrk", file=sys.stderr)
        return 2
    urls = page_urls()
    wall = Limits().wall_seconds
    with Gunicorn() as server:
        for url in urls:  # each worker fills its caches on its first requests; this starts them
            urllib.request.urlopen(server.base + url, timeout=30).read()
        print(f"Mixed load: {len(urls)} pages and the playground, {args.seconds} s...", flush=True)
        mixed = run_wrk(server.base, wrk_script(urls, playground=True), args.seconds)
        print(describe("  mixed", mixed), flush=True)

        print(f"Storm: the pages for {args.storm_seconds} s, {STORM_THREADS} threads of runaway renders...")
        stop, answers = threading.Event(), []
        threads = [
            threading.Thread(target=storm, args=(server.base, stop, answers)) for _ in range(STORM_THREADS)
        ]
        for thread in threads:
            thread.start()
        try:
            pages = run_wrk(server.base, wrk_script(urls, playground=False), args.storm_seconds)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=60)
        print(describe("  pages during the storm", pages))
        stopped = sum(1 for status, _, _ in answers if status == 200)
        busy = sum(1 for status, _, _ in answers if status == 503)
        slowest = max((seconds for *_, seconds in answers), default=0)
        print(
            f"  runaway renders: {len(answers)} sent; {stopped} run and stopped, {busy} refused as busy; "
            f"median answer {statistics.median(s for *_, s in answers):.2f} s, slowest {slowest:.2f} s"
            if answers
            else "  runaway renders: none answered"
        )

    problems = [
        *(f"mixed load: {p}" for p in check_mixed(mixed)),
        *(f"pages during the storm: {p}" for p in check_mixed(pages)),
        *(f"storm: {p}" for p in check_storm(answers, wall)),
    ]
    if not answers:
        problems.append("storm: no runaway render was answered")
    print("\nPASS: zero errors, zero non-2xx; every runaway render stopped in time" if not problems else "")
    for problem in problems[:20]:
        print(f"FAIL: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
