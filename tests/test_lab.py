"""The lab's steps, each still working: /hello, and base.html with a random number."""

import random

from html_helpers import captured_templates, get_soup, text, texts


def test_hello_returns_the_labs_string(client):
    response = client.get("/hello")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "I love CS253!"


def test_home_renders_base_html_with_a_random_number(app, client):
    with captured_templates(app) as rendered:
        client.get("/")
    # Assert outside the block: had nothing rendered, this would fail, not pass.
    assert [template.name for template, _ in rendered] == ["base.html"]
    number = rendered[0][1]["random_number"]
    assert isinstance(number, int)
    assert 1 <= number <= 100000


def test_home_shows_the_heading_and_the_number(client, monkeypatch):
    monkeypatch.setattr(random, "randint", lambda low, high: 4242)
    soup = get_soup(client, "/")
    assert texts(soup, "h1") == ["Hello, there!"]
    assert text(soup.select_one(".random-number")) == "The number is 4242"


def test_home_draws_a_fresh_number_for_every_request(client, monkeypatch):
    drawn = iter([7, 99999])
    calls = []

    def fake_randint(low, high):
        calls.append((low, high))
        return next(drawn)

    monkeypatch.setattr(random, "randint", fake_randint)
    first = text(get_soup(client, "/").select_one(".random-number"))
    second = text(get_soup(client, "/").select_one(".random-number"))
    assert (first, second) == ("The number is 7", "The number is 99999")
    assert calls == [(1, 100000), (1, 100000)]


def test_home_links_every_example_grouped_by_topic(client, gallery):
    soup = get_soup(client, "/")
    index = soup.select_one("#examples")
    topics = gallery.topics()
    assert texts(index, ".topic > h3") == [topic for topic, _ in topics]
    assert "Data from Python" in texts(index, ".topic > h3")
    for section, (_, examples) in zip(index.select(".topic"), topics, strict=True):
        links = section.select(".example-list > li > a")
        assert [text(a) for a in links] == [example.title for example in examples]
        assert [a["href"] for a in links] == [f"/examples/{example.endpoint}" for example in examples]
        assert texts(section, ".example-summary") == [example.summary for example in examples]


def test_home_shows_the_views_docstring_as_the_lesson(client):
    soup = get_soup(client, "/")
    link = soup.select_one('.example-list a[href="/examples/lists"]')
    assert text(link) == "Lists"
    assert text(link.find_next_sibling(class_="example-summary")) == (
        "Loop over a list with loop.index, loop.first and loop.last, and handle an empty one."
    )
