from html_helpers import text, texts


def test_the_heading_and_the_lab_room_come_from_the_dict(soup, context):
    course = context["course"]
    assert text(soup.select_one("article.course h3")) == f"{course['code']}: {course['title']}"
    assert text(soup.select_one("article.course p.lab-room")) == f"Labs in {course['lab-room']}"


def test_each_ta_is_a_term_with_their_hours_after_it(soup, context):
    expected = sorted(context["course"]["office_hours"].items())
    found = [(text(dt), text(dt.find_next_sibling("dd"))) for dt in soup.select("dl.office-hours > dt")]
    assert found == expected
    assert len(soup.select("dl.office-hours > dd")) == len(expected)


def test_the_tas_are_sorted_by_name_not_in_the_dicts_order(soup):
    assert texts(soup, "dl.office-hours > dt") == ["Ada Okafor", "Kofi Mensah", "Priya Raman", "Tomás Díaz"]
