"""The headline and lead that trafilatura leaves out of a saved page's article.

trafilatura's main content starts at the article's body: the page's headline and
the standfirst under it (the lead paragraph in bold, the teaser a news site shows
in its lists) are often outside it, though they are the article's own words. A
second pass over the page's visible lines brings them back: between the headline
(the page's `<h1>`, within a few lines above the body) and the body's first line,
the headline and the first line of prose (a sentence, or a long line) are kept;
the short lines there (date, byline, share buttons, a video's title) and what
follows the standfirst (the lead picture's caption) stay out.
"""

from __future__ import annotations

from collections.abc import Sequence

REACH = 12  # page lines above the body's first line where the headline may stand
_MIN_LEAD_WORDS = 8  # a line of prose, not a date, a byline or a button
_LONG_LEAD_WORDS = 15  # the same without a full stop at its end
_MIN_CJK_CHARS = 25  # the same for writing without spaces
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "»", "。", "！", "？")


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def restored(
    page_lines: Sequence[str], paragraphs: Sequence[str], headings: Sequence[str]
) -> list[str]:
    """The article's paragraphs with the headline and lead above its body put back."""
    shown = {_key(h) for h in headings if h.strip()}
    keys = [_key(line) for line in page_lines]
    # the body's first paragraph: trafilatura sometimes keeps the headline, not the lead
    pos = next((k for k, p in enumerate(paragraphs) if _key(p.split("\n")[0]) not in shown), None)
    if pos is None or not shown:
        return list(paragraphs)
    first_line = _key(paragraphs[pos].split("\n")[0])
    body = next((i for i, key in enumerate(keys) if key == first_line), None)
    if body is None:
        return list(paragraphs)
    above = range(body - 1, max(-1, body - REACH - 1), -1)
    top = next((i for i in above if keys[i] in shown), None)
    if top is None:
        return list(paragraphs)
    inside = {_key(line) for p in paragraphs for line in p.split("\n")}
    prose = [line for line in page_lines[top + 1 : body] if _is_prose(line)]
    lead = [line for line in prose[:1] if _key(line) not in inside]  # then a caption may follow
    headline = [] if keys[top] in inside else [page_lines[top]]
    return [*headline, *paragraphs[:pos], *lead, *paragraphs[pos:]]


def _is_prose(line: str) -> bool:
    """A sentence or more: a video's or a gallery's title has no full stop."""
    text = line.strip()
    if not text.endswith(_SENTENCE_END):
        return len(text.split()) >= _LONG_LEAD_WORDS
    return len(text.split()) >= _MIN_LEAD_WORDS or len(text) >= _MIN_CJK_CHARS
