"""/examples/loop_variable: loop.index, index0, revindex, revindex0, first, last and length."""

import pytest

from app import data
from html_helpers import get_soup, table_rows, text, texts


def queue_page(client):
    return get_soup(client, "/examples/loop_variable")


def expected_row(position, entry, length):
    """What the table should show for the entry at ``position`` (0-based) of ``length``."""
    return {
        "Student": entry["student"],
        "index": str(position + 1),
        "index0": str(position),
        "revindex": str(length - position),
        "revindex0": str(length - position - 1),
        "first": str(position == 0),
        "last": str(position == length - 1),
        "length": str(length),
    }


@pytest.mark.parametrize("shown", ["loop_variable", "loop_variable.tricky"])
def test_every_row_shows_what_loop_holds_there(client, monkeypatch, shown):
    # The view reads data["loop_variable"]: give it the queue under test.
    monkeypatch.setitem(data, "loop_variable", data[shown])
    queue = data[shown]
    rows = table_rows(queue_page(client).select_one("table.queue"))
    assert rows == [expected_row(i, entry, len(queue)) for i, entry in enumerate(queue)]


def test_the_first_and_last_rows_read_as_people_count(client):
    rows = table_rows(queue_page(client).select_one("table.queue"))
    assert len(rows) == 5
    assert [rows[0][k] for k in ("index", "index0", "revindex", "first")] == [
        "1",
        "0",
        "5",
        "True",
    ]
    assert [rows[-1][k] for k in ("index", "revindex0", "last", "length")] == [
        "5",
        "0",
        "True",
        "5",
    ]


def test_first_and_last_rows_get_a_class(client):
    classes = [row["class"] for row in queue_page(client).select("table.queue tbody tr")]
    assert classes == [
        ["queue-entry", "queue-first"],
        ["queue-entry"],
        ["queue-entry"],
        ["queue-entry"],
        ["queue-entry", "queue-last"],
    ]


def test_the_queue_screen_counts_ahead_and_behind(client):
    queue = data["loop_variable"]
    first, second, *_, last = queue
    items = queue_page(client).select("ul.queue-status > li")
    statuses = [text(li).removesuffix(text(li.q)).strip() for li in items]
    assert statuses == [
        f"{first['student']}: being helped now.",
        f"{second['student']}: number 2 of 5: 1 ahead, 3 behind.",
        "Kofi Mensah: number 3 of 5: 2 ahead, 2 behind.",
        "Lena Fischer: number 4 of 5: 3 ahead, 1 behind.",
        f"{last['student']}: number 5 of 5, the last in line.",
    ]
    assert [text(li.q) for li in items] == [entry["question"] for entry in queue]


def test_an_empty_queue_takes_both_else_branches(client, monkeypatch):
    # data/loop_variable.empty.json is []: nobody in the queue.
    monkeypatch.setitem(data, "loop_variable", data["loop_variable.empty"])
    page = queue_page(client)
    assert texts(page, "table.queue tbody td") == ["Nobody is waiting."]
    assert texts(page, "ul.queue-status > li") == ["The queue is empty: walk right in."]
    assert page.select_one("ul.queue-status > li")["class"] == ["empty"]


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "loop_variable", data["loop_variable.tricky"])
    page = queue_page(client)
    assert (
        page.select(
            "table.queue tbody script, table.queue tbody b, ul.queue-status script, ul.queue-status b"
        )
        == []
    )
    assert text(page.select_one("q.queue-question")) == "Is <b>this</b> bold?"
