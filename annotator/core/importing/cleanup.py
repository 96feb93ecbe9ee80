"""The optional clean-up of a scrape: proposals, never silent removals.

`propose` lists what it would drop from a text, each with its reason: the page
around the article (menus above it, share rows, teasers, comments and footers below
it, see `article`), and inside the article the shapes of a pasted news page
(`news_shapes`): photo captions pasted two or three times, gallery counters,
photo credits, comment counts, boilerplate lines, cookie and newsletter boxes, the
byline and date lines whose values go into the details, and a trailing block of
teasers. The researcher sees the list, keeps any of it, drops more by hand, and
`apply` builds the text that will be frozen from the removals still chosen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator.core.importing import article, boilerplate, languages, news_shapes
from annotator.core.importing.removals import Line, Reason, Removal, lines_of

__all__ = ["Reason", "Removal", "applied", "apply", "original_offset", "propose"]

_MAX_TEASER_LINE = 120
_MAX_TEASER_LINES = 20
_COUNTER = re.compile(r"[ \t]+(\d{1,2})/(\d{1,2})$")
_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")


def propose(text: str) -> list[Removal]:
    """Every clean-up this text invites, in text order. A caption's gallery counter is
    proposed inside its line, so keeping the caption can still drop the counter."""
    lines = lines_of(text)
    removals: list[Removal] = []
    language = languages.detect(text)
    found = article.find(text, language)
    first, last = (found.first, found.last) if found else (0, len(lines) - 1)
    before, after = lines[:first], lines[last + 1 :]
    if before and article.looks_like_furniture([line.text for line in before]):
        removals.append(_run(before, Reason.BEFORE_ARTICLE, len(text)))
    else:
        first = 0
    teaser_start = _teaser_block_start(lines[first : last + 1])
    if teaser_start is not None:
        last = teaser_start - 1
        after = lines[teaser_start:]
        removals.append(_run(after, Reason.TEASERS, len(text)))
    elif after and article.looks_like_furniture([line.text for line in after]):
        opening = next(line.text for line in after if line.text.strip())
        teasers = boilerplate.is_teaser_heading(opening)
        reason = Reason.TEASERS if teasers else Reason.AFTER_ARTICLE
        removals.append(_run(after, reason, len(text)))
    else:
        last = len(lines) - 1
    body = lines[first : last + 1]
    body_first = found.body_first if found and first <= found.body_first <= last else first
    removals += news_shapes.propose(body, body_first, language)
    return sorted(removals, key=lambda r: (r.start, -r.end))


def _run(lines: list[Line], reason: Reason, text_length: int) -> Removal:
    """A run of whole lines, from the first to the end of the last (with its break)."""
    end = min(lines[-1].end + 1, text_length)
    text = "\n".join(line.text.strip() for line in lines if line.text.strip())
    return Removal(lines[0].start, end, reason, text)


def _teaser_block_start(lines: list[Line]) -> int | None:
    """The last teaser heading followed only by a few short lines to the end."""
    for line in reversed(lines):
        if boilerplate.is_teaser_heading(line.text):
            tail = [t for t in lines if t.index > line.index and t.text.strip()]
            fits = 0 < len(tail) <= _MAX_TEASER_LINES and all(
                len(t.text.strip()) <= _MAX_TEASER_LINE for t in tail
            )
            return line.index if fits else None
    return None


def apply(text: str, removals: Iterable[Removal]) -> str:
    """The text without the chosen removals, with blank lines tidied where lines went."""
    return applied(text, removals)[0]


def applied(text: str, removals: Iterable[Removal]) -> tuple[str, list[tuple[int, int, int]]]:
    """The text without the removals (overlapping ones merged), and where its pieces
    came from: `(start in the result, start in the text, length)` for each piece."""
    spans = sorted((r.start, r.end) for r in removals)
    if not spans:
        return text, [(0, 0, len(text))]
    kept: list[tuple[int, int]] = []
    at = 0
    for start, end in spans:
        if start > at:
            kept.append((at, start))
        at = max(at, end)
    if at < len(text):
        kept.append((at, len(text)))
    joined = "".join(text[a:b] for a, b in kept)
    drops = [(m.start() + 1, m.end() - 1) for m in _BLANK_RUNS.finditer(joined)]
    lead = len(joined) - len(joined.lstrip())
    trail = len(joined.rstrip())
    drops = [(0, lead), *drops, (trail, len(joined))]
    pieces = _pieces(kept, drops)
    result = "".join(text[origin : origin + length] for _, origin, length in pieces)
    return result, pieces


def _pieces(
    kept: list[tuple[int, int]], drops: list[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """Kept spans of the text, less the spans `drops` of their concatenation."""
    pieces: list[tuple[int, int, int]] = []
    joined_at = result_at = 0
    for start, end in kept:
        cut_from = joined_at
        for drop_start, drop_end in drops:
            lo, hi = max(drop_start, joined_at), min(drop_end, joined_at + end - start)
            if lo >= hi:
                continue
            if lo > cut_from:
                length = lo - cut_from
                pieces.append((result_at, start + cut_from - joined_at, length))
                result_at += length
            cut_from = max(cut_from, hi)
        if joined_at + end - start > cut_from:
            length = joined_at + end - start - cut_from
            pieces.append((result_at, start + cut_from - joined_at, length))
            result_at += length
        joined_at += end - start
    return pieces


def original_offset(pieces: list[tuple[int, int, int]], offset: int) -> int:
    """Where a character of the cleaned text stands in the text before clean-up."""
    for result_start, origin, length in pieces:
        if result_start <= offset < result_start + length:
            return origin + offset - result_start
    if pieces:
        result_start, origin, length = pieces[-1]
        return origin + length
    return 0
