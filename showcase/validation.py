"""Validate what a request sends, and say clearly what is allowed when it is wrong."""

from collections.abc import Sequence

from flask import request, url_for
from werkzeug.exceptions import BadRequest


class BadQueryValue(BadRequest):
    """A query parameter whose value is not one of the allowed ones (a 400)."""

    def __init__(self, parameter: str, value: str, allowed: Sequence[str]) -> None:
        self.parameter, self.value, self.allowed = parameter, value, tuple(allowed)
        super().__init__(f"{parameter} must be one of: {', '.join(self.allowed)}.")

    def choices(self) -> list[tuple[str, str]]:
        """Each allowed value with the URL of this page asking for it, other parameters kept."""
        links = []
        for allowed in self.allowed:
            args = request.args.to_dict()
            args[self.parameter] = allowed
            links.append((allowed, url_for(request.endpoint, **(request.view_args or {}), **args)))
        return links


class QueryTextTooLong(BadRequest):
    """A query parameter whose text is longer than its limit (a 400)."""

    def __init__(self, parameter: str, value: str, max_length: int) -> None:
        self.parameter, self.value, self.max_length = parameter, value, max_length
        super().__init__(f"{parameter} must be at most {max_length} characters long.")

    def shortened(self) -> str:
        """The URL of this page with the value cut to the limit, other parameters kept."""
        args = request.args.to_dict()
        args[self.parameter] = self.value[: self.max_length]
        return url_for(request.endpoint, **(request.view_args or {}), **args)


def query_choice(name: str, allowed: Sequence[str], default: str | None = None) -> str:
    """The query parameter ``name``, which must be one of ``allowed`` (default: the first)."""
    value = request.args.get(name, allowed[0] if default is None else default)
    if value not in allowed:
        raise BadQueryValue(name, value, allowed)
    return value


def query_text(name: str, max_length: int, default: str = "") -> str:
    """The query parameter ``name`` as free text of at most ``max_length`` characters."""
    value = request.args.get(name, default)
    if len(value) > max_length:
        raise QueryTextTooLong(name, value, max_length)
    return value
