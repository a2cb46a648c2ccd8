from html_helpers import text


def cards(soup):
    """Each card's name, role, link text and link address."""
    found = []
    for card in soup.select("section.staff article.staff-card"):
        link = card.select_one("p.email a")
        name, role = card.select_one("h3"), card.select_one("p.role")
        found.append((text(name), text(role), text(link), link.get("href")))
    return found


def test_each_member_of_staff_has_a_card_instructor_first(soup, context):
    expected = [(context["instructor"]["name"], "Instructor")]
    expected += [(ta["name"], "Teaching assistant") for ta in context["tas"]]
    assert [(name, role) for name, role, _, _ in cards(soup)] == expected


def test_each_card_links_to_its_persons_email(soup, context):
    people = [context["instructor"], *context["tas"]]
    expected = [(p["name"], p["email"], f"mailto:{p['email']}") for p in people]
    assert [(name, shown, href) for name, _, shown, href in cards(soup)] == expected
