"""/examples/streaming on the site: the layout captures the demo, so the table goes out in one piece."""


def response_pieces(app, url):
    """The response Flask makes for ``url``, and the pieces of its body, in the order they would be sent."""
    with app.test_request_context(url):
        response = app.full_dispatch_request()
        return response, [bytes(piece) for piece in response.iter_encoded()]


def test_the_layout_captures_the_demo_so_its_table_comes_in_one_piece(app):
    _, pieces = response_pieces(app, "/examples/streaming")
    [table] = [piece for piece in pieces if b'<table class="access-log">' in piece]
    assert table.count(b"<tr>") == 151  # the heading row and all 150 requests


def test_render_template_sends_the_page_in_one_piece(app):
    response, pieces = response_pieces(app, "/examples/lists")
    assert not response.is_streamed
    assert len(pieces) == 1
