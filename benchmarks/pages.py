"""Time every example page in process, against its bare demo and hello world: for run.py, and,
run as a script, for a checkout of another commit (against.py).

    python benchmarks/pages.py TREE ROUNDS    # TREE's pages, as JSON on standard output

The bare demo is the example's own template rendered with a layout that shows the demo and
nothing else: no site header, lesson, variants, panels or pager. What a page costs beyond it
is the gallery's own cost. The layout takes the place of the one the examples extend, as the
site names it: ``base.html`` (a ``content`` block, as in an example's download), and
``layouts/example.html`` (a ``demo`` block), which the examples extended before.
"""

import json
import os
import statistics
import sys
import time

from jinja2 import ChoiceLoader, DictLoader

BARE_LAYOUTS = {
    name: f"""<!DOCTYPE html>
<html lang="en"><title>{{% block title %}}{{% endblock %}}</title>
<main>{{% block {block} %}}{{% endblock %}}</main></html>"""
    for name, block in (("base.html", "content"), ("layouts/example.html", "demo"))
}


class Pages:
    """The example pages of the app module ``site``, timed."""

    def __init__(self, site):
        self.site = site
        self.client = site.app.test_client()
        loader = ChoiceLoader([DictLoader(BARE_LAYOUTS), site.app.jinja_loader])
        self.bare_env = site.app.jinja_env.overlay(loader=loader)

    def urls(self):
        return [f"/examples/{example.endpoint}" for example in self.site.gallery.examples]

    def _bare_render_template(self, template_name_or_list, /, **context):
        self.site.app.update_template_context(context)
        return self.bare_env.get_or_select_template(template_name_or_list).render(context)

    def _bare_stream_template(self, template_name_or_list, /, **context):
        self.site.app.update_template_context(context)
        template = self.bare_env.get_or_select_template(template_name_or_list)
        return self.site.app.response_class(template.generate(context))

    def timed(self, url, bare=False):
        """Seconds for one GET of ``url``, and its size; with ``bare``, its demo in a bare layout."""
        site = self.site
        originals = site.render_template, site.stream_template
        if bare:  # the views call app.py's render_template: give them the bare one
            site.render_template, site.stream_template = (
                self._bare_render_template,
                self._bare_stream_template,
            )
        try:
            start = time.perf_counter()
            response = self.client.get(url)
            body = response.get_data()  # a streamed page renders as it is read
            elapsed = time.perf_counter() - start
        finally:
            site.render_template, site.stream_template = originals
        assert response.status_code == 200, f"{url}: {response.status_code}"
        return elapsed, len(body)

    def measure(self, rounds):
        """Median per-request time of each page, its bare demo, and hello world, measured in turns."""
        rows = []
        for url in self.urls():
            pages, bares, hellos = [], [], []
            for _ in range(20):  # warm up
                self.timed(url), self.timed(url, bare=True), self.timed("/hello")
            for _ in range(rounds):
                pages.append(self.timed(url)[0])
                bares.append(self.timed(url, bare=True)[0])
                hellos.append(self.timed("/hello")[0])
            page, bare, hello = (statistics.median(x) * 1000 for x in (pages, bares, hellos))
            size = self.timed(url)[1]
            rows.append(
                {
                    "url": url,
                    "page_ms": page,
                    "bare_ms": bare,
                    "hello_ms": hello,
                    "overhead": page / bare - 1,
                    "bytes": size,
                }
            )
        return rows


if __name__ == "__main__":
    tree, rounds = sys.argv[1], int(sys.argv[2])
    os.chdir(tree)
    sys.path.insert(0, tree)
    os.environ.setdefault("SECRET_KEY", "benchmark-key")
    import app

    json.dump(Pages(app).measure(rounds), sys.stdout)
