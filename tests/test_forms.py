"""/examples/forms: a POST form with errors (status 400, values kept), then flash() and Post/Redirect/Get."""

import pytest
from bs4 import BeautifulSoup

from app import data
from html_helpers import get_soup, text, texts

FIELDS = ("name", "email", "slot", "question")
GOOD = {"name": "Ada Novak", "email": "ada@example.edu", "slot": "Monday 10:00", "question": ""}


def post(client, status, **fields):
    """POST the booking form with good values, changed by ``fields``; check the status and parse the page."""
    response = client.post("/examples/forms", data={**GOOD, **fields})
    assert response.status_code == status
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def booking_form(page):
    return page.select_one("form.booking-form")


def invalid_fields(page):
    return [field["name"] for field in booking_form(page).select('[aria-invalid="true"]')]


def test_every_field_has_a_label_and_the_slots_come_from_the_data(client):
    page = get_soup(client, "/examples/forms")
    form = booking_form(page)
    assert (form["action"], form["method"]) == ("/examples/forms", "post")
    assert [field["id"] for field in form.select("input, select, textarea")] == list(FIELDS)
    assert all(form.select_one(f'label[for="{field}"]') for field in FIELDS)
    assert texts(form, "select#slot option") == ["Choose a time", *data["forms"]]
    assert texts(form, "select#slot option")[1] == "Monday 10:00"
    assert form.select("option[selected]") == []
    assert invalid_fields(page) == []
    assert page.select("p.field-error, p.form-errors, ul.flashes") == []


def test_errors_come_back_with_a_400_and_mark_their_fields(client):
    page = post(client, 400, name="  ", email="ada.example.edu")
    assert text(page.select_one("p.form-errors")) == "Please correct 2 fields below."
    form = booking_form(page)
    assert texts(form, "p.field-error") == [
        "Enter your name, in 60 characters or fewer.",
        "Enter your email address, such as ada@example.edu.",
    ]
    assert invalid_fields(page) == ["name", "email"]
    for field in form.select('[aria-invalid="true"]'):
        message = form.select_one(f"#{field['aria-describedby']}")
        assert message is not None
        assert "field-error" in message["class"]
    assert form.select_one("select#slot").get("aria-describedby") is None


def test_each_message_stands_in_its_field_between_the_label_and_the_input(client):
    form = booking_form(post(client, 400, name="", email="", slot="", question="?" * 501))
    for name in FIELDS:
        field = form.select_one(f"#{name}").find_parent(class_="field")
        label, message, control = field.find_all(recursive=False)
        assert (label.name, label["for"]) == ("label", name)
        assert (message["id"], message["class"]) == (f"{name}-error", ["field-error"])
        assert control["id"] == name


def test_what_was_typed_is_kept_and_escaped(client):
    question = "</textarea><script>alert('hi')</script> & more"
    page = post(client, 400, name='<b>Ada</b> "A."', email="nope", slot="Thursday 15:00", question=question)
    form = booking_form(page)
    assert form.select_one("input#name")["value"] == '<b>Ada</b> "A."'
    assert form.select_one("input#email")["value"] == "nope"
    assert texts(form, "select#slot option[selected]") == ["Thursday 15:00"]
    assert form.select_one("textarea#question").get_text() == question
    assert form.select("b, script") == []


@pytest.mark.parametrize(
    ("fields", "invalid"),
    [
        ({"slot": "Sunday 03:00"}, ["slot"]),
        ({"slot": ""}, ["slot"]),
        ({"name": "A" * 61}, ["name"]),
        ({"question": "?" * 501}, ["question"]),
        ({"email": "a@" + "b" * 99}, ["email"]),
    ],
)
def test_each_check_rejects_its_field_alone(client, fields, invalid):
    assert invalid_fields(post(client, 400, **fields)) == invalid


def test_a_good_booking_redirects_then_shows_its_flashed_messages_once(client):
    response = client.post("/examples/forms", data={**GOOD, "question": "?" * 500, "name": "A" * 60})
    assert response.status_code == 302
    assert response.headers["Location"] == "/examples/forms"
    page = get_soup(client, "/examples/forms")
    flashes = page.select("ul.flashes > li")
    assert [(li["class"], text(li)) for li in flashes] == [
        (["flash", "flash-success"], f"Booked: Monday 10:00, for {'A' * 60}."),
        (["flash", "flash-info"], "Note: Bring your laptop, with python app.py running."),
    ]
    again = get_soup(client, "/examples/forms")
    assert again.select("ul.flashes") == []


def test_a_flashed_message_keeps_the_name_as_text(client):
    post(client, 302, name="<i>Zoë</i> O'Brien")
    page = get_soup(client, "/examples/forms")
    assert texts(page, "ul.flashes li.flash-success") == ["Booked: Monday 10:00, for <i>Zoë</i> O'Brien."]
    assert page.select("ul.flashes i") == []
