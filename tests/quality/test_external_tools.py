"""A missing program skips its checks, with how to install it; in CI it fails them instead."""

import pytest

from external_tools import REQUIRE_ALL_CHECKS, missing


def test_a_missing_program_skips_with_how_to_install_it(monkeypatch):
    monkeypatch.delenv(REQUIRE_ALL_CHECKS, raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"^Java not found: apt-get install java$"):
        missing("Java not found: apt-get install java")


def test_a_missing_program_fails_when_every_check_must_run(monkeypatch):
    monkeypatch.setenv(REQUIRE_ALL_CHECKS, "1")
    with pytest.raises(pytest.fail.Exception, match=r"^Java not found: .*SHOWCASE_REQUIRE_ALL_CHECKS=1"):
        missing("Java not found: apt-get install java")
