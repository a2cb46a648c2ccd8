import json


def test_the_island_is_json_of_the_course_and_every_slot(soup, context):
    island = soup.select_one("script#office-hours-data")
    assert island.get("type") == "application/json"
    assert json.loads(island.string) == {"course": context["course"], "slots": context["office_hours"]}


def test_a_script_end_tag_in_a_value_cannot_end_the_element(soup, html, context):
    assert any("</script>" in slot["topic"] for slot in context["office_hours"])
    assert [script.get("id") for script in soup.find_all("script")] == ["office-hours-data"]
    assert html.count("</script>") == 1  # the island's own end tag, and no other
