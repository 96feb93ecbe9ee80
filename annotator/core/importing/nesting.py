"""Web pages nested deeper than a parser goes: read whole, never cut short in silence.

libxml2 stops building the tree at 256 levels of nesting (2,048 with `huge_tree`) and
drops everything deeper without an error the caller sees: a page of 300 nested `<div>`s
lost all text past them, and one whose text all lay deeper said "contains no text"
(issue 18). So the page is parsed with the higher limit, its depth is measured (the
caller then skips main-content extraction, whose parser has the lower one, and keeps
the whole page), and past even 2,048 levels the visible text is read by the standard
library's event parser, which keeps no tree and so has no depth to run out of.
"""

from __future__ import annotations

from html.parser import HTMLParser

import lxml.etree
import lxml.html

from annotator.core.importing.extracted import tidy_line

SHALLOW_PARSER_DEPTH = 250  # a little under libxml2's default limit of 256 levels
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip


def parse(html: str) -> tuple[lxml.html.HtmlElement, bool]:
    """The page's tree, and False if the parser had to stop at its depth limit."""
    parser = lxml.html.HTMLParser(huge_tree=True)
    tree = lxml.html.document_fromstring(html, parser=parser)
    cut = any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)
    return tree, not cut


def depth(tree: lxml.html.HtmlElement) -> int:
    """How deep the tree's elements are nested, counted without recursion."""
    level = deepest = 0
    for event, _element in lxml.etree.iterwalk(tree, events=("start", "end")):
        level += 1 if event == "start" else -1
        deepest = max(deepest, level)
    return deepest


def flat_lines(html: str, skipped: set[str], blocks: set[str]) -> list[str]:
    """The page's visible text, one line per block element, read without building a tree."""
    reader = _FlatText(skipped, blocks)
    reader.feed(html)
    reader.close()
    lines = (tidy_line(line) for line in "".join(reader.parts).split("\n"))
    return [line for line in lines if line]


class _FlatText(HTMLParser):
    def __init__(self, skipped: set[str], blocks: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.skipped = skipped
        self.blocks = blocks
        self.open_skipped: dict[str, int] = {}  # e.g. <script> not closed yet
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # an unclosed <head> ends here, as browsers read it
            self.open_skipped.pop("head", None)
        if tag in self.skipped and tag not in _VOID:
            self.open_skipped[tag] = self.open_skipped.get(tag, 0) + 1
        elif tag in self.blocks:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.open_skipped.get(tag):
            self.open_skipped[tag] -= 1
            if not self.open_skipped[tag]:
                del self.open_skipped[tag]
        elif tag in self.blocks:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.open_skipped:
            self.parts.append(data)
