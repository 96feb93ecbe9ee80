"""Getting back what was coded: excerpts of codes, and counts, done in SQL."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from annotator.core import errors, overlaps
from annotator.core.codebook import descendant_ids
from annotator.core.ids import CodeId, CoderId, CodingId, DocumentId
from annotator.core.project import Project


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


def _in(column: str, values: list[str], params: list[object]) -> str:
    params.extend(values)
    return f"{column} IN ({','.join('?' * len(values))})"


def expand_codes(project: Project, code_ids: Iterable[str], with_subcodes: bool) -> list[str]:
    wanted = list(dict.fromkeys(code_ids))
    if not with_subcodes:
        return wanted
    expanded: dict[str, None] = {}
    for code_id in wanted:
        expanded.update(dict.fromkeys(descendant_ids(project, code_id)))
    return list(expanded)


Match = Literal["any", "all"]
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _casefold(value: str | None) -> str:
    return (value or "").casefold()


def _date_bound(name: str, value: str) -> str:
    if not _DATE.fullmatch(value):
        raise errors.InvalidValue(name, value, "a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _filters(
    project: Project,
    code_ids: list[str] | None,
    coder_ids: Iterable[str] | None,
    document_ids: Iterable[str] | None,
    date_from: str | None,
    date_to: str | None,
    memo_contains: str | None,
) -> tuple[list[str], list[object]]:
    params: list[object] = []
    where: list[str] = []
    if code_ids is not None:
        where.append(_in("c.code_id", code_ids, params))
    if coder_ids is not None:
        where.append(_in("c.coder_id", list(coder_ids), params))
    if document_ids is not None:
        where.append(_in("c.document_id", list(document_ids), params))
    # A bound compares as many characters as it has: `--to 2021` keeps all of 2021.
    if date_from:
        where.append("substr(d.published_date, 1, ?) >= ?")
        params.extend([len(date_from), _date_bound("date_from", date_from)])
    if date_to:
        where.append("d.published_date <> '' AND substr(d.published_date, 1, ?) <= ?")
        params.extend([len(date_to), _date_bound("date_to", date_to)])
    if memo_contains:
        project.conn.create_function("annotator_casefold", 1, _casefold, deterministic=True)
        where.append("instr(annotator_casefold(c.memo), ?) > 0")
        params.append(memo_contains.casefold())
    return where, params


def excerpts(
    project: Project,
    code_ids: Iterable[str] | None = None,
    *,
    with_subcodes: bool = False,
    coder_ids: Iterable[str] | None = None,
    document_ids: Iterable[str] | None = None,
    limit: int | None = None,
    offset: int = 0,
    match: Match = "any",
    date_from: str | None = None,
    date_to: str | None = None,
    memo_contains: str | None = None,
    context: int = 0,
) -> list[Excerpt]:
    """Codings with their document and code, in document date, title, then text order.

    `None` for a filter means "all"; an empty list means "none". `match="all"` keeps
    only passages coded with every one of `code_ids` at once: each coding returned
    shares at least one character with a coding of each of the other codes (of the
    code or, `with_subcodes`, of a code below it). Dates bound the documents'
    published date (inclusive; documents without a date drop out); `memo_contains`
    looks in the coding memo, ignoring case. `context` > 0 fills `before`/`after`
    with about that many characters of the text either side.
    """
    wanted = None if code_ids is None else list(dict.fromkeys(code_ids))
    groups = [expand_codes(project, [c], with_subcodes) for c in wanted or []]
    codes = None if wanted is None else list(dict.fromkeys(c for g in groups for c in g))
    where, params = _filters(
        project, codes, coder_ids, document_ids, date_from, date_to, memo_contains
    )
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
        if document_ids is not None
        else "documents d CROSS JOIN codings c ON d.id = c.document_id"
    )
    sql = (
        f"SELECT {columns} FROM {joined} "
        "JOIN codes k ON k.id = c.code_id JOIN coders r ON r.id = c.coder_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += ' ORDER BY d.published_date, d.title, c.document_id, c.start, c."end", k.name, c.id'
    combining = match == "all" and len(groups) > 1
    if limit is not None and not combining:
        sql += " LIMIT ? OFFSET ?"
        params.extend([limit, offset])
    found = [Excerpt(*row) for row in project.conn.execute(sql, params)]
    if combining:
        found = _coded_with_all(found, [set(g) for g in groups])
        found = found[offset : None if limit is None else offset + limit]
    return _with_context(project, found, context) if context > 0 else found


def count_excerpts(
    project: Project,
    code_ids: Iterable[str] | None = None,
    *,
    with_subcodes: bool = False,
    coder_ids: Iterable[str] | None = None,
    document_ids: Iterable[str] | None = None,
    match: Match = "any",
    date_from: str | None = None,
    date_to: str | None = None,
    memo_contains: str | None = None,
) -> int:
    """How many excerpts `excerpts` would return with the same filters."""
    wanted = None if code_ids is None else list(dict.fromkeys(code_ids))
    if match == "all" and wanted is not None and len(wanted) > 1:
        return len(
            excerpts(
                project,
                wanted,
                with_subcodes=with_subcodes,
                coder_ids=coder_ids,
                document_ids=document_ids,
                match=match,
                date_from=date_from,
                date_to=date_to,
                memo_contains=memo_contains,
            )
        )
    codes = None if wanted is None else expand_codes(project, wanted, with_subcodes)
    where, params = _filters(
        project, codes, coder_ids, document_ids, date_from, date_to, memo_contains
    )
    sql = "SELECT count(*) FROM codings c JOIN documents d ON d.id = c.document_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return int(project.conn.execute(sql, params).fetchone()[0])


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
            members = [in_document[i] for i in segment.members]
            if all(any(m.code_id in group for m in members) for group in groups):
                kept.update(m.coding_id for m in members)
    return [e for e in found if e.coding_id in kept]


def coding_counts_per_code(project: Project) -> dict[CodeId, int]:
    rows = project.conn.execute("SELECT code_id, count(*) FROM codings GROUP BY code_id")
    return {CodeId(r[0]): r[1] for r in rows}


def document_counts_per_code(project: Project) -> dict[CodeId, int]:
    rows = project.conn.execute(
        "SELECT code_id, count(DISTINCT document_id) FROM codings GROUP BY code_id"
    )
    return {CodeId(r[0]): r[1] for r in rows}


def coding_counts_per_document(project: Project) -> dict[DocumentId, int]:
    rows = project.conn.execute("SELECT document_id, count(*) FROM codings GROUP BY document_id")
    return {DocumentId(r[0]): r[1] for r in rows}


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
