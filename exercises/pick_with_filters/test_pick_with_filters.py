from html_helpers import text, texts


def open_soonest_first(assignments):
    return sorted((a for a in assignments if a["open"]), key=lambda a: a["due"])


def test_only_the_open_assignments_are_listed_soonest_first(soup, context):
    expected = [f"{a['title']}, due {a['due']}" for a in open_soonest_first(context["assignments"])]
    assert texts(soup, "ul.open-assignments > li") == expected


def test_the_summary_counts_and_adds_up_only_the_open_ones(soup, context):
    open_work = open_soonest_first(context["assignments"])
    points = sum(a["points"] for a in open_work)
    assert text(soup.select_one("p.summary")) == f"{len(open_work)} open assignments, worth {points} points"
    assert (len(open_work), points) == (4, 45)
