"""/examples/undefined, on the site: this app's StrictUndefined, which the downloaded project leaves out."""

import pytest
from flask import Flask
from jinja2 import UndefinedError


def test_this_app_refuses_to_print_an_undefined_value_where_flask_prints_nothing(app):
    template = "[{{ student.nickname }}]"
    with pytest.raises(UndefinedError):
        app.jinja_env.from_string(template).render(student={})
    assert Flask(__name__).jinja_env.from_string(template).render(student={}) == "[]"
    assert app.jinja_env.from_string("[{{ student.nickname|default('?') }}]").render(student={}) == "[?]"
