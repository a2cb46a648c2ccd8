"""/examples/objects: dataclasses from the view, their attributes, a property and a method."""

import pytest

from app import Student, data
from html_helpers import captured_templates, get_soup, table_rows, texts


def expected_rows(rows):
    """The table as the page should show it, worked out from the JSON rows."""
    shown = []
    for row in rows:
        scores = row["scores"]
        average = sum(scores) / len(scores) if scores else 0.0
        shown.append(
            {
                "Initials": "".join(name[0] for name in row["name"].split()),
                "Name": row["name"],
                "Email": row["email"],
                "Scores": ", ".join(map(str, scores)) or "no labs yet",
                "Average": str(round(average, 1)),
            }
        )
    return shown


def students_table(client):
    return get_soup(client, "/examples/objects").select_one("table.students")


def test_a_student_knows_their_average_and_initials():
    student = Student(name="Priya Natarajan", email="pnatarajan@example.edu", scores=[18, 20, 19, 17])
    assert (student.average, student.initials()) == (18.5, "PN")
    assert Student(name="Mei Chen", email="mchen@example.edu", scores=[]).average == 0.0


def test_the_view_passes_students_not_dicts(app, client):
    with captured_templates(app) as rendered:
        client.get("/examples/objects")
    [(_, context)] = rendered
    assert context["students"] == [Student(**row) for row in data["objects"]]
    assert all(type(student) is Student for student in context["students"])


@pytest.mark.parametrize("data_file", ["objects", "objects.tricky"])
def test_each_student_shows_attributes_a_method_and_a_property(client, monkeypatch, data_file):
    # The view reads data["objects"]: run it on data/objects.json, then on data/objects.tricky.json.
    monkeypatch.setitem(data, "objects", data[data_file])
    rows = data[data_file]
    table = students_table(client)
    assert table_rows(table) == expected_rows(rows)
    assert [abbr["title"] for abbr in table.select("abbr")] == [row["name"] for row in rows]


def test_the_first_student_in_literal_values(client):
    [first, *_, last] = table_rows(students_table(client))
    assert first == {
        "Initials": "PN",
        "Name": "Priya Natarajan",
        "Email": "pnatarajan@example.edu",
        "Scores": "18, 20, 19, 17",
        "Average": "18.5",
    }
    assert (last["Scores"], last["Average"]) == ("no labs yet", "0.0")


def test_the_headings_and_the_attr_cells_come_from_one_list_of_columns(client):
    table = students_table(client)
    assert texts(table, "thead th") == ["Initials", "Name", "Email", "Scores", "Average"]
    assert texts(table, "tbody td:nth-child(3)") == [row["email"] for row in data["objects"]]


def test_attr_reads_the_attribute_even_where_an_item_of_that_name_exists(client, monkeypatch):
    class StudentWithItems(Student):
        """A student that answers student["name"] too, with something else than student.name."""

        def __getitem__(self, key):
            return f"the item {key!r}"

    # The view builds its rows with app.Student: make it build these instead.
    monkeypatch.setattr("app.Student", StudentWithItems)
    rows = table_rows(students_table(client))
    # student|attr(column) skips the items that student[column] would find first.
    assert [(row["Name"], row["Email"]) for row in rows] == [(r["name"], r["email"]) for r in data["objects"]]


def test_no_students_take_the_else_branch(client, monkeypatch):
    monkeypatch.setitem(data, "objects", data["objects.empty"])
    assert texts(students_table(client), "tbody td") == ["No students enrolled yet."]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "objects", data["objects.tricky"])
    table = students_table(client)
    assert table.select("script, b") == []
    assert texts(table, "tbody td:nth-child(2)")[0] == "<script>alert('obj')</script> Smith"
