"""Serving for real: gunicorn and waitress serve the app, and SECRET_KEY makes sessions portable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from processes import fetch, stop
from showcase.server import free_port

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run_python(code, secret=None):
    """Run Python code that imports the app in a fresh process, with or without SECRET_KEY."""
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    if secret:
        env["SECRET_KEY"] = secret
    return subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=60
    )


def serve(command, secret="test-key"):
    env = {**os.environ, "SECRET_KEY": secret}
    return subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


@pytest.mark.skipif(sys.platform == "win32", reason="gunicorn runs on Linux and macOS")
def test_gunicorn_serves_the_site_with_two_workers():
    port = free_port("127.0.0.1")
    process = serve(
        [str(BIN / "gunicorn"), "--workers", "2", "--threads", "2", "--bind", f"127.0.0.1:{port}", "app:app"]
    )
    try:
        assert fetch(f"http://127.0.0.1:{port}/hello") == "I love CS253!"
        assert "<h1>Lists</h1>" in fetch(f"http://127.0.0.1:{port}/examples/lists")
    finally:
        stop(process)


def test_waitress_serves_the_site():
    port = free_port("127.0.0.1")
    process = serve([str(BIN / "waitress-serve"), f"--listen=127.0.0.1:{port}", "app:app"])
    try:
        assert fetch(f"http://127.0.0.1:{port}/hello") == "I love CS253!"
    finally:
        stop(process)


SERIALIZER = "from app import app; serializer = app.session_interface.get_signing_serializer(app)"


def signed_session(secret=None):
    """A session cookie's value, signed by a fresh process of the app."""
    return run_python(f"{SERIALIZER}; print(serializer.dumps({{'visits': 3}}))", secret)


def read_session(cookie, secret=None):
    """What another fresh process of the app reads from that cookie."""
    return run_python(f"{SERIALIZER}; print(serializer.loads({cookie!r}))", secret)


def test_a_session_signed_by_one_process_is_read_by_another_with_the_same_key():
    cookie = signed_session(secret="shared-key").stdout.strip()
    assert read_session(cookie, secret="shared-key").stdout.strip() == "{'visits': 3}"


def test_without_secret_key_each_process_has_its_own_and_says_so():
    signed = signed_session()
    assert "SECRET_KEY is not set" in signed.stderr
    assert "BadSignature" in read_session(signed.stdout.strip()).stderr


def test_with_secret_key_start_up_is_quiet():
    assert run_python("import app", secret="shared-key").stderr == ""
