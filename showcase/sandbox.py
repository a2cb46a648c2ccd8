"""Run every playground render in a process of its own, limited, and killed when it overruns.

The web server never renders a visitor's template itself. Jinja's sandbox
stops ``''.__class__`` and its kind, but not a loop that runs for ever or a
string of a gigabyte, and a thread cannot be killed. So each render runs in a
separate process, which the operating system limits and which is killed at
the wall-clock limit; the server goes on serving everyone else.

On Linux and other systems with ``fork`` (the "fork" backend)::

    web server ──limits + a socket──▶ zygote ──fork──▶ child ──answer, on that socket──▶ web server

- The **zygote** is started once, on the first render, as ``python -I`` with
  an empty environment (so no ``SECRET_KEY``, no ``PATH``). It builds the
  Jinja environments and compiles the site's templates, then locks itself
  in: a network namespace of its own with no interfaces (no sockets reach
  anything), ``chroot`` into an empty directory (no files), the ``nobody``
  user, no new privileges, and an audit hook that refuses ``open``,
  sockets, subprocesses and the like. When the server is not root it gets
  the namespaces and the ``chroot`` through an unprivileged user namespace.
- For each render the web server makes a socket pair and passes one end to
  the zygote (SCM_RIGHTS), which **forks a child**: a copy that is warm
  already (templates compiled, every module imported). The child keeps that
  socket as its only file descriptor, limits itself (CPU seconds, address
  space, no file writes, no forks), reads the job, writes its answer there
  and exits; the request's thread reads it from the other end. The zygote
  kills the child at the wall-clock limit and answers for it. No render
  sees another's: every child starts from the same clean copy.

Elsewhere (Windows: no ``fork``, no ``resource``; the "spawn" backend), a
small pool of warm single-use worker processes does the same work; a render
that overruns the wall clock is killed just the same, but CPU time and
memory are not limited, and files and sockets are refused only by the
audit hook inside Python. :meth:`Sandbox.unenforced` says which.

At most ``workers`` renders run at once. One more waits up to ``wait``
seconds (two seconds) for a worker to free, which absorbs a burst of
ordinary renders; past that, :class:`Busy`, which the playground answers
with 503 and ``Retry-After``. Nothing waits longer: a storm of runaway
renders cannot pile up requests.
"""

import contextlib
import gc
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

try:
    import resource  # POSIX only: the fork backend's limits
except ImportError:  # Windows
    resource = None

ROOT = Path(__file__).resolve().parent.parent  # the project: the worker imports showcase from here
NOBODY = 65534
GRACE_SECONDS = 2.0  # how long past the wall clock the server waits for the zygote itself
HAS_FORK = hasattr(os, "fork") and resource is not None
# Without fork and resource (Windows) only the wall clock, the output's size and the audit hook hold.
SPAWN_ISOLATION = {"cpu": False, "memory": False, "files": False, "network": False}

# What a worker runs: `python -I` ignores PYTHON* variables and the user's site-packages.
BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); import showcase.sandbox as s; s.worker_main(*sys.argv[2:])"
)


@dataclass(frozen=True)
class Limits:
    """What one render may use. The defaults are the playground's; tests lower the clock."""

    template_chars: int = 20_000
    context_bytes: int = 50_000  # the context as compact JSON, in UTF-8
    output_chars: int = 200_000
    cpu_seconds: int = 2
    memory_bytes: int = 256 * 1024 * 1024
    wall_seconds: float = 3.0

    def describe(self) -> dict[str, str]:
        """Each limit as a reader would say it: {"wall": "3 s", "memory": "256 MiB"...}."""
        return {
            "template": f"{self.template_chars:,} characters",
            "context": f"{self.context_bytes / 1000:g} kB",
            "output": f"{self.output_chars:,} characters",
            "cpu": f"{self.cpu_seconds:g} s",
            "memory": f"{self.memory_bytes / 2**20:g} MiB",
            "wall": f"{self.wall_seconds:g} s",
        }


class Busy(Exception):  # noqa: N818  it is not an error: the server is full, for now
    """Every worker is rendering: come back in ``retry_after`` seconds."""

    retry_after = 1


class Sandbox:
    """Renders visitors' templates in limited, killable processes; at most ``workers`` at once."""

    def __init__(
        self,
        templates: dict[str, str],
        *,
        routes: Sequence[dict[str, Any]] = (),
        workers: int = 3,
        wait: float = 2.0,
        backend: str | None = None,
    ) -> None:
        """``templates`` and ``routes`` (the site's URL rules, for ``url_for``) go to every worker."""
        self.templates = dict(templates)
        site = {"templates": self.templates, "routes": list(routes)}
        self.workers, self.wait = workers, wait
        self.backend = backend or ("fork" if HAS_FORK else "spawn")
        self._slots = threading.BoundedSemaphore(workers)
        runner = _ForkServer if self.backend == "fork" else _SpawnPool
        self._runner: _ForkServer | _SpawnPool = runner(site, workers)
        weakref.finalize(self, self._runner.close)

    def render(self, job: dict[str, Any], limits: Limits) -> dict[str, Any]:
        """Render ``job`` (template, context, trim_blocks, lstrip_blocks) within ``limits``.

        The answer has the API's shape: output, error, undefined, unused.
        Raises Busy when every worker is still taken after ``wait`` seconds.
        """
        if not self._slots.acquire(timeout=self.wait):
            raise Busy
        try:
            diagnostics, result = self._runner.run({**job, "output_chars": limits.output_chars}, limits)
        except RuntimeError:  # the zygote would not start: say so, and try again next time
            diagnostics, result = None, _fault("The sandbox could not start; try again.")
        finally:
            self._slots.release()
        return {
            "output": result.get("output"),
            "error": result.get("error"),
            "undefined": (diagnostics or {}).get("undefined", []),
            "unused": (diagnostics or {}).get("unused", []),
        }

    def unenforced(self, limits: Limits) -> list[str]:
        """The protections this platform cannot give, in words; empty when all hold."""
        said = limits.describe()
        isolation = self._runner.isolation()
        missing = []
        if not isolation.get("cpu"):
            missing.append(f"the CPU time limit ({said['cpu']})")
        if not isolation.get("memory"):
            missing.append(f"the memory limit ({said['memory']})")
        if not isolation.get("files"):
            missing.append("the operating system's ban on reading files (a Python audit hook refuses them)")
        if not isolation.get("network"):
            missing.append("the operating system's ban on sockets (a Python audit hook refuses them)")
        return missing

    @property
    def pid(self) -> int | None:
        """The zygote's process id (fork backend, once started): the process to inspect."""
        process = getattr(self._runner, "_process", None)
        return process.pid if process is not None else None

    def close(self) -> None:
        """Stop the worker processes."""
        self._runner.close()


# --- Messages: a length, then JSON ----------------------------------------------------


def _frame(message: dict[str, Any]) -> bytes:
    """``message`` as bytes: the length of the JSON that follows, in 4 bytes, then the JSON."""
    body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return len(body).to_bytes(4, "big") + body


def _read_exactly(stream: BinaryIO, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def _read_frame(stream: BinaryIO) -> dict[str, Any]:
    size = int.from_bytes(_read_exactly(stream, 4), "big")
    return json.loads(_read_exactly(stream, size).decode("utf-8"))


def _split_frames(buffer: bytearray) -> list[bytes]:
    """Take every complete frame off the front of ``buffer``."""
    frames = []
    while len(buffer) >= 4:
        size = int.from_bytes(buffer[:4], "big")
        if len(buffer) < 4 + size:
            break
        frames.append(bytes(buffer[: 4 + size]))
        del buffer[: 4 + size]
    return frames


def _worker_command(mode: str) -> list[str]:
    return [sys.executable, "-I", "-c", BOOT, str(ROOT), mode]


def _clean_environment() -> dict[str, str]:
    """Nothing of the server's environment: Windows needs SYSTEMROOT to start Python at all."""
    if sys.platform == "win32":
        return {"SYSTEMROOT": os.environ.get("SYSTEMROOT", r"C:\Windows")}
    return {}


def _fault(message: str) -> dict[str, Any]:
    return {"output": None, "error": {"message": message, "line": None}}


def _stopped_messages(limits: dict[str, Any]) -> dict[str, str]:
    said = Limits(**{k: v for k, v in limits.items() if k in Limits.__dataclass_fields__}).describe()
    return {
        "wall": f"The render took longer than {said['wall']} and was stopped.",
        "cpu": f"The render used more than {said['cpu']} of CPU time and was stopped.",
        "memory": f"The render needed more than {said['memory']} of memory and was stopped.",
        "output": f"The output is larger than {limits['output_chars']:,} characters: the render was stopped.",
        "crash": "The render stopped unexpectedly (the template may be nested too deeply).",
    }


# --- The fork backend: the web server's side ----------------------------------------


class _ForkServer:
    """The web server's side of the zygote: one socket per render, handed over, answered on directly.

    The zygote gets, for each render, a datagram with the limits and one end of a
    fresh socket pair (passed with SCM_RIGHTS). Its child reads the job from that
    socket and writes its answer there; the request's thread reads it from the
    other end. The zygote itself only forks, times and kills, and writes there
    when the child could not.
    """

    def __init__(self, site: dict[str, Any], workers: int) -> None:
        self.site = site
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._control: socket.socket | None = None
        self._owner = os.getpid()
        self._isolation: dict[str, bool] = {}

    def isolation(self) -> dict[str, bool]:
        with self._lock:
            self._start()
        return self._isolation

    def run(self, job: dict[str, Any], limits: Limits) -> tuple[dict | None, dict]:
        ours, theirs = socket.socketpair()
        deadline = time.monotonic() + limits.wall_seconds + GRACE_SECONDS
        try:
            with self._lock:
                self._start()
                control, process = self._control, self._process
                try:
                    socket.send_fds(
                        control, [json.dumps({"limits": asdict(limits)}).encode()], [theirs.fileno()]
                    )
                except OSError:
                    self._stop()
                    return None, _fault("The sandbox stopped; try again.")
            theirs.close()  # the zygote and its child hold it now
            ours.settimeout(limits.wall_seconds + GRACE_SECONDS)
            ours.sendall(_frame({"job": job, "limits": asdict(limits)}))
            return self._answer(ours, deadline, job["output_chars"] * 6 + (1 << 16), limits)
        except TimeoutError:
            # The zygote itself has stopped answering: start a new one next time.
            with self._lock:
                if self._process is process:
                    self._stop()
            return None, _fault(_stopped_messages(asdict(limits))["wall"])
        except OSError:  # the zygote died with this render in hand
            with self._lock:
                if self._process is process and process.poll() is not None:
                    self._stop()
            return None, _fault("The sandbox stopped; try again.")
        finally:
            ours.close()
            theirs.close()

    def _answer(
        self, ours: socket.socket, deadline: float, cap: int, limits: Limits
    ) -> tuple[dict | None, dict]:
        """Read the child's diagnostics, then its result (or the zygote's word for it)."""
        buffer, diagnostics = bytearray(), None
        while True:
            ours.settimeout(max(0.0, deadline - time.monotonic()))
            data = ours.recv(1 << 16)
            if not data:
                return diagnostics, _fault(_stopped_messages(asdict(limits))["crash"])
            buffer += data
            if len(buffer) > cap:
                return diagnostics, _fault(_stopped_messages(asdict(limits))["output"])
            for frame in _split_frames(buffer):
                message = _parse(frame)
                if "result" in message:
                    return diagnostics, message["result"]
                diagnostics = message["diagnostics"]

    def _start(self) -> None:
        """Start the zygote unless it runs; the caller holds the lock."""
        if self._owner != os.getpid():  # this process was forked (gunicorn): the zygote is the parent's
            self._process, self._control, self._owner = None, None, os.getpid()
        if self._process is not None and self._process.poll() is None:
            return
        jail = tempfile.mkdtemp(prefix="playground-")
        os.chmod(jail, 0o111)  # an empty root: nothing to list, nothing to read
        control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            process = subprocess.Popen(
                [*_worker_command("zygote"), str(theirs.fileno())],
                stdin=subprocess.PIPE,  # the zygote's lifeline: it exits when this closes
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=_clean_environment(),
                close_fds=True,
                pass_fds=[theirs.fileno()],
                bufsize=0,
                cwd=jail,
            )
            process.stdin.write(_frame({"site": self.site, "jail": jail}))
            ready, _, _ = select.select([process.stdout], [], [], 30)
            answer = _read_frame(process.stdout) if ready else {}
        finally:
            theirs.close()
            os.rmdir(jail)  # the zygote keeps it as its root; no one else needs it on disk
        if not answer.get("ready"):
            _discard(process)
            control.close()
            raise RuntimeError("the playground's sandbox did not start")
        self._process, self._control, self._isolation = process, control, answer["isolation"]

    def _stop(self) -> None:
        """Stop the zygote (the caller holds the lock); the next render starts another."""
        if self._process is not None:
            _discard(self._process)
        if self._control is not None:
            self._control.close()
        self._process = self._control = None

    def close(self) -> None:
        with self._lock:
            if self._process is not None and self._owner == os.getpid():
                with contextlib.suppress(OSError):
                    self._process.stdin.close()  # the zygote kills its children and exits
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._process.wait(timeout=2)
                self._stop()


# --- The spawn backend (Windows): warm single-use workers ---------------------------


class _SpawnPool:
    """Keeps ``size`` workers started and ready; each renders once and exits."""

    def __init__(self, site: dict[str, Any], size: int) -> None:
        self.init = _frame({"site": site, "jail": None})
        self.size = size
        self._ready: list[subprocess.Popen] = []
        self._lock = threading.Lock()
        self._closed = False
        self._refill()

    def isolation(self) -> dict[str, bool]:
        return dict(SPAWN_ISOLATION)

    def _spawn(self) -> subprocess.Popen | None:
        process = subprocess.Popen(
            _worker_command("spawn"),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_clean_environment(),
            close_fds=True,
            bufsize=0,
        )
        process.stdin.write(self.init)
        try:
            answer = _read_frame(process.stdout)
        except (EOFError, OSError):
            answer = {}
        if not answer.get("ready"):
            _discard(process)
            return None
        return process

    def _refill(self) -> None:
        def fill() -> None:
            while True:
                with self._lock:
                    if self._closed or len(self._ready) >= self.size:
                        return
                process = self._spawn()
                if process is None:
                    return
                with self._lock:
                    if self._closed:
                        _discard(process)
                        return
                    self._ready.append(process)

        threading.Thread(target=fill, name="playground-spawner", daemon=True).start()

    def run(self, job: dict[str, Any], limits: Limits) -> tuple[dict | None, dict]:
        with self._lock:
            process = self._ready.pop() if self._ready else None
        process = process or self._spawn()
        self._refill()
        if process is None:
            return None, _fault("The sandbox could not start a worker; try again.")
        messages = _stopped_messages({**asdict(limits), "output_chars": job["output_chars"]})
        try:
            request = _frame({"job": job, "limits": asdict(limits)})
            out, _ = process.communicate(request, limits.wall_seconds)
            fault = None
        except subprocess.TimeoutExpired:
            process.kill()
            out, _ = process.communicate()
            fault = messages["wall"]
        frames = [_parse(frame) for frame in _split_frames(bytearray(out or b""))]
        diagnostics = next((m["diagnostics"] for m in frames if "diagnostics" in m), None)
        result = next((m["result"] for m in frames if "result" in m), None)
        if fault or result is None:
            result = _fault(fault or messages["crash"])
        return diagnostics, result

    def close(self) -> None:
        with self._lock:
            self._closed = True
            ready, self._ready = self._ready, []
        for process in ready:
            _discard(process)


def _discard(process: subprocess.Popen) -> None:
    """Kill a worker (if it still runs), reap it, and close its pipes."""
    if process.poll() is None:
        process.kill()
    process.wait()
    for pipe in (process.stdin, process.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()


def _parse(frame: bytes) -> dict[str, Any]:
    return json.loads(frame[4:].decode("utf-8"))


# --- Inside the workers ---------------------------------------------------------------
# Everything below runs in the zygote, its children, or a spawned worker: never in
# the web server. The renderer is imported here, after the process has started.


def worker_main(mode: str, control_fd: str | None = None) -> None:
    """The entry point of a worker process: "zygote" (fork backend, with its control socket) or "spawn"."""
    from showcase.renderer import Renderer

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    init = _read_frame(stdin)
    renderer = Renderer(**init["site"])
    renderer.warm_up()
    if mode == "zygote":
        zygote = _Zygote(renderer, socket.socket(fileno=int(control_fd)))  # before the hook refuses sockets
        isolation = _isolate(init["jail"])
        isolation.update(cpu=True, memory=True)
    else:
        isolation = dict(SPAWN_ISOLATION)
    _install_audit_hook(allow_fork=mode == "zygote")
    stdout.write(_frame({"ready": True, "isolation": isolation}))
    stdout.flush()
    if mode == "zygote":
        # Children share the zygote's memory until they write to it: keep the garbage
        # collector from walking (and so copying) every object they inherit.
        gc.freeze()
        zygote.serve()
    else:
        with contextlib.suppress(EOFError):
            request = _read_frame(stdin)
            for frame in _render_frames(renderer, request):
                stdout.write(frame)
            stdout.flush()


def _render_frames(renderer: Any, request: dict[str, Any]) -> list[bytes]:
    """The two answers to a job: diagnostics first (they survive a render that is killed), then the result."""
    from showcase.renderer import Job

    job = Job(**request["job"])
    memory = _stopped_messages(request["limits"] | {"output_chars": job.output_chars})["memory"]
    frames = []
    try:
        diagnostics = renderer.diagnose(job)
        frames.append(_frame({"diagnostics": diagnostics}))
        if diagnostics["error"] is not None:
            result = {"output": None, "error": diagnostics["error"]}
        else:
            result = renderer.render(job)
    except MemoryError:
        result = None  # the exception and what it held are gone once out of the except block
    if result is None:
        result = _fault(memory)
    frames.append(_frame({"result": result}))
    return frames


def _isolate(jail: str | None) -> dict[str, bool]:
    """Lock the zygote in before it serves: no network, no files, no privileges. Says what held."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)  # the C library, already loaded
    clone_newns, clone_newuser, clone_newnet = 0x00020000, 0x10000000, 0x40000000
    isolation = {"network": False, "files": False}
    if os.geteuid() == 0:
        isolation["network"] = libc.unshare(clone_newnet) == 0
    else:  # an unprivileged user namespace, where the kernel allows one, gives the same
        isolation["network"] = libc.unshare(clone_newuser | clone_newns | clone_newnet) == 0
    if jail:
        try:
            os.chroot(jail)
            os.chdir("/")
            isolation["files"] = True
        except OSError:
            pass
    if os.geteuid() == 0:
        with contextlib.suppress(OSError):
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
    pr_set_no_new_privs = 38
    libc.prctl(pr_set_no_new_privs, 1, 0, 0, 0)
    return isolation


# Audit events a render never needs. Rendering raises only compile, exec,
# code.__new__, builtins.id and object.__getattr__ (Jinja's tracebacks).
_REFUSED_EVENTS = (
    "open",
    "os.",
    "subprocess.",
    "socket.",
    "ctypes.",
    "shutil.",
    "pty.",
    "glob.",
    "urllib.",
    "http.",
    "ftplib.",
    "smtplib.",
    "imaplib.",
    "poplib.",
    "telnetlib.",
    "nntplib.",
    "webbrowser.",
    "mmap.",
    "fcntl.",
    "resource.",
    "signal.",
    "sqlite3.",
    "winreg.",
    "_winapi.",
    "msvcrt.",
    "import",
)
_ZYGOTE_EVENTS = {"os.fork", "os.kill", "resource.setrlimit"}  # the zygote needs these; its children do not
_phase = {"zygote": True}


def _install_audit_hook(allow_fork: bool) -> None:
    """Refuse files, sockets, processes and new imports from here on, inside Python."""
    _phase["zygote"] = allow_fork

    def hook(event: str, args: tuple) -> None:
        if event.startswith(_REFUSED_EVENTS) and not (_phase["zygote"] and event in _ZYGOTE_EVENTS):
            raise PermissionError(f"the playground's sandbox refuses {event}")

    sys.addaudithook(hook)


class _Zygote:
    """Forks a child per render, kills it at the wall clock, and answers for it when it cannot."""

    def __init__(self, renderer: Any, control: socket.socket) -> None:
        self.renderer, self.control = renderer, control
        self.children: dict[int, _Child] = {}  # by process id
        # A byte on this pipe when a child exits, so that select() wakes for it.
        self.wake_read, wake_write = os.pipe()
        os.set_blocking(wake_write, False)
        signal.signal(signal.SIGCHLD, lambda number, frame: None)
        signal.set_wakeup_fd(wake_write)

    def serve(self) -> None:
        while True:
            now = time.monotonic()
            deadlines = [child.deadline - now for child in self.children.values()]
            timeout = max(0.0, min(deadlines)) if deadlines else None
            readable, _, _ = select.select([0, self.control, self.wake_read], [], [], timeout)
            if 0 in readable and not os.read(0, 1 << 16):  # the web server has gone: so do we
                for child in self.children.values():
                    child.kill()
                return
            if self.control in readable:
                message, fds, _, _ = socket.recv_fds(self.control, 1 << 16, 1)
                if fds:
                    self._start(json.loads(message)["limits"], fds[0])
            if self.wake_read in readable:
                os.read(self.wake_read, 1 << 10)
            self._reap()
            now = time.monotonic()
            for child in [c for c in self.children.values() if c.deadline <= now]:
                child.kill()
                self._finish(child, "wall")

    def _start(self, limits: dict[str, Any], channel: int) -> None:
        try:
            pid = os.fork()
        except OSError:  # out of processes or memory: say so, and go on serving
            with contextlib.suppress(OSError):
                _write_all(channel, _frame({"result": _fault("The sandbox is overloaded; try again.")}))
            os.close(channel)
            return
        if pid == 0:  # the child: limit, render, answer, exit
            answered = False
            try:
                become_render_child(channel, limits)
                request = _read_frame(_FdReader(0))
                for frame in _render_frames(self.renderer, request):
                    _write_all(0, frame)
                answered = True
            finally:
                os._exit(0 if answered else 1)
        self.children[pid] = _Child(
            pid, channel, time.monotonic() + limits["wall_seconds"], _stopped_messages(limits)
        )

    def _reap(self) -> None:
        for pid, child in list(self.children.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                child.pid = 0
                reason = None
                if os.WIFSIGNALED(status):
                    reason = "cpu" if os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL) else "crash"
                elif os.WEXITSTATUS(status) != 0:
                    reason = "crash"
                self._finish(child, reason)

    def _finish(self, child: "_Child", reason: str | None) -> None:
        """Forget ``child``; if it did not answer, answer for it with ``reason``."""
        self.children.pop(child.key, None)
        if reason is not None:
            os.set_blocking(child.channel, False)
            with contextlib.suppress(OSError):  # the web server may have stopped listening
                _write_all(child.channel, _frame({"result": _fault(child.messages[reason])}))
        os.close(child.channel)


@dataclass
class _Child:
    pid: int  # 0 once reaped
    channel: int  # the zygote's copy of the render's socket
    deadline: float
    messages: dict[str, str]

    def __post_init__(self) -> None:
        self.key = self.pid  # where the zygote keeps it, after pid is 0

    def kill(self) -> None:
        if self.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = 0


class _FdReader:
    """A file descriptor that reads like a binary stream, for _read_frame."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def read(self, size: int) -> bytes:
        return os.read(self.fd, size)


def become_render_child(channel: int, limits: dict[str, Any]) -> None:
    """In a child fresh from the zygote: keep one file descriptor (the render's socket, as fd 0),
    limit everything, and from here on let the audit hook refuse what the zygote was allowed.
    """
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.dup2(channel, 0)
    os.closerange(1, 1 << 16)  # the zygote's pipes and sockets, and every other render's socket
    cpu = int(limits["cpu_seconds"])
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))  # SIGXCPU, then SIGKILL a second later
    resource.setrlimit(resource.RLIMIT_AS, (limits["memory_bytes"], limits["memory_bytes"]))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (1, 1))  # fd 0 is taken: open() and socket() fail
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))  # no fork (root ignores this: the zygote is not)
    _phase["zygote"] = False


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
