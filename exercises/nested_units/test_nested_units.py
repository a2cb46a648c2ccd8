from html_helpers import text, texts


def test_each_unit_is_an_item_with_its_title_and_lesson_count(soup, context):
    expected = [(unit["title"], f"{len(unit['lessons'])} lessons") for unit in context["units"]]
    titles = texts(soup, "ul.units > li.unit > .unit-title")
    counts = texts(soup, "ul.units > li.unit > .count")
    assert list(zip(titles, counts, strict=False)) == expected


def test_each_units_lessons_are_a_list_inside_its_item(soup, context):
    expected = [unit["lessons"] for unit in context["units"]]
    found = [texts(li, "ul.lessons > li:not(.empty)") for li in soup.select("ul.units > li.unit")]
    assert found == expected


def test_only_the_unit_with_no_lessons_says_so(soup):
    empty = soup.select("ul.units > li.unit > ul.lessons > li.empty")
    assert [text(li) for li in empty] == ["No lessons yet."]
    assert text(empty[0].find_parent("li", class_="unit").select_one(".unit-title")) == "Final project"
