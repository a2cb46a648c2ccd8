"""The gallery's registry: what it reads from an example view, and what it refuses at start-up."""

import os
from pathlib import Path

import pytest
from flask import Flask, render_template

from showcase.data import load_data
from showcase.gallery import ExampleError, Gallery


@pytest.fixture
def new_gallery(tmp_path):
    """A gallery for a small app of its own, with one template and one data set with a variant."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "weeks.html").write_text("{% for w in weeks %}{{ w }}{% endfor %}")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "weeks.json").write_text('["HTTP"]')
    (tmp_path / "data" / "weeks.empty.json").write_text("[]")
    app = Flask(__name__, root_path=str(tmp_path))
    return Gallery(app, load_data(tmp_path / "data"))


def test_it_reads_the_template_the_names_and_the_data_from_the_views_source(new_gallery):
    data = new_gallery.data

    @new_gallery.app.route("/examples/weeks")
    @new_gallery.example("Weeks", topic="Data from Python")
    def weeks():
        """Show the weeks.

        More lines of docstring are not the summary.
        """
        return render_template("weeks.html", weeks=data["weeks"], title="Weeks")

    [example] = new_gallery.examples
    assert (example.title, example.topic, example.summary) == ("Weeks", "Data from Python", "Show the weeks.")
    assert example.endpoint == "weeks"
    assert example.templates == ("weeks.html",)
    assert example.context_names == ("weeks", "title")
    assert example.data_names == ("weeks",)
    assert example.variants == ("default", "empty")


def test_a_view_without_a_docstring_is_refused(new_gallery):
    with pytest.raises(ExampleError, match=r"weeks\(\): give it a one-line docstring"):

        @new_gallery.example("Weeks", topic="Data from Python")
        def weeks():
            return render_template("weeks.html")


def test_an_unknown_topic_is_refused(new_gallery):
    with pytest.raises(ExampleError, match="topic 'Misc' is not one of"):

        @new_gallery.example("Weeks", topic="Misc")
        def weeks():
            """Show the weeks."""
            return render_template("weeks.html")


def test_a_missing_template_is_refused(new_gallery):
    with pytest.raises(ExampleError, match=r"weeks\(\): template nowhere.html: nowhere.html"):

        @new_gallery.example("Weeks", topic="Data from Python")
        def weeks():
            """Show the weeks."""
            return render_template("nowhere.html")


def test_a_template_with_a_syntax_error_is_refused(new_gallery, tmp_path):
    (tmp_path / "templates" / "broken.html").write_text("{% for w in weeks %}")
    with pytest.raises(ExampleError, match=r"template broken\.html: Unexpected end of template"):

        @new_gallery.example("Weeks", topic="Data from Python")
        def weeks():
            """Show the weeks."""
            return render_template("broken.html")


def test_a_missing_data_set_is_named_with_the_line_that_reads_it(new_gallery, tmp_path):
    data = new_gallery.data
    with pytest.raises(ExampleError) as caught:

        @new_gallery.example("Weeks", topic="Data from Python")
        def weeks():
            """Show the weeks."""
            return render_template("weeks.html", weeks=data["days"])

    source = Path(__file__).read_text().splitlines()
    line = next(n for n, code in enumerate(source, start=1) if 'weeks=data["days"]' in code)
    column = source[line - 1].index('data["days"]') + 1
    where = os.path.relpath(__file__, tmp_path)  # paths are shown from the app's folder
    assert (
        str(caught.value) == f"{where}:{line}:{column}: data['days'] reads data/days.json, which is missing"
    )


def test_every_route_under_examples_is_a_registered_example(app, gallery):
    routed = {rule.endpoint for rule in app.url_map.iter_rules() if rule.rule.startswith("/examples/")}
    assert routed == set(gallery.by_endpoint)
    assert {"dicts", "lists", "tables", "nested", "tree"} <= routed
