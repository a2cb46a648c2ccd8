"""Templates and code: djlint lints and format-checks the templates, ruff the Python."""

import subprocess
import sys

import pytest

from external_tools import PROJECT


def run(*command):
    """Run a Python tool's command in the project folder: (exit status, what it printed)."""
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=PROJECT, capture_output=True, text=True, check=False
    )
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "."),
        ("ruff", "format", "--check", "."),
        ("djlint", "templates", "--lint"),
        ("djlint", "templates", "--check"),
    ],
    ids=" ".join,
)
def test_tool_finds_nothing_to_fix(command):
    status, output = run(*command)
    assert status == 0, output
