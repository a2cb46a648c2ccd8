"""/examples/tree: a recursive loop over a tree of any depth."""

import pytest

from html_helpers import text


def walk(node, depth=1):
    """The tree's nodes in the order the page shows them: (depth, name, about)."""
    yield depth, node["name"], node["about"]
    for child in node["children"]:
        yield from walk(child, depth + 1)


def shown(demo, variant="default"):
    tree = demo("tree", variant).select_one("ul.tree")
    return [
        (int(li["data-depth"]), text(li.select_one(".tree-name")), text(li.select_one(".tree-about")))
        for li in tree.select("li.tree-node")
    ]


@pytest.mark.parametrize("variant", ["default", "empty", "tricky"])
def test_every_node_is_shown_at_its_depth(demo, data, variant):
    assert shown(demo, variant) == list(walk(data.variant("tree", variant)))


def test_the_deepest_file_is_four_levels_down(demo):
    nodes = shown(demo)
    assert nodes[0] == (1, "my-flask-app/", "the project folder")
    assert (4, "site.css", "the site's styles") in nodes
    assert max(depth for depth, _, _ in nodes) == 4


def test_children_are_nested_inside_their_parent(demo, data):
    tree = demo("tree").select_one("ul.tree")
    templates = next(
        li for li in tree.select("li.tree-node") if text(li.select_one(".tree-name")) == "templates/"
    )
    children = templates.select(":scope > ul > li.tree-node")
    assert [text(li.select_one(".tree-name")) for li in children] == ["base.html", "examples/"]
    leaf = tree.select_one("li.tree-node:not(:has(ul))")
    assert text(leaf.select_one(".tree-name")) == "app.py"


def test_markup_in_the_data_stays_text(demo):
    tree = demo("tree", "tricky").select_one("ul.tree")
    assert tree.select("script, b") == []
    assert "<script>.html" in [name for _, name, _ in shown(demo, "tricky")]
