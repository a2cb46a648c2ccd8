"""flask --app app freeze: every page and variant as a file, every link working inside the copy.

The ``export`` fixture (tests/conftest.py) is the folder that command wrote.
"""

from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
from bs4 import BeautifulSoup

from html_helpers import text
from site_pages import pages

PROJECT = Path(__file__).resolve().parent.parent


def file_for(url):
    """Where the export keeps the page the server shows at ``url``."""
    parts = urlsplit(url)
    path = "/index" if parts.path == "/" else parts.path
    variant = dict(p.split("=") for p in parts.query.split("&") if p).get("variant")
    return path.lstrip("/") + (f"/{variant}" if variant else "") + ".html"


def parsed(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def links_in(path):
    """Every href and src in a page. lxml reads a page many times as fast as a soup is built."""
    root = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    return [
        value
        for element in root.iter()
        for name, value in element.items()
        if name in ("href", "src") and value
    ]


def test_every_page_and_variant_the_server_has_is_a_file(export):
    urls = pages()
    assert "/examples/lists?variant=empty" in urls
    missing = [url for url in urls if not (export / file_for(url)).is_file()]
    assert missing == []
    assert (export / "examples" / "lists" / "empty.html").is_file()


def test_every_link_in_the_copy_resolves_inside_it(export):
    html_files = sorted(export.rglob("*.html"))
    assert len(html_files) >= len(pages())
    broken = []
    for page in html_files:
        for link in links_in(page):
            url = urlsplit(link)
            if url.scheme or url.netloc or not url.path:
                continue  # another site, or a #fragment of this page
            assert not url.path.startswith("/"), f"{page}: {url.path} is absolute: it breaks from file://"
            target = (page.parent / url.path).resolve()
            if not (target.is_file() and target.is_relative_to(export.resolve())):
                broken.append(f"{page.relative_to(export)} -> {url.path}")
    assert broken == []


def test_a_variant_page_shows_that_variant(export, data):
    soup = parsed(export / "examples" / "lists" / "empty.html")
    assert [text(li) for li in soup.select("[data-demo] ol.weeks > li")] == ["No weeks planned yet."]
    current = soup.select_one('.variants a[aria-current="page"]')
    assert (text(current), current["href"]) == ("empty", "empty.html")
    weeks = parsed(export / "examples" / "lists.html").select("[data-demo] .week-topic")
    assert [text(w) for w in weeks] == data["lists"]


def test_pages_that_need_the_server_say_so_and_others_do_not(export):
    assert parsed(export / "examples" / "tables.html").select(".export-note")
    assert parsed(export / "examples" / "lists.html").select(".export-note") == []


def test_a_404_page_is_there_for_static_hosts(export):
    soup = parsed(export / "404.html")
    assert text(soup.h1) == "404 Not Found"


def test_the_icon_browsers_ask_for_is_at_the_copys_root(export):
    assert (export / "favicon.ico").read_bytes() == (PROJECT / "static" / "favicon.ico").read_bytes()
    assert not (export / "favicon.ico.html").exists()


def test_every_example_is_in_the_copy_as_its_download_too(export, client, gallery):
    for example in gallery.examples:
        served = client.get(f"/examples/{example.endpoint}.zip").data
        assert (export / "examples" / f"{example.endpoint}.zip").read_bytes() == served


def test_try_it_in_the_copy_opens_the_playground_on_that_example(export, gallery):
    for example in gallery.examples:
        page = export / "examples" / f"{example.endpoint}.html"
        [link] = [a["href"] for a in parsed(page).select(".try-it a")]
        assert link == f"../playground/{example.endpoint}.html"
        playground = parsed((page.parent / link).resolve())
        form = playground.select_one("form.playground-form")
        assert form["data-example"] == example.endpoint
        assert form["data-examples"] == "/examples/EXAMPLE.zip"  # absolute, as the runtime's: over HTTP
        assert (export / "examples" / f"{example.endpoint}.zip").is_file()
    assert not parsed(export / "playground.html").select_one("form.playground-form").has_attr("data-example")


def test_every_exercise_is_in_the_copy_with_what_its_check_needs(export, app):
    exercises = app.extensions["showcase.exercises"]
    index = parsed(export / "exercises.html")
    links = [item.a["href"] for item in index.select("li[data-exercise]")]
    assert links == [f"exercises/{name}.html" for name in exercises]
    for name in exercises:
        form = parsed(export / "exercises" / f"{name}.html").select_one("form.exercise-form")
        assert form["data-exercise"] == name
        for attribute in ("data-worker", "data-pyodide", "data-site", "data-checks"):
            # Absolute, as the runtime's URLs are: the copy's exercises work over HTTP.
            assert (export / form[attribute].lstrip("/")).is_file(), (name, attribute)
