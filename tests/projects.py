"""Each example's download, proved in a project folder of its own: for tests/test_downloads.py.

A proof unzips the download, then runs it in a Python that has nothing but Flask, Jinja2,
pytest and beautifulsoup4 (a virtual environment made here, once a run): it fetches the page
with the project's own test client, runs the project's tests, and runs them again with its
template broken. Each project runs in a process of its own, forked from one that has imported
those four and nothing of any project's (ZYGOTE). The suite starts the proofs as soon as its
tests are collected (tests/conftest.py), on a core of their own, while the other tests run."""

import io
import json
import os
import queue
import re
import subprocess
import sys
import tempfile
import threading
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from app import app as showcase_app
from site_pages import example_url

# Run inside a project, in one process: fetch its page with its own test client and run its
# tests; then, for each kind of break, put in the first broken copy of its template that changes
# the page (a break that changes nothing cannot be caught) and run the tests again, stopping at
# the first failure. Writes what happened as JSON.
RUN = """
import json, random, sys, pytest
from app import app
app.config.update(TESTING=True)  # as the project's conftest.py sets it, and the suite's
url, template, results, breaks = sys.argv[1:]

def page():
    app.jinja_env.cache.clear()  # the template on disk, as it is now
    random.seed(253)  # lipsum() and |random: the same page every time
    try:
        return app.test_client().get(url).get_data(as_text=True)
    except Exception as error:  # a broken template may not even compile: the page is broken
        return repr(error)

class Outcomes:
    def __init__(self):
        self.passed = self.failed = 0
    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome == "failed":
            self.passed += report.passed and report.when == "call"
            self.failed += report.failed

def tests(*options):
    outcomes = Outcomes()
    code = pytest.main(["-q", "-p", "no:cacheprovider", *options, "tests"], plugins=[outcomes])
    return {"exit": int(code), "passed": outcomes.passed, "failed": outcomes.failed}

shown = page()
found = {"page": shown, "run": tests(), "breaks": {}}
original = open(template, encoding="utf-8").read()
for kind, copies in json.load(open(breaks, encoding="utf-8")).items():
    found["breaks"][kind] = None  # no copy changed the page
    for number, copy in enumerate(copies):
        open(template, "w", encoding="utf-8").write(copy)
        if page() != shown:
            found["breaks"][kind] = dict(tests("-x"), copy=number)
            break
    open(template, "w", encoding="utf-8").write(original)
json.dump(found, open(results, "w", encoding="utf-8"))
"""


# Where a project's process starts: a Python that has imported what every project imports and
# run pytest once in an empty folder (which imports pytest's own plugins), and nothing of any
# project's. For each line it reads (a JSON list: the project's folder, a file for what the proof
# prints, and RUN's arguments) it forks a process that runs RUN in that folder, and writes back
# its exit code. A project's process then takes 0.36 s here, against 0.72 s for a Python of its
# own, which spends the difference importing the same modules again. Without fork (Windows), a
# Python of its own each.
ZYGOTE = """
import contextlib, io, json, os, subprocess, sys, tempfile, traceback
import bs4, flask, flask.testing, jinja2, pytest
with tempfile.TemporaryDirectory() as empty, contextlib.redirect_stdout(io.StringIO()):
    pytest.main(["-q", "-p", "no:cacheprovider", empty])
run = sys.argv[1]
for line in sys.stdin:
    folder, printed, arguments = json.loads(line)
    if not hasattr(os, "fork"):
        with open(printed, "w") as output:
            command = [sys.executable, "-c", run, *arguments]
            done = subprocess.run(command, cwd=folder, stdout=output, stderr=output, timeout=300)
        print(done.returncode, flush=True)
        continue
    child = os.fork()
    if child == 0:
        import signal
        signal.alarm(300)  # a proof that hangs is ended, and its code says so: -14
        output = os.open(printed, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(output, 1)
        os.dup2(output, 2)
        os.chdir(folder)
        sys.argv = ["-c", *arguments]
        try:
            exec(compile(run, "<string>", "exec"), {"__name__": "__main__"})
        except BaseException:
            traceback.print_exc()
            sys.stdout.flush()
            os._exit(1)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    print(os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]), flush=True)
"""


# A set prints its items in an order that depends on the process's hash seed: the project, and
# the site when it is compared with the project, run with this one.
HASH_SEED = "253"
SITE_PAGE = """
import random, sys
from app import app
app.config.update(TESTING=True)
random.seed(253)
sys.stdout.write(app.test_client().get(sys.argv[1]).get_data(as_text=True))
"""


def breaks(template):
    """The broken copies of a template that its tests must notice, by kind: each ``{{ ... }}`` of
    the content block printing nothing, and each loop of it with an empty body."""
    start = template.index("{% block content %}")
    head, body = template[:start], template[start:]
    found = {"an output blanked": [], "a loop emptied": []}
    for output in re.finditer(r"\{\{.*?\}\}", body, re.S):
        found["an output blanked"].append(head + body[: output.start()] + body[output.end() :])
    for loop in re.finditer(r"\{%-? for .*?%\}", body, re.S):
        # The body runs to this loop's own {% else %} or {% endfor %}: not an inner if's or loop's.
        depth, at = 0, loop.end()
        for tag in re.finditer(r"\{%-?\s*(for|if|endfor|endif|else)\b.*?%\}", body[at:], re.S):
            if depth == 0 and tag.group(1) in ("else", "endfor"):
                found["a loop emptied"].append(head + body[: loop.end()] + body[at + tag.start() :])
                break
            depth += {"for": 1, "if": 1, "endfor": -1, "endif": -1}.get(tag.group(1), 0)
    return {kind: copies for kind, copies in found.items() if copies}


def bare_python(folder):
    """A virtual environment in ``folder`` with only what a project's requirements.txt pins,
    installed by this Python's pip (the environment has no pip of its own: nothing to make)."""
    requirements = folder / "requirements.txt"
    requirements.write_text(
        showcase_app.extensions["showcase.gallery"].project("lists").files["requirements.txt"]
    )
    # cwd is given to each command: a check of an exercise in this process changes the directory
    # for a moment (showcase/checker.py), and a command started then would inherit it.
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", folder / "venv"],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    python = folder / "venv" / ("Scripts" if os.name == "nt" else "bin") / "python"
    install = ["install", "--quiet", "--disable-pip-version-check", "-r", requirements]
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, *install],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    if installed.returncode:
        raise RuntimeError(f"pip could not install {requirements.name}:\n{installed.stderr[-3000:]}")
    return python


class Zygote:
    """A ZYGOTE process of ``python``, in ``folder``, with the projects' environment."""

    def __init__(self, python, folder):
        environment = {
            key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "SHOWCASE"))
        }
        environment["PYTHONHASHSEED"] = HASH_SEED
        # What it says itself, if it cannot go on, in a file: the process has it open, not this one.
        with tempfile.NamedTemporaryFile(dir=folder, prefix="zygote-", suffix=".txt", delete=False) as said:
            self.process = subprocess.Popen(
                [python, "-c", ZYGOTE, RUN],
                cwd=folder,
                env=environment,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=said,
                text=True,
            )
        self.said = Path(said.name)

    def run(self, folder, printed, *arguments):
        """RUN's exit code in ``folder``; what it printed is in the file ``printed``."""
        self.process.stdin.write(json.dumps([str(folder), str(printed), [str(a) for a in arguments]]) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            code = self.process.wait()
            said = self.said.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"the projects' process ended with code {code}:\n{said}")
        return int(answer)

    def close(self):
        self.process.stdin.close()  # the end of its input: it ends
        self.process.wait()
        self.process.stdout.close()


def prove(zygotes, root, name):
    """Unzip example ``name``, run its tests, then break its template and run them again."""
    response = showcase_app.test_client().get(f"/examples/{name}.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        archive.extractall(root)
    folder = root / name
    template = folder / "templates" / "examples" / f"{name}.html"
    (root / "breaks.json").write_text(
        json.dumps(breaks(template.read_text(encoding="utf-8"))), encoding="utf-8"
    )
    arguments = example_url(name), template, root / "results.json", root / "breaks.json"
    zygote = zygotes.get()
    try:
        code = zygote.run(folder, root / "printed.txt", *arguments)
    finally:
        zygotes.put(zygote)
    printed = (root / "printed.txt").read_text(encoding="utf-8", errors="replace")
    assert code == 0, printed[-3000:]
    return {**json.loads((root / "results.json").read_text(encoding="utf-8")), "output": printed}


class Proofs:
    """The proofs of ``names``, started at once in a thread of their own, ``workers`` at a time."""

    def __init__(self, names, workers):
        self.folder = Path(tempfile.mkdtemp(prefix="showcase-projects-"))
        self.futures = {name: Future() for name in names}
        self.thread = threading.Thread(target=self._run, args=(workers,), daemon=True)
        self.thread.start()

    def _run(self, workers):
        zygotes = queue.SimpleQueue()
        try:
            python = bare_python(self.folder)
            for _ in range(workers):
                zygotes.put(Zygote(python, self.folder))
        except Exception as error:  # every proof fails with it
            for future in self.futures.values():
                future.set_exception(error)
            return
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for name, future in self.futures.items():
                root = self.folder / name
                root.mkdir()
                done = pool.submit(prove, zygotes, root, name)
                done.add_done_callback(lambda done, future=future: _copy(done, future))
        for _ in range(workers):
            zygotes.get().close()

    def result(self, name):
        return self.futures[name].result()


def _copy(done, future):
    if done.exception() is not None:
        future.set_exception(done.exception())
    else:
        future.set_result(done.result())


# The run's proofs, started by tests/conftest.py once the tests are collected.
EARLY_PROOFS: list[Proofs] = []


def start_early(items):
    """Start the proofs that the collected ``items`` ask for: on every core if they are all there
    is, or if the browser's own tests run first (tests/conftest.py), while this process mostly
    waits for the browser; on one core if other tests run beside them from the start."""
    asking = [item for item in items if "proofs" in item.fixturenames]
    wanted = [item.callspec.params["name"] for item in asking]
    if wanted:
        alone = {item.path for item in items} == {
            item.path for item in asking
        }  # only tests/test_downloads.py
        waiting = any(item.get_closest_marker("browser") for item in items)
        workers = (os.cpu_count() or 2) if alone or waiting else 1
        EARLY_PROOFS.append(Proofs(dict.fromkeys(wanted), workers=workers))
