"""/examples/session_g on the site: the context panel shows that the view passes no variables."""


def test_the_context_panel_shows_that_the_view_passes_nothing(soup):
    page = soup("/examples/session_g")
    assert page.select_one('[data-panel="context"] pre').get_text() == "{}\n"
