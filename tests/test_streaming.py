"""/examples/streaming: stream_template sends a long access log in pieces, as it renders."""

import pytest
from flask import render_template

from app import data
from html_helpers import get_soup, table_rows, text


def expected_rows(log):
    return [
        {
            "Time": e["time"],
            "Method": e["method"],
            "Path": e["path"],
            "Status": str(e["status"]),
            "ms": str(e["ms"]),
        }
        for e in log
    ]


def response_pieces(app, url):
    """The response Flask makes for ``url``, and the pieces of its body, in the order they would be sent.

    (The test client wraps every body in an iterator, so its is_streamed is always true: ask Flask.)
    """
    with app.test_request_context(url):
        response = app.full_dispatch_request()
        return response, [bytes(piece) for piece in response.iter_encoded()]


def access_log(client):
    return get_soup(client, "/examples/streaming").select_one("table.access-log")


def test_stream_template_sends_the_page_in_pieces(app):
    response, pieces = response_pieces(app, "/examples/streaming")
    assert response.status_code == 200
    assert response.is_streamed
    assert len(pieces) > 10
    assert pieces[0].startswith(b"<!DOCTYPE html>")
    assert b"</html>" not in pieces[0]
    assert b"".join(pieces).rstrip().endswith(b"</html>")


def test_the_pieces_make_the_page_render_template_would_build_in_one(app):
    _, pieces = response_pieces(app, "/examples/streaming")
    with app.test_request_context("/examples/streaming"):
        whole = render_template("examples/streaming.html", log=data["streaming"])
    assert isinstance(whole, str)
    assert b"".join(pieces) == whole.encode()


@pytest.mark.parametrize("variant", ["streaming", "streaming.tricky"])
def test_every_request_in_the_log_is_a_row(client, monkeypatch, variant):
    log = data[variant]
    monkeypatch.setitem(data, "streaming", log)
    table = access_log(client)
    assert table_rows(table) == expected_rows(log)
    assert text(table.caption) == f"The lab app's access log: {len(log)} requests"
    assert table.select("tbody script, tbody b") == []


def test_the_default_log_is_long():
    log = data["streaming"]
    assert len(log) == 150
    assert log[0] == {
        "time": "09:00:35",
        "method": "GET",
        "path": "/examples/tables?sort=phrase",
        "status": 200,
        "ms": 27,
    }


def test_an_empty_log_takes_the_else_branch(client, monkeypatch):
    monkeypatch.setitem(data, "streaming", data["streaming.empty"])
    table = access_log(client)
    assert text(table.caption) == "The lab app's access log: 0 requests"
    assert [text(td) for td in table.select("tbody td")] == ["No requests yet."]
