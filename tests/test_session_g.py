"""/examples/session_g: session lasts between requests in a signed cookie; g lasts for one request."""

import base64
import json

from flask import g

from app import data
from html_helpers import captured_templates, get_soup, text, texts


def visits(client):
    return text(get_soup(client, "/examples/session_g").select_one("dl.session-g dd.visits"))


def test_the_session_counts_this_browsers_visits(client):
    assert visits(client) == "You have opened this page 1 time in this browser."
    assert visits(client) == "You have opened this page 2 times in this browser."
    assert visits(client) == "You have opened this page 3 times in this browser."


def test_another_browser_has_a_session_of_its_own(app, client):
    visits(client)
    visits(client)
    assert visits(app.test_client()).startswith("You have opened this page 1 time")


def test_the_cookie_is_signed_so_a_changed_one_is_ignored(client):
    visits(client)
    forged = base64.urlsafe_b64encode(b'{"visits":999}').decode().rstrip("=")
    client.set_cookie("session", f"{forged}.aGVsbG8.c2lnbmF0dXJl")
    assert visits(client).startswith("You have opened this page 1 time")


def test_the_cookie_is_readable_by_anyone_so_it_holds_no_secrets(client):
    visits(client)
    payload = client.get_cookie("session").value.split(".")[0]
    assert json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))) == {"visits": 1}


def test_each_value_is_labelled_with_the_jinja_that_shows_it(client):
    soup = get_soup(client, "/examples/session_g")
    assert texts(soup, "dl.session-g dt code") == ["{{ session.visits }}", "{{ g.student.name }}"]


def test_g_holds_this_requests_student(client):
    student = data["session_g"]
    shown = text(get_soup(client, "/examples/session_g").select_one("dl.session-g dd.student"))
    expected = f"Signed in as {student['name']} ({student['netid']}), {student['section']}, for this request."
    assert shown == expected
    assert student["name"] == "Ada Novak"


def test_g_is_set_during_the_request_and_a_new_request_starts_without_it(app, client):
    with client:  # keeps the request's context open after the response, to look inside
        client.get("/examples/session_g")
        assert g.student == data["session_g"]
    with app.test_request_context("/examples/session_g"):
        assert "student" not in g


def test_the_view_passes_nothing_session_and_g_reach_the_template_by_themselves(app, client):
    with captured_templates(app) as rendered:
        soup = get_soup(client, "/examples/session_g")
    [(template, context)] = rendered
    assert template.name == "examples/session_g.html"
    # Every name in the context is one that Flask (and any context processor) gives every template.
    every_template_gets = {}
    with app.test_request_context("/examples/session_g"):
        app.update_template_context(every_template_gets)
    assert set(context) == set(every_template_gets)
    assert soup.select_one("a.again")["href"] == "/examples/session_g"
