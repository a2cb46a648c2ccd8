from html_helpers import texts


def test_each_student_is_in_the_queue_in_order(soup, context):
    expected = [(entry["student"], entry["question"]) for entry in context["queue"]]
    found = list(
        zip(texts(soup, "ol.queue > li .student"), texts(soup, "ol.queue > li .question"), strict=False)
    )
    assert found == expected


def test_each_item_says_its_place_in_the_queue(soup, context):
    total = len(context["queue"])
    expected = [f"{n} of {total}" for n in range(1, total + 1)]
    assert texts(soup, "ol.queue > li > .position") == expected


def test_the_items_are_striped_and_the_last_is_marked(soup, context):
    total = len(context["queue"])
    expected = [["odd" if n % 2 else "even"] for n in range(1, total + 1)]
    expected[-1].append("last")
    assert [li.get("class") for li in soup.select("ol.queue > li")] == expected
