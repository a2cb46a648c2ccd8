"""Start a server the way a user does, talk to it over HTTP, and stop it: for tests of serving."""

import subprocess
import time
import urllib.request


def fetch(url, timeout=15.0):
    """GET url, retrying while the server starts; return the body."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def stop(process):
    """Stop the server we started, and close the pipe we read from."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.stdout.close()
