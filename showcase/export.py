"""``flask --app app freeze``: the whole site as plain files, for any static host or a file manager.

Frozen-Flask requests every page and writes what it gets. Two things stop the
live URLs from working as files, so the command changes them before the first
request:

- ``/examples/lists`` would become a file with no extension, which browsers and
  static hosts do not treat as HTML: every page gets a ``.html`` URL
  (``/index.html``, ``/examples/lists.html``).
- ``?variant=empty`` is a query string, which a file cannot have: a variant gets
  a path (``/examples/lists/empty.html``), and so does an example's "Try it in the
  playground" (``/playground?example=lists`` is ``/playground/lists.html``).

``url_for`` is wrapped to build those URLs, and Frozen-Flask makes every link
relative, so the copy browses from ``file://`` too. Other query strings (a
table's sort order, a search) are dropped: such links show the page as it
was exported. Pages that need the server say so.
"""

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click
from flask import Flask, current_app, g, render_template
from flask_frozen import Freezer
from werkzeug.exceptions import NotFound
from werkzeug.routing import Rule

EXPORT_FLAG = "SHOWCASE_EXPORT"


def page_rules(app: Flask) -> list[Rule]:
    """The rules of the site's pages: every rule that answers GET, but those of files
    (the static files', the playground's runtime, ``/favicon.ico``), which are written under
    their own names."""
    return [
        rule
        for rule in app.url_map.iter_rules()
        if "GET" in (rule.methods or ())
        and rule.endpoint.rpartition(".")[2] != "static"  # the app's static files, and a blueprint's
        and "." not in rule.rule
    ]


def file_url(path: str) -> str:
    """The URL of a page's file: ``/`` is ``/index.html``, ``/a/b`` is ``/a/b.html``."""
    return "/index.html" if path in ("", "/") else path.rstrip("/") + ".html"


def prepare(app: Flask) -> None:
    """Put the app in export mode: .html URLs, variants as paths, a 404.html. Before any request."""
    rules = page_rules(app)
    pages = {rule.endpoint for rule in rules}
    gallery = app.extensions["showcase.gallery"]
    for rule in rules:
        # /examples/urls/week/<int:week> gets /examples/urls/week/<int:week>.html, and so on.
        app.add_url_rule(
            file_url(rule.rule), endpoint=rule.endpoint, view_func=app.view_functions[rule.endpoint]
        )
    for example in gallery.examples:
        plain = next(rule for rule in rules if rule.endpoint == example.endpoint and not rule.arguments)
        app.add_url_rule(
            f"{plain.rule}/<variant>.html",
            endpoint=example.endpoint,
            view_func=app.view_functions[example.endpoint],
        )

    # "Try it in the playground": the playground opened on an example, as a file of its own.
    app.add_url_rule(
        "/playground/<example>.html",
        endpoint="playground.playground",
        view_func=app.view_functions["playground.playground"],
    )

    @app.url_value_preprocessor
    def variant_from_path(endpoint: str | None, values: dict[str, Any] | None) -> None:
        # The view takes no arguments: move the variant where the gallery looks for it.
        if values and "variant" in values:
            g.path_variant = values.pop("variant")

    def not_found_page() -> str:
        """The 404 page, as a file static hosts serve for a missing path."""
        return render_template("errors/error.html", error=NotFound())

    app.add_url_rule("/404.html", endpoint="not_found_page", view_func=not_found_page)
    app.url_for = _file_url_for(app.url_for, pages)  # type: ignore[method-assign]
    app.config[EXPORT_FLAG] = True


def _file_url_for(build: Callable[..., str], pages: set[str]) -> Callable[..., str]:
    def url_for(endpoint: str, **values: Any) -> str:
        # Build with every value, as usual, so Frozen-Flask sees (and follows) this link.
        built = urlsplit(build(endpoint, **values))
        if endpoint not in pages:
            return built.geturl()
        # Given a variant, Werkzeug already chose the .../<variant>.html rule. Other query
        # values are dropped: such a link shows the page as it was exported.
        url = built.path if built.path.endswith(".html") else file_url(built.path)
        return url + (f"#{built.fragment}" if built.fragment else "")

    return url_for


@click.command("freeze")
@click.option("--destination", default="build", show_default=True, help="Folder to write the site into.")
def freeze_command(destination: str) -> None:
    """Write the whole site, every example and variant, as plain files."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    target = Path(destination).resolve()
    pages = freeze(app, target)
    click.echo(f"Wrote {len(pages)} files to {target}: open {target / 'index.html'}")


def freeze(app: Flask, destination: Path) -> set[str]:
    """Freeze ``app`` into ``destination`` (emptied first); return the URLs written."""
    prepare(app)
    app.config.update(
        FREEZER_DESTINATION=str(destination),
        FREEZER_RELATIVE_URLS=True,  # links work from any folder, even file://
        FREEZER_REMOVE_EXTRA_FILES=True,
    )
    if destination.exists():
        shutil.rmtree(destination)
    freezer = Freezer(app)
    # Frozen-Flask follows every url_for() a page makes; one that answers no GET (an API
    # that takes a POST) has no file to be.
    getters = {rule.endpoint for rule in app.url_map.iter_rules() if "GET" in (rule.methods or ())}
    logged = freezer.url_for_logger.iter_calls
    freezer.url_for_logger.iter_calls = lambda: ((e, v) for e, v in logged() if e in getters)

    @freezer.register_generator
    def every_variant() -> Any:
        # Named, not only followed: a streamed page makes its links after Frozen-Flask stops listening.
        for example in app.extensions["showcase.gallery"].examples:
            for variant in example.variants[1:]:
                yield example.endpoint, {"variant": variant}
            yield "download", {"name": example.endpoint}  # the example as a project of its own
            yield "playground.playground", {"example": example.endpoint}  # its "Try it in the playground"

    return freezer.freeze()
