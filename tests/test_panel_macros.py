"""The panel macros in templates/macros/panels.html, tested on their own, without a page around them."""

from bs4 import BeautifulSoup
from markupsafe import Markup

from html_helpers import text
from showcase.panels import Source


def test_the_source_macro_shows_a_file_with_a_hidden_copy_button(app):
    panels = app.jinja_env.get_template("macros/panels.html").module
    source = Source("app.py", "lines 1 to 2", "x = 1\n", Markup("<span>x</span> = 1\n"))
    soup = BeautifulSoup(str(panels.source_file(source, "code-1")), "html.parser")
    assert text(soup.select_one("summary .source-name")) == "app.py"
    assert text(soup.select_one("summary .source-note")) == "lines 1 to 2"
    assert soup.select_one("pre#code-1").get_text() == "x = 1\n"
    button = soup.select_one("button.copy-button")
    assert button["data-copy"] == "code-1"
    assert button.has_attr("hidden")
    assert soup.details.has_attr("open")
