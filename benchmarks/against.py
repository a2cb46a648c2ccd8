"""Measure this checkout against another commit of the project, side by side, in one run.

    python benchmarks/against.py COMMIT              # about 4 minutes with wrk, 2 without
    python benchmarks/against.py COMMIT --rounds 20  # fewer requests a page in process

The other commit is checked out into a temporary git worktree (removed at the end). The two
trees are then measured in turns, so that the machine's noise falls on both alike:

1. in process, three turns of each tree (``pages.py``): every example page, its bare demo
   and hello world; and the bytes of every example page;
2. under gunicorn with wrk (when ``wrk`` is installed): hello world and a sample of example
   pages, for each tree in turn, two turns.

Every speed is a ratio against a reference measured in the same process or server (hello
world, or the page's bare demo), so the trees compare even on a noisy machine. It prints a
table and writes benchmarks/against.md.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from run import Gunicorn, wrk

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "benchmarks" / "against.md"
PAGES = PROJECT / "benchmarks" / "pages.py"
SAMPLE = ("lists", "dicts", "tables", "macros", "inheritance", "forms", "string_filters", "loop_helpers")


def in_process(tree, rounds):
    """One turn of pages.py for ``tree``: its rows, by URL."""
    environment = {**os.environ, "SECRET_KEY": "benchmark-key"}
    run = subprocess.run(
        [sys.executable, PAGES, str(tree), str(rounds)],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    return {row["url"]: row for row in json.loads(run.stdout)}


def under_load(tree, seconds):
    """Requests per second of hello world and of each sampled page, and each page's ratio."""
    with Gunicorn(tree) as server:
        wrk(f"{server.base}/hello", 2)  # warm up both workers
        ratios = {}
        for name in SAMPLE:
            url = f"{server.base}/examples/{name}"
            wrk(url, 1)
            page, hello = wrk(url, seconds)["rps"], wrk(f"{server.base}/hello", seconds)["rps"]
            ratios[name] = page / hello
        return ratios


def summary(turns):
    """Medians over the turns, then over the pages."""
    urls = list(turns[0])
    per_page = {
        url: {
            key: statistics.median(turn[url][key] for turn in turns) for key in turns[0][url] if key != "url"
        }
        for url in urls
    }
    return {
        "pages": len(urls),
        "bytes": statistics.median(p["bytes"] for p in per_page.values()),
        "overhead": statistics.median(p["overhead"] for p in per_page.values()),
        "page_over_hello": statistics.median(p["page_ms"] / p["hello_ms"] for p in per_page.values()),
        "page_ms": statistics.median(p["page_ms"] for p in per_page.values()),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("commit", help="the commit to measure against, such as HEAD~10 or a hash")
    parser.add_argument("--rounds", type=int, default=50, help="requests a page, each turn (default 50)")
    parser.add_argument("--seconds", type=int, default=2, help="seconds of wrk a page, each turn (default 2)")
    args = parser.parse_args()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", args.commit], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout.strip()
    folder = Path(tempfile.mkdtemp(prefix="showcase-against-"))
    other = folder / commit
    subprocess.run(
        ["git", "worktree", "add", "--detach", "--quiet", str(other), commit], cwd=PROJECT, check=True
    )
    try:
        trees = {"before": other, "now": PROJECT}
        turns = {name: [] for name in trees}
        for turn in range(3):
            for name, tree in trees.items():
                print(f"In process, turn {turn + 1} of 3: {name}...", flush=True)
                turns[name].append(in_process(tree, args.rounds))
        results = {name: summary(turns[name]) for name in trees}
        if shutil.which("wrk"):
            loads = {name: [] for name in trees}
            for turn in range(2):
                for name, tree in trees.items():
                    print(f"Under load, turn {turn + 1} of 2: {name}...", flush=True)
                    loads[name].append(under_load(tree, args.seconds))
            for name in trees:
                ratios = [statistics.median(turn[page] for turn in loads[name]) for page in SAMPLE]
                results[name]["rps_over_hello"] = statistics.median(ratios)
        else:
            print("wrk not found (apt-get install wrk): skipping the figures under load", flush=True)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=PROJECT, check=False)
        shutil.rmtree(folder, ignore_errors=True)
    text = report(commit, results)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


def report(commit, results):
    before, now = results["before"], results["now"]
    rows = [
        ("median example page, bytes", "bytes", "{:,.0f}"),
        ("gallery overhead: page over its bare demo, median", "overhead", "{:+.0%}"),
        ("page time over hello world's, median", "page_over_hello", "{:.2f}"),
    ]
    if "rps_over_hello" in now:
        rows.append(
            ("requests per second over hello world's, median of the sample", "rps_over_hello", "{:.2f}")
        )
    lines = [
        "# This checkout against another commit",
        "",
        f"Measured {datetime.date.today().isoformat()} with `python benchmarks/against.py {commit}` on "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}: "
        f"{before['pages']} example pages before, {now['pages']} now, measured in turns.",
        "",
        f"| figure | {commit} | now | now / {commit} |",
        "|---|---:|---:|---:|",
    ]
    for label, key, shape in rows:
        ratio = now[key] / before[key] if before[key] else float("nan")
        lines.append(f"| {label} | {shape.format(before[key])} | {shape.format(now[key])} | {ratio:.2f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
