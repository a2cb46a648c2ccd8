"""The gallery's registry: what it reads from an example view, and what it refuses at start-up."""

import importlib
import os
from pathlib import Path

import pytest
from flask import Flask, render_template

from showcase.catalog import TOPICS
from showcase.data import load_data
from showcase.gallery import ExampleError, Gallery


@pytest.fixture
def new_app(tmp_path):
    """A small app of its own, with one template, its lesson, and one data set with a variant."""
    (tmp_path / "templates" / "lessons").mkdir(parents=True)
    (tmp_path / "templates" / "weeks.html").write_text(
        "{% block title %}Weeks{% endblock %}"
        "{% block content %}{% for w in weeks %}{{ w }}{% endfor %}{% endblock %}"
    )
    (tmp_path / "templates" / "lessons" / "weeks.html").write_text("<p>Loop.</p>")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "weeks.json").write_text('["HTTP"]')
    (tmp_path / "data" / "weeks.empty.json").write_text("[]")
    return Flask(__name__, root_path=str(tmp_path))


# What the views below read, as app.py's views read theirs: a dict of their module.
data = {"weeks": ["HTTP"], "weeks.empty": []}


def gallery_of(app, topic="Data from Python"):
    return Gallery(app, load_data(Path(app.root_path) / "data"), {topic: ("weeks",)})


def test_it_reads_the_title_the_template_the_names_and_the_data_from_the_examples_files(new_app):
    @new_app.route("/examples/weeks")
    def weeks():
        """Show the weeks.

        More lines of docstring are not the summary.
        """
        return render_template("weeks.html", weeks=data["weeks"], title="Weeks")

    [example] = gallery_of(new_app).examples
    assert (example.title, example.topic, example.summary) == ("Weeks", "Data from Python", "Show the weeks.")
    assert example.endpoint == "weeks"
    assert example.templates == ("weeks.html",)
    assert example.context_names == ("weeks", "title")
    assert example.data_names == ("weeks",)
    assert example.variants == ("default", "empty")


def test_a_variant_runs_the_same_view_with_the_variants_data(new_app, tmp_path, monkeypatch):
    # The view reads data from its module, as app.py's views do: a module of its own here.
    (tmp_path / "weeks_app.py").write_text(
        "from flask import render_template\n"
        "data = {'weeks': ['HTTP'], 'weeks.empty': []}\n"
        "def weeks():\n"
        '    """Show the weeks."""\n'
        "    return render_template('weeks.html', weeks=data['weeks'])\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("weeks_app")
    new_app.add_url_rule("/examples/weeks", view_func=module.weeks)
    gallery_of(new_app)
    client = new_app.test_client()
    assert client.get("/examples/weeks").text == "WeeksHTTP"
    assert client.get("/examples/weeks?variant=empty").text == "Weeks"
    assert client.get("/examples/weeks").text == "WeeksHTTP"  # the view's own data is untouched
    assert module.data == {"weeks": ["HTTP"], "weeks.empty": []}
    assert client.get("/examples/weeks?variant=full").status_code == 400


def test_a_view_that_reads_data_from_a_closure_is_refused(new_app):
    data = {"weeks": []}

    @new_app.route("/examples/weeks")
    def weeks():
        """Show the weeks."""
        return render_template("weeks.html", weeks=data["weeks"])

    with pytest.raises(ExampleError, match=r"weeks\(\): read data from a dict of the view's module"):
        gallery_of(new_app)


def test_a_name_the_app_does_not_route_is_refused(new_app):
    with pytest.raises(ExampleError, match="'weeks' is not a view of the app"):
        gallery_of(new_app)


def test_a_view_without_a_docstring_is_refused(new_app):
    @new_app.route("/examples/weeks")
    def weeks():
        return render_template("weeks.html")

    with pytest.raises(ExampleError, match=r"weeks\(\): give it a one-line docstring"):
        gallery_of(new_app)


def test_a_template_without_a_title_is_refused(new_app, tmp_path):
    (tmp_path / "templates" / "untitled.html").write_text("{% block content %}{% endblock %}")

    @new_app.route("/examples/weeks")
    def weeks():
        """Show the weeks."""
        return render_template("untitled.html")

    with pytest.raises(ExampleError, match=r"weeks\(\): give untitled.html a title"):
        gallery_of(new_app)


def test_a_missing_template_is_refused(new_app):
    @new_app.route("/examples/weeks")
    def weeks():
        """Show the weeks."""
        return render_template("nowhere.html")

    with pytest.raises(ExampleError, match=r"weeks\(\): template nowhere.html: nowhere.html"):
        gallery_of(new_app)


def test_a_missing_lesson_is_refused(new_app, tmp_path):
    (tmp_path / "templates" / "lessons" / "weeks.html").unlink()

    @new_app.route("/examples/weeks")
    def weeks():
        """Show the weeks."""
        return render_template("weeks.html", weeks=[])

    with pytest.raises(ExampleError, match=r"weeks\(\): template lessons/weeks.html"):
        gallery_of(new_app)


def test_a_template_with_a_syntax_error_is_refused(new_app, tmp_path):
    (tmp_path / "templates" / "broken.html").write_text("{% for w in weeks %}")

    @new_app.route("/examples/weeks")
    def weeks():
        """Show the weeks."""
        return render_template("broken.html")

    with pytest.raises(ExampleError, match=r"template broken\.html: Unexpected end of template"):
        gallery_of(new_app)


def test_a_missing_data_set_is_named_with_the_line_that_reads_it(new_app, tmp_path):
    @new_app.route("/examples/weeks")
    def weeks():
        """Show the weeks."""
        return render_template("weeks.html", weeks=data["days"])

    with pytest.raises(ExampleError) as caught:
        gallery_of(new_app)
    source = Path(__file__).read_text().splitlines()
    line = next(n for n, code in enumerate(source, start=1) if 'weeks=data["days"]' in code)
    column = source[line - 1].index('data["days"]') + 1
    where = os.path.relpath(__file__, tmp_path)  # paths are shown from the app's folder
    assert (
        str(caught.value) == f"{where}:{line}:{column}: data['days'] reads data/days.json, which is missing"
    )


def test_every_route_under_examples_is_an_example_or_its_download(app, gallery):
    routed = {rule.endpoint for rule in app.url_map.iter_rules() if rule.rule.startswith("/examples/")}
    assert routed == {*gallery.by_endpoint, "download"}
    assert {"dicts", "lists", "tables", "nested", "tree"} <= routed


def test_the_catalog_names_every_example_once():
    named = [endpoint for endpoints in TOPICS.values() for endpoint in endpoints]
    assert len(named) == len(set(named)) == 50
