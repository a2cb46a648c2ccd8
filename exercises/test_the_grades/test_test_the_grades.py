from html_helpers import texts


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


def test_each_student_gets_the_right_letter(soup, context):
    expected = [
        [s["name"], "\N{EN DASH}" if s["score"] is None else str(s["score"]), letter(s["score"])]
        for s in context["students"]
    ]
    assert [texts(row, "td") for row in soup.select("table.grades tbody tr")] == expected


def test_the_boundaries_and_the_missing_score(soup):
    grades = {
        cells[0]: cells[-1] for cells in (texts(row, "td") for row in soup.select("table.grades tbody tr"))
    }
    assert grades == {
        "Ada Okafor": "A",
        "Bruno Lindqvist": "A",
        "Chen Wei": "B",
        "Dalia Haddad": "B",
        "Freya Nilsen": "C",
        "Hana Sato": "F",
        "Kofi Mensah": "F",
        "Ivan Petrov": "no score yet",
    }
