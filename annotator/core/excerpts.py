"""Getting back what was coded: the excerpts of a `Selection`, and counts, done in SQL."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from annotator.core import overlaps
from annotator.core.ids import CodeId, CoderId, CodingId, DocumentId
from annotator.core.project import Project
from annotator.core.selection import Selection, code_groups, coding_where


@dataclass(frozen=True)
class Excerpt:
    coding_id: CodingId
    document_id: DocumentId
    document_title: str
    published_date: str
    code_id: CodeId
    code_name: str
    coder_id: CoderId
    coder_name: str
    start: int
    end: int
    quote: str
    memo: str
    created_at: str
    before: str = ""  # a few words of context, when asked for
    after: str = ""


CONTEXT_WIDTH = 60  # code points either side: "a few words" on a laptop screen
_SPACE = re.compile(r"\s")


def context_before(raw: str, *, clipped: bool) -> str:
    """The words just before a passage, on its own line; a word cut in half is dropped."""
    if "\n" in raw:
        return raw[raw.rfind("\n") + 1 :].lstrip()
    if clipped:
        space = _SPACE.search(raw)
        if space is not None:
            raw = raw[space.end() :]
    return raw.lstrip()


def context_after(raw: str, *, clipped: bool) -> str:
    """The words just after a passage, on its own line; a word cut in half is dropped."""
    if "\n" in raw:
        return raw[: raw.find("\n")].rstrip()
    if clipped:
        last = max(raw.rfind(" "), raw.rfind("\t"))
        if last > 0:
            raw = raw[:last]
    return raw.rstrip()


def context_around(text: str, start: int, end: int, width: int = CONTEXT_WIDTH) -> tuple[str, str]:
    """A few words either side of `text[start:end]`, without crossing a line break.

    Scripts without spaces (CJK) keep all `width` characters, as there is no word to cut.
    """
    return (
        context_before(text[max(0, start - width) : start], clipped=start > width),
        context_after(text[end : end + width], clipped=end + width < len(text)),
    )


Match = Literal["any", "all"]


def excerpts(
    project: Project,
    selection: Selection | None = None,
    *,
    match: Match = "any",
    limit: int | None = None,
    offset: int = 0,
    context: int = 0,
) -> list[Excerpt]:
    """The selected codings with their document and code, in document date, title, then
    text order (`None`: every coding).

    `match="all"` keeps only passages coded with every one of the selection's codes at
    once: each coding returned shares at least one character with a coding of each of
    the other codes (of the code or, `with_subcodes`, of a code below it). `context` > 0
    fills `before`/`after` with about that many characters of the text either side.
    """
    selection = selection or Selection()
    where = coding_where(project, selection, documents="joined")
    columns = (
        "c.id, c.document_id, d.title, d.published_date, c.code_id, k.name, "
        'c.coder_id, r.name, c.start, c."end", c.quote, c.memo, c.created_at'
    )
    # Documents first, in date order from their index, each probed for its codings:
    # the first page of a code's excerpts then reads a few documents, not all of the
    # code's codings sorted (a code with 21,822 codings: 52 -> 0.5 ms; issue 11).
    # CROSS JOIN keeps SQLite from reordering the loops. Asked for a few documents,
    # their codings come straight from the codings' own index.
    joined = (
        "codings c JOIN documents d ON d.id = c.document_id"
        if selection.document_ids is not None
        else "documents d CROSS JOIN codings c ON d.id = c.document_id"
    )
    sql = (
        f"SELECT {columns} FROM {joined} "
        "JOIN codes k ON k.id = c.code_id JOIN coders r ON r.id = c.coder_id"
        f"{where.sql()}"
        ' ORDER BY d.published_date, d.title, c.document_id, c.start, c."end", k.name, c.id'
    )
    params = list(where.params)
    groups = _combined_groups(project, selection, match)
    if limit is not None and groups is None:
        sql += " LIMIT ? OFFSET ?"
        params.extend([limit, offset])
    found = [Excerpt(*row) for row in project.conn.execute(sql, params)]
    if groups is not None:
        found = _coded_with_all(found, groups)
        found = found[offset : None if limit is None else offset + limit]
    return _with_context(project, found, context) if context > 0 else found


def count_excerpts(
    project: Project, selection: Selection | None = None, *, match: Match = "any"
) -> int:
    """How many excerpts `excerpts` would return for the same selection."""
    selection = selection or Selection()
    if _combined_groups(project, selection, match) is not None:
        return len(excerpts(project, selection, match=match))
    where = coding_where(project, selection)
    sql = f"SELECT count(*) FROM codings c{where.sql()}"
    return int(project.conn.execute(sql, where.params).fetchone()[0])


def _combined_groups(project: Project, selection: Selection, match: Match) -> list[set[str]] | None:
    """The groups of codes every passage must hold at once, for `match="all"` of two or more."""
    groups = code_groups(project, selection) if match == "all" else None
    return [set(g) for g in groups] if groups is not None and len(groups) > 1 else None


def _with_context(project: Project, found: list[Excerpt], width: int) -> list[Excerpt]:
    """Fill in the words either side, reading the text of the shown excerpts only."""
    context: dict[str, tuple[str, str]] = {}
    for first in range(0, len(found), 500):
        chunk = [e.coding_id for e in found[first : first + 500]]
        rows = project.conn.execute(
            'SELECT c.id, c.start, c."end", d.char_count, '
            "substr(d.text, max(1, c.start + 1 - ?), min(c.start, ?)), "
            'substr(d.text, c."end" + 1, ?) '
            "FROM codings c JOIN documents d ON d.id = c.document_id "
            f"WHERE c.id IN ({','.join('?' * len(chunk))})",
            [width, width, width, *chunk],
        )
        for coding_id, start, end, length, before, after in rows:
            context[coding_id] = (
                context_before(before, clipped=start > width),
                context_after(after, clipped=end + width < length),
            )
    return [
        replace(e, before=context[e.coding_id][0], after=context[e.coding_id][1]) for e in found
    ]


def _coded_with_all(found: list[Excerpt], groups: list[set[str]]) -> list[Excerpt]:
    """The excerpts taking part in a stretch of text every group of codes covers.

    One sweep over each document's sorted span boundaries (`overlaps.segments`).
    """
    by_document: dict[str, list[Excerpt]] = {}
    for excerpt in found:
        by_document.setdefault(excerpt.document_id, []).append(excerpt)
    kept: set[str] = set()
    for in_document in by_document.values():
        spans = [(e.start, e.end) for e in in_document]
        for segment in overlaps.segments(spans):
            members = [in_document[i] for i in segment.members if isinstance(i, int)]
            if all(any(m.code_id in group for m in members) for group in groups):
                kept.update(m.coding_id for m in members)
    return [e for e in found if e.coding_id in kept]


def coding_counts_per_code(project: Project) -> dict[CodeId, int]:
    rows = project.conn.execute("SELECT code_id, count(*) FROM codings GROUP BY code_id")
    return {CodeId(r[0]): r[1] for r in rows}


@dataclass(frozen=True)
class ProjectStats:
    documents: int
    codes: int
    codings: int
    coders: int
    memos: int
    events: int


def project_stats(project: Project) -> ProjectStats:
    def one(sql: str) -> int:
        return int(project.conn.execute(sql).fetchone()[0])

    return ProjectStats(
        documents=one("SELECT count(*) FROM documents"),
        codes=one("SELECT count(*) FROM codes"),
        codings=one("SELECT count(*) FROM codings"),
        coders=one("SELECT count(*) FROM coders"),
        memos=one(
            "SELECT (SELECT count(*) FROM codings WHERE memo <> '') + "
            "(SELECT count(*) FROM documents WHERE memo <> '') + "
            "(SELECT count(*) FROM codes WHERE memo <> '')"
        ),
        events=one("SELECT count(*) FROM events"),
    )
