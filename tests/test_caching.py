"""What a page keeps from one request to the next (showcase/caching.py), and what it must not keep."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask, render_template_string
from jinja2 import DictLoader, Environment, FileSystemBytecodeCache

from showcase.caching import FragmentCache, SecondUseCache, SettingsBytecodeCache, memoize_url_for

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture
def env():
    """A bare Jinja environment with the {% cache %} tag, and a counter to see what renders."""
    # auto_reload off, as Flask sets it outside debug mode (Jinja's own default is on).
    environment = Environment(extensions=[FragmentCache], autoescape=True, auto_reload=False)
    environment.globals["renders"] = []
    return environment


def test_a_cached_fragment_renders_once_per_key(env):
    template = env.from_string("{% cache key %}<b>{{ renders.append(key) or key }}</b>{% endcache %}")
    outputs = [template.render(key=key) for key in ("a", "b", "a", "a", "b")]
    assert outputs == ["<b>a</b>", "<b>b</b>", "<b>a</b>", "<b>a</b>", "<b>b</b>"]
    assert env.globals["renders"] == ["a", "b"]


def test_a_key_of_none_renders_every_time(env):
    template = env.from_string("{% cache none %}{{ renders.append(1) or n }}{% endcache %}")
    assert [template.render(n=n) for n in (1, 2, 3)] == ["1", "2", "3"]
    assert len(env.globals["renders"]) == 3


def test_two_tags_with_one_key_keep_their_own_fragments(env):
    template = env.from_string("{% cache 1 %}first{% endcache %} {% cache 1 %}second{% endcache %}")
    assert template.render() == "first second"


def test_a_cached_fragment_is_escaped_once(env):
    template = env.from_string("{% cache 1 %}{{ text }}{% endcache %}")
    assert template.render(text="<i>") == "&lt;i&gt;"
    assert template.render(text="ignored") == "&lt;i&gt;"  # kept as it was, not escaped again


def test_with_templates_reloading_nothing_is_cached(env):
    env.auto_reload = True  # as with flask run --debug
    env.loader = DictLoader({"t.html": "{% cache 1 %}{{ renders.append(1) or 'x' }}{% endcache %}"})
    template = env.get_template("t.html")
    assert template.render() + template.render() == "xx"
    assert len(env.globals["renders"]) == 2


def make_app(built=None):
    """A small app with one route; ``built`` records each URL Flask really builds."""
    app = Flask(__name__)
    app.add_url_rule("/weeks/<int:week>", "week", lambda week: "")
    if built is not None:
        flask_url_for = app.jinja_env.globals["url_for"]
        app.jinja_env.globals["url_for"] = lambda *a, **kw: built.append(a) or flask_url_for(*a, **kw)
    memoize_url_for(app)
    return app


def test_url_for_answers_as_flask_does_and_builds_each_url_once():
    built = []
    app = make_app(built)
    page = "{{ url_for('week', week=1) }} {{ url_for('week', week=2) }} {{ url_for('week', week=1) }}"
    with app.test_request_context("/"):
        assert render_template_string(page) == "/weeks/1 /weeks/2 /weeks/1"
    with app.test_request_context("/"):
        assert render_template_string(page) == "/weeks/1 /weeks/2 /weeks/1"
    assert built == [("week",), ("week",)]  # week 1 and week 2, once each


def test_url_for_keeps_the_query_in_the_order_it_was_given():
    app = make_app()
    page = "{{ url_for('week', week=1, b=2, a=1) }} {{ url_for('week', week=1, a=1, b=2) }}"
    with app.test_request_context("/"):
        assert render_template_string(page) == "/weeks/1?b=2&amp;a=1 /weeks/1?a=1&amp;b=2"  # escaped


def test_url_for_follows_where_the_app_is_mounted():
    app = make_app()
    page = "{{ url_for('week', week=1) }} {{ url_for('week', week=1, _external=True) }}"
    with app.test_request_context("/"):
        assert render_template_string(page) == "/weeks/1 http://localhost/weeks/1"
    with app.test_request_context("/", base_url="https://example.org/cs253/"):
        assert render_template_string(page) == "/cs253/weeks/1 https://example.org/cs253/weeks/1"
    with app.test_request_context("/"):
        assert render_template_string(page) == "/weeks/1 http://localhost/weeks/1"


def stylesheet(client, **environ):
    with client.get("/examples/lists", environ_overrides=environ) as response:
        soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return soup.select_one('link[rel="stylesheet"]')["href"]


def test_the_showcase_links_follow_a_path_prefix_too(client):
    assert stylesheet(client) == "/static/css/site.css"
    assert stylesheet(client, SCRIPT_NAME="/showcase") == "/showcase/static/css/site.css"
    assert stylesheet(client) == "/static/css/site.css"


def test_an_answer_is_kept_from_the_second_time_its_key_comes():
    cache, computed = SecondUseCache(maxsize=2), []

    def get(key):
        return cache.get(key, lambda: computed.append(key) or key.upper())

    assert [get("a"), get("a"), get("a"), get("a")] == ["A"] * 4
    assert computed == ["a", "a"]  # once when first seen, once when kept


def test_keys_seen_once_never_fill_the_cache():
    cache = SecondUseCache(maxsize=10)
    for number in range(1000):  # such as a demo with new lipsum() text on every request
        cache.get(f"text {number}", lambda: "answer")
    assert len(cache) == 0


def test_past_its_size_the_least_recently_used_answer_goes():
    cache, computed = SecondUseCache(maxsize=2), []
    for key in ("a", "a", "b", "b", "a", "c", "c"):  # a, b kept; a used; c pushes out b
        cache.get(key, lambda key=key: computed.append(key) or key)
    computed.clear()
    for key in ("a", "c", "b"):
        cache.get(key, lambda key=key: computed.append(key) or key)
    assert computed == ["b"]


# Start the app in a fresh process and print how many templates it compiled.
COUNT_COMPILES = """
import jinja2
compiled = []
parse = jinja2.Environment._parse
jinja2.Environment._parse = lambda env, *args: compiled.append(args) or parse(env, *args)
import app
print(len(compiled))
"""


def test_a_second_start_up_loads_the_compiled_templates_and_compiles_none(gallery, tmp_path):
    # Start-up checks that each example's template compiles (see showcase/gallery.py).
    checked = {name for example in gallery.examples for name in example.templates}
    # Jinja's bytecode cache lives in the system's temp directory: here, an empty one of the test's
    # (Python looks for it in TMPDIR, TEMP and TMP, in that order).
    env = {**os.environ, "TMPDIR": str(tmp_path), "TEMP": str(tmp_path), "TMP": str(tmp_path)}

    def start_up():
        run = subprocess.run(
            [sys.executable, "-c", COUNT_COMPILES], cwd=PROJECT, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        return int(run.stdout)

    assert start_up() == len(checked)
    assert start_up() == 0
    # One file per template: in a folder of its own on Linux and macOS, in the temp directory on Windows.
    assert len(list(tmp_path.rglob("__jinja2_*.cache"))) == len(checked)


# A template whose output trim_blocks changes: with it, the newline after each tag goes.
TRIMMED = {"t.html": "{% if true %}\nyes\n{% endif %}\n"}


def render_with(cache, trim_blocks):
    """t.html rendered by a fresh environment (as a fresh process has) sharing ``cache``."""
    env = Environment(loader=DictLoader(TRIMMED), bytecode_cache=cache, trim_blocks=trim_blocks)
    return env.get_template("t.html").render()


def test_a_changed_setting_compiles_the_template_afresh(tmp_path):
    cache = SettingsBytecodeCache(str(tmp_path))
    assert render_with(cache, trim_blocks=False) == "\nyes\n"
    assert render_with(cache, trim_blocks=True) == "yes\n"
    assert render_with(cache, trim_blocks=False) == "\nyes\n"
    assert len(list(tmp_path.iterdir())) == 2  # one compiled copy for each setting


def test_jinjas_own_cache_would_hand_back_the_old_compilation(tmp_path):
    """A guard for the test above: keyed on name and source alone, the setting is lost."""
    cache = FileSystemBytecodeCache(str(tmp_path))
    assert render_with(cache, trim_blocks=False) == "\nyes\n"
    assert render_with(cache, trim_blocks=True) == "\nyes\n"  # trim_blocks ignored
