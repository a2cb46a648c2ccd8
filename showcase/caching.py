"""What an example page need not work out again on every request, kept per process.

Three things, all answers that cannot change while the process runs:

- ``url_for()`` in templates: an example page builds a dozen links to the same
  few endpoints (the site's navigation, its stylesheets, the pager), and each
  build walks Werkzeug's URL map. :func:`memoize_url_for` remembers each answer.
- ``{% cache key %}...{% endcache %}``: a part of a page that depends on nothing
  but ``key``, rendered once and then reused. The example layout caches the
  panels that show the view, the templates and the tests, which depend only on
  the example (the context and HTML panels depend on the request: their key is
  ``none``); /coverage caches its tables, read from the code once per process.
- :class:`SecondUseCache`: the highlighted context and HTML of a request, kept
  only for what a second request asks for too.

With templates reloading as they are edited (``flask run --debug``), ``{% cache %}``
renders every time, so a change to a template shows at once. benchmarks/run.py
measures the gain.

And one thing kept between processes: :class:`SettingsBytecodeCache`, the compiled
templates, so that the next start-up need not compile them again.
"""

import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any, ClassVar

from flask import Flask, has_request_context, request
from jinja2 import Environment, FileSystemBytecodeCache, nodes
from jinja2.bccache import Bucket
from jinja2.ext import Extension
from jinja2.parser import Parser
from markupsafe import Markup

from showcase.export import EXPORT_FLAG  # in the static export, a URL depends on its page

# What Werkzeug's URL adapter reads from a request to build a URL.
SERVED_AT = ("wsgi.url_scheme", "HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "SCRIPT_NAME")
MAX_FRAGMENTS = 4096  # keys come from a finite set (examples times panels); this is a guard


# The settings Jinja's lexer reads: they decide what a template's source compiles to.
LEXER_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
)


class SettingsBytecodeCache(FileSystemBytecodeCache):
    """Jinja's bytecode cache on disk, with the environment's settings in each entry's key.

    Jinja keys a compiled template by its name and source alone, yet what the source
    compiles to depends on the environment too: trim_blocks, lstrip_blocks and the
    other lexer settings, the extensions, autoescaping, finalize. Set trim_blocks in
    app.py (as the whitespace example invites) and a plain cache would go on handing
    back the templates compiled without it. Here the next start-up compiles them
    afresh, and an overlay with other settings keeps entries of its own.
    """

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = self.get_cache_key(f"{name}|{compiled_with(environment, name)}", filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


def compiled_with(environment: Environment, name: str) -> str:
    """The settings of ``environment`` that shape the code template ``name`` compiles to."""
    autoescape = environment.autoescape
    settings = (
        *(getattr(environment, setting) for setting in LEXER_SETTINGS),
        sorted(environment.extensions),
        bool(autoescape(name) if callable(autoescape) else autoescape),
        getattr(environment.finalize, "__qualname__", None),
        environment.is_async,
        environment.optimized,
    )
    return repr(settings)


class FragmentCache(Extension):
    """``{% cache key %}...{% endcache %}``: render the body once per ``key``, then reuse its HTML.

    The key must say everything the body depends on, and come from a finite set
    (an example's name, never a query value); ``none`` renders the body every time.

    Modelled on the ``FragmentCacheExtension`` example in Jinja's documentation
    (Extensions, "Example Extensions"), without timeouts: here nothing expires.
    """

    tags: ClassVar[set[str]] = {"cache"}

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.extend(fragment_cache={})
        self._tags = itertools.count()

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        key = parser.parse_expression()
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        # Each {% cache %} tag keeps its own fragments, even under the same key.
        where = nodes.Const(f"{parser.name}:{lineno}:{next(self._tags)}")
        return nodes.CallBlock(self.call_method("_cached", [where, key]), [], [], body).set_lineno(lineno)

    def _cached(self, where: str, key: Any, caller: Callable[[], Markup]) -> Markup:
        cache = self.environment.fragment_cache  # type: ignore[attr-defined]
        if key is None or self.environment.auto_reload:
            return caller()
        if (where, key) not in cache:
            if len(cache) >= MAX_FRAGMENTS:
                cache.clear()
            cache[where, key] = caller()
        return cache[where, key]


def memoize_url_for(app: Flask, maxsize: int = 2048) -> None:
    """Make the templates' ``url_for()`` remember its answers.

    An answer depends on the endpoint, the values, and where the app is served:
    the scheme, host and path prefix the request came in on (the WSGI environ's
    values that Werkzeug's URL adapter reads), so those are the key.
    Not memoized: a value that cannot be a key (a list), a call outside a
    request, and the static export, whose URLs depend on the page they are on.
    """
    build = app.jinja_env.globals["url_for"]

    @lru_cache(maxsize=maxsize)
    def cached(served_at: tuple[Any, ...], endpoint: str, items: tuple[tuple[str, Any], ...]) -> str:
        return build(endpoint, **dict(items))

    def url_for(endpoint: str, **values: Any) -> str:
        if not has_request_context() or app.config.get(EXPORT_FLAG):
            return build(endpoint, **values)
        environ = request.environ
        served_at = tuple(environ.get(name) for name in SERVED_AT)
        try:
            # In the order given: url_for() writes the query string in that order.
            return cached(served_at, endpoint, tuple(values.items()))
        except TypeError:  # unhashable
            return build(endpoint, **values)

    url_for.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    app.jinja_env.globals["url_for"] = url_for


class SecondUseCache:
    """A bounded cache that keeps an answer only when its key comes a second time.

    A demo that changes on every request (``lipsum()``, a visit counter) would
    otherwise fill the cache with answers no request asks for again, and the
    server's memory with them; here they pass through, and the cache holds what
    requests share. Past ``maxsize`` answers, the least recently used goes.
    """

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._kept: OrderedDict[Hashable, Any] = OrderedDict()
        self._seen: set[int] = set()  # hashes of keys asked for once
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The answer for ``key``: kept, or ``compute()``d (and kept if ``key`` came before)."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        value = compute()
        with self._lock:
            if hash(key) in self._seen:
                self._kept[key] = value
                if len(self._kept) > self.maxsize:
                    self._kept.popitem(last=False)
            else:
                if len(self._seen) >= 8 * self.maxsize:
                    self._seen.clear()
                self._seen.add(hash(key))
        return value

    def __len__(self) -> int:
        return len(self._kept)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._seen.clear()
