"""Fixtures every test can ask for by name: the app, a client, the data the views read."""

import pytest

from app import app as showcase_app
from app import data as showcase_data
from app import gallery as showcase_gallery
from showcase.sandbox import Limits


@pytest.fixture
def app():
    """The showcase's Flask app, in testing mode."""
    showcase_app.config.update(TESTING=True)
    return showcase_app


@pytest.fixture
def client(app):
    """A test client: it sends requests to the app without a server."""
    return app.test_client()


@pytest.fixture
def data():
    """The data sets the app loaded from data/ at start-up: tests derive what to expect from them."""
    return showcase_data


@pytest.fixture
def gallery():
    """The app's registry of example pages."""
    return showcase_gallery


@pytest.fixture
def quick_limits(app, monkeypatch):
    """The playground's limits with a wall clock of half a second, so runaway renders stop soon.

    Only the clock is shorter: CPU, memory and sizes keep their real values.
    """
    limits = Limits(wall_seconds=0.5)
    monkeypatch.setitem(app.config, "PLAYGROUND_LIMITS", limits)
    return limits


@pytest.fixture
def api(client):
    """A function that POSTs a render to /api/render as JSON and returns (status, answer)."""

    def post(template, context=None, trim_blocks=False, lstrip_blocks=False):
        body = {
            "template": template,
            "context": {} if context is None else context,
            "trim_blocks": trim_blocks,
            "lstrip_blocks": lstrip_blocks,
        }
        response = client.post("/api/render", json=body)
        assert response.mimetype == "application/json"
        return response.status_code, response.get_json()

    return post
