"""Render a visitor's template through an example's own ``app.py``: "Try it" as its page renders.

An example's view does more than pass JSON: it builds a tuple and a set, dates, a
dataclass, reads ``request``, counts visits in ``session``, registers a filter. The
playground's plain mode (``showcase/renderer.py``) knows only JSON, so for an
example it runs the example itself, in the visitor's browser as everything else:

1. the example's download (``/examples/NAME.zip``: ``app.py``, ``data/``,
   ``templates/``) is unpacked, and its ``app.py`` imported as a module of its own,
   with Flask from the playground's bundle;
2. its Jinja environment is replaced by the playground's sandbox (``ExampleEnvironment``:
   the same filters, tests, globals, extensions and JSON policy, the sandbox's caps,
   and Flask's objects read-only), whose loader gives the visitor's template the
   example template's name;
3. the view is requested with Flask's test client, a fresh one each time (so the
   session starts empty, as a first visit does), with the page's query; a
   ``variant`` swaps the data as the example's own tests do: ``data["NAME"] =
   data["NAME.empty"]``;
4. the context the visitor edited replaces what they changed: a key whose JSON is
   as the playground first showed it keeps the view's own value (a tuple stays a
   tuple), any other key takes the visitor's value, and a key the visitor deleted
   is gone.

Flask is imported when the first example loads, never at the worker's start. The
unit tests run this in CPython over the downloads, unpacked.
"""

import dataclasses
import datetime
import functools
import importlib.util
import json
import sys
import types
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from jinja2 import BaseLoader, ChoiceLoader, TemplateNotFound
from jinja2.defaults import DEFAULT_FILTERS

from showcase import renderer

# Flask's objects that reach a template (request, session, g, config) may be read, and
# only these methods of theirs called: config.from_object("js") would import a module.
FLASK_PACKAGES = frozenset({"flask", "werkzeug", "itsdangerous", "click", "blinker"})
READ_METHODS = frozenset({"get", "getlist", "items", "keys", "values", "lists", "to_dict"})


def jsonable(value: Any) -> Any:
    """What JSON cannot hold, as the playground shows it: dates as ISO text, dataclasses as
    objects, tuples and sets as lists (sets sorted, so that it is stable), the rest as text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if isinstance(value, tuple):
        return list(value)
    return str(value)


def as_shown(value: Any) -> Any:
    """``value`` as the playground's JSON context shows it."""
    return json.loads(json.dumps(value, default=jsonable, ensure_ascii=False))


class VisitorTemplate(BaseLoader):
    """The visitor's template, under the name of the example's template; never cached."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.source = ""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
        if template != self.name:
            raise TemplateNotFound(template)
        # The file name errors show, and what renderer.py looks for in a traceback.
        return self.source, renderer.TEMPLATE_FILENAME, lambda: False


@functools.cache
def environment_class() -> type:
    """The sandbox as a Flask environment: made when the first example loads, when Flask is."""
    from flask.templating import Environment as FlaskEnvironment

    class ExampleEnvironment(renderer.PlaygroundEnvironment, FlaskEnvironment):
        """The playground's sandbox, for an app: Flask's objects can be read, not driven."""

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if not super().is_safe_attribute(obj, attr, value):
                return False
            package = type(obj).__module__.partition(".")[0]
            if package in FLASK_PACKAGES and (callable(value) or isinstance(value, types.ModuleType)):
                return attr in READ_METHODS
            return True

    return ExampleEnvironment


def sandbox(app: Any, visitor: VisitorTemplate) -> Any:
    """An ``ExampleEnvironment`` with what ``app``'s own environment has: its filters, tests,
    globals, extensions and policies, the sandbox's capped ones where the app kept Jinja's."""
    own = app.jinja_env
    env = environment_class()(
        app,
        loader=ChoiceLoader([visitor, own.loader]),
        autoescape=own.autoescape,
        undefined=own.undefined,
        finalize=renderer.finalize,
        extensions=[type(extension) for extension in own.extensions.values()],
    )
    env.filters.update(renderer.capped_filters())
    env.filters.update({name: f for name, f in own.filters.items() if DEFAULT_FILTERS.get(name) is not f})
    env.tests.update(own.tests)
    env.policies.update(own.policies)  # Flask's tojson
    env.globals.update(own.globals)
    env.globals["range"] = renderer.capped_range
    if "gettext" in own.globals:  # {% trans %}: the same callables, with %-widths checked
        env.install_gettext_callables(**renderer.GETTEXT_CALLABLES, newstyle=own.newstyle_gettext)
    return env


def import_app(name: str, folder: Path) -> types.ModuleType:
    """``folder/app.py`` as the module ``example_NAME``, so that examples never share one."""
    module_name = f"example_{name}"
    spec = importlib.util.spec_from_file_location(module_name, folder / "app.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # Flask finds its folder through sys.modules
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    return module


class ExampleApp:
    """One example's app, loaded once, and the visitor's renders through its view."""

    def __init__(self, name: str, folder: Path) -> None:
        self.name = name
        self.module = import_app(name, folder)
        self.app = self.module.app
        # An error in the visitor's template reaches render(), not an error page; TESTING stays as
        # python app.py has it (the config_values example shows it).
        self.app.config["PROPAGATE_EXCEPTIONS"] = True
        self.visitor = VisitorTemplate(f"examples/{name}.html")
        base = sandbox(self.app, self.visitor)
        self.environments = {
            (trim, lstrip): base.overlay(trim_blocks=trim, lstrip_blocks=lstrip)
            for trim in (False, True)
            for lstrip in (False, True)
        }
        self.checker = renderer.Renderer.over(self.environments)
        self.path = next(rule.rule for rule in self.app.url_map.iter_rules(name) if not rule.arguments)
        with self.app.test_request_context(self.path):
            given: dict[str, Any] = {}
            self.app.update_template_context(given)
        # What every template gets without the view: request, session, g, a context processor's.
        self.processed = frozenset(given)

    def diagnose(self, job: renderer.Job) -> dict[str, Any]:
        """renderer.Renderer's diagnostics, with this app's filters, and its globals and
        context processors' names as known."""
        self.visitor.source = job.template
        known = {name: None for name in self.processed if name not in job.context}
        found = self.checker.diagnose(dataclasses.replace(job, context={**known, **job.context}))
        found["unused"] = [name for name in found["unused"] if name not in known]
        return found

    def render(self, job: renderer.Job) -> dict[str, Any]:
        """The page the view answers with the visitor's template and context: its whole HTML."""
        query = parse_qsl(job.query, keep_blank_values=True)
        variant = dict(query).get("variant", "default")
        query = [(key, value) for key, value in query if key != "variant"]
        data = getattr(self.module, "data", {})  # an example with no data file has no data
        own = data.get(self.name)
        if variant != "default":
            if f"{self.name}.{variant}" not in data:
                return renderer.bad_field(
                    renderer.BadField("query", f"This example has no variant {variant!r}.")
                )
            data[self.name] = data[f"{self.name}.{variant}"]
        self.visitor.source = job.template
        self.app.jinja_env = self.environments[job.trim_blocks, job.lstrip_blocks]

        def edit(sender: Any, template: Any, context: dict[str, Any], **extra: Any) -> None:
            if template.name != self.visitor.name:
                return
            passed = set(context) - self.processed
            for key, value in job.context.items():
                if key not in context or _shown_or_none(context[key]) != value:
                    context[key] = value
            for key in passed - set(job.context):
                del context[key]

        from flask import before_render_template

        try:
            with before_render_template.connected_to(edit, self.app):
                response = self.app.test_client().get(self.path, query_string=query)
            output = response.get_data(as_text=True)
        except MemoryError:
            raise
        except Exception as error:  # every error becomes one clear message
            return {"output": None, "error": renderer.runtime_error(error)}
        finally:
            if own is not None:
                data[self.name] = own
        if len(output) > job.output_chars:
            message = f"The output is larger than {job.output_chars:,} characters: the render was stopped."
            return {"output": None, "error": renderer.error_message(message, None)}
        return {"output": renderer.scrub(output), "error": None}


def _shown_or_none(value: Any) -> Any:
    try:
        return as_shown(value)
    except (TypeError, ValueError, RecursionError):
        return None


class ExampleApps:
    """The examples unpacked under ``folder`` (``folder/NAME/app.py``), each loaded when first asked for."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.loaded: dict[str, ExampleApp] = {}

    def __getitem__(self, name: str) -> ExampleApp:
        if name not in self.loaded:
            if not name.isidentifier() or not (self.folder / name / "app.py").is_file():
                raise KeyError(name)
            self.loaded[name] = ExampleApp(name, self.folder / name)
        return self.loaded[name]
