"""Getting back what was coded: excerpts of codes, and counts, done in SQL."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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


def excerpts(
    project: Project,
    code_ids: Iterable[str] | None = None,
    *,
    with_subcodes: bool = False,
    coder_ids: Iterable[str] | None = None,
    document_ids: Iterable[str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Excerpt]:
    """Codings with their document and code, in document then text order.

    `None` for a filter means "all"; an empty list means "none".
    """
    params: list[object] = []
    where: list[str] = []
    if code_ids is not None:
        where.append(_in("c.code_id", expand_codes(project, code_ids, with_subcodes), params))
    if coder_ids is not None:
        where.append(_in("c.coder_id", list(coder_ids), params))
    if document_ids is not None:
        where.append(_in("c.document_id", list(document_ids), params))
    sql = (
        "SELECT c.id, c.document_id, d.title, d.published_date, c.code_id, k.name, "
        'c.coder_id, r.name, c.start, c."end", c.quote, c.memo, c.created_at '
        "FROM codings c JOIN documents d ON d.id = c.document_id "
        "JOIN codes k ON k.id = c.code_id JOIN coders r ON r.id = c.coder_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += ' ORDER BY d.published_date, d.title, c.document_id, c.start, c."end"'
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params.extend([limit, offset])
    return [Excerpt(*row) for row in project.conn.execute(sql, params)]


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
