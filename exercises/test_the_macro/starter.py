def test_there_are_staff_cards(soup, context):
    cards = soup.select("section.staff article.staff-card")
    assert cards  # a start: whose cards, in which order, with which role and which link?
