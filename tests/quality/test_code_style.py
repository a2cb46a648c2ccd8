"""Templates and code: djlint lints and format-checks the templates, ruff the Python."""

import pytest

COMMANDS = [
    ("ruff", "check", "."),
    ("ruff", "format", "--check", "."),
    ("djlint", "templates", "--lint"),
    ("djlint", "templates", "--check"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_tool_finds_nothing_to_fix(tool_result, command):
    status, output = tool_result(command)
    assert status == 0, output
