"""/examples/context_processors on the site: the context panel shows what the view passed, not course_info."""

import json


def test_the_context_panel_shows_only_what_the_view_passed(soup, data):
    panel = soup("/examples/context_processors").select_one('[data-panel="context"] pre').get_text()
    assert json.loads(panel) == {"announcements": data["context_processors"]}
    assert "course_info" not in panel
