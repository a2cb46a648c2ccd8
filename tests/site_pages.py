"""The pages this site serves, listed from the app itself, for tests that check every page."""

from bs4 import BeautifulSoup, SoupStrainer

from app import app as showcase_app
from app import gallery as showcase_gallery


def pages():
    """Every GET route that takes no arguments, and every example in each of its data variants."""
    urls = [
        rule.rule
        for rule in showcase_app.url_map.iter_rules()
        # /hello is the lab's plain string and /favicon.ico a picture: not pages.
        if "GET" in rule.methods and not rule.arguments and rule.endpoint not in ("hello", "favicon")
    ]
    for example in showcase_gallery.examples:
        urls += [example_url(example.endpoint, variant) for variant in example.variants[1:]]
    return urls


def example_url(endpoint, variant="default"):
    """An example page's URL, as the site links to it: ``/examples/lists?variant=empty``."""
    return f"/examples/{endpoint}" + ("" if variant == "default" else f"?variant={variant}")


# Only the demo of a page is built into a tree: less than half the time of the whole page's parse,
# which is mostly its panels of highlighted code.
DEMO_ONLY = SoupStrainer(attrs={"data-demo": True})


def demo_of(html):
    """The ``[data-demo]`` element of an example page's HTML, for a test that compares it."""
    return BeautifulSoup(html, "html.parser", parse_only=DEMO_ONLY).select_one("[data-demo]")
