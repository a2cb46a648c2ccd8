"""Re-indent rendered HTML so a reader can follow it, without changing what it says.

Jinja's output keeps the template's indentation and the blank lines its tags
leave behind. This puts every block element on a line of its own, indented by
nesting, and collapses runs of white space in text, which is what a browser
does with them anyway. Tags, attributes and entities (``&lt;``, ``&#39;``) are
kept exactly as they were sent, so escaping stays visible; ``<pre>``,
``<textarea>``, ``<script>`` and ``<style>`` keep their content verbatim.
"""

import re
from html.parser import HTMLParser

# Elements a browser lays out as blocks: each starts a line of its own.
BLOCK = frozenset(
    (
        *("html", "head", "title", "meta", "link", "script", "style", "template", "body"),
        *("article", "aside", "footer", "header", "main", "nav", "section", "address"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "p", "hr", "pre", "blockquote", "div"),
        *("ol", "ul", "li", "menu", "dl", "dt", "dd", "figure", "figcaption", "details", "summary", "dialog"),
        *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
        *("form", "fieldset", "legend", "select", "optgroup", "option", "textarea"),
    )
)
VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr")
)
VERBATIM = frozenset(("pre", "textarea", "script", "style"))
INDENT = "  "


def pretty_html(html: str) -> str:
    """``html`` with one block element a line, indented two spaces a level."""
    return "".join(pretty_html_lines(html))


def pretty_html_lines(html: str) -> tuple[str, ...]:
    """``pretty_html(html)`` as its lines, each ending with a newline; a ``<pre>`` or
    ``<script>`` whose text runs over several lines stays whole. Every line starts
    between two tags, where a highlighter starts the whole text too: lines can be
    highlighted (and their highlighting kept) one by one."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    lines: list[str] = []
    _print_children(builder.root, 0, lines)
    return tuple(f"{line}\n" for line in lines)


class _Element:
    def __init__(self, name: str, start: str) -> None:
        self.name, self.start = name, start
        self.children: list[_Element | str] = []
        self.closed = name in VOID

    @property
    def is_block(self) -> bool:
        return self.name in BLOCK

    def has_block_inside(self) -> bool:
        return any(isinstance(c, _Element) and (c.is_block or c.has_block_inside()) for c in self.children)

    def raw(self) -> str:
        """The element exactly as it was sent."""
        inner = "".join(c if isinstance(c, str) else c.raw() for c in self.children)
        return self.start + inner + (f"</{self.name}>" if self.closed and self.name not in VOID else "")

    def inline(self) -> str:
        """The element on one line, white space in its text collapsed.

        Space just inside a block element's tags means nothing to a browser: it goes.
        """
        if self.name in VERBATIM:
            return self.raw()
        inner = "".join(re.sub(r"\s+", " ", c) if isinstance(c, str) else c.inline() for c in self.children)
        if self.is_block:
            inner = inner.strip(" ")
        return self.start + inner + (f"</{self.name}>" if self.closed and self.name not in VOID else "")


def _print_children(parent: _Element, depth: int, lines: list[str]) -> None:
    """Inline runs of children on one line each, block children on lines of their own."""
    run = ""
    for child in parent.children:
        if isinstance(child, _Element) and (child.is_block or child.has_block_inside()):
            _add(lines, depth, run)
            run = ""
            _print_element(child, depth, lines)
        else:
            run += re.sub(r"\s+", " ", child) if isinstance(child, str) else child.inline()
    _add(lines, depth, run)


def _print_element(element: _Element, depth: int, lines: list[str]) -> None:
    if element.name in VERBATIM or not element.has_block_inside():
        _add(lines, depth, element.inline())
        return
    _add(lines, depth, element.start)
    _print_children(element, depth + 1, lines)
    if element.closed:
        _add(lines, depth, f"</{element.name}>")


def _add(lines: list[str], depth: int, text: str) -> None:
    text = text.strip(" ")
    if text:
        lines.append(INDENT * depth + text)


class _TreeBuilder(HTMLParser):
    """Builds a light tree that remembers every tag and entity as it was written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.root = _Element("", "")
        self.stack = [self.root]

    def _add(self, node: "_Element | str") -> None:
        siblings = self.stack[-1].children
        if isinstance(node, str) and siblings and isinstance(siblings[-1], str):
            siblings[-1] += node
        else:
            siblings.append(node)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        element = _Element(tag, self.get_starttag_text() or f"<{tag}>")
        self._add(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        element = _Element(tag, self.get_starttag_text() or f"<{tag}/>")
        element.closed = False  # written as <tag/>: nothing to close
        self._add(element)

    def handle_endtag(self, tag: str) -> None:
        names = [element.name for element in self.stack]
        if tag in names[1:]:
            while self.stack[-1].name != tag:
                self.stack.pop()
            self.stack.pop().closed = True
        else:
            self._add(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self._add(data)

    def handle_entityref(self, name: str) -> None:
        self._add(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._add(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self._add(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self._add(f"<!{decl}>")
