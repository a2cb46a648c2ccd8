"""/examples/tree: a recursive loop over a tree of any depth."""

import pytest

from app import data
from html_helpers import get_soup, text


def walk(node, depth=1):
    """The tree's nodes in the order the page shows them: (depth, name, about)."""
    yield depth, node["name"], node["about"]
    for child in node["children"]:
        yield from walk(child, depth + 1)


def tree_list(client):
    return get_soup(client, "/examples/tree").select_one("ul.tree")


def shown(client):
    return [
        (int(li["data-depth"]), text(li.select_one(".tree-name")), text(li.select_one(".tree-about")))
        for li in tree_list(client).select("li.tree-node")
    ]


@pytest.mark.parametrize("data_file", ["tree", "tree.empty", "tree.tricky"])
def test_every_node_is_shown_at_its_depth(client, monkeypatch, data_file):
    # The view reads data["tree"]: run it on data/tree.json, data/tree.empty.json, data/tree.tricky.json.
    monkeypatch.setitem(data, "tree", data[data_file])
    assert shown(client) == list(walk(data[data_file]))


def test_the_deepest_file_is_four_levels_down(client):
    nodes = shown(client)
    assert nodes[0] == (1, "my-flask-app/", "the project folder")
    assert (4, "site.css", "the site's styles") in nodes
    assert max(depth for depth, _, _ in nodes) == 4


def test_children_are_nested_inside_their_parent(client):
    tree = tree_list(client)
    templates = next(
        li for li in tree.select("li.tree-node") if text(li.select_one(".tree-name")) == "templates/"
    )
    children = templates.select(":scope > ul > li.tree-node")
    assert [text(li.select_one(".tree-name")) for li in children] == ["base.html", "examples/"]
    leaf = tree.select_one("li.tree-node:not(:has(ul))")
    assert text(leaf.select_one(".tree-name")) == "app.py"


def test_markup_in_the_data_stays_text(client, monkeypatch):
    monkeypatch.setitem(data, "tree", data["tree.tricky"])
    assert tree_list(client).select("script, b") == []
    assert "<script>.html" in [name for _, name, _ in shown(client)]
