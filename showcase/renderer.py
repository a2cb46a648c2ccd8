"""Render a visitor's template and say what is wrong with it: the playground's Python.

This module runs in the visitor's browser, in a Web Worker running Pyodide
(``showcase/runtime/worker.js`` loads it with Jinja2, MarkupSafe and Werkzeug,
from the bundle ``showcase/playground.py`` serves), never in the web server;
the unit tests import it in CPython. It imports nothing from Flask: nothing of
the app (``config``, ``request``, ``session``) can reach a template from here.
``url_for`` is Werkzeug's URL builder over the site's rules, handed over as
plain data. A request that names an ``example`` is rendered through that
example's own app.py instead (``showcase/example_apps.py``, imported then, with
Flask). The worker's entry points are ``start``, ``load``, ``diagnose`` and
``render`` at the end: JSON text in, JSON text out. A render that runs too
long is stopped by the page, which ends the worker (3 s).

What it adds to Jinja's ``SandboxedEnvironment``, which blocks ``__class__``
and friends but limits nothing else (the mutable one: ``{% do items.append(x) %}``
changes the visitor's own copy of the context, which no other render shares):

- globals only a learner needs: ``range`` (capped), ``dict``, ``namespace``,
  ``cycler``, ``joiner``, and the gettext functions behind ``{% trans %}``;
- cheap blow-ups refused before they cost anything: ``*`` repetitions and
  products, ``**`` powers, ``%``/``format`` widths, and the width of
  ``center``, ``indent``, ``wordwrap``, ``tojson(indent)``;
- the output counted as it streams, and stopped past its limit;
- diagnostics: a syntax error's line and column, the variables the template
  uses that the context lacks, and the context keys it never uses;
- no Python internals in what comes back: ``{{ value }}`` prints plain data
  (text, numbers, booleans, None, lists, tuples, sets, dicts) as Jinja does and
  anything else as a marker (``[function]``, ``[method]``, ``[class]``,
  ``[module]``, ``[macro]``, ``[object]``); what slips past that, through
  ``|string`` or ``~``, is scrubbed from the output the same way.
"""

import contextlib
import datetime
import functools
import json
import math
import re
import traceback
import types
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import update_wrapper
from typing import Any
from urllib.parse import quote

from jinja2 import (
    BaseLoader,
    StrictUndefined,
    Template,
    TemplateAssertionError,
    TemplateNotFound,
    TemplateRuntimeError,
    TemplatesNotFound,
    TemplateSyntaxError,
    Undefined,
    UndefinedError,
    meta,
    nodes,
)
from jinja2 import filters as jinja_filters
from jinja2.lexer import TokenStream
from jinja2.parser import Parser
from jinja2.runtime import Macro
from jinja2.sandbox import SandboxedEnvironment, SandboxedFormatter, SecurityError
from jinja2.utils import Cycler, Joiner, Namespace, _PassArg
from markupsafe import EscapeFormatter, Markup

MAX_ITEMS = 100_000  # range() and list repetition: Jinja's own sandbox caps range() here
MAX_CHARS = 200_000  # string repetition: no more than the output may hold
MAX_WIDTH = 1_000  # center, ljust, rjust, zfill, wordwrap, % and format widths and precisions
MAX_INDENT = 100  # indent, tojson(indent), expandtabs
MAX_DIGITS = 4_000  # Python itself refuses to print an int of more than 4,300 digits
TEMPLATE_FILENAME = "<template>"  # what Jinja calls a template made from a string
MAX_TEMPLATE_CHARS = 20_000
MAX_CONTEXT_BYTES = 50_000  # the context as compact JSON, in UTF-8
MAX_CONTEXT_DEPTH = 100  # lists and objects inside each other
WALL_SECONDS = 3  # the page ends the worker of a render that runs longer (static/js/playground.js)


# What Flask gives its templates, and the sandbox does not: an error naming one says so.
FLASK_GLOBALS = ("request", "session", "g", "config", "get_flashed_messages")


class LimitError(SecurityError):
    """A template asked for more than the playground gives: refused before it cost anything."""


class OutputLimitError(TemplateRuntimeError):
    """The output grew past its limit while it streamed."""


# --- The environment ----------------------------------------------------------


def capped_range(*args: int) -> range:
    """range(), refusing more than MAX_ITEMS numbers (as Jinja's sandbox does, with a clearer message)."""
    numbers = range(*args)
    try:
        count = len(numbers)
    except OverflowError:
        count = math.inf
    if count > MAX_ITEMS:
        raise LimitError(f"range() makes at most {MAX_ITEMS:,} numbers in the playground")
    return numbers


def _refuse_width(what: str, width: Any, cap: int = MAX_WIDTH) -> None:
    size = len(width) if isinstance(width, str) else width
    if isinstance(size, int | float) and size > cap:
        raise LimitError(f"{what} is at most {cap:,} in the playground, not {size:,}")


_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0+ -]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")


def _check_percent_format(template: str, args: Any = ()) -> None:
    """Refuse %-format widths and precisions past MAX_WIDTH, written (%9999d) or passed (%*d)."""
    if "%" not in template:
        return
    values = args if isinstance(args, tuple) else (args,)
    for width, precision in _PERCENT.findall(template):
        for number in (width, precision):
            if number == "*":
                for value in values:
                    if isinstance(value, int):
                        _refuse_width("a % width", value)
            elif number:
                _refuse_width("a % width or precision", int(number))


def _check_format_spec(spec: str) -> None:
    """Refuse a str.format spec ({:>9999}) whose width or precision passes MAX_WIDTH."""
    for number in re.findall(r"\d+", spec):
        _refuse_width("a format width or precision", int(number))


def _check_size(operator: str, left: Any, right: Any) -> None:
    """Refuse a ``*`` or ``**`` whose result would be huge, from the sizes of its operands."""
    if operator == "*":
        for sequence, times in ((left, right), (right, left)):
            if isinstance(sequence, str | bytes | list | tuple) and isinstance(times, int):
                cap = MAX_CHARS if isinstance(sequence, str | bytes) else MAX_ITEMS
                if len(sequence) * times > cap:
                    raise LimitError(
                        f"this * would make {len(sequence) * times:,} "
                        f"{'characters' if cap == MAX_CHARS else 'items'}; "
                        f"the playground allows {cap:,}"
                    )
        if _is_int(left) and _is_int(right):
            digits = (abs(left).bit_length() + abs(right).bit_length()) * math.log10(2)
            if digits > MAX_DIGITS:
                raise LimitError(f"this * would make a number of about {digits:,.0f} digits")
    elif operator == "**" and _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1:
        digits = right * math.log10(abs(left))
        if digits > MAX_DIGITS:
            raise LimitError(
                f"this ** would make a number of about {digits:,.0f} digits; "
                f"the playground allows {MAX_DIGITS:,}"
            )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _CappedFormatter(SandboxedFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_format_spec(format_spec)
        return super().format_field(value, format_spec)


class _CappedEscapeFormatter(_CappedFormatter, EscapeFormatter):
    pass


# str methods whose first argument sets the size of what they return.
_SIZED_METHODS = {"center": MAX_WIDTH, "ljust": MAX_WIDTH, "rjust": MAX_WIDTH, "zfill": MAX_WIDTH}
_SIZED_METHODS["expandtabs"] = MAX_INDENT


class PlaygroundEnvironment(SandboxedEnvironment):
    """Jinja's sandbox, with the size of what a template may ask for capped.

    ``*``, ``**`` and ``%`` are intercepted, so they are checked when they run
    and never folded into constants at compile time.
    """

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "%" and isinstance(left, str):
            _check_percent_format(left, right)
        else:
            _check_size(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Call from a template, refusing "x".center(10**9) and the like first."""
        if isinstance(obj, types.BuiltinMethodType) and isinstance(obj.__self__, str):
            cap = _SIZED_METHODS.get(obj.__name__)
            if cap is not None:
                size = args[0] if args else next(iter(kwargs.values()), 0)
                _refuse_width(f"the width given to .{obj.__name__}()", size, cap)
        return super().call(context, obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja's sandboxed str.format and format_map, with every field's width checked."""
        if not isinstance(value, types.MethodType | types.BuiltinMethodType) or value.__name__ not in (
            "format",
            "format_map",
        ):
            return None
        text = value.__self__
        if not isinstance(text, str):
            return None
        formatter: SandboxedFormatter
        if isinstance(text, Markup):
            formatter = _CappedEscapeFormatter(self, escape=text.escape)
        else:
            formatter = _CappedFormatter(self)
        is_format_map = value.__name__ == "format_map"

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_format_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                args, kwargs = (), args[0]
            return type(text)(formatter.vformat(text, args, kwargs))

        return update_wrapper(wrapper, value)

    # Syntax errors: keep the parser, to ask it where it stopped.

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        parser = Parser(self, source, name, filename)
        self.last_parser = parser
        return parser.parse()

    def _tokenize(
        self, source: str, name: str | None, filename: str | None = None, state: str | None = None
    ) -> TokenStream:
        """Jinja's token stream, remembering where in the source each token starts."""
        source = self.preprocess(source, name, filename)
        self.token_offsets = offsets = _TokenOffsets(source)
        raw = offsets.track(self.lexer.tokeniter(source, name, filename, state))
        stream: Any = TokenStream(offsets.tag(self.lexer.wrap(raw, name, filename)), name, filename)
        for extension in self.iter_extensions():
            stream = extension.filter_stream(stream)
            if not isinstance(stream, TokenStream):
                stream = TokenStream(stream, name, filename)
        return stream


class _TokenOffsets:
    """Where the lexer's tokens start in the source: Jinja's tokens know their line, not their column."""

    def __init__(self, source: str) -> None:
        # The lexer works on the source with every newline made "\n".
        self.source = "\n".join(re.split(r"\r\n|\r|\n", source))
        self.end = 0  # just past the last token the lexer produced
        self.last_start = 0
        self.by_token: dict[int, int] = {}
        self._tokens: list[Any] = []  # kept alive, so that their id()s stay theirs

    def track(self, raw: Iterator[tuple[int, str, str]]) -> Iterator[tuple[int, str, str]]:
        for lineno, kind, value in raw:
            found = self.source.find(value, self.end) if value else -1
            self.last_start = found if found >= 0 else self.end
            self.end = self.last_start + len(value)
            yield lineno, kind, value

    def tag(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            self._tokens.append(token)
            self.by_token[id(token)] = self.last_start
            yield token

    def line_and_column(self, offset: int) -> tuple[int, int]:
        offset = min(offset, len(self.source))
        return self.source.count("\n", 0, offset) + 1, offset - self.source.rfind("\n", 0, offset)


class SiteTemplates(BaseLoader):
    """The site's templates, read-only, by name: ``{% import "macros/x.html" as x %}`` works."""

    def __init__(self, sources: dict[str, str]) -> None:
        self.sources = sources

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        if template not in self.sources:
            raise TemplateNotFound(template)
        # The name doubles as the file name that errors show: never a path on the server.
        return self.sources[template], template, lambda: True

    def list_templates(self) -> list[str]:
        return sorted(self.sources)


def _gettext(message: str) -> str:
    _check_percent_format(message)
    return message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def _pgettext(context: str, message: str) -> str:
    return _gettext(message)


def _npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _ngettext(singular, plural, n)


GETTEXT_CALLABLES = {
    "gettext": _gettext,
    "ngettext": _ngettext,
    "pgettext": _pgettext,
    "npgettext": _npgettext,
}


def _capped_filter(name: str, check: Callable[..., None]) -> Callable[..., Any]:
    """Jinja's filter ``name``, with ``check`` run on its value and arguments first."""
    original = jinja_filters.FILTERS[name]
    passes_first = _PassArg.from_obj(original) is not None  # an environment or a context comes first

    def capped(*args: Any, **kwargs: Any) -> Any:
        check(*args[passes_first:], **kwargs)
        return original(*args, **kwargs)

    return update_wrapper(capped, original)


def capped_filters() -> dict[str, Callable[..., Any]]:
    def center(value: Any, width: int = 80) -> None:
        _refuse_width("center's width", width)

    def indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> None:
        _refuse_width("indent's width", width, MAX_INDENT)

    def wordwrap(value: Any, width: int = 79, *args: Any, **kwargs: Any) -> None:
        _refuse_width("wordwrap's width", width)
        _refuse_width("wordwrap's wrapstring", kwargs.get("wrapstring", args[1] if len(args) > 1 else None))

    def tojson(value: Any, indent: int | None = None) -> None:
        _refuse_width("tojson's indent", indent, MAX_INDENT)

    def format_(value: Any, *args: Any, **kwargs: Any) -> None:
        _check_percent_format(str(value), kwargs or args)

    def batch(value: Any, linecount: int, *args: Any, **kwargs: Any) -> None:
        _refuse_width("batch's size", linecount, MAX_ITEMS)

    def slice_(value: Any, slices: int, *args: Any, **kwargs: Any) -> None:
        _refuse_width("slice's count", slices)

    def replace(value: Any, old: Any, new: Any, count: int | None = None) -> None:
        # What the result would be long, worked out before it is made.
        text, old, new = str(value), str(old), str(new)
        found = text.count(old) if old else len(text) + 1
        found = found if count is None else min(found, max(count, 0))
        if len(text) + found * (len(new) - len(old)) > MAX_CHARS:
            raise LimitError(f"replace() would make more than {MAX_CHARS:,} characters in the playground")

    def join(value: Any, d: Any = "", attribute: Any = None) -> None:
        sized = isinstance(value, str | list | tuple) and isinstance(d, str)
        if sized and (len(value) - 1) * len(d) > MAX_CHARS:
            raise LimitError(f"join() would make more than {MAX_CHARS:,} characters in the playground")

    checks = {
        "replace": replace,
        "join": join,
        "center": center,
        "indent": indent,
        "wordwrap": wordwrap,
        "tojson": tojson,
        "format": format_,
        "batch": batch,
        "slice": slice_,
    }
    return {name: _capped_filter(name, check) for name, check in checks.items()}


# --- url_for, from the site's URL rules ------------------------------------------


ANCHOR_SAFE = "%!#$&'()*+,/:;=?@"  # what Flask's url_for leaves unquoted in an anchor


class SiteUrlError(TemplateRuntimeError):
    """url_for was asked for a URL the site has not."""


class SiteUrls:
    """``url_for`` as Flask builds a URL, from the site's rules handed over as data: the same
    paths, query strings and anchors, with nothing of the app behind them."""

    def __init__(self, routes: Sequence[dict[str, Any]]) -> None:
        self.routes = routes

    @functools.cached_property
    def adapter(self) -> Any:
        """Werkzeug's URL map over the rules, made (and Werkzeug imported) at the first ``url_for``:
        in the browser, importing Werkzeug takes longer than starting everything else."""
        from werkzeug.routing import Map, Rule

        rules = [
            Rule(
                route["rule"],
                endpoint=route["endpoint"],
                methods=route["methods"],
                defaults=route["defaults"],
            )
            for route in self.routes
        ]
        return Map(rules).bind("localhost")

    def url_for(self, endpoint: str, /, **values: Any) -> str:
        """Build the URL of ``endpoint`` with ``values``: route arguments, else the query string."""
        anchor = values.pop("_anchor", None)
        for option in ("_external", "_scheme", "_method"):
            if values.pop(option, None) is not None:
                raise LimitError(f"url_for({option}=...) needs the server, which the playground has not")
        from werkzeug.routing import BuildError

        try:
            url = self.adapter.build(endpoint, values)
        except BuildError as error:
            raise SiteUrlError(f"url_for({endpoint!r}) builds no URL: {error}") from None
        return url if anchor is None else f"{url}#{quote(str(anchor), safe=ANCHOR_SAFE)}"


# --- What {{ value }} prints ------------------------------------------------------

# Dates print as on the site: an example's view makes them, a visitor's JSON cannot.
_SCALARS = (
    str,
    int,
    float,
    complex,
    bool,
    type(None),
    range,
    datetime.date,
    datetime.time,
    datetime.timedelta,
)
_PRINTED_AS_IS = (*_SCALARS, Undefined)
_CONTAINERS = (list, tuple, dict, set, frozenset, type({}.keys()), type({}.values()), type({}.items()))


def marker(value: Any) -> str:
    """What a value that is not plain data prints as: its kind, never its repr."""
    if isinstance(value, type):
        return "[class]"
    if isinstance(value, types.ModuleType):
        return "[module]"
    if isinstance(value, Macro):
        return "[macro]"
    if isinstance(value, types.MethodType | types.MethodWrapperType) or (
        isinstance(value, types.BuiltinMethodType) and not isinstance(value.__self__, types.ModuleType | None)
    ):
        return "[method]"
    if isinstance(value, types.FunctionType | types.BuiltinFunctionType):
        return "[function]"
    return "[object]"


def _is_plain(value: Any) -> bool:
    if isinstance(value, _SCALARS):
        return True
    if type(value) not in _CONTAINERS:  # a dict of Flask's (config, session) prints as a marker
        return False
    return all(_is_plain(item) for item in (value.items() if isinstance(value, dict) else value))


def _shown(value: Any) -> str:
    """``repr()`` of plain data, with a marker in place of anything else, however deep."""
    if _is_plain(value) or isinstance(value, Undefined):
        return repr(value)  # an undefined name in a list prints as "Undefined", as in Jinja
    if type(value) is dict:
        return "{" + ", ".join(f"{_shown(key)}: {_shown(item)}" for key, item in value.items()) + "}"
    if type(value) in (list, tuple):
        inner = ", ".join(_shown(item) for item in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner}{',' if len(value) == 1 else ''})"
    if type(value) in (set, frozenset):
        return "{" + ", ".join(_shown(item) for item in value) + "}"
    return marker(value)


def finalize(value: Any) -> Any:
    """What ``{{ value }}`` prints: plain data as Jinja prints it, anything else as a marker."""
    if isinstance(value, _PRINTED_AS_IS) or _is_plain(value):
        return value  # an undefined name prints as Jinja's StrictUndefined says: an error
    return _shown(value)


def make_environment(
    templates: dict[str, str],
    *,
    trim_blocks: bool,
    lstrip_blocks: bool,
    routes: Sequence[dict[str, Any]] = (),
) -> PlaygroundEnvironment:
    """A fresh sandbox over the site's ``templates``, with only a learner's globals, and a
    ``url_for`` that builds the site's URLs from ``routes`` when there are any."""
    env = PlaygroundEnvironment(
        loader=SiteTemplates(templates),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=finalize,
        trim_blocks=trim_blocks,
        lstrip_blocks=lstrip_blocks,
        extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"],
        cache_size=len(templates) + 1,
    )
    env.globals.clear()  # lipsum and the rest: only what a learner needs goes back in
    env.globals.update(range=capped_range, dict=dict, namespace=Namespace, cycler=Cycler, joiner=Joiner)
    if routes:
        env.globals["url_for"] = SiteUrls(routes).url_for
    # {% trans %} and _() need gettext and its kin; these translate nothing, and check %-widths first.
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(**GETTEXT_CALLABLES, newstyle=True)
    env.filters.update(capped_filters())
    return env


# --- Rendering ----------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One render, as the page asks for it: with ``example``, through that example's app.py
    (``showcase/example_apps.py``), for the example page's ``query`` (``variant=empty&sort=code``)."""

    template: str
    context: dict[str, Any]
    trim_blocks: bool = False
    lstrip_blocks: bool = False
    output_chars: int = MAX_CHARS
    example: str | None = None
    query: str = ""


class Renderer:
    """The sandboxes over the site's templates, one per whitespace option, each made when first needed."""

    def __init__(self, templates: dict[str, str], routes: Sequence[dict[str, Any]] = ()) -> None:
        self.templates, self.routes = templates, routes
        self.environments: dict[tuple[bool, bool], PlaygroundEnvironment] = {}  # made when first asked for
        self._start()

    @classmethod
    def over(cls, environments: dict[tuple[bool, bool], PlaygroundEnvironment]) -> "Renderer":
        """A renderer over other sandboxes (an example app's), by (trim_blocks, lstrip_blocks)."""
        made = cls.__new__(cls)
        made.environments = environments
        made._start()
        return made

    def _start(self) -> None:
        # Parsing, analysing and compiling a template cost over ten times its render in the browser:
        # each is done once per source and options (a context edited, an option ticked back,
        # renders the template as compiled), and once per site template.
        self._visitor = functools.lru_cache(maxsize=64)(self._analyse_visitor)
        self._site = functools.lru_cache(maxsize=None)(self._analyse_site)
        self._compiled = functools.lru_cache(maxsize=64)(self._compile)

    def environment(self, job: Job) -> PlaygroundEnvironment:
        return self._environment(job.trim_blocks, job.lstrip_blocks)

    def _environment(self, trim_blocks: bool, lstrip_blocks: bool) -> PlaygroundEnvironment:
        """The sandbox for these whitespace options: a page that never ticks one never makes it."""
        key = (trim_blocks, lstrip_blocks)
        if key not in self.environments:
            self.environments[key] = make_environment(
                self.templates, trim_blocks=trim_blocks, lstrip_blocks=lstrip_blocks, routes=self.routes
            )
        return self.environments[key]

    def diagnose(self, job: Job) -> dict[str, Any]:
        """Parse the template: a syntax error, or the variables it lacks and the keys it never uses."""
        env = self.environment(job)
        try:
            facts, problem = self._visitor(job.trim_blocks, job.lstrip_blocks, job.template)
        except TemplateSyntaxError as error:
            return {"error": _syntax_error(error, _Where.of(env)), "undefined": [], "unused": []}
        except RecursionError:
            return {
                "error": error_message("The template is nested too deeply to parse.", None),
                **_no_names(),
            }
        if problem is not None:
            return {"error": problem, "undefined": [], "unused": []}
        used, optional = self._variables(facts, job)
        undefined = [
            name
            for name in used
            if name not in job.context and name not in env.globals and name not in optional
        ]
        unused = [key for key in job.context if key not in used]
        return {"error": None, "undefined": undefined, "unused": unused}

    def _analyse_visitor(
        self, trim_blocks: bool, lstrip_blocks: bool, source: str
    ) -> tuple["_Facts | None", dict[str, Any] | None]:
        """The visitor's template, parsed and analysed: its facts, or the error the analysis found
        ("No filter named 'x'"). A syntax error raises, and so is not kept."""
        env = self._environment(trim_blocks, lstrip_blocks)
        tree = env.parse(source)
        where = _Where.of(env)
        try:
            return _facts(tree), None
        except TemplateSyntaxError as error:
            return None, _syntax_error(error, where)
        except RecursionError:
            return None, error_message("The template is nested too deeply to compile.", None)

    def _analyse_site(self, trim_blocks: bool, lstrip_blocks: bool, name: str) -> "_Facts | None":
        """A site template's facts, or None if there is no such template or the sandbox cannot
        compile it (its error shows when it is rendered)."""
        env = self._environment(trim_blocks, lstrip_blocks)
        try:
            return _facts(env.parse(env.loader.get_source(env, name)[0]))
        except (TemplateNotFound, TemplateSyntaxError, RecursionError):
            return None

    def _variables(self, facts: "_Facts", job: Job) -> tuple[list[str], set[str]]:
        """The names the template reads from its context, in the order it first reads them, and
        those of them it may well lack: set somewhere in the family of templates (a loop variable
        that an included partial reads), or read only under ``is defined`` or ``|default``.

        The templates it extends or includes read the same context, so their names count too.
        """
        found: dict[str, None] = {}
        stored: set[str] = set()
        guarded: dict[str, bool] = {}  # name: whether every read of it is guarded
        seen: set[str] = set()
        pending = [facts]
        while pending:
            current = pending.pop(0)
            stored |= current.stored
            for name, safe in current.reads:
                found[name] = None
                guarded[name] = guarded.get(name, True) and safe
            for constant, variable in current.shared:
                # {% extends parent %}: the template named by the context's value
                name = job.context.get(variable) if variable is not None else constant
                if isinstance(name, str) and name not in seen:
                    seen.add(name)
                    site = self._site(job.trim_blocks, job.lstrip_blocks, name)
                    if site is not None:
                        pending.append(site)
        return list(found), stored | {name for name, only_guarded in guarded.items() if only_guarded}

    def _compile(self, trim_blocks: bool, lstrip_blocks: bool, source: str) -> Template:
        return self._environment(trim_blocks, lstrip_blocks).from_string(source)

    def render(self, job: Job) -> dict[str, Any]:
        """Compile and render ``job``; the output, or one clear error."""
        env = self.environment(job)
        chunks: list[str] = []
        try:
            template = self._compiled(job.trim_blocks, job.lstrip_blocks, job.template)
            size = 0
            for chunk in template.generate(job.context):
                size += len(chunk)
                if size > job.output_chars:
                    raise OutputLimitError(f"The output is larger than {job.output_chars:,} characters")
                chunks.append(chunk)
        except TemplateSyntaxError as error:
            if error.name is None:  # the visitor's own template
                return {"output": None, "error": _syntax_error(error, _Where.of(env))}
            return {"output": None, "error": runtime_error(error)}
        except MemoryError:
            raise  # the worker answers for it: the process is out of memory
        except OutputLimitError as error:
            return {"output": None, "error": error_message(f"{error}: the render was stopped.", None)}
        except Exception as error:  # every error becomes one clear message
            return {"output": None, "error": runtime_error(error)}
        return {"output": scrub("".join(chunks)), "error": None}


@dataclass(frozen=True)
class _Facts:
    """What one template reads and sets, found once per source."""

    reads: tuple[tuple[str, bool], ...]  # each read of a name it does not set, and whether it is guarded
    stored: frozenset[str]  # the names it sets
    # The templates it extends, includes or imports with its context: (a constant name, or None, and
    # the variable that names it, or None)
    shared: tuple[tuple[Any, str | None], ...]


def _facts(tree: nodes.Template) -> _Facts:
    """A parsed template's facts. Jinja's analysis raises "No filter named 'x'" here."""
    undeclared = meta.find_undeclared_variables(tree)
    stored = _top_level_names(tree) | {node.name for node in tree.find_all(nodes.Name) if node.ctx != "load"}
    safe = {id(node) for node in _guarded_names(tree)}
    reads = tuple(
        (node.name, id(node) in safe)
        for node in tree.find_all(nodes.Name)
        if node.ctx == "load" and node.name in undeclared
    )
    shared = []
    for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        if not (isinstance(node, nodes.Extends | nodes.Include) or node.with_context):
            continue
        if isinstance(node.template, nodes.Const):
            shared.append((node.template.value, None))
        elif isinstance(node.template, nodes.Name):
            shared.append((None, node.template.name))
    return _Facts(reads, frozenset(stored), tuple(shared))


def _top_level_names(tree: nodes.Template) -> set[str]:
    """Names a template sets outside its blocks (``{% import "m.html" as m %}``, ``{% set %}``), which
    its blocks read although Jinja's analysis of each block alone calls them undeclared."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, nodes.Import):
            names.add(node.target)
        elif isinstance(node, nodes.FromImport):
            names.update(name if isinstance(name, str) else name[1] for name in node.names)
        elif isinstance(node, nodes.Assign | nodes.AssignBlock):
            names.update(name.name for name in node.target.find_all(nodes.Name))
            if isinstance(node.target, nodes.Name):
                names.add(node.target.name)
    return names


def _guarded_names(tree: nodes.Template) -> Iterator[nodes.Name]:
    """The names read as ``name is defined``, ``name is undefined`` or ``name|default(...)``."""
    for node in tree.find_all((nodes.Test, nodes.Filter)):
        kinds = ("defined", "undefined") if isinstance(node, nodes.Test) else ("default", "d")
        if node.name in kinds and isinstance(node.node, nodes.Name):
            yield node.node


def _no_names() -> dict[str, list[str]]:
    return {"undefined": [], "unused": []}


def error_message(message: str, line: int | None, column: int | None = None) -> dict[str, Any]:
    return {"message": scrub(message), "line": line, "column": column}


@dataclass(frozen=True)
class _Where:
    """Where the lexer and the parser were when a template was last parsed."""

    offsets: _TokenOffsets
    current: Any  # the parser's current token

    @classmethod
    def of(cls, env: PlaygroundEnvironment) -> "_Where":
        return cls(env.token_offsets, env.last_parser.stream.current)


def _syntax_error(error: TemplateSyntaxError, where: "_Where") -> dict[str, Any]:
    """The message of an error found compiling the visitor's template, with its line and column."""
    line, column = _place(error, where)
    message = re.sub(r" at \d+$", "", error.message or "")
    # "No filter named 'x'" is found compiling, but is no mistake of syntax.
    kind = "Line" if isinstance(error, TemplateAssertionError) else "Syntax error on line"
    return error_message(f"{kind} {line}, column {column}: {message}", line, column)


def _place(error: TemplateSyntaxError, where: _Where) -> tuple[int, int]:
    """Line and column of a syntax error: where the lexer or the parser stopped."""
    offsets = where.offsets
    at_char = re.search(r" at (\d+)$", error.message or "")
    unexpected = re.match(r"unexpected '(.+?)'", error.message or "")
    if unexpected and offsets.source.find(unexpected.group(1), offsets.end) >= 0:
        at_char = unexpected  # the lexer stopped at a bracket that closes nothing: "unexpected '}'"
        line, column = offsets.line_and_column(offsets.source.find(unexpected.group(1), offsets.end))
    elif at_char:  # the lexer says where: "unexpected char '$' at 5"
        line, column = offsets.line_and_column(int(at_char.group(1)))
    elif not isinstance(error, TemplateAssertionError):  # the parser stopped at its current token
        current = where.current
        line, column = offsets.line_and_column(offsets.by_token.get(id(current), offsets.end))
    if at_char or (not isinstance(error, TemplateAssertionError) and line == error.lineno):
        return line, column
    # Found after parsing ("No filter named 'x'."), or at the end of the template:
    # Jinja knows the line; look there for the name it quotes, else take the line's start.
    lines = offsets.source.split("\n")
    text = lines[error.lineno - 1] if 0 < error.lineno <= len(lines) else ""
    quoted = re.search(r"'([^']+)'", error.message or "")
    found = text.find(quoted.group(1)) if quoted else -1
    return error.lineno, found + 1 if found >= 0 else len(text) - len(text.lstrip()) + 1


def runtime_error(error: Exception) -> dict[str, Any]:
    """One clear message for an error raised while rendering, with the template's line if known."""
    line, inner = _lines(error)
    where = f"Line {line}: " if line else ""
    if inner:
        where += f"in {inner[0]}, line {inner[1]}: "
    if isinstance(error, TemplatesNotFound | TemplateNotFound):
        text = f"there is no template named {error.name!r}: the playground knows the site's templates only"
    elif isinstance(error, LimitError):
        text = f"refused: {error}"
    elif isinstance(error, SiteUrlError):
        text = str(error)
    elif isinstance(error, SecurityError):
        text = f"not allowed in the sandbox: {error}"
    elif isinstance(error, UndefinedError | TemplateSyntaxError):
        text = str(error.message if isinstance(error, TemplateSyntaxError) else error)
        if re.fullmatch(rf"'({'|'.join(FLASK_GLOBALS)})' is undefined", text):
            text += (
                " (Flask gives it to an app's pages: set it in the context, or try an example,"
                " which renders with its app.py)"
            )
    elif isinstance(error, RecursionError):
        text = "too deeply nested or recursive (a macro calling itself without end?)"
    elif isinstance(error, SyntaxError):  # Python's compiler refused Jinja's code for it
        text = f"the template is too deeply nested to compile: {error.msg}"
    else:
        text = f"{type(error).__name__}: {error}"
    return error_message(where + text, line)


def _lines(error: BaseException) -> tuple[int | None, tuple[str, int] | None]:
    """The visitor's template line the error came through, and the site template it came from, if any."""
    frames = traceback.StackSummary.extract(traceback.walk_tb(error.__traceback__), lookup_lines=False)
    line = None
    inner = None
    for frame in frames:  # from the outermost call to the innermost
        if frame.filename == TEMPLATE_FILENAME:
            line, inner = frame.lineno, None  # a block of the visitor's, even when a layout calls it
        elif frame.filename.endswith(".html") and not frame.filename.startswith("/"):
            inner = (frame.filename, frame.lineno)
    if isinstance(error, TemplateSyntaxError) and error.name:
        inner = (error.name, error.lineno)
    return line, inner


# --- No Python internals in what a visitor sees --------------------------------

# Jinja's own objects whose repr names no "object": <TemplateReference None>, <LoopContext 1/3>...
JINJA_TYPES = ("TemplateReference", "LoopContext", "Macro", "Namespace", "Context")
# A repr as it may reach the output: escaped, url-encoded (|urlencode), or in other case (|upper).
_OPEN, _CLOSE = r"(?:<|&lt;|%3C)", r"(?:>|&gt;|%3E)"
_QUOTE, _SP = r"(?:'|&#39;|&#x27;|%27)", r"(?: |%20|\+)"
_REPR = re.compile(
    (
        rf"{_OPEN}(?:"
        rf"(?P<cls>class {_QUOTE})|(?P<module>module {_QUOTE})"
        rf"|(?P<method>built-in method |bound method |method {_QUOTE}|method-wrapper {_QUOTE}"
        rf"|slot wrapper {_QUOTE})"
        rf"|(?P<function>built-in function |function )"
        rf"|(?P<object>[\w.]+ object\b|(?:{'|'.join(JINJA_TYPES)})\b)"
        rf")[^<>]{{0,300}}?{_CLOSE}"
    ).replace(" ", _SP),
    re.IGNORECASE,
)
_ADDRESS = re.compile(rf"{_SP}at{_SP}0x[0-9a-f]+", re.IGNORECASE)
_WORTH_A_LOOK = re.compile("|".join(("0x", "class", "module", "method", *JINJA_TYPES)), re.IGNORECASE)


def scrub(text: str) -> str:
    """``text`` without Python's internals: addresses, and what functions, classes and modules print."""
    if not _WORTH_A_LOOK.search(text):
        return text  # the common case, checked cheaply
    text = _REPR.sub(lambda match: f"[{match.lastgroup.replace('cls', 'class')}]", text)
    return _ADDRESS.sub("", text)


# --- The worker's entry points: JSON text in, JSON text out -----------------------


class BadField(ValueError):  # noqa: N818  read as "a bad field", like werkzeug's BadRequest
    """A field of a render request that cannot be rendered: which one, and what is allowed."""

    def __init__(self, name: str | None, message: str) -> None:
        super().__init__(message)
        self.name, self.message = name, message


FIELDS = {"template": str, "context": dict, "trim_blocks": bool, "lstrip_blocks": bool}
OPTIONAL_FIELDS = {"example": str, "query": str}
KINDS = {str: "a string", dict: "a JSON object", bool: "true or false"}
JSON_KINDS = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number"}


def kind(value: Any) -> str:
    """What a JSON value is, in words: "a list", "true or false"..."""
    if isinstance(value, bool):
        return "true or false"
    return "null" if value is None else JSON_KINDS.get(type(value), "something else")


def parse_context(text: str) -> dict[str, Any]:
    """The context as typed in the page: a JSON object, within the limits."""
    if len(text) > MAX_CONTEXT_BYTES * 20:  # far past the limit: not worth parsing
        raise BadField("context", f"The context is larger than {MAX_CONTEXT_BYTES / 1000:g} kB.")
    try:
        context = json.loads(text or "{}")
    except json.JSONDecodeError as error:
        raise BadField(
            "context",
            f"The context is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno}).",
        ) from None
    except RecursionError:
        raise BadField("context", _too_deep()) from None
    return check_context(context)


def check_context(context: Any) -> dict[str, Any]:
    if not isinstance(context, dict):
        raise BadField("context", f"The context must be a JSON object ({{...}}), not {kind(context)}.")
    if _depth(context) > MAX_CONTEXT_DEPTH:
        raise BadField("context", _too_deep())
    size = len(json.dumps(context, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    if size > MAX_CONTEXT_BYTES:
        raise BadField(
            "context",
            f"The context is {size:,} bytes as compact JSON; the playground takes at most "
            f"{MAX_CONTEXT_BYTES:,} ({MAX_CONTEXT_BYTES / 1000:g} kB).",
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


def read_job(request: Any) -> Job:
    """A render request as ``window.playground.render()`` takes it, as a Job: ``template``,
    ``context`` (an object, or the page's JSON text as ``context_text``), ``trim_blocks``,
    ``lstrip_blocks``. BadField says what is wrong with it, naming the field."""
    if not isinstance(request, dict):
        raise BadField(None, f"A render takes a JSON object, not {kind(request)}.")
    request = dict(request)
    if isinstance(request.get("context_text"), str) and "context" not in request:
        request["context"] = parse_context(request.pop("context_text"))
    every = {**FIELDS, **OPTIONAL_FIELDS}
    for name in request:
        if name not in every:
            raise BadField(name, f"Unknown field {name!r}: the fields are {', '.join(every)}.")
    for name, wanted in every.items():
        if name not in request:
            if name in OPTIONAL_FIELDS:
                continue
            raise BadField(name, f"The field {name!r} is missing: it must be {KINDS[wanted]}.")
        if not isinstance(request[name], wanted):
            raise BadField(name, f"The field {name!r} must be {KINDS[wanted]}, not {kind(request[name])}.")
    if len(request["template"]) > MAX_TEMPLATE_CHARS:
        raise BadField(
            "template",
            f"The template is {len(request['template']):,} characters long; "
            f"the playground takes at most {MAX_TEMPLATE_CHARS:,}.",
        )
    check_context(request["context"])
    return Job(**request)


def bad_field(error: BadField) -> dict[str, Any]:
    return {
        "output": None,
        "error": {"message": error.message, "line": None, "column": None, "field": error.name},
        "undefined": [],
        "unused": [],
    }


class Playground:
    """The renderer over the site's templates, and a render request's two steps: what is wrong
    with it (kept by the page if the render is then stopped), and its result.

    A request naming an ``example`` renders through that example's app.py, unpacked under
    ``examples`` (``examples/NAME/app.py``): Flask is imported then, not before.
    """

    def __init__(self, site: dict[str, Any], examples: str | None = None) -> None:
        self.renderer = Renderer(site["templates"], site.get("routes", ()))
        self.examples_folder = examples
        self.examples: Any = None
        self.job: Job | None = None

    def diagnose(self, request: Any) -> dict[str, Any]:
        self.job = None
        try:
            self.job = read_job(request)
            if self.job.example is not None:
                return self.example(self.job.example).diagnose(self.job)
        except BadField as error:
            self.job = None
            return bad_field(error)
        return self.renderer.diagnose(self.job)

    def example(self, name: str) -> Any:
        """The example app ``name``, loaded the first time; BadField if there is none."""
        if self.examples is None:
            if self.examples_folder is None:
                raise BadField("example", "This playground renders no example's app.")
            from showcase.example_apps import ExampleApps  # Flask, imported now and not before

            self.examples = ExampleApps(self.examples_folder)
        try:
            return self.examples[name]
        except KeyError:
            raise BadField("example", f"There is no example named {name!r}.") from None
        except Exception as error:  # its app.py failed to start: one line, no traceback
            raise BadField("example", f"The example {name}'s app.py could not start: {error}") from None

    def render(self) -> dict[str, Any]:
        """The result of the request diagnose() last took, if it had no error."""
        if self.job.example is not None:
            return self.example(self.job.example).render(self.job)
        return self.renderer.render(self.job)

    def answer(self, request: Any) -> dict[str, Any]:
        """Both steps at once: ``{output, error, undefined, unused}``."""
        found = self.diagnose(request)
        if found["error"] is not None:
            return {"output": None, **found}
        return {**found, **self.render()}


_RUNNING: list[Playground] = []


def start(site_json: str, examples: str | None = None) -> None:
    """Worker: make the playground over the site (``{"templates": {...}, "routes": [...]}``), and
    the folder where the page's worker unpacks the examples it renders."""
    _RUNNING[:] = [Playground(json.loads(site_json), examples)]


def load(example: str) -> None:
    """Worker: load an example's app.py, just unpacked, before its first render is timed."""
    with contextlib.suppress(BadField):  # no such example: its render says so
        _RUNNING[0].example(example)


def diagnose(request_json: str) -> str:
    """Worker: the first step of a render, as JSON."""
    return json.dumps(_RUNNING[0].diagnose(json.loads(request_json)))


def render(_: str = "") -> str:
    """Worker: the second step, for the request diagnose() took, as JSON."""
    return json.dumps(_RUNNING[0].render())
