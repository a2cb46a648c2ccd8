def roster(context):
    lines = [context["section"]]
    for n, student in enumerate(context["students"], start=1):
        lines.append(f"{n}. {student['name']}")
        if student["note"]:
            lines.append(f"   note: {student['note']}")
    return "\n".join(lines)


def test_the_roster_is_exactly_the_lines_asked_for(soup, context):
    assert soup.select_one("pre.roster").get_text() == roster(context)


def test_no_line_is_blank_or_ends_in_a_space(soup):
    lines = soup.select_one("pre.roster").get_text().split("\n")
    assert [line for line in lines if not line.strip() or line != line.rstrip()] == []


def test_only_a_real_note_gets_an_indented_line(soup, context):
    notes = [line for line in soup.select_one("pre.roster").get_text().split("\n") if line.startswith(" ")]
    assert notes == [f"   note: {s['note']}" for s in context["students"] if s["note"]]
    assert len(notes) == 2
