"""The data loader: every file read once at start-up, and a broken one named with line and column."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from showcase.data import DataFileError, load_data, variants

PROJECT = Path(__file__).resolve().parent.parent


def write(folder, files):
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


def problem(tmp_path, files):
    """The one-line message load_data stops with for these files."""
    with pytest.raises(DataFileError) as caught:
        load_data(write(tmp_path / "data", files))
    return str(caught.value)


def test_every_file_is_a_plain_dict_entry_named_after_the_file(tmp_path):
    data = load_data(write(tmp_path / "data", {"weeks.json": '["HTTP", "Flask"]', "weeks.empty.json": "[]"}))
    assert type(data) is dict
    assert data == {"weeks": ["HTTP", "Flask"], "weeks.empty": []}
    assert variants(data, "weeks") == ("default", "empty")


def test_the_apps_data_files_are_all_loaded(data):
    assert sorted(data) == sorted(
        path.name.removesuffix(".json") for path in (PROJECT / "data").glob("*.json")
    )
    assert data["tables"][0]["phrase"] == "OK"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{\n  "a": 1,\n  "b": [1,, 2]\n}', "data/broken.json:3:11: Expecting value"),
        ('{\n  "a": 1\n  "b": 2\n}', "data/broken.json:3:3: Expecting ',' delimiter"),
        ("", "data/broken.json:1:1: Expecting value"),
        ('["unterminated]', "data/broken.json:1:2: Unterminated string starting at"),
    ],
)
def test_malformed_json_is_named_with_line_and_column(tmp_path, content, expected):
    assert problem(tmp_path, {"broken.json": content}) == expected


def test_text_that_is_not_utf8_is_named_with_line_and_column(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "latin.json").write_bytes('[\n  "caf\u00e9"\n]'.encode("latin-1"))
    assert problem(tmp_path, {}) == "data/latin.json:2:7: not UTF-8 text"


def test_a_row_with_other_keys_than_the_first_is_named(tmp_path):
    rows = '[\n  {"code": 200, "phrase": "OK"},\n  {"cdoe": 404, "phrase": "Not Found"}\n]'
    assert problem(tmp_path, {"codes.json": rows}) == (
        "data/codes.json:3:3: keys differ from the first row's: no 'code' and an unexpected 'cdoe'"
    )


def test_a_row_value_of_another_kind_is_named(tmp_path):
    rows = '[\n  {"code": 200},\n  {"code": "404"}\n]'
    assert (
        problem(tmp_path, {"codes.json": rows})
        == "data/codes.json:3:12: a string where the first row has a number"
    )


def test_a_variant_shaped_unlike_its_default_is_named(tmp_path):
    files = {"codes.json": '[{"code": 200}]', "codes.tricky.json": '[\n  {"code": 200, "extra": 1}\n]'}
    assert problem(tmp_path, files) == (
        "data/codes.tricky.json:2:3: keys differ from codes.json's: an unexpected 'extra'"
    )


def test_a_variant_without_its_default_is_named(tmp_path):
    assert problem(tmp_path, {"weeks.empty.json": "[]"}) == (
        "data/weeks.empty.json:1:1: a variant of weeks.json, which is missing"
    )


def test_a_file_name_that_is_not_a_name_is_refused(tmp_path):
    assert problem(tmp_path, {"My Weeks.json": "[]"}) == (
        "data/My Weeks.json:1:1: name a data file name.json or name.variant.json, in lower case"
    )


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(DataFileError, match=r"^data/:1:1: the data folder is missing$"):
        load_data(tmp_path / "data")


def test_a_data_file_error_ends_the_program_with_status_1():
    error = DataFileError("data/x.json", 2, 3, "Expecting value")
    assert isinstance(error, SystemExit)
    assert str(error) == "data/x.json:2:3: Expecting value"


# --- Start-up, as a user runs it ------------------------------------------------


@pytest.fixture
def project(tmp_path):
    """A copy of the project to break: app.py, showcase/, templates/, static/, data/, exercises/."""
    shutil.copy(PROJECT / "app.py", tmp_path)
    for folder in ("showcase", "templates", "static", "data", "exercises"):
        shutil.copytree(PROJECT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def start(project):
    """Run python app.py in the project; it should stop at once, before serving."""
    return subprocess.run(
        [sys.executable, "app.py", "--port", "1"],
        cwd=project,
        env={**os.environ, "SECRET_KEY": "test-key"},  # as deployed: only the data's error is said
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_a_corrupted_data_file_stops_start_up_with_one_line(project):
    path = project / "data" / "tables.json"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace('"phrase":', '"phrase"')  # drop a colon on line 3
    path.write_text("\n".join(lines), encoding="utf-8")
    column = lines[2].index('"phrase"') + len('"phrase"') + 2
    result = start(project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"data/tables.json:3:{column}: Expecting ':' delimiter\n"


def test_a_missing_data_file_stops_start_up_naming_the_line_that_reads_it(project):
    for path in (project / "data").glob("lists*.json"):
        path.unlink()
    source = (project / "app.py").read_text(encoding="utf-8").splitlines()
    line = next(n for n, code in enumerate(source, start=1) if 'data["lists"]' in code)
    column = source[line - 1].index('data["lists"]') + 1
    result = start(project)
    assert result.returncode == 1
    assert result.stderr == f"app.py:{line}:{column}: data['lists'] reads data/lists.json, which is missing\n"
