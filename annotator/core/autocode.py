"""Auto-coding: give one code to every match of a search, after a preview.

The researcher first sees every passage that would be coded (optionally widened from
the match to its sentence or paragraph), unticks the wrong ones, then codes the rest
in one transaction: one `Change`, so one undo takes the whole run back. A passage this
code already covers (by the same coder) is flagged in the preview and, if coded
anyway, an exact duplicate is skipped rather than refused.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from annotator.core import coding, events, search
from annotator.core.changes import Change, ChangeKind
from annotator.core.codebook import get_code
from annotator.core.excerpts import context_around
from annotator.core.ids import CodeId, CoderId, DocumentId
from annotator.core.positions import Paragraphs
from annotator.core.project import Project
from annotator.core.selection import Selection

Scope = Literal["match", "sentence", "paragraph"]
SCOPES: tuple[Scope, ...] = ("match", "sentence", "paragraph")

# A sentence ends at . ! ? … (and the Arabic ؟) before a space, with any closing quotes
# or brackets; at the CJK marks 。！？ even without a space; and at a line break.
_SENTENCE_END = re.compile(
    r"[.!?؟…]+[\"'”’»)\]]*(?=\s|$)|[。！？]+[”’」』）)]*|\n",
)
# A full stop after these is not the end of a sentence ("Mr. Banda", "U.N. report").
_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|No|vs|etc|e\.g|i\.e|approx|Gen|Col|Lt|Sgt|Rev|[A-Z])\.$"
)


@dataclass(frozen=True)
class Passage:
    """A passage auto-coding proposes: the span to code and what the preview shows."""

    document_id: DocumentId
    document_title: str
    start: int
    end: int
    text: str
    before: str
    after: str
    matches: int  # hits of the search inside this passage
    already_coded: bool  # this code by this coder already covers all of it


def sentence_bounds(
    text: str,
    start: int,
    end: int,
    paragraphs: Paragraphs | None = None,
    ends: dict[tuple[int, int], list[int]] | None = None,
) -> tuple[int, int]:
    """The sentence (or sentences) holding `text[start:end]`, without outer spaces.

    Sentences never run across a paragraph break. `ends` keeps the sentence ends found
    in each stretch of paragraphs, for the next match in the same stretch: a paragraph
    holding thousands of matches is read once, not once per match.
    """
    paragraphs = paragraphs or Paragraphs.of(text)
    first = paragraphs.starts[paragraphs.number_at(start) - 1]
    last_number = paragraphs.number_at(max(start, end - 1))
    limit = paragraphs.starts[last_number] if last_number < len(paragraphs.starts) else len(text)
    boundaries = ends.get((first, limit)) if ends is not None else None
    if boundaries is None:
        boundaries = _sentence_ends(text, first, limit)
        if ends is not None:
            ends[(first, limit)] = boundaries
    opening = boundaries[bisect.bisect_right(boundaries, start) - 1]
    closing = boundaries[min(bisect.bisect_left(boundaries, end), len(boundaries) - 1)]
    return _strip(text, opening, max(closing, end))


def _sentence_ends(text: str, first: int, limit: int) -> list[int]:
    boundaries = [first]
    for found in _SENTENCE_END.finditer(text, first, limit):
        stop = found.end()
        if found.group() == "." and _ABBREVIATION.search(text, max(0, stop - 8), stop):
            continue
        boundaries.append(stop)
    boundaries.append(limit)
    return boundaries


def paragraph_bounds(
    text: str, start: int, end: int, paragraphs: Paragraphs | None = None
) -> tuple[int, int]:
    """The paragraph (or paragraphs) holding `text[start:end]`, without outer spaces."""
    paragraphs = paragraphs or Paragraphs.of(text)
    opening = paragraphs.starts[paragraphs.number_at(start) - 1]
    last_number = paragraphs.number_at(max(start, end - 1))
    closing = paragraphs.starts[last_number] if last_number < len(paragraphs.starts) else len(text)
    return _strip(text, opening, closing)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def widen(
    text: str,
    start: int,
    end: int,
    scope: Scope,
    paragraphs: Paragraphs | None = None,
    ends: dict[tuple[int, int], list[int]] | None = None,
) -> tuple[int, int]:
    """The span to code for a match at `text[start:end]` (`ends`: see sentence_bounds)."""
    if scope == "match":
        return start, end
    if scope == "sentence":
        return sentence_bounds(text, start, end, paragraphs, ends)
    if scope == "paragraph":
        return paragraph_bounds(text, start, end, paragraphs)
    raise ValueError(f"unknown auto-coding scope {scope!r}")


def preview(
    project: Project,
    code_id: CodeId,
    query: str,
    coder_id: CoderId,
    *,
    mode: search.Mode = "words",
    case_sensitive: bool = False,
    scope: Scope = "match",
    within: Selection | None = None,
) -> list[Passage]:
    """Every passage auto-coding would code, in document then text order.

    `within` limits it to the documents a selection keeps (None: every document).
    Raises SearchSyntaxError for a query that cannot run, NotFound for an unknown code.
    Passages that overlap after widening are merged, so a sentence holding two matches
    is proposed once.
    """
    if scope not in SCOPES:
        raise ValueError(f"unknown auto-coding scope {scope!r}")
    get_code(project, code_id)
    hits = search.find_all(project, query, mode=mode, case_sensitive=case_sensitive, within=within)
    by_document: dict[DocumentId, list[search.Hit]] = {}
    for hit in hits:
        by_document.setdefault(hit.document_id, []).append(hit)
    passages: list[Passage] = []
    for document_id, found in by_document.items():
        text = project.conn.execute(
            "SELECT text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()[0]
        coded = _Coverage(_spans_coded(project, document_id, code_id, coder_id))
        for start, end, count in _merged(text, found, scope):
            before, after = context_around(text, start, end)
            passages.append(
                Passage(
                    DocumentId(document_id),
                    found[0].document_title,
                    start,
                    end,
                    text[start:end],
                    before,
                    after,
                    count,
                    coded.covers(start, end),
                )
            )
    return passages


def _merged(text: str, hits: list[search.Hit], scope: Scope) -> list[tuple[int, int, int]]:
    paragraphs = Paragraphs.of(text)
    ends: dict[tuple[int, int], list[int]] = {}
    spans = sorted(widen(text, h.start, h.end, scope, paragraphs, ends) for h in hits)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] += 1
        else:
            merged.append([start, end, 1])
    return [(s, e, n) for s, e, n in merged]


class _Coverage:
    """Whether some span of a set covers a passage: a bisection, not a loop over all."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def covers(self, start: int, end: int) -> bool:
        before = bisect.bisect_right(self._starts, start)  # the spans starting at or before
        return before > 0 and self._reach[before - 1] >= end


def _spans_coded(
    project: Project, document_id: DocumentId, code_id: CodeId, coder_id: CoderId
) -> list[tuple[int, int]]:
    rows = project.conn.execute(
        'SELECT start, "end" FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ?',
        (document_id, code_id, coder_id),
    )
    return [(r[0], r[1]) for r in rows]


def apply(
    project: Project,
    code_id: CodeId,
    passages: Sequence[Passage | coding.Span],
    coder_id: CoderId,
    *,
    query: str = "",
    scope: Scope = "match",
) -> Change:
    """Code the chosen passages in one transaction; one undo removes them all.

    Exact duplicates of codings the coder already made are skipped. The audit log
    records the query that chose the passages.
    """
    spans = [coding.Span(p.document_id, p.start, p.end) for p in passages]
    get_code(project, code_id)  # an unknown code is refused before anything is written
    with project.transaction() as conn:
        change = coding.add_codings(
            project,
            code_id,
            spans,
            coder_id,
            skip_duplicates=True,
            kind=ChangeKind.AUTO_CODE,
        )
        events.record(
            conn,
            "auto-coded",
            coder_id,
            code_id=code_id,
            query=query,
            scope=scope,
            proposed=len(spans),
            added=len(change.codings),
        )
    return change
