"""Apply and remove codings: a code on a span of a document, by a coder.

Spans are code-point offsets, end exclusive. Overlapping and nested codings are
normal; the same code on the same span by the same coder is refused. Every coding
stores its quote, checked against the frozen text, so an excerpt can be verified.

Codings are written with one prepared statement run per row (`executemany`), not
sqlite-utils' `insert_all`: no full-text index watches this table, so nothing is
gained by many rows to a statement, and building a dict per row and a wide statement
per 111 rows took 1.7 to 1.9 times the CPU time to put back 200,000 codings (issue 19,
docs/benchmarks.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace

from annotator.core import errors, events, text_controls
from annotator.core.changes import Change, ChangeKind
from annotator.core.ids import CodeId, CoderId, CodingId, DocumentId, new_id, utc_now
from annotator.core.project import Project

_COLUMNS = 'id, document_id, code_id, coder_id, start, "end", quote, memo, created_at'


@dataclass(frozen=True)
class Coding:
    id: CodingId
    document_id: DocumentId
    code_id: CodeId
    coder_id: CoderId
    start: int
    end: int
    quote: str
    memo: str
    created_at: str


@dataclass(frozen=True)
class Span:
    """A span to code: what the GUI selection, the CLI and auto-coding produce."""

    document_id: DocumentId
    start: int
    end: int


def _coding(row: Sequence[object]) -> Coding:
    return Coding(*row)  # type: ignore[arg-type]


def get_coding(project: Project, coding_id: CodingId) -> Coding:
    row = project.conn.execute(
        f"SELECT {_COLUMNS} FROM codings WHERE id = ?", (coding_id,)
    ).fetchone()
    if row is None:
        raise errors.NotFound(errors.Thing.CODING, coding_id)
    return _coding(row)


def codings_of_document(
    project: Project, document_id: DocumentId, *, coder_ids: Iterable[CoderId] | None = None
) -> list[Coding]:
    """All codings of a document in text order (optionally of some coders only)."""
    sql = f"SELECT {_COLUMNS} FROM codings WHERE document_id = ?"
    params: list[object] = [document_id]
    if coder_ids is not None:
        wanted = list(coder_ids)
        sql += f" AND coder_id IN ({','.join('?' * len(wanted))})"
        params.extend(wanted)
    sql += ' ORDER BY start, "end" DESC'
    return [_coding(r) for r in project.conn.execute(sql, params)]


def _document_text_slice(conn: sqlite3.Connection, span: Span) -> str:
    row = conn.execute(
        "SELECT char_count, substr(text, ? + 1, ?) FROM documents WHERE id = ?",
        (span.start, span.end - span.start, span.document_id),
    ).fetchone()
    if row is None:
        raise errors.NotFound(errors.Thing.DOCUMENT, span.document_id)
    length, quote = row
    if span.start < 0 or span.end > length:
        raise errors.InvalidSpan(
            errors.SpanProblem.OUTSIDE_TEXT, start=span.start, end=span.end, length=length
        )
    if span.end <= span.start:
        raise errors.InvalidSpan(errors.SpanProblem.EMPTY, start=span.start, end=span.end)
    return str(quote)


def _code_name(conn: sqlite3.Connection, code_id: CodeId) -> str:
    row = conn.execute("SELECT name FROM codes WHERE id = ?", (code_id,)).fetchone()
    if row is None:
        raise errors.NotFound(errors.Thing.CODE, code_id)
    return str(row[0])


def _require_coder(conn: sqlite3.Connection, coder_id: CoderId) -> None:
    if conn.execute("SELECT 1 FROM coders WHERE id = ?", (coder_id,)).fetchone() is None:
        raise errors.NotFound(errors.Thing.CODER, coder_id)


def add_codings(
    project: Project,
    code_id: CodeId,
    spans: Sequence[Span],
    coder_id: CoderId,
    *,
    memo: str = "",
    skip_duplicates: bool = False,
    kind: ChangeKind = ChangeKind.CODE_PASSAGES,
) -> Change:
    """Code several spans with one code in one transaction (one undo step).

    A span already coded with this code by this coder is an error, or is skipped
    with `skip_duplicates` (auto-coding over earlier work).
    """
    memo_in = text_controls.without_controls(memo)
    memo = memo_in.text
    with project.transaction() as conn:
        name = _code_name(conn, code_id)
        _require_coder(conn, coder_id)
        now = utc_now()
        added: list[Coding] = []
        for span in spans:
            quote = _document_text_slice(conn, span)
            coding = Coding(
                CodingId(new_id()),
                DocumentId(span.document_id),
                CodeId(code_id),
                CoderId(coder_id),
                span.start,
                span.end,
                quote,
                memo,
                now,
            )
            try:
                insert_coding_rows(conn, [coding])
            except sqlite3.IntegrityError:
                if skip_duplicates:
                    continue
                raise errors.DuplicateCoding(name, span.start, span.end) from None
            added.append(coding)
        events.record(
            conn,
            "codings added",
            coder_id,
            code_id=code_id,
            codings=[[c.id, c.document_id, c.start, c.end] for c in added],
            **text_controls.removal_details({"memo": memo_in.removed}),
        )
    count = len(spans) if len(spans) == 1 or kind is ChangeKind.AUTO_CODE else len(added)
    step = Change(kind=kind, name=name, count=count)
    return replace(
        step,
        documents=frozenset(c.document_id for c in added),
        codes=frozenset({code_id}),
        codings=frozenset(c.id for c in added),
        inverse=lambda p: remove_codings(p, [c.id for c in added], coder_id=coder_id, step=step),
    )


def add_coding(
    project: Project,
    document_id: DocumentId,
    code_id: CodeId,
    start: int,
    end: int,
    coder_id: CoderId,
    *,
    memo: str = "",
) -> Change:
    return add_codings(project, code_id, [Span(document_id, start, end)], coder_id, memo=memo)


def insert_coding_rows(conn: sqlite3.Connection, codings: Iterable[Coding]) -> None:
    """Write codings exactly as given (same ids): for undo, merges and imports."""
    conn.executemany(
        f"INSERT INTO codings ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [tuple(getattr(c, f.name) for f in fields(Coding)) for c in codings],
    )


def restore_codings(
    project: Project, codings: Sequence[Coding], *, coder_id: CoderId | None = None, step: Change
) -> Change:
    """Put removed codings back, after checking each quote still matches the text."""
    with project.transaction() as conn:
        for coding in codings:
            quote = _document_text_slice(conn, Span(coding.document_id, coding.start, coding.end))
            if quote != coding.quote:
                raise errors.InvalidSpan(errors.SpanProblem.TEXT_CHANGED, coding=coding.id)
        insert_coding_rows(conn, codings)
        events.record(conn, "codings restored", coder_id, codings=[c.id for c in codings])
    return replace(
        step,
        documents=frozenset(c.document_id for c in codings),
        codes=frozenset(c.code_id for c in codings),
        codings=frozenset(c.id for c in codings),
        inverse=lambda p: remove_codings(p, [c.id for c in codings], coder_id=coder_id, step=step),
    )


def remove_codings(
    project: Project,
    coding_ids: Sequence[CodingId],
    *,
    coder_id: CoderId | None = None,
    step: Change | None = None,
) -> Change:
    """Remove codings; the inverse restores them with the same ids and memos.

    `step` names the user's step when this undoes it (the codings it had added).
    """
    with project.transaction() as conn:
        removed = _fetch(conn, coding_ids)
        if len(removed) != len(set(coding_ids)):
            missing = set(coding_ids) - {c.id for c in removed}
            raise errors.NotFound(errors.Thing.CODING, ", ".join(sorted(missing)))
        conn.executemany("DELETE FROM codings WHERE id = ?", [(c.id,) for c in removed])
        events.record(
            conn,
            "codings removed",
            coder_id,
            codings=[[c.id, c.document_id, c.code_id, c.start, c.end] for c in removed],
        )
    named = step or Change(kind=ChangeKind.REMOVE_CODINGS, count=len(removed))
    return replace(
        named,
        documents=frozenset(c.document_id for c in removed),
        codes=frozenset(c.code_id for c in removed),
        codings=frozenset(c.id for c in removed),
        inverse=lambda p: restore_codings(p, removed, coder_id=coder_id, step=named),
    )


def _fetch(conn: sqlite3.Connection, coding_ids: Sequence[CodingId]) -> list[Coding]:
    found: list[Coding] = []
    ids = list(dict.fromkeys(coding_ids))
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM codings WHERE id IN ({','.join('?' * len(chunk))})", chunk
        )
        found.extend(_coding(r) for r in rows)
    return found


def set_coding_memo(
    project: Project, coding_id: CodingId, memo: str, *, coder_id: CoderId | None = None
) -> Change:
    old = get_coding(project, coding_id)
    cleaned = text_controls.without_controls(memo)
    memo = cleaned.text
    with project.transaction() as conn:
        conn.execute("UPDATE codings SET memo = ? WHERE id = ?", (memo, coding_id))
        events.record(
            conn,
            "coding memo edited",
            coder_id,
            coding_id=coding_id,
            **text_controls.removal_details({"memo": cleaned.removed}),
        )
    return Change(
        kind=ChangeKind.EDIT_CODING_MEMO,
        documents=frozenset({old.document_id}),
        codings=frozenset({coding_id}),
        inverse=lambda p: set_coding_memo(p, coding_id, old.memo, coder_id=coder_id),
    )


def recode(
    project: Project, coding_id: CodingId, code_id: CodeId, *, coder_id: CoderId | None = None
) -> Change:
    """Give a coding another code, keeping its span, coder, memo and id."""
    old = get_coding(project, coding_id)
    with project.transaction() as conn:
        name = _code_name(conn, code_id)
        try:
            conn.execute("UPDATE codings SET code_id = ? WHERE id = ?", (code_id, coding_id))
        except sqlite3.IntegrityError:
            raise errors.DuplicateCoding(name, old.start, old.end) from None
        events.record(
            conn, "coding recoded", coder_id, coding_id=coding_id, old=old.code_id, new=code_id
        )
    return Change(
        kind=ChangeKind.RECODE,
        name=name,
        documents=frozenset({old.document_id}),
        codes=frozenset({old.code_id, code_id}),
        codings=frozenset({coding_id}),
        inverse=lambda p: recode(p, coding_id, old.code_id, coder_id=coder_id),
    )


def find_quote(text: str, quote: str) -> list[int]:
    """Every start offset at which `quote` occurs in `text` (overlaps included)."""
    if not quote:
        return []
    found: list[int] = []
    at = text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def mismatched_quotes(project: Project) -> list[Coding]:
    """Codings whose stored quote no longer equals their span of the text."""
    rows = project.conn.execute(
        f"SELECT {', '.join('c.' + c.strip() for c in _COLUMNS.split(','))} FROM codings c "
        "JOIN documents d ON d.id = c.document_id "
        'WHERE c.quote IS NOT substr(d.text, c.start + 1, c."end" - c.start) '
        'OR c."end" > d.char_count'
    )
    return [_coding(r) for r in rows]
