"""/examples/whitespace: - and + markers, trim_blocks and lstrip_blocks, made visible; and {% raw %}."""

from app import jinja_env_with, show_whitespace
from html_helpers import get_soup, text, texts

DAYS_DEFAULT = '<ul class="days">\n  \n    <li>Monday</li>\n  \n    <li>Thursday</li>\n  \n</ul>\n'
WEEKS_KEPT = '<ul class="kept">\n  \n    <li>Flask</li>\n  \n    <li>Jinja</li>\n  \n</ul>\n'
ROOMS = '<p class="rooms">Lab B, Online</p>'
EXPECTED = {
    "trim_blocks=False, lstrip_blocks=False (Jinja's and Flask's default)": DAYS_DEFAULT + WEEKS_KEPT + ROOMS,
    "trim_blocks=False, lstrip_blocks=True": (
        '<ul class="days">\n\n    <li>Monday</li>\n\n    <li>Thursday</li>\n\n</ul>\n' + WEEKS_KEPT + ROOMS
    ),
    "trim_blocks=True, lstrip_blocks=False": (
        '<ul class="days">\n      <li>Monday</li>\n      <li>Thursday</li>\n  </ul>\n' + WEEKS_KEPT + ROOMS
    ),
    "trim_blocks=True, lstrip_blocks=True": (
        '<ul class="days">\n    <li>Monday</li>\n    <li>Thursday</li>\n</ul>\n' + WEEKS_KEPT + ROOMS
    ),
}


def marked(output):
    """Text as the page shows it: · for each space, ↵ before each line break."""
    return output.replace(" ", "·").replace("\n", "↵\n")


def page(client):
    """The page has no data variants: every test here only reads it."""
    return get_soup(client, "/examples/whitespace")


def test_the_sample_template_is_shown_with_its_white_space_marked(client, app):
    source = app.jinja_env.loader.get_source(app.jinja_env, "examples/_whitespace_sample.html")[0]
    shown = page(client).select_one("pre.whitespace-source").get_text()
    assert shown == marked(source)
    assert shown.startswith('<ul·class="days">↵\n··{%·for·day·in·["Monday",·"Thursday"]·%}↵\n')


def test_four_renders_show_what_each_pair_of_settings_does(client):
    figures = page(client).select("figure.whitespace-render")
    shown = {text(figure.figcaption): figure.select_one("pre").get_text() for figure in figures}
    assert shown == {label: marked(output) for label, output in EXPECTED.items()}


def test_minus_markers_strip_in_every_render_and_plus_markers_keep(client):
    outputs = [pre.get_text() for pre in page(client).select("figure.whitespace-render pre")]
    assert len(outputs) == 4
    assert all(output.endswith(marked(ROOMS)) for output in outputs)
    assert all(marked(WEEKS_KEPT) in output for output in outputs)


def test_every_space_and_line_break_is_a_marked_span(client):
    pre = page(client).select_one("figure.whitespace-render pre")
    output = EXPECTED["trim_blocks=False, lstrip_blocks=False (Jinja's and Flask's default)"]
    assert len(pre.select("span.ws-space")) == output.count(" ")
    assert len(pre.select("span.ws-newline")) == output.count("\n")
    assert pre.select("ul, li, p") == []  # the rendered HTML is shown as text, not as elements


def test_the_filter_escapes_before_it_marks():
    marked_up = show_whitespace("<b> &\n")
    space, newline = '<span class="ws-space">·</span>', '<span class="ws-newline">↵</span>'
    assert str(marked_up) == f"&lt;b&gt;{space}&amp;{newline}\n"
    assert hasattr(marked_up, "__html__")  # Markup: Jinja prints it as it is, not escaped again
    assert "<script>" not in show_whitespace("<script>alert(1)</script>")


def test_the_browser_shows_the_same_lists_whichever_the_settings(client):
    live = page(client).select_one("div.whitespace-live")
    assert texts(live, "ul.days > li") == ["Monday", "Thursday"]
    assert texts(live, "ul.kept > li") == ["Flask", "Jinja"]
    assert text(live.select_one("p.rooms")) == "Lab B, Online"


def test_raw_prints_jinja_syntax_as_it_is(client):
    assert text(page(client).select_one("p.raw-output code")) == "{% for day in days %}{{ day }}{% endfor %}"


def test_the_overlays_leave_the_apps_own_settings_alone(app, client):
    client.get("/examples/whitespace")
    assert (app.jinja_env.trim_blocks, app.jinja_env.lstrip_blocks) == (False, False)


def test_each_overlay_is_made_once_and_shares_the_apps_filters(app):
    env = jinja_env_with(True, False)
    assert env is jinja_env_with(True, False)
    assert (env.trim_blocks, env.lstrip_blocks) == (True, False)
    assert env.linked_to is app.jinja_env
    assert env.filters["show_whitespace"] is show_whitespace
