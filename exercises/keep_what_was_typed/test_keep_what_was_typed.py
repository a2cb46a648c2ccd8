from html_helpers import text


def test_each_input_keeps_what_was_typed(soup, context):
    kept = {field.get("name"): field.get("value") for field in soup.select("form.signup input")}
    assert kept == context["form"]


def test_the_typed_text_is_escaped(html, context):
    risky = [value for value in context["form"].values() if "<" in value or '"' in value]
    assert [value for value in risky if value in html] == []
    assert len(risky) == 2


def test_each_error_is_in_its_field_and_named_by_its_input(soup, context):
    found = {}
    for name in context["errors"]:
        field = soup.select_one(f"form.signup input[name={name}]")
        error = field.find_parent("div", class_="field").select_one("p.field-error")
        found[name] = (field.get("aria-invalid"), field.get("aria-describedby"), error.get("id"), text(error))
    expected = {
        name: ("true", f"{name}-error", f"{name}-error", message)
        for name, message in context["errors"].items()
    }
    assert found == expected


def test_a_field_without_an_error_has_none(soup, context):
    for name in context["form"].keys() - context["errors"].keys():
        field = soup.select_one(f"form.signup input[name={name}]")
        assert (field.get("aria-invalid"), field.get("aria-describedby")) == (None, None), name
        assert field.find_parent("div", class_="field").select("p.field-error") == [], name
    assert len(soup.select("form.signup p.field-error")) == len(context["errors"])
