"""The programs the quality checks run that pip does not install: Chromium, Java and the Nu HTML Checker.

On a machine without one of them, the tests that need it are skipped with one
line saying how to install it. CI sets ``SHOWCASE_REQUIRE_ALL_CHECKS=1``, which
turns every such skip into a failure: a check that did not run cannot pass.
"""

import json
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import pytest

PROJECT = Path(__file__).resolve().parents[2]
REQUIRE_ALL_CHECKS = "SHOWCASE_REQUIRE_ALL_CHECKS"
VNU_JAR = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# What Chromium needs to start in a container or CI, and nothing it would fetch by itself.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def missing(reason: str) -> NoReturn:
    """Skip: a program is missing. Fail instead when $SHOWCASE_REQUIRE_ALL_CHECKS is 1, as in CI."""
    if os.environ.get(REQUIRE_ALL_CHECKS) == "1":
        pytest.fail(f"{reason} ({REQUIRE_ALL_CHECKS}=1: every check must run)", pytrace=False)
    pytest.skip(reason)


def chromium(playwright_chromium_path: str) -> str:
    """The Chromium to drive: Debian's on the PATH, else a browser Playwright itself installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if Path(playwright_chromium_path).is_file():
        return playwright_chromium_path
    missing("Chromium not found: apt-get install chromium (or: python -m playwright install chromium)")


def java() -> str:
    """The java command that runs vnu.jar."""
    found = shutil.which("java")
    if found is None:
        missing("Java not found: apt-get install default-jre-headless")
    return found


def vnu_jar() -> Path:
    """vnu.jar, the Nu HTML Checker, as `npm ci` installs it from package-lock.json."""
    if not VNU_JAR.is_file():
        missing("the Nu HTML Checker (vnu.jar) not found: npm ci")
    return VNU_JAR


def can_check_html() -> bool:
    """Whether Java and vnu.jar are both here, asked without skipping anything."""
    return shutil.which("java") is not None and VNU_JAR.is_file()


class VnuRun:
    """The Nu HTML Checker, started on some HTML files now and read later: Java checks while tests run.

    One JVM for every page: starting Java is most of the time a check takes.
    """

    def __init__(self, files: Iterable[Path]) -> None:
        self.files = list(files)
        # Java's quick compiler only, and its simplest garbage collector: for a run of seconds
        # they use half the CPU time of the defaults (5.8 s against 11.5 s for every page of
        # the site), which leaves the other core to the tests. The quick compiler's code needs
        # a deeper stack than the default to walk vnu's HTML schema.
        java_options = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"]
        vnu_options = ["--errors-only", "--format", "json", "--stdout"]
        command = [java(), *java_options, "-jar", str(vnu_jar()), *vnu_options]
        self.process = subprocess.Popen(
            [*command, *map(str, self.files)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def errors(self) -> dict[Path, list[str]]:
        """Wait for the run to end, then give each file's errors, as readable lines."""
        stdout, stderr = self.process.communicate()
        # vnu exits 1 when it found errors; anything else but 0 means it did not run.
        if self.process.returncode not in (0, 1) or not stdout.startswith("{"):
            pytest.fail(f"vnu did not run: exit {self.process.returncode}\n{stdout}{stderr}", pytrace=False)
        errors: dict[Path, list[str]] = {path: [] for path in self.files}
        by_url = {f"file:{path.resolve()}": path for path in self.files}  # vnu names a file file:/tmp/...
        for message in json.loads(stdout)["messages"]:
            path = by_url.get(message.get("url", ""))
            if message["type"] != "error" or path is None:
                pytest.fail(f"vnu could not check a file: {message}", pytrace=False)
            where = f"{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}"
            extract = " ".join(message.get("extract", "").split())
            errors[path].append(f"{where}: {message['message']}  [{extract}]")
        return errors
