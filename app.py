"""The Flask Templating Showcase: the Python Flask Server Lab, grown up.

Read it top to bottom; it keeps this order:

1. imports
2. the app and its configuration
3. data, loaded once at start-up
4. routes: the lab's steps, then the examples, topic by topic
5. error handlers
6. the entry point, ``python app.py``

Each example view is a few lines you can copy: a route, a one-line docstring
(the lesson the index shows), and a ``render_template`` call that names what
it passes. What serves the gallery itself (loading data, the index of examples,
checking query values, choosing a port) lives in the ``showcase`` package.
"""

import random
from pathlib import Path

from flask import Flask, render_template
from jinja2 import StrictUndefined
from werkzeug.exceptions import HTTPException

from showcase import playground
from showcase.data import load_data
from showcase.gallery import Gallery
from showcase.server import server_options
from showcase.validation import BadQueryValue, query_choice

# --- The app and its configuration ------------------------------------------

app = Flask(__name__, template_folder="templates", static_folder="static")
# A mistyped variable name raises an error instead of rendering as nothing.
app.jinja_env.undefined = StrictUndefined

# --- Data, loaded once at start-up --------------------------------------------
# Every data/*.json file is read and checked here, before the first request:
# a broken one stops the program with its file, line and column.

data = load_data(Path(app.root_path) / "data")
gallery = Gallery(app, data)

# --- Routes: the lab, step by step ------------------------------------------


@app.route("/hello")
def hello():
    """Return a plain string: the lab's first route."""
    return "I love CS253!"


@app.route("/")
def base_page():
    """Render base.html with a fresh random number, as the lab's last step does."""
    random_number = random.randint(1, 100000)
    return render_template("base.html", random_number=random_number, topics=gallery.topics())


# --- Routes: data from Python -------------------------------------------------


@app.route("/examples/dicts")
@gallery.example("Dicts", topic="Data from Python")
def dicts():
    """Look up a dict's keys as attributes or subscripts, and loop over its items."""
    return render_template("examples/dicts.html", course=data["dicts"])


@app.route("/examples/lists")
@gallery.example("Lists", topic="Data from Python")
def lists():
    """Loop over a list with loop.index, loop.first and loop.last, and handle an empty one."""
    return render_template("examples/lists.html", weeks=data["lists"])


@app.route("/examples/tables")
@gallery.example("A sortable table", topic="Data from Python")
def tables():
    """Show a list of dicts as a table, sorted by the column the query string names."""
    columns = ("code", "phrase", "category")
    sort = query_choice("sort", columns)
    order = query_choice("order", ("asc", "desc"))
    return render_template(
        "examples/tables.html", status_codes=data["tables"], columns=columns, sort=sort, order=order
    )


@app.route("/examples/nested")
@gallery.example("A dict of lists", topic="Data from Python")
def nested():
    """Loop inside a loop to show a dict whose values are lists."""
    return render_template("examples/nested.html", units=data["nested"])


@app.route("/examples/tree")
@gallery.example("A tree", topic="Data from Python")
def tree():
    """Show a tree of any depth with a recursive loop."""
    return render_template("examples/tree.html", project=data["tree"])


# --- Routes: the playground ---------------------------------------------------
# /playground and /api/render live in showcase/playground.py: a blueprint,
# so that the sandbox's machinery stays out of this file.

app.register_blueprint(playground.bp)


# --- Error handlers -----------------------------------------------------------


@app.errorhandler(BadQueryValue)
def bad_query_value(error):
    """Say which values a query parameter allows, and show the one that was sent."""
    return render_template("errors/bad_query_value.html", error=error), 400


@app.errorhandler(HTTPException)
def http_error(error):
    """Show any HTTP error (404, 405, 500...) as a page in the site's style."""
    return render_template("errors/error.html", error=error), error.code, error.get_headers()


# --- The entry point: python app.py -------------------------------------------

if __name__ == "__main__":
    options = server_options()  # --host/HOST, --port/PORT, else a free random port
    print(f" * Open {options.url} in your browser", flush=True)
    app.run(host=options.host, port=options.port, debug=options.debug)
