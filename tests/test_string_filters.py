"""/examples/string_filters: filters that change text, with arguments, chained, and in a <pre>."""

import re
import textwrap

import pytest

from app import data
from html_helpers import get_soup, table_rows


def results(page, name):
    """The results table called ``name``: (the expression as written, what it rendered), in order."""
    return [
        (row["Expression"], row["Result"]) for row in table_rows(page.select_one(f"table.results-{name}"))
    ]


def test_case_filters(client):
    assert results(get_soup(client, "/examples/string_filters"), "case") == [
        ("post.author|upper", "DR. MAYA ORTIZ"),
        ("post.author|lower", "dr. maya ortiz"),
        ("post.title|trim|title", "Lab 3: Templates With Jinja"),
        ("post.title|trim|capitalize", "Lab 3: templates with jinja"),
    ]


@pytest.mark.parametrize("dataset", ["string_filters", "string_filters.tricky"])
def test_length_words_and_replacing(client, monkeypatch, dataset):
    # The view reads data["string_filters"]: give it the data set under test.
    monkeypatch.setitem(data, "string_filters", data[dataset])
    post = data[dataset]
    words = len(re.findall(r"\w+", post["body"]))  # as |wordcount counts: "course's" is two words
    page = get_soup(client, "/examples/string_filters")
    [truncated, counted, replaced, formatted] = results(page, "length")
    assert truncated[1].endswith("...")
    assert post["body"].startswith(truncated[1].removesuffix("..."))
    assert len(truncated[1]) <= 50
    assert counted == ("post.body|wordcount", str(words))
    assert replaced[1] == post["body"].replace("Lab 3", "Lab 4")
    assert formatted[1] == f"{post['author']} wrote {words} words."


def test_a_long_post_is_cut_at_a_word(client):
    [truncated, counted, *_] = results(get_soup(client, "/examples/string_filters"), "length")
    assert truncated == ("post.body|truncate(50)", "Lab 3 is out! Build a page that lists the...")
    assert counted[1] == "32"


def test_striptags_and_urlize(client):
    post = data["string_filters"]
    page = get_soup(client, "/examples/string_filters")
    assert [result for _, result in results(page, "html")] == [
        "Bring your laptop & charger to the lab.",
        post["body"],
    ]
    links = [(a["href"], a.get("rel"), a.get_text()) for a in page.select("table.results-html samp a")]
    assert links == [
        ("https://flask.palletsprojects.com/", ["noopener"], "https://flask.palletsprojects.com/"),
        ("mailto:mortiz@example.edu", None, "mortiz@example.edu"),
    ]


@pytest.mark.parametrize("dataset", ["string_filters", "string_filters.tricky"])
def test_string_turns_the_lab_number_into_the_key_of_its_due_date(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "string_filters", data[dataset])
    post = data[dataset]
    assert type(post["lab"]) is int  # a number in the JSON, while the keys of "due" are strings
    page = get_soup(client, "/examples/string_filters")
    assert results(page, "string") == [
        ("post.lab in post.due", "False"),
        ("post.lab|string in post.due", "True"),
        ("post.due[post.lab|string]", post["due"][str(post["lab"])]),
    ]


def test_lab_3_is_due_on_friday_12_april(client):
    [*_, due_date] = results(get_soup(client, "/examples/string_filters"), "string")
    assert due_date == ("post.due[post.lab|string]", "Friday 12 April")


@pytest.mark.parametrize("dataset", ["string_filters", "string_filters.tricky"])
def test_white_space_filters_keep_their_spaces_in_a_pre(client, monkeypatch, dataset):
    monkeypatch.setitem(data, "string_filters", data[dataset])
    post = data[dataset]
    page = get_soup(client, "/examples/string_filters")
    cells = [pre.get_text() for pre in page.select("table.results-spaces pre.result")]
    assert cells == [
        f"[{post['title']}]",
        f"[{post['title'].strip()}]",
        f"[{post['author'].center(30)}]",
        "\n".join("    " + line for line in post["code"].splitlines()),
        "\n".join(textwrap.wrap(post["body"], 40)),
    ]


def test_chained_filters_work_left_to_right(client):
    assert results(get_soup(client, "/examples/string_filters"), "chains") == [
        ("post.html|striptags|truncate(24)", "Bring your laptop &..."),
        ('post.author|lower|replace(" ", "-")', "dr.-maya-ortiz"),
    ]


def test_markup_in_the_data_stays_text_and_only_web_addresses_become_links(client, monkeypatch):
    monkeypatch.setitem(data, "string_filters", data["string_filters.tricky"])
    post = data["string_filters.tricky"]
    page = get_soup(client, "/examples/string_filters")
    tables = page.select("table.results")
    assert len(tables) == 6
    assert [table.select("script, b, i, p[onclick]") for table in tables] == [[]] * 6
    assert [result for _, result in results(page, "case")[:2]] == [
        post["author"].upper(),
        post["author"].lower(),
    ]
    assert results(page, "string")[-1][1] == '<b>today</b> & "now"'
    assert [a["href"] for a in page.select("table.results-html a")] == [
        "https://example.edu/?q=flask&x=1",
        "mailto:zoë@example.edu",
    ]
