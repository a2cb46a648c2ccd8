"""/examples/dict_filters: |items, |dictsort by key and by value, and |xmlattr."""

import pytest

from html_helpers import text, texts


def shown_pairs(soup, order):
    return [
        (text(li.select_one(".lab")), text(li.select_one(".hours")))
        for li in soup.select(f"ul.lab-hours-{order} > li")
    ]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_items_keep_the_dicts_order_and_dictsort_sorts(demo, data, variant):
    hours = data.variant("dict_filters", variant)["lab_hours"]
    soup = demo("dict_filters", variant)
    as_text = [(lab, f"{value} h") for lab, value in hours.items()]
    assert shown_pairs(soup, "items") == as_text
    assert shown_pairs(soup, "by-key") == sorted(as_text, key=lambda pair: pair[0].lower())
    assert shown_pairs(soup, "by-value") == [
        (lab, f"{value} h") for lab, value in sorted(hours.items(), key=lambda pair: pair[1], reverse=True)
    ]


def test_the_three_orders_of_the_labs(demo):
    soup = demo("dict_filters")
    labs = [[lab for lab, _ in shown_pairs(soup, order)] for order in ("items", "by-key", "by-value")]
    assert [[lab.split(":")[0] for lab in order] for order in labs] == [
        ["Lab 2", "Lab 1", "Lab 4", "Lab 3"],
        ["Lab 1", "Lab 2", "Lab 3", "Lab 4"],
        ["Lab 4", "Lab 3", "Lab 2", "Lab 1"],
    ]


@pytest.mark.parametrize("variant", ["default", "empty"])
def test_items_of_a_missing_dict_is_empty_not_an_error(demo, data, variant):
    assert "extra_credit" not in data.variant("dict_filters", variant)
    assert texts(demo("dict_filters", variant), "ul.extra-credit > li") == ["No extra credit this term."]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_xmlattr_writes_every_attribute_but_the_none_ones(demo, data, variant):
    field = data.variant("dict_filters", variant)["email_field"]
    expected = {name: value for name, value in field.items() if value is not None}
    shown = demo("dict_filters", variant)
    assert shown.select_one(".email-field input").attrs == expected
    assert text(shown.select_one("code.attributes")) == " ".join(f'{k}="{v}"' for k, v in expected.items())


def test_the_email_field_has_no_pattern(demo):
    field = demo("dict_filters").select_one(".email-field input")
    assert field.attrs == {
        "type": "email",
        "name": "email",
        "placeholder": "you@example.edu",
        "autocomplete": "email",
    }


def test_empty_dicts_take_the_else_branches(demo):
    shown = demo("dict_filters", "empty")
    assert texts(shown, "ul.lab-hours > li.empty") == ["No labs yet."] * 3
    assert shown.select_one(".email-field input").attrs == {}


def test_markup_in_the_data_stays_text(demo):
    shown = demo("dict_filters", "tricky")
    assert shown.select("script, b") == []
    assert shown.select_one(".email-field input")["title"] == "<script>alert('attr')</script>"
