"""How long a playground render takes, end to end over HTTP, next to a hello world.

Run it from the project's folder:

    python benchmarks/playground_latency.py            # starts `python app.py` on a free port
    python benchmarks/playground_latency.py --url http://127.0.0.1:5000   # or measure a running server

It sends requests one after another (latency, not throughput) on one kept-alive
connection, first a few to warm up, then ``--requests`` of each:

- ``GET /hello``: the lab's string, the floor of what a request costs here;
- ``POST /api/render``: the playground's example template and context, as JSON;
- ``POST /playground``: the same through the form, answered with the whole page
  (its output highlighted by Pygments).

and prints the median, 95th percentile and worst time of each, in milliseconds.
Absolute figures depend on the machine and on what else runs on it (the load
average is printed too); the ratios to hello world are steadier.
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from showcase.playground import EXAMPLE_CONTEXT, EXAMPLE_TEMPLATE  # noqa: E402  after the path is set
from showcase.server import free_port  # noqa: E402


def requests_to_time() -> dict[str, tuple[str, str, bytes, dict[str, str]]]:
    """Each request measured: name -> (method, path, body, headers)."""
    api_body = {
        "template": EXAMPLE_TEMPLATE,
        "context": json.loads(EXAMPLE_CONTEXT),
        "trim_blocks": False,
        "lstrip_blocks": False,
    }
    form_body = {"template": EXAMPLE_TEMPLATE, "context": EXAMPLE_CONTEXT}
    return {
        "GET /hello (hello world)": ("GET", "/hello", b"", {}),
        "POST /api/render (JSON)": (
            "POST",
            "/api/render",
            json.dumps(api_body).encode(),
            {"Content-Type": "application/json"},
        ),
        "POST /playground (whole page)": (
            "POST",
            "/playground",
            urlencode(form_body).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        ),
    }


def timed(
    connection: http.client.HTTPConnection, method: str, path: str, body: bytes, headers: dict
) -> float:
    """Send one request and read the whole answer; seconds from sending to the last byte."""
    started = time.perf_counter()
    connection.request(method, path, body=body or None, headers=headers)
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise SystemExit(f"{method} {path} answered {response.status}: is this the playground's branch?")
    return elapsed


def measure(url: str, count: int, warm_up: int) -> dict[str, list[float]]:
    address = urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    times: dict[str, list[float]] = {}
    try:
        for name, (method, path, body, headers) in requests_to_time().items():
            for _ in range(warm_up):
                timed(connection, method, path, body, headers)
            times[name] = [timed(connection, method, path, body, headers) for _ in range(count)]
    finally:
        connection.close()
    return times


def start_server() -> tuple[subprocess.Popen, str]:
    """``python app.py`` on a free port of 127.0.0.1, once it answers."""
    port = free_port("127.0.0.1")
    server = subprocess.Popen(
        [sys.executable, "app.py", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/hello")
            connection.getresponse().read()
            connection.close()
            return server, url
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start within 10 s")


def report(times: dict[str, list[float]]) -> None:
    floor = statistics.median(next(iter(times.values())))
    print(f"{'request':<32}{'median':>9}{'p95':>9}{'worst':>9}{'median / hello':>16}")
    for name, seconds in times.items():
        ordered = sorted(seconds)
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
        median = statistics.median(ordered)
        print(
            f"{name:<32}{median * 1000:>7.1f}ms{p95 * 1000:>7.1f}ms{ordered[-1] * 1000:>7.1f}ms"
            f"{median / floor:>15.1f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server to measure (default: start python app.py)")
    parser.add_argument("--requests", type=int, default=200, help="requests of each kind (default 200)")
    parser.add_argument("--warm-up", type=int, default=20, help="requests of each kind first, not counted")
    args = parser.parse_args()
    server, url = (None, args.url) if args.url else start_server()
    try:
        times = measure(url, args.requests, args.warm_up)
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    print(f"{url}: {args.requests} requests of each, one at a time")
    print(f"load average {load} on {os.cpu_count()} cores")
    report(times)


if __name__ == "__main__":
    main()
