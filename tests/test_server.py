"""python app.py: where it listens, and that it really serves."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from processes import fetch, stop
from showcase.server import RANDOM_PORTS, ServerOptions, free_port, server_options

PROJECT = Path(__file__).resolve().parent.parent


def test_by_default_it_listens_on_loopback_on_a_free_random_port():
    environ = {}
    options = server_options([], environ)
    assert options.host == "127.0.0.1"
    assert options.port in RANDOM_PORTS
    assert options.debug is False
    assert environ["PORT"] == str(options.port)  # --debug's restarted process finds the same port


def test_the_port_comes_from_the_flag_then_the_environment():
    assert server_options(["--port", "5001"], {}).port == 5001
    assert server_options([], {"PORT": "5002"}).port == 5002
    assert server_options(["--port", "5001"], {"PORT": "5002"}).port == 5001


def test_the_host_comes_from_the_flag_then_the_environment():
    assert server_options(["--host", "0.0.0.0", "--port", "5000"], {}).host == "0.0.0.0"
    assert server_options(["--port", "5000"], {"HOST": "0.0.0.0"}).host == "0.0.0.0"


@pytest.mark.parametrize(
    ("argv", "environ"), [(["--port", "abc"], {}), ([], {"PORT": "70000"}), (["--port", "0"], {})]
)
def test_a_bad_port_stops_with_what_is_allowed(capsys, argv, environ):
    with pytest.raises(SystemExit) as stopped:
        server_options(argv, environ)
    assert stopped.value.code == 2
    assert "must be a whole number from 1 to 65535" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "environ"), [(["--host", "0.0.0.0"], {}), ([], {"HOST": "192.0.2.7"})])
def test_the_debugger_is_refused_on_a_host_others_can_reach(capsys, argv, environ):
    with pytest.raises(SystemExit) as stopped:
        server_options([*argv, "--debug", "--port", "5000"], environ)
    assert stopped.value.code == 2
    assert "--debug is refused" in capsys.readouterr().err


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_the_debugger_is_allowed_on_loopback(host):
    assert server_options(["--host", host, "--debug", "--port", "5000"], {}).debug is True


def test_a_busy_port_is_skipped():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        with pytest.raises(OSError, match="no free port"):
            free_port("127.0.0.1", ports=[taken])
        assert free_port("127.0.0.1", ports=[taken, free_port("127.0.0.1")]) != taken


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:5000/"),
        ("0.0.0.0", "http://127.0.0.1:5000/"),
        ("::1", "http://[::1]:5000/"),
    ],
)
def test_the_url_to_open(host, url):
    assert ServerOptions(host, 5000, debug=False).url == url


# --- Really serving ------------------------------------------------------------


def serve(*command):
    """Start the server as a user would, in the project folder, reading what it prints."""
    environ = {key: value for key, value in os.environ.items() if key not in ("PORT", "HOST")}
    return subprocess.Popen(
        command, cwd=PROJECT, env=environ, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )


def test_python_app_py_serves_on_the_port_it_is_given():
    port = free_port("127.0.0.1")
    process = serve(sys.executable, "app.py", "--port", str(port))
    try:
        assert fetch(f"http://127.0.0.1:{port}/hello") == "I love CS253!"
        assert process.stdout.readline() == f" * Open http://127.0.0.1:{port}/ in your browser\n"
    finally:
        stop(process)


def test_python_app_py_on_a_port_in_use_says_only_that_and_what_to_do():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        # Without SECRET_KEY, as a student first runs it: the warning about it waits for a server.
        environ = {
            key: value for key, value in os.environ.items() if key not in ("PORT", "HOST", "SECRET_KEY")
        }
        finished = subprocess.run(
            [sys.executable, "app.py", "--port", str(taken)],
            cwd=PROJECT, env=environ, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert finished.returncode == 2
    assert finished.stdout == ""  # no "Open http://...": nothing is there to open
    assert finished.stderr.splitlines() == [
        f"python app.py: error: port {taken} on 127.0.0.1 is in use (another server, or this one "
        "started twice): choose another with --port, or leave --port and PORT out for a free one"
    ]  # only that: no usage, no SECRET_KEY warning before it


def test_python_app_py_picks_a_random_port_and_says_which():
    process = serve(sys.executable, "app.py")
    try:
        line = process.stdout.readline()
        assert line.startswith(" * Open http://127.0.0.1:")
        port = int(line.split(":")[2].split("/")[0])
        assert port in RANDOM_PORTS
        assert "The number is" in fetch(f"http://127.0.0.1:{port}/")
    finally:
        stop(process)


def test_flask_run_serves_the_app_too():
    port = free_port("127.0.0.1")
    process = serve(sys.executable, "-m", "flask", "--app", "app", "run", "--port", str(port))
    try:
        assert fetch(f"http://127.0.0.1:{port}/hello") == "I love CS253!"
    finally:
        stop(process)
