from html_helpers import texts


def test_every_student_has_a_grade(soup, context):
    grades = texts(soup, "table.grades td.grade")
    assert grades  # a start: which grade should each student have?
