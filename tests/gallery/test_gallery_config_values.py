"""/examples/config_values on the site: its own secret key is in no part of the page, panels included."""

import pytest


def test_the_sites_secret_key_is_nowhere_in_the_page(app, client):
    secret = app.config["SECRET_KEY"]
    if len(secret) < 32:  # SECRET_KEY=x from the shell: too short to look for in a page
        pytest.skip("SECRET_KEY is shorter than 32 characters")
    response = client.get("/examples/config_values")
    assert response.status_code == 200
    assert secret not in response.get_data(as_text=True)  # not in the demo, nor in any panel
