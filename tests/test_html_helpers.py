"""tests/html_helpers.py: each helper checked, and the whole file tried in a fresh Flask app."""

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask, render_template_string

from html_helpers import captured_templates, get_soup, internal_links, table_rows, text, texts

HERE = Path(__file__).resolve().parent


@pytest.fixture
def tiny_app():
    """A Flask app of three routes, to test the helpers on pages we control."""
    app = Flask(__name__)

    @app.route("/")
    def index():
        return render_template_string(
            "<h1>Weeks</h1><ol class='weeks'>{% for w in weeks %}<li>{{ w }}</li>{% endfor %}</ol>",
            weeks=["HTTP", "Flask"],
        )

    @app.route("/plain")
    def plain():
        return "just text", 200, {"Content-Type": "text/plain"}

    @app.route("/missing")
    def missing():
        return "<h1>Not here</h1>", 404

    return app


def test_get_soup_returns_the_parsed_page(tiny_app):
    soup = get_soup(tiny_app.test_client(), "/")
    assert texts(soup, "ol.weeks > li") == ["HTTP", "Flask"]


def test_get_soup_fails_on_another_status_or_type(tiny_app):
    client = tiny_app.test_client()
    with pytest.raises(AssertionError, match="GET /missing answered 404, not 200"):
        get_soup(client, "/missing")
    with pytest.raises(AssertionError, match="GET /plain answered text/plain, not text/html"):
        get_soup(client, "/plain")
    assert text(get_soup(client, "/missing", status=404).h1) == "Not here"


def test_text_reads_like_a_browser():
    soup = BeautifulSoup("<p>  You sent\n   <code>sort=x</code>.  </p>", "html.parser")
    assert text(soup.p) == "You sent sort=x."


def test_table_rows_key_cells_by_their_heading():
    soup = BeautifulSoup(
        "<table><thead><tr><th>Code</th><th>Phrase</th></tr></thead>"
        "<tbody><tr><td>200</td><td>OK</td></tr><tr><th>404</th><td>Not Found</td></tr></tbody></table>",
        "html.parser",
    )
    assert table_rows(soup.table) == [{"Code": "200", "Phrase": "OK"}, {"Code": "404", "Phrase": "Not Found"}]


def test_table_rows_refuses_a_row_with_a_missing_cell():
    soup = BeautifulSoup(
        "<table><thead><tr><th>Code</th><th>Phrase</th></tr></thead><tbody><tr><td>200</td></tr></tbody></table>",
        "html.parser",
    )
    with pytest.raises(ValueError, match="shorter"):
        table_rows(soup.table)


def test_internal_links_keep_this_sites_paths_only():
    soup = BeautifulSoup(
        '<a href="/a?x=1#top">a</a> <a href="https://example.org/">out</a> <a href="#top">here</a>'
        ' <a href="mailto:me@example.edu">mail</a> <img src="/static/i.svg" alt="i"> <a href="b">b</a>',
        "html.parser",
    )
    assert internal_links(soup) == ["/a?x=1", "/static/i.svg", "b"]


def test_captured_templates_records_while_open_and_stops_after(tiny_app):
    client = tiny_app.test_client()
    with captured_templates(tiny_app) as rendered:
        client.get("/")
    client.get("/")  # after the block: not recorded
    assert len(rendered) == 1
    template, context = rendered[0]
    assert template.name is None  # a template from a string has no name
    assert context["weeks"] == ["HTTP", "Flask"]


def test_raw_bytes_are_fooled_by_broken_markup_and_the_soup_is_not():
    # Three ways a page can hold the words without showing them as a list item:
    # commented out, escaped into text, or outside the list.
    broken = [
        b'<ol class="weeks"><!-- <li>Week 1: HTTP</li> --></ol>',
        b'<ol class="weeks">&lt;li&gt;Week 1: HTTP&lt;/li&gt;</ol>',
        b'<ol class="weeks"></ol><p>Week 1: HTTP</p>',
    ]
    for page in broken:
        assert b"Week 1: HTTP" in page  # the raw-bytes check says yes, three times wrongly
        soup = BeautifulSoup(page, "html.parser")
        assert texts(soup, "ol.weeks > li") != ["Week 1: HTTP"]  # the soup says no
    good = BeautifulSoup(b'<ol class="weeks"><li>Week 1: HTTP</li></ol>', "html.parser")
    assert texts(good, "ol.weeks > li") == ["Week 1: HTTP"]


def test_the_helpers_work_unchanged_in_a_fresh_flask_app(tmp_path):
    (tmp_path / "tests").mkdir()
    shutil.copy(HERE / "html_helpers.py", tmp_path / "tests" / "html_helpers.py")
    (tmp_path / "app.py").write_text(
        textwrap.dedent(
            """
            from flask import Flask, render_template_string

            app = Flask(__name__)

            @app.route("/")
            def home():
                return render_template_string(
                    "<ul class='fruits'>{% for f in fruits %}<li>{{ f }}</li>{% endfor %}</ul>",
                    fruits=["apple", "pear"],
                )
            """
        )
    )
    (tmp_path / "tests" / "test_home.py").write_text(
        textwrap.dedent(
            """
            import pytest
            from app import app
            from html_helpers import captured_templates, get_soup, texts

            @pytest.fixture
            def client():
                return app.test_client()

            def test_home_lists_the_fruits(client):
                with captured_templates(app) as rendered:
                    soup = get_soup(client, "/")
                assert texts(soup, "ul.fruits > li") == ["apple", "pear"]
                assert rendered[0][1]["fruits"] == ["apple", "pear"]
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), "tests"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
