from html_helpers import text


def badges(soup):
    """Each student's name, with the class and the text of every badge in their item."""
    found = []
    for item in soup.select("ul.students > li"):
        name = item.select_one("span.name")
        marks = [(" ".join(badge.get("class", [])), text(badge)) for badge in item.select("span.badge")]
        found.append((text(name) if name else None, marks))
    return found


def result(score):
    return ("badge badge-pass", "pass") if score >= 70 else ("badge badge-fail", "fail")


def test_each_student_gets_a_points_badge_and_a_result_badge(soup, context):
    expected = [
        (s["name"], [("badge badge-info", f"{s['score']} points"), result(s["score"])])
        for s in context["students"]
    ]
    assert badges(soup) == expected


def test_the_points_badge_takes_the_default_kind(soup):
    first = [found[0] if found else None for _, found in badges(soup)]
    assert {badge[0] if badge else None for badge in first} == {"badge badge-info"}


def test_seventy_passes_and_zero_fails(soup):
    results = {name: found[-1] if found else None for name, found in badges(soup)}
    assert (results.get("Emeka Obi"), results.get("Kofi Mensah")) == (
        ("badge badge-pass", "pass"),
        ("badge badge-fail", "fail"),
    )
