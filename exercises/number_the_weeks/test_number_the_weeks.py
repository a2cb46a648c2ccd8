from html_helpers import texts


def test_each_week_is_an_item_of_the_list(soup, context):
    assert len(soup.select("ol.weeks > li")) == len(context["weeks"])


def test_each_item_is_numbered_from_one(soup, context):
    expected = [f"Week {n}: {week}" for n, week in enumerate(context["weeks"], start=1)]
    assert texts(soup, "ol.weeks > li") == expected


def test_only_the_first_item_is_marked(soup):
    items = soup.select("ol.weeks > li")
    assert items[0].get("class") == ["first"]
    assert [item.get("class") for item in items[1:]] == [None] * (len(items) - 1)
