"""/examples/config_values: config in templates, a few settings chosen by name, and never the secret key."""

from html_helpers import get_soup, table_rows, text

SHOWN = ("DEBUG", "TESTING", "SESSION_COOKIE_NAME", "PERMANENT_SESSION_LIFETIME", "MAX_CONTENT_LENGTH")


def test_the_table_shows_the_settings_the_view_chose(demo, app):
    table = demo("config_values").select_one("table.config")
    rows = table_rows(table)
    shown = [(row["Key"], row["{{ config[key] }}"]) for row in rows]
    expected = [(key, "not set" if app.config[key] is None else str(app.config[key])) for key in SHOWN]
    assert shown == expected
    assert shown[1:4] == [
        ("TESTING", "True"),
        ("SESSION_COOKIE_NAME", "session"),
        ("PERMANENT_SESSION_LIFETIME", "31 days, 0:00:00"),
    ]


def test_a_setting_can_be_read_with_a_dot_too(demo):
    line = demo("config_values").select_one("p.config-dot")
    assert text(line) == "{{ config.SESSION_COOKIE_NAME }} gives the same as the third row: session."


def test_a_changed_setting_shows_at_once(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 16 * 1024 * 1024)
    # A new request, not the run's shared parse: the page must show the changed value.
    table = get_soup(client, "/examples/config_values").select_one("[data-demo] table.config")
    assert table_rows(table)[-1]["{{ config[key] }}"] == "16777216"


def test_the_secret_key_is_nowhere_in_the_page(app, client):
    secret = app.config["SECRET_KEY"]
    assert len(secret) >= 32
    response = client.get("/examples/config_values")
    assert response.status_code == 200
    assert secret not in response.get_data(as_text=True)  # not in the demo, nor in any panel
