"""The programs the quality checks run that pip does not install: Chromium, Java and the Nu HTML Checker.

On a machine without one of them, the tests that need it are skipped, and the run
ends with one line: how many checks were skipped, and the one command that installs
what they need (``skipped_line``). CI sets ``SHOWCASE_REQUIRE_ALL_CHECKS=1``, which
turns every such skip into a failure: a check that did not run cannot pass.
"""

import json
import os
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Program:
    """A program some checks need, and how to install it on Debian or Ubuntu."""

    name: str
    apt_package: str | None = None
    command: str | None = None  # when it is not a Debian package

    @property
    def reason(self) -> str:
        """Why its checks are skipped, in the words pytest shows with -rs."""
        return f"{self.name} not found: {self.command or f'sudo apt-get install {self.apt_package}'}"


CHROMIUM = Program("Chromium", apt_package="chromium")
JAVA = Program("Java", apt_package="default-jre-headless")
VNU = Program("the Nu HTML Checker (vnu.jar)", command="npm ci --ignore-scripts")
PROGRAMS = (CHROMIUM, JAVA, VNU)


def missing(program: Program) -> NoReturn:
    """Skip: a program is missing. Fail instead when $SHOWCASE_REQUIRE_ALL_CHECKS is 1, as in CI."""
    if os.environ.get(REQUIRE_ALL_CHECKS) == "1":
        pytest.fail(f"{program.reason} ({REQUIRE_ALL_CHECKS}=1: every check must run)", pytrace=False)
    pytest.skip(program.reason)


def skipped_line(reasons: Iterable[str]) -> str | None:
    """The one line that ends a run whose checks were skipped for a missing program: how many,
    and one command that installs everything they need. ``reasons`` are the skips' reasons."""
    counts = {program: 0 for program in PROGRAMS}
    for reason in reasons:
        for program in PROGRAMS:
            if program.reason in reason:
                counts[program] += 1
    absent = [program for program, count in counts.items() if count]
    if not absent:
        return None
    packages = [program.apt_package for program in absent if program.apt_package]
    commands = [f"sudo apt-get install {' '.join(packages)}"] * bool(packages)
    commands += [program.command for program in absent if program.command]
    names = ", ".join(program.name for program in absent)
    return (
        f"{sum(counts.values()):,} checks skipped, for want of {names}. "
        f"To run them all: {' && '.join(commands)}"
    )


def chromium(playwright_chromium_path: str) -> str:
    """The Chromium to drive: Debian's on the PATH, else a browser Playwright itself installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if Path(playwright_chromium_path).is_file():
        return playwright_chromium_path
    missing(CHROMIUM)


def java() -> str:
    """The java command that runs vnu.jar."""
    found = shutil.which("java")
    if found is None:
        missing(JAVA)
    return found


def vnu_jar() -> Path:
    """vnu.jar, the Nu HTML Checker, as `npm ci` installs it from package-lock.json."""
    if not VNU_JAR.is_file():
        missing(VNU)
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
