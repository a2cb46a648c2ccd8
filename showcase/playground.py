"""The playground: edit a template and its JSON context, and see it rendered, safely.

The blueprint ``bp`` (named "playground") has three routes:

``GET /playground``
    The form, prefilled with a small example, and that example's result.
    ``GET /playground?example=lists`` (and the example page's own query
    values, ``variant=empty&sort=phrase``...), where an example page's "Try
    it in the playground" leads: the example's template as it is and the
    context its view passes, from the gallery, rendered. A name or value
    that is not allowed gets a 400 that lists the allowed ones.

``POST /playground``
    The same page, prefilled with what was sent and showing its result. It
    works without JavaScript. The form fields are:

    - ``template``: the Jinja template (text, at most 20,000 characters);
    - ``context``: a JSON object whose keys are the template's variables
      (at most 50 kB, counted as compact JSON);
    - ``trim_blocks``, ``lstrip_blocks``, ``show_whitespace``: checkboxes,
      on when present (with any value), off when absent.

    An example's template may be sent as it is: the playground knows the
    site's templates (below), and its ``base.html`` is the small layout of an
    example's download, so the example renders as the page of its download does.
    Input that cannot be rendered (a context that is not a JSON object, a
    field too long) gets this page with status 400: what is allowed, and what
    was typed, kept as it was.

``POST /api/render``
    JSON ``{"template": str, "context": object, "trim_blocks": bool,
    "lstrip_blocks": bool}``, every field required, answered with JSON
    ``{"output": str|null, "error": null|{"message": str, "line": int|null},
    "undefined": [str], "unused": [str]}``. Malformed JSON, a missing,
    unknown or mistyped field, or one too large gets a 400 of the same shape
    whose error also names the ``field``. The page's live preview uses it.

When every worker is busy, both POST routes answer 503 with ``Retry-After``.

The site's templates (``templates/**/*.html``) are read once, when the
blueprint is registered, and handed to the sandbox read-only, so a template
can ``{% import "macros/..." as m %}`` or ``{% include "..." %}`` them; so are
the site's URL rules, so that ``url_for("lists")`` builds ``/examples/lists``.
Rendering happens in ``showcase.sandbox``; the Jinja side is ``showcase.renderer``.
"""

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, current_app, jsonify, render_template, request
from flask.sansio.blueprints import BlueprintSetupState
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from showcase import renderer
from showcase.highlight import highlight
from showcase.sandbox import Busy, Limits, Sandbox

bp = Blueprint("playground", __name__)

MAX_BODY_BYTES = 1_000_000  # far more than the largest allowed fields, far less than harm
MAX_CONTEXT_DEPTH = 100  # lists and objects inside each other
API_FIELDS = {"template": str, "context": dict, "trim_blocks": bool, "lstrip_blocks": bool}
KINDS = {str: "a string", dict: "a JSON object", bool: "true or false"}
# The sizes past which the sandbox refuses an operation, as the page states them.
CAPS = {
    "chars": renderer.MAX_CHARS,
    "digits": renderer.MAX_DIGITS,
    "width": renderer.MAX_WIDTH,
    "indent": renderer.MAX_INDENT,
    "numbers": renderer.MAX_ITEMS,
}

EXAMPLE_TEMPLATE = """\
{#- Edit me: the result follows below. -#}
<h2>{{ course.code }}: {{ course.title }}</h2>
<ol class="weeks">
  {% for week in weeks %}
    <li>Week {{ loop.index }}: {{ week|title }}</li>
  {% else %}
    <li>No weeks planned yet.</li>
  {% endfor %}
</ol>
<p>{{ weeks|length }} weeks, taught by {{ course.teacher|default("someone") }}.</p>
"""
EXAMPLE_CONTEXT = """\
{
  "course": {"code": "CS253", "title": "Web Development", "teacher": "Ada"},
  "weeks": ["networking", "flask", "jinja <templates>"]
}
"""


class Playground:
    """What the playground keeps for one app: the site's templates, and the sandbox once first used."""

    def __init__(self, app: Flask) -> None:
        folder = Path(app.root_path) / (app.template_folder or "templates")
        self.templates = {
            path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.rglob("*.html"))
        }
        self.sandbox: Sandbox | None = None
        # The prefilled example's result, kept once it has rendered without error. A failure (the
        # machine was busy, a worker was killed) is never kept: the next visit renders again.
        self.example_result: dict[str, Any] | None = None
        self._lock = threading.Lock()

    def get_sandbox(self) -> Sandbox:
        """The sandbox, made on first use with the app's PLAYGROUND_WORKERS (default 3)."""
        with self._lock:  # two first requests at once must not make two
            if self.sandbox is None:
                workers = current_app.config.get("PLAYGROUND_WORKERS", 3)
                self.sandbox = Sandbox(self.templates, routes=site_routes(current_app), workers=workers)
            return self.sandbox


def site_routes(app: Flask) -> list[dict[str, Any]]:
    """The app's URL rules as data, for the sandbox's ``url_for``: it builds the site's URLs."""
    return [
        {
            "rule": rule.rule,
            "endpoint": rule.endpoint,
            "methods": sorted(rule.methods or ()),
            "defaults": rule.defaults,
        }
        for rule in app.url_map.iter_rules()
    ]


@bp.record_once
def _set_up(state: BlueprintSetupState) -> None:
    state.app.extensions["playground"] = Playground(state.app)


def _playground() -> Playground:
    return current_app.extensions["playground"]


def _limits() -> Limits:
    return current_app.config.get("PLAYGROUND_LIMITS") or Limits()


# --- Reading what was sent ------------------------------------------------------


class BadField(ValueError):  # noqa: N818  read as "a bad field", like werkzeug's BadRequest
    """A field that cannot be rendered: which one, and what is allowed."""

    def __init__(self, name: str | None, message: str) -> None:
        super().__init__(message)
        self.name, self.message = name, message


@dataclass
class Form:
    """The form's fields, exactly as typed."""

    template: str = EXAMPLE_TEMPLATE
    context: str = EXAMPLE_CONTEXT
    trim_blocks: bool = False
    lstrip_blocks: bool = False
    show_whitespace: bool = False
    problems: dict[str, str] = field(default_factory=dict)  # field name: what is wrong

    @classmethod
    def read(cls, fields: MultiDict) -> "Form":
        """The fields as the browser sent them: a checkbox is on when it is there at all."""
        return cls(
            template=fields.get("template", ""),
            context=fields.get("context", ""),
            trim_blocks="trim_blocks" in fields,
            lstrip_blocks="lstrip_blocks" in fields,
            show_whitespace="show_whitespace" in fields,
        )

    def job(self, limits: Limits) -> dict[str, Any] | None:
        """The render job, or None with ``problems`` said, field by field."""
        context = None
        try:
            _check_template(self.template, limits)
        except BadField as error:
            self.problems["template"] = error.message
        try:
            context = _parse_context(self.context, limits)
        except BadField as error:
            self.problems["context"] = error.message
        if self.problems:
            return None
        return {
            "template": self.template,
            "context": context,
            "trim_blocks": self.trim_blocks,
            "lstrip_blocks": self.lstrip_blocks,
        }


def _check_template(template: str, limits: Limits) -> str:
    if len(template) > limits.template_chars:
        raise BadField(
            "template",
            f"The template is {len(template):,} characters long; "
            f"the playground takes at most {limits.template_chars:,}.",
        )
    return template


def _parse_context(text: str, limits: Limits) -> dict[str, Any]:
    """The context typed in the form: a JSON object, within the limits."""
    if len(text.encode("utf-8")) > MAX_BODY_BYTES:
        raise BadField("context", f"The context is larger than {limits.describe()['context']}.")
    try:
        context = json.loads(text or "{}")
    except json.JSONDecodeError as error:
        raise BadField(
            "context",
            f"The context is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno}).",
        ) from None
    except RecursionError:
        raise BadField("context", _too_deep()) from None
    return _check_context(context, limits)


def _check_context(context: Any, limits: Limits) -> dict[str, Any]:
    if not isinstance(context, dict):
        raise BadField("context", f"The context must be a JSON object ({{...}}), not {_kind(context)}.")
    if _depth(context) > MAX_CONTEXT_DEPTH:
        raise BadField("context", _too_deep())
    size = len(json.dumps(context, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    if size > limits.context_bytes:
        raise BadField(
            "context",
            f"The context is {size:,} bytes as compact JSON; the playground takes at most "
            f"{limits.context_bytes:,} ({limits.describe()['context']}).",
        )
    return context


def _too_deep() -> str:
    return f"The context nests lists and objects more than {MAX_CONTEXT_DEPTH} deep."


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value``, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_CONTEXT_DEPTH:
                stack.extend(
                    (item, depth + 1) for item in (current.values() if isinstance(current, dict) else current)
                )
    return deepest


JSON_KINDS = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number"}


def _kind(value: Any) -> str:
    """What a JSON value is, in words: "a list", "true or false"..."""
    if isinstance(value, bool):
        return "true or false"
    return "null" if value is None else JSON_KINDS[type(value)]


def read_api_request(limits: Limits) -> dict[str, Any]:
    """The JSON body of POST /api/render as a render job; BadField says what is wrong with it."""
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise BadField(None, f"The request body is larger than {MAX_BODY_BYTES:,} bytes.")
    body = request.stream.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        raise BadField(None, f"The request body is larger than {MAX_BODY_BYTES:,} bytes.")
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError) as error:
        where = f": {error.msg} (line {error.lineno}, column {error.colno})" if hasattr(error, "msg") else ""
        raise BadField(None, f"The body is not valid JSON{where}.") from None
    if not isinstance(payload, dict):
        raise BadField(None, f"The body must be a JSON object, not {_kind(payload)}.")
    for name in payload:
        if name not in API_FIELDS:
            raise BadField(name, f"Unknown field {name!r}: the fields are {', '.join(API_FIELDS)}.")
    for name, kind in API_FIELDS.items():
        if name not in payload:
            raise BadField(name, f"The field {name!r} is missing: it must be {KINDS[kind]}.")
        if not isinstance(payload[name], kind):
            raise BadField(name, f"The field {name!r} must be {KINDS[kind]}, not {_kind(payload[name])}.")
    _check_template(payload["template"], limits)
    _check_context(payload["context"], limits)
    return payload


# --- Showing the result ---------------------------------------------------------


def render_page(
    form: Form, result: dict[str, Any] | None, status: int = 200, headers: Any = None, notice: str = ""
) -> Any:
    """The playground page, for ``form`` and its ``result`` (None when there is none to show)."""
    limits = _limits()
    lines = form.template.count("\n") + 1
    source = None
    if result is not None and result["output"] is not None and form.show_whitespace:
        # The whitespace example's own filter (app.py): the output as text, its white space marked.
        source = current_app.jinja_env.filters["show_whitespace"](result["output"])
    elif result is not None and result["output"] is not None:
        source = highlight(result["output"], "html")
        if source.endswith("\n") and not result["output"].endswith("\n"):
            source = Markup(source[:-1])  # Pygments ends with a newline the output does not have
    page = render_template(
        "playground.html",
        form=form,
        result=result,
        source=source,
        limits=limits.describe(),
        caps={name: f"{value:,}" for name, value in CAPS.items()},
        notice=notice,
        template_lines=lines,
        template_rows=min(max(lines + 1, 12), 40),  # tall enough not to scroll, up to a point
        unenforced=_playground().get_sandbox().unenforced(limits),
        site_templates=[name for name in _playground().templates if not name.startswith("errors/")],
    )
    return page, status, headers or {}


def _busy_headers() -> dict[str, str]:
    return {"Retry-After": str(Busy.retry_after)}


BUSY_MESSAGE = f"The playground is busy with other renders: try again in {Busy.retry_after} s."
EXAMPLE_BUSY_MESSAGE = "The playground is busy with other renders: press Render to see this example's result."


# --- Routes ---------------------------------------------------------------------


@bp.route("/playground", methods=["GET", "POST"])
def playground():
    """Edit a template and its JSON context, and see it rendered safely, in a sandbox."""
    state = _playground()
    if request.method == "GET" and "example" in request.args:
        # "Try it in the playground" on an example page: its template and its context, rendered.
        query = tuple((key, value) for key, value in request.args.items(multi=True) if key != "example")
        fields = current_app.extensions["showcase.gallery"].playground_fields(request.args["example"], query)
        form = Form(template=fields["template"], context=fields["context"])
        try:
            return render_page(form, _render(form.job(_limits())))
        except Busy:
            return render_page(form, None, notice=EXAMPLE_BUSY_MESSAGE)
    if request.method == "GET":
        form = Form()
        result = state.example_result
        if result is None:
            try:
                result = _render(form.job(_limits()))
            except Busy:  # the form still loads; only the example's result waits
                return render_page(form, None, notice=EXAMPLE_BUSY_MESSAGE)
            if result["error"] is None:
                state.example_result = result
        return render_page(form, result)
    form = Form.read(request.form)  # Werkzeug answers 413 for a form past MAX_FORM_MEMORY_SIZE
    job = form.job(_limits())
    if job is None:
        return render_page(form, None, 400)
    try:
        return render_page(form, _render(job))
    except Busy:
        return render_page(form, None, 503, _busy_headers(), BUSY_MESSAGE)


@bp.route("/api/render", methods=["POST"])
def api_render():
    """Render a template with its context: JSON in, JSON out."""
    limits = _limits()
    if request.mimetype != "application/json":
        message = "Send the body as JSON, with the header Content-Type: application/json."
        return jsonify(_api_error(message)), 415
    try:
        job = read_api_request(limits)
        return jsonify(_render(job))
    except BadField as error:
        return jsonify(_api_error(error.message, error.name)), 400
    except Busy:
        return jsonify(_api_error(BUSY_MESSAGE)), 503, _busy_headers()


def _render(job: dict[str, Any]) -> dict[str, Any]:
    return _playground().get_sandbox().render(job, _limits())


def _api_error(message: str, name: str | None = None) -> dict[str, Any]:
    return {
        "output": None,
        "error": {"message": message, "line": None, "field": name},
        "undefined": [],
        "unused": [],
    }
