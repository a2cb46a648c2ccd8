"""Links: every link a page offers leads somewhere that answers."""

from html_helpers import internal_links


def test_every_internal_link_on_the_home_page_answers(soup, client):
    links = internal_links(soup("/"))
    assert "/examples/lists" in links  # the index really was read
    for url in sorted(set(links)):
        with client.get(url) as response:  # "with" closes static files after reading
            assert response.status_code == 200, f"{url} answered {response.status_code}"
