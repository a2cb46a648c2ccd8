"""How each test of this run ended, by test function: filled in by a hook in conftest.py.

A parametrized test's cases share one entry, ``tests/test_routes.py::test_page_is_...``,
holding every outcome its cases had ("passed", "failed", "skipped").
"""

OUTCOMES: dict[str, set[str]] = {}
