from html_helpers import texts


def test_each_week_is_listed_numbered_from_one(soup, context):
    expected = [f"Week {n}: {week}" for n, week in enumerate(context["weeks"], start=1)]
    assert texts(soup, "ol.weeks > li") == expected


def test_the_text_is_escaped(soup):
    assert soup.select("ol.weeks > li")[-1].text.endswith("Forms & POST")
