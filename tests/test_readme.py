"""The README's commands and tour: they must say what the code does."""

import inspect
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import html_helpers
from app import app as showcase_app
from app import base_page, hello
from showcase import exercises
from showcase.catalog import TOPICS

PROJECT = Path(__file__).resolve().parent.parent
README = (PROJECT / "README.md").read_text(encoding="utf-8")
RUN = "pip install -r requirements.txt && python app.py"
EXERCISES = showcase_app.extensions["showcase.exercises"]
TEST = "pip install -r requirements.txt && python -m pytest"
VENV = (
    "python3 -m venv .venv && source .venv/bin/activate    "
    "# Windows: py -m venv .venv, then .venv\\Scripts\\activate"
)


def tour():
    """The rows of the README's tour table: {url: (template, what it teaches)}."""
    section = README.split("## The tour", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(/[^`]*)` \| (.+?) \| (.+?) \|$", section, flags=re.MULTILINE)
    return {url: (template.strip("`"), teaches) for url, template, teaches in rows}


def test_the_readme_gives_the_two_commands_after_the_virtual_environment():
    assert f"```sh\n{VENV}\n{RUN}\n```" in README
    assert f"```sh\n{TEST}\n```" in README
    assert README.index(VENV) < README.index(RUN) < README.index(TEST)


def test_ci_runs_the_readmes_test_command():
    assert TEST in (PROJECT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_the_tour_lists_every_example_with_its_template_and_lesson(gallery):
    rows = tour()
    expected = {f"/examples/{e.endpoint}": (e.template, e.summary) for e in gallery.examples}
    assert {url: row for url, row in rows.items() if url.startswith("/examples/")} == expected


def test_the_tour_lists_the_labs_pages():
    rows = tour()
    assert rows["/"] == ("base.html", inspect.getdoc(base_page))
    assert rows["/hello"][1] == inspect.getdoc(hello)
    assert len(rows) >= 7


def test_the_readme_counts_the_exercises_of_each_kind():
    kinds = [sum(exercise.kind == kind for exercise in EXERCISES.values()) for kind in ("template", "test")]
    said = (
        f"There are {len(EXERCISES)} exercises, at least one for each of the {len(TOPICS)} topics, "
        f"of two kinds ({kinds[0]} and {kinds[1]}):"
    )
    assert said in README


def test_the_tour_lists_the_exercises_pages():
    rows = tour()
    assert rows["/exercises"] == ("exercises.html", inspect.getdoc(exercises.index))
    assert rows["/exercises/number_the_weeks"] == ("exercise.html", inspect.getdoc(exercises.exercise))


def three_steps():
    """The README's "Test your own Flask app" section: its conftest.py and its test, as written."""
    section = README.split("### Test your own Flask app the same way", 1)[1].split("\n## ", 1)[0]
    conftest, test = (
        textwrap.dedent(block) for block in re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    )
    return conftest, test


WEEKS_APP = """\
from flask import Flask, render_template_string

app = Flask(__name__)


@app.route("/weeks")
def weeks():
    template = '''<ol class="weeks">
      {% for week in weeks %}<li>Week {{ loop.index }}: {{ week }}</li>{% endfor %}
    </ol>'''
    return render_template_string(template, weeks=WEEKS)


WEEKS = ["Networking", "Flask", "Jinja"]
"""


def run_pytest(folder):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=folder, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_the_three_steps_work_in_an_empty_project_and_fail_when_the_page_breaks(tmp_path):
    conftest, test = three_steps()
    # The helpers' own docstring shows the same test, word for word.
    docstring = inspect.getdoc(html_helpers).split("Then, in a test::", 1)[1]
    assert " ".join(textwrap.dedent(docstring).split()) == " ".join(test.split())
    (tmp_path / "tests").mkdir()
    shutil.copy(PROJECT / "tests" / "html_helpers.py", tmp_path / "tests")
    (tmp_path / "tests" / "conftest.py").write_text(conftest)
    (tmp_path / "tests" / "test_weeks.py").write_text(test)
    (tmp_path / "app.py").write_text(WEEKS_APP)
    passed = run_pytest(tmp_path)
    assert passed.returncode == 0, passed.stdout[-2000:]
    assert "1 passed" in passed.stdout
    (tmp_path / "app.py").write_text(WEEKS_APP.replace("loop.index", "loop.index0"))
    assert run_pytest(tmp_path).returncode == 1  # the test sees the page break
