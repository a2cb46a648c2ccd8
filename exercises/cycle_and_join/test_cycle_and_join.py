from itertools import cycle

from html_helpers import text, texts

NOTES = {"step_free": "step-free", "outlets": "power outlets"}


def test_each_room_is_a_section_with_its_name(soup, context):
    assert texts(soup, "section.room > h3") == [room["name"] for room in context["rooms"]]


def test_the_versions_alternate_across_every_room(soup, context):
    versions, expected = cycle("AB"), []
    for room in context["rooms"]:
        seats = []
        for student in room["students"]:
            version = next(versions)
            seats.append((f"version-{version}", f"{student}: version {version}"))
        expected.append(seats)
    found = [
        [(" ".join(seat.get("class", [])), text(seat)) for seat in section.select("ol.seats > li")]
        for section in soup.select("section.room")
    ]
    assert found == expected


def test_only_the_notes_that_apply_are_joined(soup, context):
    expected = [" · ".join(note for key, note in NOTES.items() if room[key]) for room in context["rooms"]]
    assert texts(soup, "section.room > p.notes") == expected
    assert expected[-1] == ""
