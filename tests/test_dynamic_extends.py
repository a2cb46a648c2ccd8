"""/examples/dynamic_extends: {% extends parent %} with a parent chosen by a checked ?layout= value."""

import pytest

from app import data
from html_helpers import captured_templates, get_soup, text, texts

LAYOUTS = ("card", "list")
ITEM = {"card": "div.staff-grid > article.staff-card", "list": "ul.staff-items > li.staff-item"}


def staff_page(client, query=""):
    return get_soup(client, f"/examples/dynamic_extends{query}")


def people(section, layout):
    return [
        (
            text(item.select_one(".staff-name")),
            text(item.select_one(".staff-role")),
            text(item.select_one(".staff-hours")),
        )
        for item in section.select(ITEM[layout])
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("data_file", ["dynamic_extends", "dynamic_extends.tricky"])
def test_the_same_child_renders_in_the_chosen_parent(client, monkeypatch, layout, data_file):
    # The view reads data["dynamic_extends"]: run it on data/dynamic_extends.json, then on the tricky variant.
    monkeypatch.setitem(data, "dynamic_extends", data[data_file])
    staff = data[data_file]
    page = staff_page(client, f"?layout={layout}")
    [section] = page.select("section.staff")
    assert section["class"] == ["staff", f"layout-{layout}"]
    assert text(section.select_one("h4.staff-heading")) == f"Course staff, as a {layout}"
    assert people(section, layout) == [(p["name"], p["role"], p["hours"]) for p in staff]
    assert (
        text(page.select_one("p.parent-name"))
        == f"This time, parent is examples/_dynamic_extends_{layout}.html."
    )


def test_card_is_the_default_and_the_current_choice_is_marked(client):
    page = staff_page(client)
    assert page.select_one("section.staff")["class"] == ["staff", "layout-card"]
    assert people(page, "card")[0] == ("Dr. Maya Ortiz", "Instructor", "Monday 10:00\N{EN DASH}11:00 am")
    links = page.select("nav.layout-choice a")
    assert [(text(a), a["href"], a.get("aria-current")) for a in links] == [
        ("card", "/examples/dynamic_extends?layout=card", "page"),
        ("list", "/examples/dynamic_extends?layout=list", None),
    ]


def test_the_view_passes_the_template_name_it_built(app, client):
    with captured_templates(app) as rendered:
        client.get("/examples/dynamic_extends?layout=list")
    [(template, context)] = rendered
    assert template.name == "examples/dynamic_extends.html"
    assert (context["layout"], context["parent"]) == ("list", "examples/_dynamic_extends_list.html")


@pytest.mark.parametrize("value", ["grid", "", "../../base", "<b>card</b>"])
def test_a_layout_not_allowed_gets_a_400_that_names_the_allowed_ones(client, value):
    page = get_soup(client, f"/examples/dynamic_extends?layout={value}", status=400)
    assert text(page.select_one(".error-description")) == "layout must be one of: card, list."
    assert text(page.select_one(".sent")) == f"You sent layout={value}."
    assert page.select("main b") == []
    assert texts(page, ".allowed-values a") == ["layout=card", "layout=list"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_staff_takes_each_parents_else_branch(client, monkeypatch, layout):
    # data/dynamic_extends.empty.json: no staff at all.
    monkeypatch.setitem(data, "dynamic_extends", data["dynamic_extends.empty"])
    section = staff_page(client, f"?layout={layout}").select_one("section.staff")
    assert texts(section, ".empty") == ["No staff listed yet."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "dynamic_extends", data["dynamic_extends.tricky"])
    section = staff_page(client).select_one("section.staff")
    assert section.select("script, b") == []
    assert people(section, "card")[0][0] == "<script>alert('staff')</script>"
