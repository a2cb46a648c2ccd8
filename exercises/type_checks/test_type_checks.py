from html_helpers import text


def kind(value):
    if value is None:
        return "none"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "mapping"
    return "sequence"


def shown(value):
    if value is None:
        return "not set"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def fields(soup):
    """Each <dt>'s text, with the class and the text of the <dd> after it."""
    found = []
    for dt in soup.select("dl.profile > dt"):
        dd = dt.find_next_sibling("dd")
        found.append((text(dt), " ".join(dd.get("class", [])) if dd else None))
    return found


def test_each_field_is_marked_with_its_kind(soup, context):
    expected = [(field, kind(value)) for field, value in context["profile"].items()]
    assert fields(soup) == expected


def test_each_value_is_shown_as_its_kind_asks(soup, context):
    expected = [shown(value) for value in context["profile"].values()]
    assert [text(dd) for dd in soup.select("dl.profile > dd")] == expected


def test_a_list_and_a_dict_are_not_printed_as_python(soup):
    values = {text(dt): text(dt.find_next_sibling("dd")) for dt in soup.select("dl.profile > dt")}
    assert (values.get("courses"), values.get("address")) == (
        "CS253, MATH221, HIST110",
        "dorm: Maple Hall, room: 214",
    )
