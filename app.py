"""The Flask Templating Showcase: the Python Flask Server Lab, grown up.

Read it top to bottom; it keeps this order:

1. imports
2. the app and its configuration
3. data, loaded once at start-up
4. template filters, tests, globals and context processors
5. routes: the lab's steps, the gallery's pages, then the examples, topic by topic
6. error handlers
7. the entry point, ``python app.py``

Each example view is a few lines you can copy: a route, a one-line docstring
(the lesson the index shows), and a ``render_template`` call that names what
it passes. What serves the gallery itself (loading data, the index of examples,
checking query values, choosing a port) lives in the ``showcase`` package.
"""

import os
import random
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from flask import (
    Flask,
    abort,
    flash,
    g,
    redirect,
    render_template,
    render_template_string,
    request,
    session,
    stream_template,
    url_for,
)
from jinja2 import StrictUndefined
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from showcase.coverage import GROUPS
from showcase.data import load_data
from showcase.gallery import Gallery
from showcase.server import server_options
from showcase.validation import BadQueryValue, QueryTextTooLong, query_choice, query_text

# --- The app and its configuration ------------------------------------------

app = Flask(__name__, template_folder="templates", static_folder="static")
# Sessions and flashed messages are signed with this key. Set SECRET_KEY in the
# environment of a real deployment; without it, each process makes its own.
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or secrets.token_hex(32)
# A mistyped variable name raises an error instead of rendering as nothing.
app.jinja_env.undefined = StrictUndefined
# Jinja's optional extensions that the examples teach: {% do %}, {% break %}
# and {% continue %}, and {% trans %} (with translations that change nothing).
app.jinja_env.add_extension("jinja2.ext.do")
app.jinja_env.add_extension("jinja2.ext.loopcontrols")
app.jinja_env.add_extension("jinja2.ext.i18n")
app.jinja_env.install_null_translations(newstyle=True)

# --- Data, loaded once at start-up --------------------------------------------
# Every data/*.json file is read and checked here, before the first request:
# a broken one stops the program with its file, line and column.

data = load_data(Path(app.root_path) / "data")
gallery = Gallery(app, data)

# --- Template filters, tests, globals and context processors -----------------

# Filters


@app.template_filter()
def allowed_url(url):
    """Return the URL if its scheme is http, https or mailto, else "": a URL not to link."""
    try:
        scheme = urlsplit(url).scheme  # lower case, after the spaces and tabs a browser skips too
    except ValueError:  # not a URL at all, such as "http://[::1"
        return ""
    return url if scheme in ("http", "https", "mailto") else ""


# Tests

# Globals and context processors


@app.context_processor
def inject_course():
    """Give every template the course's code, term and staff email, without a view passing them."""
    return {"course_info": {"code": "CS253", "term": "Fall 2026", "staff_email": "cs253-staff@example.edu"}}


@app.template_global()
def percent(part, whole):
    """Return part as a whole-number percentage of whole, or 0 when whole is 0."""
    return round(100 * part / whole) if whole else 0


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


# --- Routes: the gallery's own pages -------------------------------------------


@app.route("/coverage")
def coverage():
    """List every Jinja construct and Flask feature with the examples and tests that cover it."""
    rows = gallery.coverage
    groups = [(group, [row for row in rows if row.construct.group == group]) for group in GROUPS]
    return render_template("coverage.html", rows=rows, groups=groups, gaps=[row for row in rows if row.gap])


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


# --- Routes: output and expressions -------------------------------------------


# --- Routes: filters ----------------------------------------------------------


# --- Routes: tests ------------------------------------------------------------


# --- Routes: loops and conditionals -------------------------------------------


# --- Routes: assignment and scope ---------------------------------------------


# --- Routes: reuse ------------------------------------------------------------


# --- Routes: inheritance ------------------------------------------------------


# --- Routes: whitespace -------------------------------------------------------


# --- Routes: escaping and safety ----------------------------------------------


@app.route("/examples/autoescape")
@gallery.example("Autoescaping", topic="Escaping and safety")
def autoescape():
    """Show a query-string comment as text: autoescaping, and the escape and forceescape filters."""
    comment = query_text("comment", max_length=200, default='Loved <b>week 5</b> & its "filters" <3')
    return render_template("examples/autoescape.html", comment=comment)


@app.route("/examples/trusted_html")
@gallery.example("Trusted HTML", topic="Escaping and safety")
def trusted_html():
    """Mark HTML the program wrote itself as safe: Markup, the safe filter, and autoescape blocks."""
    hours = data["trusted_html"]
    notice = Markup("Office hours move to <strong>{}</strong> this week.").format(hours["room"])
    return render_template("examples/trusted_html.html", notice=notice, hours=hours)


@app.route("/examples/data_island")
@gallery.example("A JSON data island", topic="Escaping and safety")
def data_island():
    """Hand data to scripts as JSON: the tojson filter in a script element of type application/json."""
    return render_template("examples/data_island.html", office_hours=data["data_island"])


@app.route("/examples/safe_urls")
@gallery.example("Safe URLs", topic="Escaping and safety", also=("allowed_url",))
def safe_urls():
    """Link a URL from a user only if its scheme is allowed: a javascript: URL is shown, not linked."""
    url = query_text("url", max_length=300)
    return render_template("examples/safe_urls.html", links=data["safe_urls"], url=url)


# --- Routes: globals and extensions -------------------------------------------


@app.route("/examples/global_functions")
@gallery.example("Global functions", topic="Globals and extensions")
def global_functions():
    """Lay out lab sections with range(), dict(), cycler(), joiner(), namespace() and lipsum()."""
    return render_template("examples/global_functions.html", sections=data["global_functions"])


@app.route("/examples/extensions")
@gallery.example("Jinja extensions", topic="Globals and extensions")
def extensions():
    """Collect late work with {% do %}, and count it in words with {% trans %} and {% pluralize %}."""
    return render_template("examples/extensions.html", report=data["extensions"])


# --- Routes: Flask's side -----------------------------------------------------


@app.route("/examples/urls/week/<int:week>")
@app.route("/examples/urls")
@gallery.example("Building URLs", topic="Flask's side")
def urls(week=1):
    """Build every link with url_for: route arguments, query values, anchors and static files."""
    weeks = data["urls"]
    if not 1 <= week <= len(weeks):
        abort(404)
    return render_template("examples/urls.html", weeks=weeks, week=week)


@app.route("/examples/search")
@gallery.example("A search form", topic="Flask's side")
def search():
    """Filter a glossary with a GET search form that keeps, and safely echoes, what was typed."""
    query = query_text("q", max_length=50)
    needle = query.strip().casefold()
    terms = [term for term in data["search"] if needle in f"{term['term']} {term['meaning']}".casefold()]
    return render_template("examples/search.html", query=query, terms=terms)


def booking_errors(form, slots):
    """Say what is wrong with an office-hours booking, field by field: an empty dict when nothing is."""
    errors = {}
    if not form.get("name", "").strip() or len(form["name"]) > 60:
        errors["name"] = "Enter your name, in 60 characters or fewer."
    if "@" not in form.get("email", "") or len(form["email"]) > 100:
        errors["email"] = "Enter your email address, such as ada@example.edu."
    if form.get("slot") not in slots:
        errors["slot"] = "Choose one of the times listed."
    if len(form.get("question", "")) > 500:
        errors["question"] = "Keep your question to 500 characters or fewer."
    return errors


@app.route("/examples/forms", methods=["GET", "POST"])
@gallery.example("A POST form", topic="Flask's side", also=("booking_errors",))
def forms():
    """Check a POST form: errors with status 400 and the values kept, or flash and redirect (PRG)."""
    form, errors = request.form.to_dict(), {}
    if request.method == "POST":
        errors = booking_errors(form, data["forms"])
        if not errors:
            flash(f"Booked {form['slot']} for {form['name']}.", "success")
            flash("Bring your laptop, with python app.py running.", "info")
            return redirect(url_for("forms"))
    status = 400 if errors else 200
    return render_template("examples/forms.html", slots=data["forms"], form=form, errors=errors), status


@app.route("/examples/session_g")
@gallery.example("session and g", topic="Flask's side")
def session_g():
    """Count this browser's visits in the session, and keep this request's student in g."""
    session["visits"] = session.get("visits", 0) + 1
    g.student = data["session_g"]
    return render_template("examples/session_g.html")


@app.route("/examples/context_processors")
@gallery.example("Context processors", topic="Flask's side", also=("inject_course",))
def context_processors():
    """Show the course's details, which a context processor gives every template, beside the news."""
    return render_template("examples/context_processors.html", announcements=data["context_processors"])


@app.route("/examples/template_globals")
@gallery.example("Template globals", topic="Flask's side", also=("percent",))
def template_globals():
    """Call a Python function from any template: percent(), registered with @app.template_global."""
    return render_template("examples/template_globals.html", progress=data["template_globals"])


@app.route("/examples/config_values")
@gallery.example("config in templates", topic="Flask's side")
def config_values():
    """Show a few of Flask's settings through config, chosen by name: never the secret ones."""
    shown = ("DEBUG", "TESTING", "SESSION_COOKIE_NAME", "PERMANENT_SESSION_LIFETIME", "MAX_CONTENT_LENGTH")
    return render_template("examples/config_values.html", shown=shown)


@app.route("/examples/error_pages")
@gallery.example(
    "Custom error pages", topic="Flask's side", also=("bad_query_value", "query_text_too_long", "http_error")
)
def error_pages():
    """Answer with the error a form asks for, shown by the app's own error handlers and templates."""
    codes = ("none", "403", "404", "410", "500")
    code = query_choice("code", codes)
    if code != "none":
        abort(int(code))
    return render_template("examples/error_pages.html", codes=codes)


@app.route("/examples/render_string")
@gallery.example("Templates in strings", topic="Flask's side")
def render_string():
    """Render a constant template string, with the user's name passed as a variable, never as code."""
    name = query_text("name", max_length=40, default="Ada")
    source = '<p class="greeting">Hello, {{ name }}! Welcome to CS253.</p>'
    html = render_template_string(source, name=name)
    return render_template("examples/render_string.html", source=source, name=name, html=html)


@app.route("/examples/streaming")
@gallery.example("Streaming a long page", topic="Flask's side")
def streaming():
    """Send a long access log as it renders, with stream_template instead of render_template."""
    return stream_template("examples/streaming.html", log=data["streaming"])


# --- Error handlers -----------------------------------------------------------


@app.errorhandler(BadQueryValue)
def bad_query_value(error):
    """Say which values a query parameter allows, and show the one that was sent."""
    return render_template("errors/bad_query_value.html", error=error), 400


@app.errorhandler(QueryTextTooLong)
def query_text_too_long(error):
    """Say how long a query parameter's text may be, and show the text that was sent."""
    return render_template("errors/query_text_too_long.html", error=error), 400


@app.errorhandler(HTTPException)
def http_error(error):
    """Show any HTTP error (404, 405, 500...) as a page in the site's style."""
    return render_template("errors/error.html", error=error), error.code, error.get_headers()


# --- The entry point: python app.py -------------------------------------------

if __name__ == "__main__":
    options = server_options()  # --host/HOST, --port/PORT, else a free random port
    print(f" * Open {options.url} in your browser", flush=True)
    app.run(host=options.host, port=options.port, debug=options.debug)
