"""Links: every internal href and src on every page answers; the pages are found by crawling from /."""

from app import app as showcase_app
from app import gallery as showcase_gallery
from crawler import link_problems
from showcase_site import ERROR_PAGES


def test_every_link_on_the_page_answers(html_page, site):
    assert link_problems(site, html_page) == []


def test_the_crawl_reaches_every_page_the_app_routes(site):
    routed = {
        rule.rule
        for rule in showcase_app.url_map.iter_rules()
        if "GET" in rule.methods and not rule.arguments and rule.endpoint != "static"
    }
    variants = {
        f"/examples/{example.endpoint}?variant={variant}"
        for example in showcase_gallery.examples
        for variant in example.variants[1:]
    }
    crawled = {resource.request.url for resource in site.resources.values()}
    assert routed | variants <= crawled
    assert {"/", "/examples/lists", "/examples/lists?variant=empty", "/static/css/site.css"} <= crawled


def test_error_pages_answer_with_their_status(site):
    answered = {str(request): site.get(request).fetched.status for request in ERROR_PAGES}
    assert answered == {
        "404 /no/such/page": 404,
        "400 /examples/tables?sort=nmae": 400,
        "405 POST /hello": 405,
    }


def test_hello_is_a_working_link_but_not_a_page(site):
    hello = site.get("/hello")
    assert (hello.fetched.status, hello.fetched.mimetype) == (200, "text/html")  # Flask's default
    assert hello not in site.pages
