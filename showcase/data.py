"""Read the JSON files in data/ once, at start-up, and check them there.

Every ``data/<name>.json`` is a data set; ``data/<name>.<variant>.json`` is a
variant of it (``empty``, ``tricky``...). What ``load_data`` returns is a plain
dict keyed by the file's name without ``.json``: ``data["tables"]`` holds
``data/tables.json``, ``data["tables.empty"]`` holds ``data/tables.empty.json``.
A file that is missing, malformed, or shaped unlike its siblings stops the
program with one line: ``data/tables.json:12:5: message``.
"""

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from showcase import StartupError

DEFAULT = "default"
NAME = re.compile(r"[a-z][a-z0-9_]*\Z")


class DataFileError(StartupError):
    """A data file that cannot be used: ``data/tables.json:12:5: what is wrong``."""

    def __init__(self, path: str, line: int, column: int, problem: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {problem}")
        self.path, self.line, self.column, self.problem = path, line, column, problem


def variants(data: dict[str, Any], name: str) -> tuple[str, ...]:
    """The variants of the data set ``name``: ``default`` first, then the others by name."""
    prefix = name + "."
    return (DEFAULT, *sorted(key.removeprefix(prefix) for key in data if key.startswith(prefix)))


def variant_key(name: str, variant: str) -> str:
    """The key of ``name`` in ``variant``: ``tables`` in ``default``, else ``tables.empty``."""
    return name if variant == DEFAULT else f"{name}.{variant}"


def load_data(folder: Path) -> dict[str, Any]:
    """Load and check every ``*.json`` file in ``folder``; raise DataFileError on the first problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataFileError(folder.name + "/", 1, 1, "the data folder is missing")
    sets: dict[str, dict[str, Any]] = {}
    texts: dict[tuple[str, str], tuple[str, str]] = {}
    for path in sorted(folder.glob("*.json")):
        shown = f"{folder.name}/{path.name}"
        name, _, variant = path.stem.partition(".")
        variant = variant or DEFAULT
        if not NAME.match(name) or not NAME.match(variant):
            raise DataFileError(shown, 1, 1, "name a data file name.json or name.variant.json, in lower case")
        text = read_text(path, shown)
        value = parse_json(text, shown)
        for keys, problem in _shape_problems(value):
            raise DataFileError(shown, *_position(text, keys), problem)
        sets.setdefault(name, {})[variant] = value
        texts[name, variant] = shown, text

    for name, variants in sets.items():
        if DEFAULT not in variants:
            some = next(iter(variants))
            raise DataFileError(texts[name, some][0], 1, 1, f"a variant of {name}.json, which is missing")
        for variant, value in variants.items():
            for keys, problem in _differences(variants[DEFAULT], value, f"{name}.json"):
                shown, text = texts[name, variant]
                raise DataFileError(shown, *_position(text, keys), problem)
    return {
        variant_key(name, variant): value
        for name, variants_ in sets.items()
        for variant, value in sorted(variants_.items(), key=lambda item: item[0] != DEFAULT)
    }


def read_text(path: Path, shown: str) -> str:
    """A file's text: DataFileError, naming where, if it is not UTF-8."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise DataFileError(shown, line, column, "not UTF-8 text") from None


def parse_json(text: str, shown: str) -> Any:
    """JSON text's value: DataFileError, naming the line and column, if it is not JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DataFileError(shown, error.lineno, error.colno, error.msg) from None


# --- Shape checks -------------------------------------------------------------
# The objects in a list are rows of a table: they have the same keys, with values
# of the same kinds, in a file and in its variants. This catches the typo ("cdoe"
# for "code") that would otherwise fail only when a page shows that row. An
# object that is not in a list is a mapping, free to have other keys in a variant.
# null stands for a value of any kind; an empty list or object matches any other.

Keys = tuple[str | int, ...]


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _shape_problems(value: Any, keys: Keys = ()) -> Iterator[tuple[Keys, str]]:
    """Where rows in one list differ from the first row."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _shape_problems(item, (*keys, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if index:
                yield from _differences(value[0], item, "the first row", (*keys, index), row=True)
            yield from _shape_problems(item, (*keys, index))


def _differences(
    expected: Any, actual: Any, than: str, keys: Keys = (), row: bool = False
) -> Iterator[tuple[Keys, str]]:
    """Where ``actual`` has another shape than ``expected`` (which is ``than``)."""
    if expected is None or actual is None:
        return
    if _kind(expected) != _kind(actual):
        yield keys, f"{_kind(actual)} where {than} has {_kind(expected)}"
    elif isinstance(expected, dict) and expected and actual:
        if row and expected.keys() != actual.keys():
            missing = [repr(key) for key in expected if key not in actual]
            extra = [repr(key) for key in actual if key not in expected]
            said = ["no " + ", ".join(missing)] if missing else []
            said += ["an unexpected " + ", ".join(extra)] if extra else []
            yield keys, f"keys differ from {than}'s: " + " and ".join(said)
        for key in [key for key in expected if key in actual]:
            yield from _differences(expected[key], actual[key], than, (*keys, key), row)
    elif isinstance(expected, list) and expected and actual:
        for index, item in enumerate(actual):
            yield from _differences(expected[0], item, than, (*keys, index), row=True)


# --- Positions ----------------------------------------------------------------

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _position(text: str, keys: Keys) -> tuple[int, int]:
    """Line and column (from 1) where the value at ``keys`` starts in the JSON ``text``."""
    at = _SPACE.match(text).end()
    for key in keys:
        at = _SPACE.match(text, at + 1).end()  # past "[" or "{"
        if isinstance(key, int):
            for _ in range(key):
                at = _skip(text, at)
        else:
            while True:
                found, at = _DECODER.raw_decode(text, at)
                at = _SPACE.match(text, _SPACE.match(text, at).end() + 1).end()  # past ":"
                if found == key:
                    break
                at = _skip(text, at)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def _skip(text: str, at: int) -> int:
    """Skip the value at ``at`` and the comma after it; return where the next one starts."""
    _, at = _DECODER.raw_decode(text, at)
    return _SPACE.match(text, _SPACE.match(text, at).end() + 1).end()
