"""The crawler on a small made-up site: it follows links once each, stays bounded, and finds broken ones."""

import pytest

from crawler import CrawlLimitError, Fetched, Request, crawl, key, link_problems


def page(body):
    return Fetched(200, "text/html", text=f"<!DOCTYPE html><html><body>{body}</body></html>")


SITE = {
    "/": page(
        '<a href="/a?y=2&x=1">A</a> <a href="a?x=1&y=2#part">A again</a> <img src="/logo.svg" alt="">'
        '<a href="https://example.org/">away</a> <a href="mailto:me@example.org">mail</a>'
        '<a href="http://localhost/b">B, absolute</a> <a href="/old">moved</a>'
    ),
    "/a?x=1&y=2": page('<h2 id="part">Part</h2> <a href="#part">here</a> <a href="/a?x=1&y=2#gone">gone</a>'),
    "/b": page('<a href="/missing">missing</a>'),
    "/logo.svg": Fetched(200, "image/svg+xml"),
    "/old": Fetched(308, "text/html", location="/b"),
}


def fetcher(site, asked):
    """A fetch function for a dict of URL: answer, which records what it was asked."""

    answers = {key(Request(url)): fetched for url, fetched in site.items()}

    def fetch(request):
        asked.append(request.url)
        return answers.get(key(request), Fetched(404, "text/html", text="<p>Not found</p>"))

    return fetch


def test_it_fetches_every_internal_url_once_and_leaves_other_sites_alone():
    asked = []
    site = crawl(fetcher(SITE, asked))
    assert asked == ["/", "/a?y=2&x=1", "/logo.svg", "/b", "/old", "/missing"]
    assert [str(resource.request) for resource in site.pages] == ["/", "/a?y=2&x=1", "/b"]


def test_it_reads_only_html_and_follows_redirects():
    site = crawl(fetcher(SITE, []))
    assert site.get("/logo.svg").links == ()
    assert site.final("/old").request.url == "/b"


def test_it_reports_broken_links_and_missing_fragments_and_accepts_a_redirect():
    site = crawl(fetcher(SITE, []))
    assert link_problems(site, site.get("/")) == []
    assert link_problems(site, site.get("/a?x=1&y=2")) == [
        "<a href=\"/a?x=1&y=2#gone\">: /a?y=2&x=1 has no id 'gone'"
    ]
    assert link_problems(site, site.get("/b")) == ['<a href="/missing"> answers 404']


def test_a_redirect_to_a_broken_page_is_reported():
    moved = Fetched(301, "text/plain", location="/gone")
    site = crawl(fetcher({"/": page('<a href="/moved">moved</a>'), "/moved": moved}, []))
    assert link_problems(site, site.get("/")) == ['<a href="/moved"> answers 404 after a redirect to /gone']


def test_a_form_to_start_from_is_sent_with_its_values():
    sent = []

    def fetch(request):
        sent.append((request.method, request.url, request.form))
        return page(f"<p>{dict(request.form)}</p>")

    form = Request("/preview", method="POST", form=(("template", "{{ 1 + 1 }}"),))
    site = crawl(fetch, start=[form])
    assert sent == [("POST", "/preview", (("template", "{{ 1 + 1 }}"),))]
    assert site.pages == [site.get(form)]


def test_a_same_page_link_needs_its_id_on_the_page():
    site = crawl(
        fetcher({"/": page('<h2 id="top">Top</h2> <a href="#top">up</a> <a href="#end">end</a>')}, [])
    )
    assert link_problems(site, site.get("/")) == ["<a href=\"#end\">: the page has no id 'end'"]


def test_an_error_page_to_start_from_is_a_page_when_it_answers_its_status():
    site = crawl(fetcher(SITE, []), start=[Request("/"), Request("/nowhere", status=404)])
    assert "404 /nowhere" in [str(resource.request) for resource in site.pages]
    assert "/missing" not in [str(resource.request) for resource in site.pages]  # a broken link's 404


def test_html_that_is_not_a_page_is_crawled_but_not_a_page():
    site = crawl(fetcher(SITE, []), not_pages=[Request("/b")])
    assert [str(resource.request) for resource in site.pages] == ["/", "/a?y=2&x=1"]
    assert site.get("/b").links[0].url == "/missing"


def test_a_site_that_makes_new_urls_for_ever_stops_the_crawl():
    def endless(request):
        number = int(request.url.partition("=")[2] or 0)
        return page(f'<a href="/more?page={number + 1}">more</a>')

    with pytest.raises(CrawlLimitError, match=r"more than 20 URLs, such as /more\?page=20"):
        crawl(endless, limit=20)
