"""The playground: edit a template and its JSON context, and see it rendered, in your browser.

The server renders no visitor's template. It serves the page and the files
that render in the visitor's browser: Pyodide (CPython compiled to
WebAssembly, vendored under ``showcase/runtime/pyodide/VERSION/``), the worker
that runs it (``showcase/runtime/worker.js``), and one zip of the Python it
imports there: Jinja2, MarkupSafe and Werkzeug, and Flask and its kin, as this
project pins and installs them, ``showcase/renderer.py`` (the sandbox, its caps
and diagnostics), ``showcase/example_apps.py`` (an example rendered through its
own app.py, which the worker downloads as ``/examples/NAME.zip``), and the
site's templates and URL rules, read-only, so that a template can
``{% import "macros/..." as m %}`` or ``{% include "..." %}`` them and
``url_for("lists")`` builds ``/examples/lists``. The page's script
(``static/js/playground.js``) starts the worker and renders as you type.

The blueprint ``bp`` (named "playground") has these routes:

``GET /playground``
    The editor, prefilled with a small example.
    ``GET /playground?example=lists`` (and the example page's own query
    values, ``variant=empty&sort=phrase``...), where an example page's "Try
    it in the playground" leads: the example's template as it is, and the
    context its view passes, from the gallery; the page renders it through
    the example's app.py. A name or value that is not
    allowed gets a 400 that lists the allowed ones.

``GET /playground/runtime/site-DIGEST.zip``
    The Python the worker imports, under a name that changes with its content.

``GET /playground/runtime/FILE``
    The worker, and Pyodide under ``pyodide/VERSION/``: files whose names
    change with their content are cached for a year.

In the playground, ``base.html`` is the small layout of an example's download
(``showcase/project/``), not the site's, which needs the gallery: an example's
template renders there as the page of its download does.
"""

import functools
import hashlib
import importlib.metadata
import importlib.util
import io
import json
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Flask, abort, current_app, render_template, request, url_for
from flask.sansio.blueprints import BlueprintSetupState

from showcase import renderer
from showcase.security import RUNTIME_CONTENT_SECURITY_POLICY

HERE = Path(__file__).resolve().parent
RUNTIME = HERE / "runtime"
PYODIDE_VERSION = "314.0.8"  # as package.json pins it; the files are in showcase/runtime/pyodide/
YEAR = 365 * 24 * 60 * 60
# What the worker imports, from this Python's own installation: the versions requirements.txt pins.
# Flask and its kin are imported there only when an example's app.py is (showcase/example_apps.py).
PACKAGES = ("jinja2", "markupsafe", "werkzeug", "flask", "click", "itsdangerous", "blinker")
# The playground's own modules, as the package they are here: the worker imports showcase.renderer.
MODULES = ("__init__.py", "renderer.py", "example_apps.py")
STAND_INS = {"base.html": (HERE / "project" / "templates" / "base.html").read_text(encoding="utf-8")}
# The sizes past which the renderer refuses an operation, as the page states them.
CAPS = {
    "chars": renderer.MAX_CHARS,
    "digits": renderer.MAX_DIGITS,
    "width": renderer.MAX_WIDTH,
    "indent": renderer.MAX_INDENT,
    "numbers": renderer.MAX_ITEMS,
}
LIMITS = {
    "template": f"{renderer.MAX_TEMPLATE_CHARS:,} characters",
    "context": f"{renderer.MAX_CONTEXT_BYTES / 1000:g} kB",
    "output": f"{renderer.MAX_CHARS:,} characters",
    "wall": f"{renderer.WALL_SECONDS} s",
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


class RuntimeBlueprint(Blueprint):
    """A blueprint whose files with a version or digest in their name are cached for a year."""

    def get_send_file_max_age(self, filename: str | None) -> int | None:
        if filename and filename.startswith(f"pyodide/{PYODIDE_VERSION}/"):
            return YEAR
        return super().get_send_file_max_age(filename)


bp = RuntimeBlueprint("playground", __name__, static_folder=RUNTIME, static_url_path="/playground/runtime")


def site_templates(app: Flask) -> dict[str, str]:
    """The site's templates by name, with the playground's stand-ins, as the worker gets them."""
    folder = Path(app.root_path) / (app.template_folder or "templates")
    found = {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*.html"))
    }
    return {**found, **STAND_INS}


@functools.cache
def _importable(app: Flask) -> tuple[str, ...]:
    """The site's templates the page lists as importable: read from disk once, as the bundle is."""
    return tuple(name for name in site_templates(app) if not name.startswith("errors/"))


def site_routes(app: Flask) -> list[dict[str, Any]]:
    """The app's URL rules as data, for the worker's ``url_for``: it builds the site's URLs."""
    return [
        {
            "rule": rule.rule,
            "endpoint": rule.endpoint,
            "methods": sorted(rule.methods or ()),
            "defaults": rule.defaults,
        }
        for rule in app.url_map.iter_rules()
    ]


def package_files(name: str) -> list[tuple[str, Path]]:
    """A pure-Python package's modules (or a single module's file), by their name in site-packages:
    no compiled speed-ups, which Pyodide could not load (MarkupSafe then uses its pure-Python half)."""
    spec = importlib.util.find_spec(name)
    origin = Path(spec.origin)
    if spec.submodule_search_locations is None:  # a module, such as typing_extensions.py
        return [(origin.name if "." not in name else name.replace(".", "/") + ".py", origin)]
    folder = origin.parent
    return [
        (f"{name}/{path.relative_to(folder).as_posix()}", path)
        for path in sorted(folder.rglob("*.py"))
        if "__pycache__" not in path.parts
    ]


def metadata(name: str) -> tuple[str, bytes]:
    """A package's METADATA, as installed: importlib.metadata.version() reads it (Werkzeug's test
    client, which an example's render goes through, asks for its own version)."""
    [path] = [file for file in importlib.metadata.distribution(name).files if file.name == "METADATA"]
    return path.as_posix(), path.locate().read_bytes()


def make_zip(files: list[tuple[str, bytes]]) -> tuple[str, bytes]:
    """A zip of ``files`` (name, content), and the digest of its content that names it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files:
            # A fixed date: the same files make the same zip, and so the same name.
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content, compresslevel=9)
    content = buffer.getvalue()
    return hashlib.sha256(content).hexdigest()[:16], content


def site_modules() -> list[tuple[str, bytes]]:
    """The Python files of the worker's zip, by their names there: the pinned packages, then the
    playground's own modules."""
    files = [(name, path.read_bytes()) for package in PACKAGES for name, path in package_files(package)]
    return files + [(f"showcase/{name}", (HERE / name).read_bytes()) for name in MODULES]


@functools.cache
def _bundle_for(app: Flask) -> tuple[str, bytes]:
    """The zip the worker unpacks into its site-packages, and the digest that names it: the modules
    with their bytecode (showcase/bytecode.py), the packages' metadata, the site's templates."""
    from showcase.bytecode import with_bytecode  # which imports this module's names

    site = {"templates": site_templates(app), "routes": site_routes(app)}
    files = with_bytecode(site_modules())
    files += [metadata(package) for package in PACKAGES]
    files.append(("playground_site.json", json.dumps(site, sort_keys=True).encode("utf-8")))
    return make_zip(files)


def bundle() -> tuple[str, bytes]:
    """This app's (digest, zip)."""
    return _bundle_for(current_app._get_current_object())


@bp.record_once
def _check_runtime(state: BlueprintSetupState) -> None:
    """Start-up stops if the vendored Pyodide is not where the page will ask for it."""
    missing = [
        name
        for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
        if not (RUNTIME / "pyodide" / PYODIDE_VERSION / name).is_file()
    ]
    if missing:
        raise RuntimeError(f"showcase/runtime/pyodide/{PYODIDE_VERSION}/ lacks {', '.join(missing)}")


@bp.after_request
def _runtime_headers(response: Any) -> Any:
    """The playground's pages and files may compile WebAssembly and start a worker: no other page may."""
    response.headers.setdefault("Content-Security-Policy", RUNTIME_CONTENT_SECURITY_POLICY)
    return response


def runtime_urls() -> dict[str, Any]:
    """What a page that starts the worker tells it (static/js/runtime.js): the URLs of the worker,
    of Pyodide and of the Python it imports, of an example's download, and how long a render may run."""
    digest, _ = bundle()
    return {
        "worker": url_for("playground.static", filename="worker.js"),
        "pyodide": url_for("playground.static", filename=f"pyodide/{PYODIDE_VERSION}/pyodide.mjs"),
        "site": url_for("playground.site_bundle", digest=digest),
        # Any example's download, with EXAMPLE for its name: built from a real one's, so that the
        # static copy's freeze, which follows every URL built, finds a file there.
        "examples": url_for("download", name="lists").replace("lists.zip", "EXAMPLE.zip"),
        "seconds": renderer.WALL_SECONDS,
    }


# --- Routes ---------------------------------------------------------------------


@bp.route("/playground")
def playground(example: str | None = None):
    """Edit a template and its JSON context, and see it rendered in your browser."""
    # ``example`` comes from the path in the static copy, which has no query strings:
    # /playground/lists.html (showcase/export.py); on the server, from ?example=.
    template, context, query = EXAMPLE_TEMPLATE, EXAMPLE_CONTEXT, ()
    example = example or request.args.get("example")
    if example is not None:
        # "Try it in the playground" on an example page: its template and its context.
        query = tuple((key, value) for key, value in request.args.items(multi=True) if key != "example")
        fields = current_app.extensions["showcase.gallery"].playground_fields(example, query)
        template, context = fields["template"], fields["context"]
    lines = template.count("\n") + 1
    return render_template(
        "playground.html",
        template=template,
        context=context,
        example=example,
        query=urlencode(query),
        jinja_version=importlib.metadata.version("jinja2"),
        limits=LIMITS,
        caps={name: f"{value:,}" for name, value in CAPS.items()},
        template_lines=lines,
        template_rows=min(max(lines + 1, 12), 40),  # tall enough not to scroll, up to a point
        site_templates=_importable(current_app._get_current_object()),
        runtime=runtime_urls(),
    )


@bp.route("/playground/runtime/site-<digest>.zip")
def site_bundle(digest: str):
    """The Python the worker imports: cached for a year, since its name changes with it."""
    current, content = bundle()
    if digest != current:
        abort(404)
    response = current_app.response_class(content, mimetype="application/zip")
    response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response
