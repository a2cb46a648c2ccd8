"""The playground is safe to put on the internet: injections contained, blow-ups stopped, the server unharmed.

The corpora are data files in tests/playground/: ssti_payloads.txt (with the public
sources they come from) and exhaustion.txt. Most tests here shorten the wall clock to
half a second (the quick_limits fixture, or LIMITS below); one test checks the real limits.
"""

import inspect
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from werkzeug.serving import make_server

from app import app as showcase_app
from html_helpers import get_soup, text
from showcase import playground, renderer, sandbox
from showcase.sandbox import Limits, Sandbox

PROJECT = Path(__file__).resolve().parent.parent
CORPORA = Path(__file__).resolve().parent / "playground"
SITE_TEMPLATES = showcase_app.extensions["playground"].templates
LIMITS = Limits(wall_seconds=0.5)
LOCKED_IN = sys.platform == "linux" and sandbox.HAS_FORK and os.geteuid() == 0
needs_root_on_linux = pytest.mark.skipif(not LOCKED_IN, reason="what root can lock in on Linux")
needs_fork = pytest.mark.skipif(not sandbox.HAS_FORK, reason="the fork backend's limits")

# What must never reach a visitor: Python's insides, a command's output, a file's, a path.
LEAKS = (
    "<class",
    "&lt;class",
    "<module",
    "&lt;module",
    "<function",
    "&lt;function",
    "<built-in",
    "&lt;built-in",
    "bound method",
    " at 0x",
    # Jinja's own objects, whose reprs name no "object"
    "TemplateReference None",
    "LoopContext 1",
    "Macro '",
    "Namespace {",
    "Context {",
    "uid=",
    "root:x:",
    "Traceback",
    'File "',
    "site-packages",
    str(PROJECT),
)


def job(template, context=None):
    return {"template": template, "context": context or {}, "trim_blocks": False, "lstrip_blocks": False}


# --- Server-side template injection: the corpus ------------------------------------------


def ssti_payloads():
    lines = (CORPORA / "ssti_payloads.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("##")]


def test_the_injection_corpus_has_50_payloads_and_names_its_sources():
    header = (CORPORA / "ssti_payloads.txt").read_text(encoding="utf-8")
    assert len(ssti_payloads()) >= 50
    assert len(set(ssti_payloads())) == len(ssti_payloads())
    for source in ("PayloadsAllTheThings", "HackTricks", "PortSwigger", "CVE-2025-27516", "CVE-2024-56326"):
        assert source in header


@pytest.fixture(scope="module")
def canaries(tmp_path_factory):
    """Secrets the payloads must not reach: a file's content, the app's SECRET_KEY, and a
    marker file that no payload may create."""
    folder = tmp_path_factory.mktemp("canaries")
    secret = folder / "secret.txt"
    secret.write_text("canary-file-" + secrets.token_hex(8))
    key = "canary-key-" + secrets.token_hex(8)
    old_key = showcase_app.config.get("SECRET_KEY")
    showcase_app.config["SECRET_KEY"] = key
    yield {"file": secret, "marker": folder / "marker", "secrets": (secret.read_text(), key)}
    showcase_app.config["SECRET_KEY"] = old_key


@pytest.mark.parametrize("payload", ssti_payloads())
def test_an_injection_payload_reads_no_file_runs_nothing_and_shows_no_internals(api, canaries, payload):
    template = payload.replace("CANARY_FILE", str(canaries["file"])).replace(
        "CANARY_MARKER", str(canaries["marker"])
    )
    status, answer = api(template)
    assert status == 200
    shown = (answer["output"] or "") + json.dumps(answer["error"])
    # In any case, and url-encoded too: |upper and |urlencode turn a repr into text of their own.
    shown = (shown + " " + urllib.parse.unquote_plus(shown)).casefold()
    for leak in (*LEAKS, *canaries["secrets"]):
        assert leak.casefold() not in shown
    assert not canaries["marker"].exists()


def test_the_payloads_are_stopped_by_the_sandbox_not_by_chance(api):
    """A guard for the test above: the classic payloads fail for the reason they should."""
    _, answer = api("{{ cycler.__init__.__globals__.os.popen('id').read() }}")
    assert answer["error"]["message"] == (
        "Line 1: not allowed in the sandbox: access to attribute '__init__' of 'type' object is unsafe."
    )
    _, answer = api("{{ config.SECRET_KEY }}")
    assert answer["error"]["message"].startswith("Line 1: 'config' is undefined")
    _, answer = api("{{ range }} {{ 'a'.upper }} {{ cycler(1) }} {{ dict }}")
    assert answer["output"] == "[function] [method] [object] [class]"


MARKED = {
    "{{ self }}": "[object]",
    "{{ self|string }}": "[object]",
    "{% for x in [1] %}{{ loop }} {{ loop.cycle }}{% endfor %}": "[object] [method]",
    "{% macro m() %}{{ caller }} {{ varargs }} {{ kwargs }}{% endmacro %}{% call m(1, a=2) %}{% endcall %}": (
        "[macro] (1,) {&#39;a&#39;: 2}"
    ),
    "{{ namespace(total=1) }} {{ joiner() ~ '' }}": "[object] [object]",
    "{{ [self, 1, 'a', (dict,)] }}": "[[object], 1, &#39;a&#39;, ([class],)]",
    "{{ self.title }}{% block title %}{% endblock %}": "[object]",
}


@pytest.mark.parametrize("template", MARKED)
def test_what_is_not_plain_data_prints_as_a_marker_and_plain_data_as_jinja_prints_it(api, template):
    _, answer = api(template)
    assert answer == {"output": MARKED[template], "error": None, "undefined": [], "unused": []}
    assert api("{{ xs }} {{ d }} {{ d.items()|list }} {{ (1, none) }}", {"xs": [1, "a"], "d": {"k": True}})[
        1
    ]["output"] == ("[1, &#39;a&#39;] {&#39;k&#39;: True} [(&#39;k&#39;, True)] (1, None)")


def test_a_template_changes_its_own_copy_of_the_context_and_no_other_render_sees_it(api):
    template = (
        "{% do weeks.append('late') %}{% do course.update(code='X') %}{{ weeks|length }} {{ course.code }}"
    )
    context = {"weeks": ["flask"], "course": {"code": "CS253"}}
    for _ in range(2):  # the second render starts from the context as sent, not as the first left it
        assert api(template, context)[1]["output"] == "2 X"


def test_the_sandbox_gives_templates_only_a_learners_globals():
    env = renderer.make_environment(SITE_TEMPLATES, trim_blocks=False, lstrip_blocks=False)
    assert isinstance(env, SandboxedEnvironment)
    assert (env.autoescape, env.undefined) == (True, StrictUndefined)
    # The gettext functions (and _, an alias) come with {% trans %}; they translate nothing.
    assert sorted(env.globals) == [
        *["_", "cycler", "dict", "gettext", "joiner", "namespace"],
        *["ngettext", "npgettext", "pgettext", "range"],
    ]
    trans = '{{ _("%(n)s cats", n=2) }}|{% trans n=1 %}{{ n }} cat{% pluralize %}{{ n }} cats{% endtrans %}'
    assert env.from_string(trans).render() == "2 cats|1 cat"
    assert env.globals["range"] is renderer.capped_range


def test_the_playground_never_uses_the_apps_jinja_environment():
    for module in (renderer, sandbox, playground):
        source = inspect.getsource(module)
        # The one use: the page marks the output's white space with app.py's own filter, on text.
        allowed = r"jinja_env(?!\.filters\[\"show_whitespace\"\]\(result\[\"output\"\]\))"
        assert re.findall(allowed, source) == []
        assert "render_template_string" not in source
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, showcase.renderer, showcase.sandbox; print(sorted(sys.modules))"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "'flask" not in imported  # (werkzeug.routing is there: url_for builds URLs from plain rules)


# --- Resource exhaustion: the corpus, sent all at once -----------------------------------


def exhaustion_cases():
    """{name: (expected fragments, template)} from exhaustion.txt, and the cases too big to keep there."""
    cases = {}
    text_ = (CORPORA / "exhaustion.txt").read_text(encoding="utf-8")
    for block in text_.split("\n=== ")[1:]:
        name, expect, template = block.split("\n", 2)
        cases[name] = (expect.removeprefix("expect: ").split(" | "), template.strip("\n"))
    cases["deep nesting of if"] = (
        ["nested too deeply to parse"],
        "{% if 1 %}" * 900 + "x" + "{% endif %}" * 900,
    )
    cases["deep nesting of brackets"] = (
        ["nested too deeply to parse"],
        "{{ " + "[" * 5000 + "]" * 5000 + " }}",
    )
    cases["deep nesting of loops"] = (
        ["too deeply nested to compile"],
        "{% for a in [1] %}" * 30 + "{% endfor %}" * 30,
    )
    cases["a huge template"] = (["400 template"], "{{ x }}" * 3000)
    return cases


EXHAUSTION = exhaustion_cases()


@pytest.fixture(scope="module")
def blowups():
    """Every exhaustion case sent to /api/render, three at a time (the workers the app has).

    Recorded here, asserted in the tests: {name: (status, answer, seconds)}.
    """
    saved = showcase_app.config.get("PLAYGROUND_LIMITS")
    showcase_app.config["PLAYGROUND_LIMITS"] = LIMITS

    def send(name):
        started = time.monotonic()
        response = showcase_app.test_client().post("/api/render", json=job(EXHAUSTION[name][1]))
        return name, (response.status_code, response.get_json(), time.monotonic() - started)

    try:
        with ThreadPoolExecutor(max_workers=3) as pool:
            return dict(pool.map(send, EXHAUSTION))
    finally:
        showcase_app.config["PLAYGROUND_LIMITS"] = saved


def test_the_exhaustion_corpus_covers_every_kind_of_blow_up():
    names = " ".join(EXHAUSTION)
    for kind in (
        "repetition",
        "nested loops",
        "fan-out",
        "recursion",
        "deep nesting",
        "huge template",
        "width",
    ):
        assert kind in names


@pytest.mark.parametrize("name", EXHAUSTION)
def test_a_blow_up_is_answered_within_5_s_with_a_clear_error(blowups, name):
    expected, _ = EXHAUSTION[name]
    status, answer, seconds = blowups[name]
    assert seconds < 5
    assert answer["output"] is None
    if expected == ["400 template"]:
        assert (status, answer["error"]["field"]) == (400, "template")
        return
    assert status == 200
    message = answer["error"]["message"]
    assert any(fragment in message for fragment in expected), message
    for leak in LEAKS:
        assert leak not in message


@needs_fork
def test_memory_is_limited_to_256_mib_a_render(api):
    fits = '{{ ("x" * 200000)|replace("x", "y" * 400)|length }}'  # 80 MB
    assert api(fits)[1] == {"output": "80000000", "error": None, "undefined": [], "unused": []}
    too_big = '{{ ("x" * 200000)|replace("x", "y" * 1500)|length }}'  # 300 MB
    assert api(too_big)[1]["error"] == {
        "message": "The render needed more than 256 MiB of memory and was stopped.",
        "line": None,
    }


def test_the_real_limits_stop_a_runaway_render_within_5_s(api):
    started = time.monotonic()
    status, answer = api("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    assert time.monotonic() - started < 5
    assert status == 200
    # Alone on a core, it uses its 2 s of CPU before 3 s pass; on a busy machine the clock wins.
    assert answer["error"]["message"] in (
        "The render used more than 2 s of CPU time and was stopped.",
        "The render took longer than 3 s and was stopped.",
    )


@needs_fork
def test_the_zygote_kills_a_runaway_render_and_goes_on_serving(app, api, quick_limits):
    """The zygote stops its child at the wall clock; the server's own fallback (replacing a
    zygote that stopped answering) must not be what answered."""
    assert api("{{ 1 }}")[1]["output"] == "1"
    zygote = app.extensions["playground"].get_sandbox().pid
    _, answer = api("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    assert answer["error"]["message"] == "The render took longer than 0.5 s and was stopped."
    assert app.extensions["playground"].get_sandbox().pid == zygote
    assert api("{{ 2 }}")[1]["output"] == "2"


# --- Past the pool: a short wait, then 503 -------------------------------------------------


@pytest.fixture
def busy_sandbox(app, monkeypatch):
    """The app's playground with a sandbox whose every worker is taken."""
    full = Sandbox({}, workers=0, wait=0.05)
    monkeypatch.setattr(app.extensions["playground"], "sandbox", full)
    yield full
    full.close()


def test_when_every_worker_is_busy_the_api_answers_503_with_retry_after(client, busy_sandbox):
    response = client.post("/api/render", json=job("{{ 1 }}"))
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert response.get_json()["error"]["message"] == playground.BUSY_MESSAGE


def test_when_every_worker_is_busy_the_empty_form_still_loads(app, client, busy_sandbox, monkeypatch):
    monkeypatch.setattr(app.extensions["playground"], "example_result", None)  # not rendered yet
    soup = get_soup(client, "/playground")
    assert text(soup.select_one(".playground-notice")) == playground.EXAMPLE_BUSY_MESSAGE
    assert soup.select_one("[data-output]").has_attr("hidden")
    assert app.extensions["playground"].example_result is None  # tried again next time


def test_when_every_worker_is_busy_the_page_answers_503_and_keeps_what_was_typed(client, busy_sandbox):
    response = client.post("/playground", data={"template": "<b>{{ a }}</b>", "context": '{"a": 1}'})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert "<b>{{ a }}</b>" in response.get_data(as_text=True).replace("&lt;", "<").replace("&gt;", ">")
    assert playground.BUSY_MESSAGE in response.get_data(as_text=True)


def test_a_render_waits_briefly_for_a_worker_then_is_refused():
    box = Sandbox({}, workers=1, wait=0.5)
    endless = job(STORM[0])  # holds the one worker until the wall clock stops it
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            # A quick render behind a quick one waits and runs: a burst needs no retry.
            quick = [pool.submit(box.render, job("{{ n }}", {"n": n}), LIMITS) for n in (1, 2)]
            assert [future.result()["output"] for future in quick] == ["1", "2"]
            # Behind a render that takes longer than the wait, it is refused, after the wait.
            running = pool.submit(box.render, endless, Limits(wall_seconds=1.0))
            time.sleep(0.2)  # let the slow render take the worker
            began = time.monotonic()
            with pytest.raises(sandbox.Busy):
                box.render(job("{{ 1 }}"), LIMITS)
            assert 0.4 < time.monotonic() - began < 2
            running.result()
    finally:
        box.close()


# --- A dozen blow-ups at once, over HTTP, while pages keep answering ------------------------


@pytest.fixture
def live_server(app):
    """The app served over HTTP on 127.0.0.1, a thread per request, stopped after the test."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # It looks for shutdown() every 0.05 s, not every 0.5 s: the test ends without waiting.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


def fetch(url, body=None):
    """GET (or POST ``body`` as JSON): (status, headers, text), whatever the status."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode()


STORM = [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
    '{{ ("x" * 200000)|replace("x", "y" * 2000)|length }}',
    "{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}",
] * 3


def test_a_dozen_blow_ups_at_once_leave_every_page_answering(app, live_server, monkeypatch):
    import resource  # POSIX; the web server's own memory must not grow with the renders

    monkeypatch.setitem(app.config, "PLAYGROUND_LIMITS", Limits(wall_seconds=1.0))
    memory_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = threading.Barrier(len(STORM) + 1)
    storm_over = threading.Event()
    blowups, pages = [], []

    def blow(template):
        start.wait()
        began = time.monotonic()
        status, headers, body = fetch(f"{live_server}/api/render", job(template))
        blowups.append((status, headers.get("Retry-After"), json.loads(body), time.monotonic() - began))

    def browse():
        start.wait()
        while not storm_over.is_set():
            for path in ("/", "/examples/lists", "/playground"):
                status, _, _ = fetch(live_server + path)
                pages.append((path, status, storm_over.is_set()))

    browser = threading.Thread(target=browse)
    browser.start()
    with ThreadPoolExecutor(max_workers=len(STORM)) as pool:
        list(pool.map(blow, STORM))
    storm_over.set()
    browser.join()

    assert len(blowups) == len(STORM)
    assert all(seconds < 5 for *_, seconds in blowups)
    ran = [answer for status, _, answer, _ in blowups if status == 200]
    refused = [(retry, answer) for status, retry, answer, _ in blowups if status == 503]
    assert len(ran) + len(refused) == len(STORM)
    assert len(ran) >= 3  # the three workers each took one
    stopped = {
        "The render took longer than 1 s and was stopped.",
        "The render needed more than 256 MiB of memory and was stopped.",
        "The output is larger than 200,000 characters: the render was stopped.",
    }
    for answer in ran:
        assert answer["output"] is None
        assert answer["error"]["message"] in stopped
    assert all(
        retry == "1" and answer["error"]["message"] == playground.BUSY_MESSAGE for retry, answer in refused
    )
    during = [status for _, status, after in pages if not after]
    assert len(during) >= 3
    assert {status for _, status, _ in pages} == {200}
    # And afterwards the playground itself renders as ever.
    status, _, body = fetch(f"{live_server}/api/render", job("{{ word }}!", {"word": "still here"}))
    assert (status, json.loads(body)["output"]) == (200, "still here!")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory_before < 64 * 1024  # KiB: < 64 MiB


# --- What the sandbox's processes cannot do ------------------------------------------------


@needs_root_on_linux
def test_the_zygote_runs_locked_in_without_the_servers_environment(monkeypatch):
    key = "canary-" + secrets.token_hex(8)
    monkeypatch.setenv("SECRET_KEY", key)
    box = Sandbox({}, workers=1)
    try:
        assert box.render(job("{{ 6 * 7 }}"), LIMITS)["output"] == "42"
        proc = Path(f"/proc/{box.pid}")
        assert (proc / "environ").read_bytes() == b""  # not SECRET_KEY, not PATH: nothing
        assert os.readlink(proc / "root") != "/"  # chroot into a directory since removed
        assert os.readlink(proc / "ns/net") != os.readlink("/proc/self/ns/net")  # no network
        status = dict(line.split(":\t", 1) for line in (proc / "status").read_text().splitlines())
        assert status["Uid"].split() == ["65534"] * 4  # nobody
        assert status["NoNewPrivs"] == "1"
        assert box.unenforced(Limits()) == []
    finally:
        box.close()


# A child made as the zygote makes one, trying what a template that escaped Jinja's
# sandbox would try. It answers on fd 0, the one file descriptor a render child keeps.
PROBE = r"""
import json, os, socket, subprocess, sys
sys.path.insert(0, sys.argv[1])
from showcase import sandbox
jail, layers, secret_file, port = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
if "os" in layers:
    sandbox._isolate(jail)
if "hook" in layers:
    sandbox._install_audit_hook(allow_fork=True)
read_end, write_end = os.pipe()
if os.fork() == 0:
    if "os" in layers:
        sandbox.become_render_child(write_end, {"cpu_seconds": 2, "memory_bytes": 256 * 2**20})
    else:
        os.dup2(write_end, 0)
    def attempt(action):
        try:
            action()
        except BaseException as error:
            return type(error).__name__
        return "allowed"
    def fork():
        if os.fork() == 0:
            os._exit(0)
    tried = {
        "read a file": attempt(lambda: open(secret_file).read()),
        "list the root": attempt(lambda: os.listdir("/")),
        "connect to the server": attempt(lambda: socket.create_connection(("127.0.0.1", port), timeout=2)),
        "run a command": attempt(lambda: subprocess.run(["/bin/true"], check=True)),
        "fork": attempt(fork),
        "see SECRET_KEY": "allowed" if "SECRET_KEY" in os.environ else "absent",
    }
    os.write(0, json.dumps(tried).encode())
    os._exit(0)
os.close(write_end)
print(os.read(read_end, 65536).decode())
"""


def probe(tmp_path, layers):
    """What a render child could do with ``layers`` of protection ("os", "hook")."""
    jail = tmp_path / "jail"
    jail.mkdir()
    jail.chmod(0o111)
    secret = tmp_path / "secret.txt"
    secret.write_text("canary")
    with socket.socket() as listener:  # something to connect to, on this machine
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        result = subprocess.run(
            [
                sys.executable,
                "-I",
                "-c",
                PROBE,
                str(PROJECT),
                str(jail),
                layers,
                str(secret),
                str(listener.getsockname()[1]),
            ],
            env={**sandbox._clean_environment(), **({"SECRET_KEY": "x"} if "leak-env" in layers else {})},
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
    jail.chmod(0o700)
    return json.loads(result.stdout)


@needs_root_on_linux
def test_a_render_child_can_read_no_file_open_no_socket_and_run_nothing(tmp_path):
    tried = probe(tmp_path, "os+hook")
    assert tried["see SECRET_KEY"] == "absent"
    assert all(outcome != "allowed" for outcome in tried.values()), tried


@needs_root_on_linux
def test_the_operating_system_alone_stops_them_too(tmp_path):
    """Were the audit hook bypassed, chroot, the network namespace and the limits still hold."""
    tried = probe(tmp_path, "os")
    assert all(outcome != "allowed" for outcome in tried.values()), tried


@needs_fork
def test_the_audit_hook_alone_stops_them_as_on_windows(tmp_path):
    tried = probe(tmp_path, "hook")
    del tried["fork"]  # the hook lets the zygote fork; its children are refused by the OS limits
    assert all(outcome == "PermissionError" for name, outcome in tried.items() if name != "see SECRET_KEY")


@needs_fork
def test_the_probe_sees_everything_without_protection(tmp_path):
    """A guard for the probes above: unprotected, the same child can do all of it."""
    tried = probe(tmp_path, "none+leak-env")
    assert tried == {
        "read a file": "allowed",
        "list the root": "allowed",
        "connect to the server": "allowed",
        "run a command": "allowed",
        "fork": "allowed",
        "see SECRET_KEY": "allowed",
    }


# --- Without fork (Windows): still stopped, and the page says what is missing -------------------


@pytest.fixture(scope="module")
def spawn_sandbox():
    """A sandbox as it runs on Windows: single-use workers, no fork, no resource limits."""
    box = Sandbox({}, workers=1, backend="spawn")  # no site templates: quicker to start
    yield box
    box.close()


def test_without_fork_a_render_works_and_a_runaway_one_is_killed_on_time(spawn_sandbox):
    assert spawn_sandbox.render(job("{{ n * 6 }}", {"n": 7}), LIMITS)["output"] == "42"
    started = time.monotonic()
    answer = spawn_sandbox.render(
        job("{% for i in range(100000) %}{{ range(100000)|sum }}{% endfor %}"), LIMITS
    )
    assert time.monotonic() - started < 5
    assert answer["error"] == {"message": "The render took longer than 0.5 s and was stopped.", "line": None}


def test_without_fork_the_missing_limits_are_named(spawn_sandbox):
    assert spawn_sandbox.unenforced(Limits()) == [
        "the CPU time limit (2 s)",
        "the memory limit (256 MiB)",
        "the operating system's ban on reading files (a Python audit hook refuses them)",
        "the operating system's ban on sockets (a Python audit hook refuses them)",
    ]


def test_without_fork_the_page_says_plainly_what_is_not_enforced(app, client, monkeypatch, spawn_sandbox):
    monkeypatch.setattr(app.extensions["playground"], "sandbox", spawn_sandbox)
    notice = text(get_soup(client, "/playground").select_one(".playground-unenforced"))
    assert notice.startswith("On this server some protections are missing: the CPU time limit (2 s); ")
    assert "the memory limit (256 MiB)" in notice
    assert notice.endswith("Renders that run too long are still stopped after 3 s.")


@needs_root_on_linux
def test_with_fork_the_page_has_no_such_notice(client):
    assert get_soup(client, "/playground").select(".playground-unenforced") == []
