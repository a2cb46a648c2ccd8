from html_helpers import table_rows


def letter(score):
    if score is None:
        return "no score yet"
    if score >= 90:
        return "A"
    if score >= 80:
        return "B"
    if score >= 70:
        return "C"
    return "F"


def test_each_student_gets_a_letter_grade(soup, context):
    expected = [{"Student": s["name"], "Grade": letter(s["score"])} for s in context["students"]]
    assert table_rows(soup.select_one("table.grades")) == expected


def test_a_score_on_the_boundary_gets_the_higher_grade(soup):
    grades = {row["Student"]: row["Grade"] for row in table_rows(soup.select_one("table.grades"))}
    on_the_boundary = {name: grades.get(name) for name in ("Bruno Lindqvist", "Dalia Haddad", "Freya Nilsen")}
    assert on_the_boundary == {"Bruno Lindqvist": "A", "Dalia Haddad": "B", "Freya Nilsen": "C"}


def test_only_a_missing_score_says_no_score_yet(soup):
    grades = {row["Student"]: row["Grade"] for row in table_rows(soup.select_one("table.grades"))}
    assert (grades.get("Ivan Petrov"), grades.get("Kofi Mensah")) == ("no score yet", "F")
