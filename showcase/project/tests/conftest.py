"""The two fixtures every test asks for by name: the app, in testing mode, and a test client."""

import pytest

from app import app as flask_app


@pytest.fixture
def app():
    flask_app.config.update(TESTING=True)
    return flask_app


@pytest.fixture
def client(app):
    return app.test_client()
