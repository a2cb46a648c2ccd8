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
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
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
    send_from_directory,
    session,
    stream_template,
    url_for,
)
from jinja2 import StrictUndefined
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from showcase import exercises, playground
from showcase.coverage import GROUPS
from showcase.data import load_data
from showcase.export import freeze_command
from showcase.gallery import Gallery
from showcase.security import SECURITY_HEADERS
from showcase.server import server_options
from showcase.validation import BadQueryValue, QueryTextTooLong, query_choice, query_text

# --- The app and its configuration ------------------------------------------

app = Flask(__name__, template_folder="templates", static_folder="static")
# Sessions and flashed messages are signed with SECRET_KEY, read from the
# environment so that it never sits in the code or in a page.
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY")
NO_SECRET_KEY = (
    "SECRET_KEY is not set, so this process made up its own: sessions and flashed messages end "
    "when it restarts, and break across several worker processes. Set SECRET_KEY to serve for real."
)
if not app.config["SECRET_KEY"]:
    app.config["SECRET_KEY"] = secrets.token_hex(32)
    # Said when the app is about to serve: by python app.py once its options are good (at the
    # end), never by flask --app app freeze, which writes files and serves no one.
    if __name__ != "__main__" and "freeze" not in sys.argv[1:]:
        app.logger.warning(NO_SECRET_KEY)
# A mistyped variable name raises an error instead of rendering as nothing.
app.jinja_env.undefined = StrictUndefined
# Jinja's optional extensions that the examples teach: {% do %}, {% break %}
# and {% continue %}, and {% trans %} (with translations that change nothing).
app.jinja_env.add_extension("jinja2.ext.do")
app.jinja_env.add_extension("jinja2.ext.loopcontrols")
app.jinja_env.add_extension("jinja2.ext.i18n")
app.jinja_env.install_null_translations(newstyle=True)
# flask --app app freeze: the whole site as plain files (see showcase/export.py).
app.cli.add_command(freeze_command)


@app.after_request
def add_security_headers(response):
    """Send the security headers (see showcase/security.py) with every response."""
    for header, value in SECURITY_HEADERS.items():
        response.headers.setdefault(header, value)
    return response


# --- Data, loaded once at start-up --------------------------------------------
# Every data/*.json file is read and checked here, before the first request:
# a broken one stops the program with its file, line and column.

data = load_data(Path(app.root_path) / "data")

# JSON has no objects of your own, so the views build them from its rows.


@dataclass
class Student:
    """A student of the course and their lab scores, one row of data/objects.json."""

    name: str
    email: str
    scores: list[int]

    @property
    def average(self) -> float:
        """The mean score, or 0.0 before the first lab: a property, read without ()."""
        return sum(self.scores) / len(self.scores) if self.scores else 0.0

    def initials(self) -> str:
        """The first letter of each name, "Priya Natarajan" giving "PN": a method, called with ()."""
        return "".join(name[0] for name in self.name.split())


# --- Template filters, tests, globals and context processors -----------------

# Filters


@app.template_filter("show_whitespace")
def show_whitespace(text):
    """Escape text, then mark each space with ·, tab with → and line break with ↵, to show them in a <pre>."""
    # Escape first, then add markup: only these three constant spans are trusted, never the text.
    return (
        escape(text)
        .replace(" ", Markup('<span class="ws-space">·</span>'))
        .replace("\t", Markup('<span class="ws-tab">→</span>\t'))
        .replace("\n", Markup('<span class="ws-newline">↵</span>\n'))
    )


@app.template_filter("plural")
def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """Count in words: 1|plural("quiz", "quizzes") is "1 quiz", 3|plural("lab") is "3 labs"."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


@app.template_filter("format_date")
def format_date(value: date, fmt: str = "%a %d %b %Y") -> str:
    """Format a date or a datetime for people: "Fri 25 Sep 2026", or as the strftime format says."""
    return value.strftime(fmt)


@app.template_filter()
def allowed_url(url):
    """Return the URL if its scheme is http, https or mailto, else "": a URL not to link."""
    try:
        scheme = urlsplit(url).scheme  # lower case, after the spaces and tabs a browser skips too
    except ValueError:  # not a URL at all, such as "http://[::1"
        return ""
    return url if scheme in ("http", "https", "mailto") else ""


# Tests


@app.template_test("blank")
def is_blank(value: object) -> bool:
    """True for None and for text of nothing but white space: {% if week.notes is blank %}."""
    return value is None or (isinstance(value, str) and not value.strip())


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


@app.route("/favicon.ico")
def favicon():
    """Send the site's icon from where every browser asks for it, even for a page that names none."""
    return send_from_directory(app.static_folder, "favicon.ico", mimetype="image/vnd.microsoft.icon")


@app.route("/testing")
def testing():
    """Show how to test a Flask page by its HTML, with recipes from this project's own tests."""
    return render_template("testing.html")


# --- Routes: data from Python -------------------------------------------------


@app.route("/examples/lists")
def lists():
    """Loop over a list with loop.index, loop.first and loop.last, and handle an empty one."""
    return render_template("examples/lists.html", weeks=data["lists"])


@app.route("/examples/dicts")
def dicts():
    """Look up a dict's keys as attributes or subscripts, and loop over its items."""
    return render_template("examples/dicts.html", course=data["dicts"])


@app.route("/examples/tables")
def tables():
    """Show a list of dicts as a table, sorted by the column the query string names."""
    columns = ("code", "phrase", "category")
    sort = query_choice("sort", columns)
    order = query_choice("order", ("asc", "desc"))
    return render_template(
        "examples/tables.html", status_codes=data["tables"], columns=columns, sort=sort, order=order
    )


@app.route("/examples/nested")
def nested():
    """Loop inside a loop to show a dict whose values are lists."""
    return render_template("examples/nested.html", units=data["nested"])


@app.route("/examples/tree")
def tree():
    """Show a tree of any depth with a recursive loop."""
    return render_template("examples/tree.html", project=data["tree"])


@app.route("/examples/python_types")
def python_types():
    """Pass a tuple, a set, None and booleans, and see how each prints and how to test it."""
    course = data["python_types"]
    # JSON has lists but no tuples or sets: the view makes them.
    room, languages = tuple(course["room"]), set(course["languages"])
    return render_template(
        "examples/python_types.html", room=room, languages=languages, ta=course["ta"], is_open=course["open"]
    )


@app.route("/examples/objects")
def objects():
    """Read a dataclass's fields and a property, and call its method, from the template."""
    students = [Student(**row) for row in data["objects"]]
    return render_template("examples/objects.html", students=students)


@app.route("/examples/dates")
def dates():
    """Turn ISO strings into dates in the view, and format them in the template with a filter."""
    course = data["dates"]
    today = date.fromisoformat(course["today"])  # fixed, so the page reads the same every day
    assignments = [dict(row, due=datetime.fromisoformat(row["due"])) for row in course["assignments"]]
    return render_template("examples/dates.html", assignments=assignments, today=today)


# --- Routes: output and expressions -------------------------------------------


@app.route("/examples/output")
def output():
    """Print values with {{ }}, write literals of every kind, join with ~ and comment with {# #}."""
    return render_template("examples/output.html", course=data["output"])


@app.route("/examples/expressions")
def expressions():
    """Compute in the template: arithmetic, comparisons, and, or, not, in, inline if, methods."""
    return render_template("examples/expressions.html", lab=data["expressions"])


@app.route("/examples/undefined")
def undefined():
    """Fall back on a default for a missing value, and test whether a name is defined."""
    return render_template("examples/undefined.html", student=data["undefined"])


# --- Routes: filters ----------------------------------------------------------


@app.route("/examples/string_filters")
def string_filters():
    """Change text with filters: case, spaces, truncating, replacing, wrapping and links."""
    return render_template("examples/string_filters.html", post=data["string_filters"])


@app.route("/examples/number_filters")
def number_filters():
    """Round, convert and format numbers for people, and show file sizes."""
    return render_template("examples/number_filters.html", report=data["number_filters"])


@app.route("/examples/list_filters")
def list_filters():
    """Count, sort, reverse, de-duplicate and total a list with filters."""
    return render_template("examples/list_filters.html", students=data["list_filters"])


@app.route("/examples/select_filters")
def select_filters():
    """Pick one attribute with map, and keep or drop items with select, reject and selectattr."""
    return render_template("examples/select_filters.html", submissions=data["select_filters"])


@app.route("/examples/group_filters")
def group_filters():
    """Split a list into rows with batch, columns with slice, and groups with groupby."""
    return render_template("examples/group_filters.html", students=data["group_filters"])


@app.route("/examples/dict_filters")
def dict_filters():
    """Sort a dict by key or by value, loop over its items, and make HTML attributes from it."""
    return render_template("examples/dict_filters.html", course=data["dict_filters"])


@app.route("/examples/custom_filters")
def custom_filters():
    """Filter a whole block with {% filter %}, and write a filter of your own in Python."""
    return render_template("examples/custom_filters.html", lab=data["custom_filters"])


# --- Routes: tests ------------------------------------------------------------


@app.route("/examples/type_tests")
def type_tests():
    """Ask what a value is with is none, is number, is string, is mapping, is sequence..."""
    return render_template("examples/type_tests.html", profile=data["type_tests"])


@app.route("/examples/value_tests")
def value_tests():
    """Test values with odd, even, divisibleby, in and comparisons, and write a test of your own."""
    return render_template("examples/value_tests.html", course=data["value_tests"])


# --- Routes: loops and conditionals -------------------------------------------


@app.route("/examples/conditionals")
def conditionals():
    """Choose one branch of if / elif / else: turn each student's score into a letter grade."""
    return render_template("examples/conditionals.html", students=data["conditionals"])


@app.route("/examples/loop_variable")
def loop_variable():
    """Number, count and mark rows with loop.index, loop.length, loop.first and friends."""
    return render_template("examples/loop_variable.html", queue=data["loop_variable"])


@app.route("/examples/loop_helpers")
def loop_helpers():
    """Stripe rows with loop.cycle, head groups with loop.changed, and peek at the items around."""
    schedule = data["loop_helpers"]
    return render_template(
        "examples/loop_helpers.html", office_hours=schedule["office_hours"], milestones=schedule["milestones"]
    )


@app.route("/examples/loop_controls")
def loop_controls():
    """Filter a loop with if, leave it with break, skip an item with continue, and unpack tuples."""
    assignments = data["loop_controls"]
    kinds = Counter(assignment["kind"] for assignment in assignments).most_common()
    return render_template("examples/loop_controls.html", assignments=assignments, kinds=kinds)


# --- Routes: assignment and scope ---------------------------------------------


@app.route("/examples/assignment")
def assignment():
    """Name a value with {% set %}, capture markup with a block set, and scope names with {% with %}."""
    return render_template("examples/assignment.html", course=data["assignment"])


@app.route("/examples/namespace")
def namespace():
    """See why a set inside a loop is lost when the loop ends, and keep a total with namespace()."""
    return render_template("examples/namespace.html", gradebook=data["namespace"])


# --- Routes: reuse ------------------------------------------------------------


@app.route("/examples/macros")
def macros():
    """Write markup once as a macro with defaults, varargs and kwargs, and import it as a namespace."""
    return render_template("examples/macros.html", students=data["macros"])


@app.route("/examples/call_blocks")
def call_blocks():
    """Wrap your own markup in a macro with {% call %}, and let the macro hand values to caller()."""
    board = data["call_blocks"]
    return render_template(
        "examples/call_blocks.html", announcements=board["announcements"], tas=board["tas"]
    )


@app.route("/examples/imports")
def imports():
    """Import macros by name with from ... import, and see what with context changes."""
    grades = data["imports"]
    return render_template("examples/imports.html", term=grades["term"], students=grades["students"])


@app.route("/examples/includes")
def includes():
    """Render a partial inside a page with include: its context, a list of fallbacks, ignore missing."""
    return render_template("examples/includes.html", assignments=data["includes"])


# --- Routes: inheritance ------------------------------------------------------


@app.route("/examples/inheritance")
def inheritance():
    """Extend a base template three levels deep, override blocks, and add to one with super()."""
    return render_template("examples/inheritance.html", week=data["inheritance"])


@app.route("/examples/block_features")
def block_features():
    """Let a block see its loop with scoped, demand one with required, and repeat one with self."""
    return render_template("examples/block_features.html", weeks=data["block_features"])


@app.route("/examples/dynamic_extends")
def dynamic_extends():
    """Extend a layout chosen while the request runs: ?layout=card or ?layout=list, checked first."""
    layout = query_choice("layout", ("card", "list"))
    parent = f"examples/_dynamic_extends_{layout}.html"
    return render_template(
        "examples/dynamic_extends.html", staff=data["dynamic_extends"], layout=layout, parent=parent
    )


# --- Routes: whitespace -------------------------------------------------------


OVERLAYS = {}  # (trim_blocks, lstrip_blocks) -> the app's Jinja environment with those two settings


def jinja_env_with(trim_blocks, lstrip_blocks):
    """The app's Jinja environment with trim_blocks and lstrip_blocks set: made once per pair, then kept."""
    # An overlay shares the app's loader, filters and globals but compiles and caches templates on its
    # own: kept, it compiles the sample once instead of on every request.
    if (trim_blocks, lstrip_blocks) not in OVERLAYS:
        OVERLAYS[trim_blocks, lstrip_blocks] = app.jinja_env.overlay(
            trim_blocks=trim_blocks, lstrip_blocks=lstrip_blocks
        )
    return OVERLAYS[trim_blocks, lstrip_blocks]


@app.route("/examples/whitespace")
def whitespace():
    """Strip white space with -, keep it with +, and compare trim_blocks and lstrip_blocks."""
    sample = "examples/_whitespace_sample.html"
    source = app.jinja_env.loader.get_source(app.jinja_env, sample)[0]
    settings = [(False, False), (False, True), (True, False), (True, True)]  # (trim_blocks, lstrip_blocks)
    outputs = [jinja_env_with(trim, lstrip).get_template(sample).render() for trim, lstrip in settings]
    return render_template("examples/whitespace.html", source=source, settings=settings, outputs=outputs)


# --- Routes: escaping and safety ----------------------------------------------


@app.route("/examples/autoescape")
def autoescape():
    """Show a query-string comment as text: autoescaping, and the escape and forceescape filters."""
    comment = query_text("comment", max_length=200, default='Loved <b>week 5</b> & its "filters" <3')
    return render_template("examples/autoescape.html", comment=comment)


@app.route("/examples/trusted_html")
def trusted_html():
    """Mark HTML the program wrote itself as safe: Markup, the safe filter, and autoescape blocks."""
    hours = data["trusted_html"]
    notice = Markup("Office hours move to <strong>{}</strong> this week.").format(hours["room"])
    return render_template("examples/trusted_html.html", notice=notice, hours=hours)


@app.route("/examples/data_island")
def data_island():
    """Hand data to scripts as JSON: the tojson filter in a script element of type application/json."""
    return render_template("examples/data_island.html", office_hours=data["data_island"])


@app.route("/examples/safe_urls")
def safe_urls():
    """Link a URL from a user only if its scheme is allowed: a javascript: URL is shown, not linked."""
    url = query_text("url", max_length=300)
    return render_template("examples/safe_urls.html", links=data["safe_urls"], url=url)


# --- Routes: globals and extensions -------------------------------------------


@app.route("/examples/global_functions")
def global_functions():
    """Lay out lab sections with range(), dict(), cycler(), joiner(), namespace() and lipsum()."""
    return render_template("examples/global_functions.html", sections=data["global_functions"])


@app.route("/examples/extensions")
def extensions():
    """Collect late work with {% do %}, and count it in words with {% trans %} and {% pluralize %}."""
    return render_template("examples/extensions.html", report=data["extensions"])


# --- Routes: Flask's side -----------------------------------------------------


@app.route("/examples/urls/week/<int:week>")
@app.route("/examples/urls")
def urls(week=1):
    """Build every link with url_for: route arguments, query values, anchors and static files."""
    weeks = data["urls"]
    if not 1 <= week <= len(weeks):
        abort(404)
    return render_template("examples/urls.html", weeks=weeks, week=week)


@app.route("/examples/search")
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
def forms():
    """Check a POST form: errors with status 400 and the values kept, or flash and redirect (PRG)."""
    form, errors = request.form.to_dict(), {}
    if request.method == "POST":
        errors = booking_errors(form, data["forms"])
        if not errors:
            flash(f"{form['slot']}, for {form['name']}.", "success")  # the page shows "Booked: " first
            flash("Bring your laptop, with python app.py running.", "info")
            return redirect(url_for("forms"))
    status = 400 if errors else 200
    return render_template("examples/forms.html", slots=data["forms"], form=form, errors=errors), status


@app.route("/examples/session_g")
def session_g():
    """Count this browser's visits in the session, and keep this request's student in g."""
    session["visits"] = session.get("visits", 0) + 1
    g.student = data["session_g"]
    return render_template("examples/session_g.html")


@app.route("/examples/context_processors")
def context_processors():
    """Show the course's details, which a context processor gives every template, beside the news."""
    return render_template("examples/context_processors.html", announcements=data["context_processors"])


@app.route("/examples/template_globals")
def template_globals():
    """Call a Python function from any template: percent(), registered with @app.template_global."""
    return render_template("examples/template_globals.html", progress=data["template_globals"])


@app.route("/examples/config_values")
def config_values():
    """Show a few of Flask's settings through config, chosen by name: never the secret ones."""
    shown = ("DEBUG", "TESTING", "SESSION_COOKIE_NAME", "PERMANENT_SESSION_LIFETIME", "MAX_CONTENT_LENGTH")
    return render_template("examples/config_values.html", shown=shown)


@app.route("/examples/error_pages")
def error_pages():
    """Answer with the error a form asks for, shown by the app's own error handlers and templates."""
    codes = ("none", "403", "404", "410", "500")
    code = query_choice("code", codes)
    if code != "none":
        abort(int(code))
    return render_template("examples/error_pages.html", codes=codes)


@app.route("/examples/render_string")
def render_string():
    """Render a constant template string, with the user's name passed as a variable, never as code."""
    name = query_text("name", max_length=40, default="Ada")
    source = '<p class="greeting">Hello, {{ name }}! Welcome to CS253.</p>'
    html = render_template_string(source, name=name)
    return render_template("examples/render_string.html", source=source, name=name, html=html)


@app.route("/examples/streaming")
def streaming():
    """Send a long access log as it renders, with stream_template instead of render_template."""
    return stream_template("examples/streaming.html", log=data["streaming"])


# --- Routes: the playground ---------------------------------------------------
# /playground lives in showcase/playground.py: a blueprint, so that its machinery stays
# out of this file. It serves the page and the files that render in the visitor's browser.

app.register_blueprint(playground.bp)

# /exercises lives in showcase/exercises.py, for the same reason: write the template, or the
# test, and be checked in your browser. The exercises themselves are folders in exercises/.
app.register_blueprint(exercises.bp)

# The gallery frames each example view above with its lesson, data variants and panels
# (see showcase/gallery.py); the views themselves stay plain Flask and know nothing of it.
gallery = Gallery(app, data)


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
    if not os.environ.get("SECRET_KEY"):
        app.logger.warning(NO_SECRET_KEY)
    print(f" * Open {options.url} in your browser", flush=True)
    app.run(host=options.host, port=options.port, debug=options.debug)
