"""Measure the showcase's speed, each figure as a ratio against a reference measured in the same run.

    python benchmarks/run.py            # everything (about 10 minutes)
    python benchmarks/run.py --quick    # fewer repetitions, a few pages under load (under a minute)

Machines here are shared and noisy, so absolute times mean little; the ratios
are what the targets are about:

1. In-process, per page: the time of a request against a Flask "hello world"
   route (the floor: Flask itself), and against the same request with the
   page's demo rendered bare, without the gallery's layout and panels (so the
   gallery's own cost shows). Target: the gallery adds at most 15%.
2. Under gunicorn (2 workers, 4 threads each) with wrk: requests per second and
   latency percentiles, against hello world. Targets: every page at least half,
   the median page at least 70%, of hello world's requests per second.
3. Start-up: from ``python app.py`` to its first answered request, with no compiled
   templates in Jinja's bytecode cache (the first run), then with them. Target: under 1 s.
4. Memory: resident memory per gunicorn worker, before and after 20,000
   requests. Targets: under 80 MB, and not growing.

It prints a table and the targets, and writes benchmarks/results.md.
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("SECRET_KEY", "benchmark-key")

from pages import Pages  # noqa: E402

import app as site  # noqa: E402  (the module: its app, gallery and render_template)
from showcase.server import free_port  # noqa: E402

RESULTS = PROJECT / "benchmarks" / "results.md"


# --- 1. In process ----------------------------------------------------------------


def example_urls():
    """Every example page in its default data."""
    return Pages(site).urls()


def in_process(rounds):
    """Median per-request time of each page, its bare demo, and hello world (see pages.py)."""
    return Pages(site).measure(rounds)


# --- 2. Under load ------------------------------------------------------------------


def wait_until_up(url, timeout=20.0):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Gunicorn:
    """gunicorn with 2 workers of 4 threads on 127.0.0.1, serving the app in ``tree`` (this one by
    default), stopped on exit."""

    def __init__(self, tree=PROJECT):
        self.port = free_port("127.0.0.1")
        self.base = f"http://127.0.0.1:{self.port}"
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            *("--workers", "2", "--threads", "4", "--worker-class", "gthread"),
            *("--bind", f"127.0.0.1:{self.port}", "--log-level", "warning", "app:app"),
        ]
        environment = {**os.environ, "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-key")}
        self.process = subprocess.Popen(command, cwd=tree, env=environment)

    def __enter__(self):
        wait_until_up(f"{self.base}/hello")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=20)

    def worker_rss_mb(self):
        """Resident memory of each worker process, in MB."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        sizes = []
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
        return sizes


def wrk(url, seconds, connections=16):
    """Requests per second and latency percentiles (ms) for one URL."""
    out = subprocess.run(
        ["wrk", "--latency", "-t2", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    latency = {}
    for percent, value, unit in re.findall(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)$", out, flags=re.MULTILINE):
        latency[percent] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return {"rps": rps, "latency": latency, "non_2xx": int(errors.group(1)) if errors else 0}


def under_load(urls, seconds, rounds=3):
    """Each URL under wrk, in ``rounds`` turns with hello world: page, hello, page, hello...

    The machine's noise moves both, so each ratio is the median page's req/s over
    the median hello's, measured in the same seconds.
    """
    rows = []
    with Gunicorn() as server:
        wrk(f"{server.base}/hello", 2)  # warm up both workers
        for url in urls:
            wrk(f"{server.base}{url}", 1)  # fill the caches of both workers
            pages, hellos = [], []
            for _ in range(rounds):
                pages.append(wrk(f"{server.base}{url}", seconds))
                hellos.append(wrk(f"{server.base}/hello", seconds))
            page = sorted(pages, key=lambda run: run["rps"])[rounds // 2]
            hello = sorted(hellos, key=lambda run: run["rps"])[rounds // 2]
            page["non_2xx"] = sum(run["non_2xx"] for run in pages)
            rows.append({"url": url, "page": page, "hello": hello, "ratio": page["rps"] / hello["rps"]})
    return rows


def memory(requests=20000):
    """Worker memory before and after ``requests`` requests spread over every page."""
    urls = ["/", *example_urls(), "/testing", "/coverage"]
    with Gunicorn() as server:
        for url in urls:
            urllib.request.urlopen(server.base + url).read()
        before = server.worker_rss_mb()
        half = []
        for done in range(requests):
            urllib.request.urlopen(server.base + urls[done % len(urls)]).read()
            if done == requests // 2:
                half = server.worker_rss_mb()
        after = server.worker_rss_mb()
    return {"requests": requests, "before": before, "half": half, "after": after}


# --- 3. Start-up --------------------------------------------------------------------


def start_up(times=3):
    """Seconds from starting python app.py to its first answered request: (the first start,
    which compiles the templates, the median of ``times`` more, which load them compiled)."""
    results = []
    # Jinja's bytecode cache is a folder in the system's temp directory: an empty one here.
    with tempfile.TemporaryDirectory() as temp:
        env = {**os.environ, "TMPDIR": temp, "TEMP": temp, "TMP": temp}
        for _ in range(1 + times):
            port = free_port("127.0.0.1")
            start = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, "app.py", "--port", str(port)],
                cwd=PROJECT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                wait_until_up(f"http://127.0.0.1:{port}/hello")
                results.append(time.perf_counter() - start)
            finally:
                process.terminate()
                process.wait(timeout=10)
    return results[0], statistics.median(results[1:])


# --- Report ---------------------------------------------------------------------------


def report(inproc, load, startup, mem):
    lines = [
        "# Benchmark results",
        "",
        f"Measured {datetime.date.today().isoformat()} with `python benchmarks/run.py` on "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.",
        "",
        "## In process: each page against its bare demo and hello world (median ms per request)",
        "",
        "| page | page | bare demo | hello | gallery overhead |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in inproc:
        times = f"{r['page_ms']:.3f} | {r['bare_ms']:.3f} | {r['hello_ms']:.3f}"
        lines.append(f"| `{r['url']}` | {times} | {r['overhead']:+.0%} |")
    if load:
        lines += [
            "",
            "## Under gunicorn (2 workers x 4 threads) with wrk, 16 connections",
            "",
            "| page | req/s | hello req/s | ratio | p50 ms | p90 ms | p99 ms | non-2xx |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in load:
            p = r["page"]
            lat = p["latency"]
            lines.append(
                f"| `{r['url']}` | {p['rps']:.0f} | {r['hello']['rps']:.0f} | {r['ratio']:.2f} | "
                f"{lat.get('50', 0):.2f} | {lat.get('90', 0):.2f} | {lat.get('99', 0):.2f} | {p['non_2xx']} |"
            )
    cold, warm = startup
    lines += [
        "",
        f"Start-up, `python app.py` to its first answer: {cold:.2f} s the first time, "
        f"{warm:.2f} s with the templates compiled in Jinja's bytecode cache.",
        "",
    ]
    if mem:
        lines.append(
            "Worker memory (MB): before "
            + ", ".join(f"{x:.1f}" for x in mem["before"])
            + f"; after {mem['requests'] // 2:,} requests "
            + ", ".join(f"{x:.1f}" for x in mem["half"])
            + f"; after {mem['requests']:,} "
            + ", ".join(f"{x:.1f}" for x in mem["after"])
            + "."
        )
    targets = check_targets(inproc, load, startup, mem)
    lines += ["", "## Targets", "", *(f"- {'PASS' if ok else 'MISS'}: {text}" for ok, text in targets), ""]
    return "\n".join(lines), targets


def check_targets(inproc, load, startup, mem):
    worst = max(inproc, key=lambda r: r["overhead"])
    cold, warm = startup
    targets = [
        (
            worst["overhead"] <= 0.15,
            f"gallery overhead at most 15% (worst: {worst['url']}, {worst['overhead']:+.0%})",
        ),
        (cold < 1.0, f"start-up under 1 s ({cold:.2f} s the first time, then {warm:.2f} s)"),
    ]
    if load:
        ratios = [r["ratio"] for r in load]
        lowest = min(load, key=lambda r: r["ratio"])
        targets += [
            (
                lowest["ratio"] >= 0.5,
                f"every page at least 50% of hello world's req/s ({lowest['url']}: {lowest['ratio']:.0%})",
            ),
            (
                statistics.median(ratios) >= 0.7,
                f"median page at least 70% of hello world's req/s ({statistics.median(ratios):.0%})",
            ),
            (all(r["page"]["non_2xx"] == 0 for r in load), "no non-2xx answers under load"),
        ]
    if mem:
        biggest = max(mem["after"])
        growth = max(a - h for a, h in zip(mem["after"], mem["half"], strict=True))
        targets += [
            (biggest < 80, f"memory per worker under 80 MB ({biggest:.1f} MB)"),
            (growth < 2, f"memory not growing over the second half of the requests (+{growth:.1f} MB)"),
        ]
    return targets


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds; a few pages under load")
    args = parser.parse_args()
    rounds, seconds = (50, 1) if args.quick else (200, 1)
    print("In process...", flush=True)
    inproc = in_process(rounds)
    load = mem = None
    if shutil.which("wrk"):
        urls = ["/", *example_urls(), "/testing", "/coverage"]
        if args.quick:
            urls = urls[:4]
        print(f"Under load: {len(urls)} pages, 3 turns of {seconds} s with hello world...", flush=True)
        load = under_load(urls, seconds)
        print("Memory over 20,000 requests...", flush=True)
        mem = memory(5000 if args.quick else 20000)
    else:
        print("wrk not found (apt-get install wrk): skipping the load and memory figures", flush=True)
    print("Start-up...", flush=True)
    startup = start_up()
    text, targets = report(inproc, load, startup, mem)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
    return 0 if all(ok for ok, _ in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
