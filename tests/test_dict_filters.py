"""/examples/dict_filters: |items, |dictsort by key and by value, and |xmlattr."""

import pytest

from app import data
from html_helpers import get_soup, text, texts


def shown_pairs(page, order):
    return [
        (text(li.select_one(".lab")), text(li.select_one(".hours")))
        for li in page.select(f"ul.lab-hours-{order} > li")
    ]


@pytest.mark.parametrize("dataset", ["dict_filters", "dict_filters.tricky"])
def test_items_keep_the_dicts_order_and_dictsort_sorts(client, monkeypatch, dataset):
    # The view reads data["dict_filters"]: give it the data set under test.
    monkeypatch.setitem(data, "dict_filters", data[dataset])
    hours = data[dataset]["lab_hours"]
    page = get_soup(client, "/examples/dict_filters")
    as_text = [(lab, f"{value} h") for lab, value in hours.items()]
    assert shown_pairs(page, "items") == as_text
    assert shown_pairs(page, "by-key") == sorted(as_text, key=lambda pair: pair[0].lower())
    assert shown_pairs(page, "by-value") == [
        (lab, f"{value} h") for lab, value in sorted(hours.items(), key=lambda pair: pair[1], reverse=True)
    ]


def test_the_three_orders_of_the_labs(client):
    page = get_soup(client, "/examples/dict_filters")
    labs = [[lab for lab, _ in shown_pairs(page, order)] for order in ("items", "by-key", "by-value")]
    assert [[lab.split(":")[0] for lab in order] for order in labs] == [
        ["Lab 2", "Lab 1", "Lab 4", "Lab 3"],
        ["Lab 1", "Lab 2", "Lab 3", "Lab 4"],
        ["Lab 4", "Lab 3", "Lab 2", "Lab 1"],
    ]


@pytest.mark.parametrize("dataset", ["dict_filters", "dict_filters.empty"])
def test_items_of_a_missing_dict_is_empty_not_an_error(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "dict_filters", data[dataset])
    assert "extra_credit" not in data[dataset]
    page = get_soup(client, "/examples/dict_filters")
    assert texts(page, "ul.extra-credit > li") == ["No extra credit this term."]


@pytest.mark.parametrize("dataset", ["dict_filters", "dict_filters.tricky"])
def test_xmlattr_writes_every_attribute_but_the_none_ones(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "dict_filters", data[dataset])
    field = data[dataset]["email_field"]
    expected = {name: value for name, value in field.items() if value is not None}
    page = get_soup(client, "/examples/dict_filters")
    assert page.select_one(".email-field input").attrs == expected
    assert text(page.select_one("code.attributes")) == " ".join(f'{k}="{v}"' for k, v in expected.items())


def test_the_email_field_has_no_pattern(client):
    field = get_soup(client, "/examples/dict_filters").select_one(".email-field input")
    assert field.attrs == {
        "type": "email",
        "name": "email",
        "placeholder": "you@example.edu",
        "autocomplete": "email",
    }


def test_empty_dicts_take_the_else_branches(client, monkeypatch):
    # The view reads data["dict_filters"]: give it the empty dicts of data/dict_filters.empty.json instead.
    monkeypatch.setitem(data, "dict_filters", data["dict_filters.empty"])
    page = get_soup(client, "/examples/dict_filters")
    assert texts(page, "ul.lab-hours > li.empty") == ["No labs yet."] * 3
    assert page.select_one(".email-field input").attrs == {}


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "dict_filters", data["dict_filters.tricky"])
    page = get_soup(client, "/examples/dict_filters")
    shown = page.select("ul.lab-hours, ul.extra-credit, p.email-field, code.attributes")
    assert len(shown) == 6
    assert [tag.select("script, b") for tag in shown] == [[]] * 6
    assert page.select_one(".email-field input")["title"] == "<script>alert('attr')</script>"
