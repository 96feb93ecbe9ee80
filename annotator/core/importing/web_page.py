"""Saved web pages: the article (trafilatura's main content) and what it left out.

trafilatura finds the article among menus, cookie banners, teasers and footers, and
reads the page's metadata (title, author, date, canonical link). So that nothing is
dropped silently, we also read the whole page's visible text and list every line
the main content does not contain; the researcher can keep the whole page instead.
A page nested deeper than trafilatura's parser reads is kept whole (`nesting`).
"""

from __future__ import annotations

import datetime as dt
import re

import lxml.etree
import lxml.html
import trafilatura

from annotator.core.importing import encodings, nesting, page_details, page_lead
from annotator.core.importing.extracted import Extracted, join_paragraphs, tidy_line
from annotator.core.importing.provenance import iso_date
from annotator.core.importing.reading import Source

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_SINGLEFILE = re.compile(
    r"Page saved with SingleFile\s+url:\s*(\S+)\s+saved date:\s*(\w{3} \w{3} \d{1,2} \d{4})"
)
_SITE_SEPARATORS = re.compile(r"\s+[|–—-]\s+")

_SKIPPED = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "br", "button", "dd", "details",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "option", "p",
    "pre", "section", "summary", "table", "td", "th", "tr", "ul",
}  # fmt: skip
_MIN_MATCHED_LINE = 25  # a page line this long counts as kept when the article contains it


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first kilobytes (`<meta charset>`)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def extract(source: Source, *, encoding: str | None, whole_page: bool) -> Extracted:
    decoded = encodings.decode(
        source.data, source.name, override=encoding, declared=declared_charset(source.data)
    )
    html = _XML_DECLARATION.sub("", decoded.text, count=1)
    tree, whole = nesting.parse(html)
    page_lines = _page_lines(tree) if whole else nesting.flat_lines(html, _SKIPPED, _BLOCKS)
    metadata = _page_metadata(tree, html)
    # trafilatura parses with libxml2's default depth limit and would lose what lies deeper
    deep = not whole or nesting.depth(tree) > nesting.SHALLOW_PARSER_DEPTH
    article = None if deep else _main_content(html)
    if article is not None:
        metadata = {**metadata, **{k: v for k, v in article[0].items() if v}}
    headings = [tidy_line(h.text_content()) for h in tree.iter("h1")]
    if article is not None:
        article = (article[0], page_lead.restored(page_lines, article[1], headings))
    outside: tuple[str, ...] = ()
    if article is None or whole_page:
        text = join_paragraphs(page_lines)
    else:
        text = join_paragraphs(article[1])
        outside = _lines_outside(page_lines, article[1])
    metadata.setdefault("publisher", _publisher(tree, metadata.get("title", "")))
    metadata = page_details.tidied(metadata, headings, page_lines, article[1] if article else [])
    return Extracted(
        text=text,
        encoding=decoded.encoding,
        encoding_detected=decoded.detected,
        metadata=metadata,
        outside_main_content=outside,
        main_content_found=article is not None,
    )


def _main_content(html: str) -> tuple[dict[str, str], list[str]] | None:
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or isinstance(document, dict) or document.body is None:
        return None
    paragraphs = _article_paragraphs(document.body)
    if not paragraphs:
        return None
    found = {
        "title": document.title or "",
        "author": document.author or "",
        "published_date": iso_date(document.date),
        "source_url": document.url or "",
        "language": document.language or "",
    }
    sitename = document.sitename or ""
    if sitename and "." not in sitename:  # a real name, not the host name
        found["publisher"] = sitename
    return found, paragraphs


def _article_paragraphs(body: lxml.etree._Element) -> list[str]:
    """One paragraph per heading, paragraph, list item and table row."""
    for line_break in body.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    paragraphs: list[str] = []
    for element in body:
        if element.tag == "list":
            paragraphs.extend(_text(item) for item in element.iter("item"))
        elif element.tag == "table":
            for row in element.iter("row"):
                paragraphs.append("\n".join(_text(cell) for cell in row.iter("cell")))
        else:
            paragraphs.append(_text(element))
    return [p for p in paragraphs if p.strip()]


def _text(element: lxml.etree._Element) -> str:
    lines = (tidy_line(line) for line in "".join(element.itertext()).split("\n"))
    return "\n".join(line for line in lines if line)


def _page_lines(tree: lxml.html.HtmlElement) -> list[str]:
    """The visible text of the whole page, one line per block element."""
    parts: list[str] = []
    skipping = 0
    for event, element in lxml.etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED:
            skipping += 1 if event == "start" else -1
            if event == "end" and not skipping and element.tail:
                parts.append(element.tail)
            continue
        if skipping or (not tag and event == "start"):
            continue
        if event == "start":
            if tag in _BLOCKS:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
        else:
            if tag in _BLOCKS:
                parts.append("\n")
            if element.tail:
                parts.append(element.tail)
    lines = (tidy_line(line) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _lines_outside(page_lines: list[str], paragraphs: list[str]) -> tuple[str, ...]:
    kept_lines = {_key(line) for p in paragraphs for line in p.split("\n")}
    article = " ".join(_key(p) for p in paragraphs)
    return tuple(
        line
        for line in page_lines
        if _key(line) not in kept_lines
        and not (len(line) >= _MIN_MATCHED_LINE and _key(line) in article)
    )


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _page_metadata(tree: lxml.html.HtmlElement, html: str) -> dict[str, str]:
    found: dict[str, str] = {}
    title = tree.findtext(".//title")
    if title:
        found["title"] = tidy_line(title)
    language = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if language:
        found["language"] = language.strip()
    head = html[:8192]
    saved = _SINGLEFILE.search(head)
    if saved:
        found["source_url"] = saved.group(1)
        try:
            when = dt.datetime.strptime(saved.group(2), "%a %b %d %Y")
            found["accessed_date"] = when.date().isoformat()
        except ValueError:
            pass
    else:
        saved_from = _SAVED_FROM.search(head)
        if saved_from and not saved_from.group(1).startswith("about:"):
            found["source_url"] = saved_from.group(1)
    return found


def _publisher(tree: lxml.html.HtmlElement, title: str) -> str:
    """`The Meridian Post` from `<title>Headline | The Meridian Post</title>`."""
    page_title = tidy_line(tree.findtext(".//title") or "")
    parts = _SITE_SEPARATORS.split(page_title)
    if len(parts) >= 2 and title and _key(parts[0]) == _key(title):
        return parts[-1]
    return ""
