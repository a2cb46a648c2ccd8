"""/examples/lists: a for loop with loop.index, loop.first, loop.last and an else branch."""

from html_helpers import text, texts


def weeks_list(demo, variant="default"):
    return demo("lists", variant).select_one("ol.weeks")


def test_every_week_is_numbered_in_order(demo, data):
    weeks = data.variant("lists")
    items = weeks_list(demo)
    assert texts(items, "li .week-topic") == weeks
    assert texts(items, "li .week-number") == [f"Week {n}" for n in range(1, len(weeks) + 1)]
    assert len(weeks) == 11
    assert texts(items, "li .week-topic")[0] == "Networking: clients, servers and HTTP"


def test_first_and_last_weeks_are_marked(demo):
    items = weeks_list(demo).select("li")
    assert items[0]["class"] == ["week", "week-first"]
    assert items[-1]["class"] == ["week", "week-last"]
    assert all(li["class"] == ["week"] for li in items[1:-1])
    assert [text(badge) for badge in weeks_list(demo).select(".badge")] == ["start here", "the end"]


def test_an_empty_list_takes_the_else_branch(demo):
    items = weeks_list(demo, "empty").select("li")
    assert [(li["class"], text(li)) for li in items] == [(["empty"], "No weeks planned yet.")]


def test_markup_in_the_data_stays_text(demo, data):
    weeks = data.variant("lists", "tricky")
    items = weeks_list(demo, "tricky")
    assert items.select("script") == []
    assert texts(items, "li .week-topic") == weeks
