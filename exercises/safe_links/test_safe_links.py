from html_helpers import text, texts


def linked(url):
    return url.strip().lower().startswith(("http://", "https://"))


def text_of(url):
    """A URL as text() reads it on the page: runs of white space as one space, none at the ends."""
    return " ".join(url.split())


def test_only_http_and_https_urls_are_linked(soup, context):
    expected = [(link["url"], link["title"]) for link in context["links"] if linked(link["url"])]
    assert [(a.get("href"), text(a)) for a in soup.select("li.shared-link a")] == expected
    assert len(expected) == 4


def test_every_other_url_is_shown_as_text_beside_its_title(soup, context):
    expected = [(link["title"], text_of(link["url"])) for link in context["links"] if not linked(link["url"])]
    blocked = [
        (text(item.select_one(".link-blocked")), text(item.select_one("code.link-url")))
        for item in soup.select("li.shared-link")
        if item.select_one(".link-blocked") and item.select_one("code.link-url")
    ]
    assert blocked == expected
    assert [tag["href"] for tag in soup.select("[href]") if not linked(tag["href"])] == []


def test_each_link_is_listed_in_order_with_who_shared_it(soup, context):
    assert texts(soup, "ul.shared-links > li.shared-link > .link-by") == [
        f"shared by {link['by']}" for link in context["links"]
    ]
