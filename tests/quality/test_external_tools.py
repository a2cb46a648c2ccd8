"""A missing program skips its checks, and the run ends with one line saying how to install it all;
in CI it fails them instead."""

import pytest

from external_tools import CHROMIUM, JAVA, REQUIRE_ALL_CHECKS, VNU, missing, skipped_line


def test_a_missing_program_skips_with_how_to_install_it(monkeypatch):
    monkeypatch.delenv(REQUIRE_ALL_CHECKS, raising=False)
    with pytest.raises(
        pytest.skip.Exception, match=r"^Java not found: sudo apt-get install default-jre-headless$"
    ):
        missing(JAVA)


def test_a_missing_program_fails_when_every_check_must_run(monkeypatch):
    monkeypatch.setenv(REQUIRE_ALL_CHECKS, "1")
    with pytest.raises(pytest.fail.Exception, match=r"^Java not found: .*SHOWCASE_REQUIRE_ALL_CHECKS=1"):
        missing(JAVA)


def test_the_run_ends_with_one_line_counting_the_skips_and_one_command_for_all(monkeypatch):
    reasons = (
        [f"Skipped: {CHROMIUM.reason}"] * 1200 + [f"Skipped: {VNU.reason}"] * 149 + ["Skipped: Windows only"]
    )
    assert skipped_line(reasons) == (
        "1,349 checks skipped, for want of Chromium, the Nu HTML Checker (vnu.jar). "
        "To run them all: sudo apt-get install chromium && npm ci --ignore-scripts"
    )
    assert skipped_line(["Skipped: Windows only"]) is None
