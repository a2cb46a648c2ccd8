"""/examples/config_values: config in templates, a few settings chosen by name, and never the secret key."""

import secrets

from html_helpers import get_soup, table_rows, text

SHOWN = ("DEBUG", "TESTING", "SESSION_COOKIE_NAME", "PERMANENT_SESSION_LIFETIME", "MAX_CONTENT_LENGTH")


def config_table(client):
    return get_soup(client, "/examples/config_values").select_one("table.config")


def test_the_table_shows_the_settings_the_view_chose(app, client):
    rows = table_rows(config_table(client))
    shown = [(row["Key"], row["{{ config[key] }}"]) for row in rows]
    expected = [(key, "not set" if app.config[key] is None else str(app.config[key])) for key in SHOWN]
    assert shown == expected
    assert shown[1:4] == [
        ("TESTING", "True"),
        ("SESSION_COOKIE_NAME", "session"),
        ("PERMANENT_SESSION_LIFETIME", "31 days, 0:00:00"),
    ]


def test_a_setting_can_be_read_with_a_dot_too(client):
    line = get_soup(client, "/examples/config_values").select_one("p.config-dot")
    assert text(line) == "{{ config.SESSION_COOKIE_NAME }} gives the same as the third row: session."


def test_a_changed_setting_shows_at_once(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 16 * 1024 * 1024)
    # A new request, after the change: the page must show the changed value.
    table = get_soup(client, "/examples/config_values").select_one("table.config")
    assert table_rows(table)[-1]["{{ config[key] }}"] == "16777216"


def test_the_secret_key_is_nowhere_in_the_page(app, client, monkeypatch):
    secret = secrets.token_hex(32)
    monkeypatch.setitem(app.config, "SECRET_KEY", secret)
    response = client.get("/examples/config_values")
    assert response.status_code == 200
    assert secret not in response.get_data(as_text=True)
