"""The codings of one document as a viewer shows them, and the counts beside them.

A viewer loads every coding of the document on screen (5,000 in a long report) and
refreshes after each action. It has the text, so it needs no stored quotes; light
tuples without them keep loading to milliseconds. After an action only the codings,
documents and codes it touched are read again, never the whole project.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from annotator.core.ids import CodeId, CoderId, CodingId, DocumentId
from annotator.core.project import Project

_COLUMNS = 'id, code_id, coder_id, start, "end", memo'
_CHUNK = 500  # stay well under SQLite's limit on bound parameters


class CodedSpan(NamedTuple):
    """A coding without its quote: what a highlight needs."""

    id: CodingId
    code_id: CodeId
    coder_id: CoderId
    start: int
    end: int
    memo: str


def coded_spans(project: Project, document_id: DocumentId) -> list[CodedSpan]:
    """Every coding of a document (all coders), in text order."""
    rows = project.conn.execute(
        f'SELECT {_COLUMNS} FROM codings WHERE document_id = ? ORDER BY start, "end" DESC, id',
        (document_id,),
    )
    return [CodedSpan(*row) for row in rows]


def coded_spans_by_id(
    project: Project, document_id: DocumentId, coding_ids: Iterable[CodingId]
) -> dict[str, CodedSpan]:
    """Those of `coding_ids` that exist and belong to the document (the others are gone)."""
    found: dict[str, CodedSpan] = {}
    for chunk in _chunks(list(dict.fromkeys(coding_ids))):
        rows = project.conn.execute(
            f"SELECT {_COLUMNS} FROM codings WHERE document_id = ? "
            f"AND id IN ({','.join('?' * len(chunk))})",
            [document_id, *chunk],
        )
        found.update((row[0], CodedSpan(*row)) for row in rows)
    return found


def coding_counts_of_documents(
    project: Project, document_ids: Iterable[DocumentId]
) -> dict[DocumentId, int | None]:
    """Number of codings of each document; None for a document that no longer exists."""
    counts: dict[DocumentId, int | None] = {}
    for document_id in dict.fromkeys(document_ids):
        row = project.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?), "
            "(SELECT count(*) FROM codings WHERE document_id = ?)",
            (document_id, document_id),
        ).fetchone()
        counts[document_id] = int(row[1]) if row[0] else None
    return counts


def coding_counts_of_codes(project: Project, code_ids: Iterable[CodeId]) -> dict[str, int]:
    """Number of codings of each code (all coders), read for these codes only."""
    return {
        code_id: int(
            project.conn.execute(
                "SELECT count(*) FROM codings WHERE code_id = ?", (code_id,)
            ).fetchone()[0]
        )
        for code_id in dict.fromkeys(code_ids)
    }


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
