"""/examples/data_island: |tojson in a <script type="application/json"> data island, beside a table."""

import json

import pytest

from html_helpers import table_rows, text

VARIANTS = ["default", "empty", "tricky"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_island_holds_the_data_as_json(demo, data, variant):
    island = demo("data_island", variant).select_one('script[type="application/json"]#office-hours-data')
    assert json.loads(island.string) == data.variant("data_island", variant)


def test_the_island_is_the_demos_only_script_and_flask_sorts_the_keys(demo):
    soup = demo("data_island")
    assert len(soup.select("script")) == 1
    island = soup.select_one("script#office-hours-data").string
    assert island.startswith('[{"day": "Monday", "end": "11:00", "host": "Dr. Maya Ortiz", "room": ')


def test_markup_in_the_data_cannot_close_the_script_element(client, data):
    html = client.get("/examples/data_island?variant=tricky").get_data(as_text=True)
    start = html.index('<script type="application/json" id="office-hours-data">')
    island = html[start:].split(">", 1)[1].split("</script>", 1)[0]
    assert not any(character in island for character in "<>&'")
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(\\u0027hi\\u0027)" in island
    assert json.loads(island)[0]["room"] == data.variant("data_island", "tricky")[0]["room"]


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_the_indented_copy_shows_the_same_json(demo, data, variant):
    copy = demo("data_island", variant).select_one("pre.island-text")
    assert json.loads(copy.get_text()) == data.variant("data_island", variant)
    assert copy.get_text().startswith('[\n  {\n    "day": ')


@pytest.mark.parametrize("variant", ["default", "tricky"])
def test_the_table_shows_the_same_office_hours_as_text(demo, data, variant):
    table = demo("data_island", variant).select_one("table.office-hours")
    assert table.select("tbody b, tbody script") == []
    assert table_rows(table) == [
        {"Day": s["day"], "Time": f"{s['start']}\N{EN DASH}{s['end']}", "Room": s["room"], "Host": s["host"]}
        for s in data.variant("data_island", variant)
    ]


def test_no_office_hours_is_an_empty_list_and_an_else_row(demo):
    soup = demo("data_island", "empty")
    assert soup.select_one("script#office-hours-data").string == "[]"
    assert [text(td) for td in soup.select("table.office-hours tbody td")] == ["No office hours this week."]
