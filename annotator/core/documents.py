"""Stored documents: frozen text, original bytes, hashes and provenance.

The text is immutable once stored (a trigger enforces it); provenance and the memo
stay editable, and editing them never touches the text or its codings.

Documents are written with sqlite-utils' `insert_all`, many to a statement: the
full-text index's triggers write out what they indexed at the end of every
statement, so a statement per document (or `executemany`, which is the same) took
twice the CPU time for 1,000 articles: 1.3 s against 0.7 s (issue 19, docs/benchmarks.md).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import sqlite_utils

from annotator.core import errors, events, names, text_controls, value_types
from annotator.core.changes import Change, ChangeKind
from annotator.core.coding import Coding, codings_of_document, insert_coding_rows
from annotator.core.ids import CoderId, DocumentId, new_id, utc_now
from annotator.core.project import Project

PROVENANCE_FIELDS = (
    "title",
    "source_url",
    "publisher",
    "author",
    "published_date",
    "accessed_date",
    "language",
    "notes",
    "memo",
)


@dataclass(frozen=True)
class DocumentSummary:
    """What a document list shows: never the text or the original bytes."""

    id: DocumentId
    title: str
    published_date: str
    publisher: str
    author: str
    source_url: str
    imported_at: str
    char_count: int
    text_sha256: str
    original_sha256: str
    coding_count: int


@dataclass(frozen=True)
class Document:
    id: DocumentId
    title: str
    text: str
    text_sha256: str
    original_filename: str = ""
    media_type: str = ""
    original_sha256: str = ""
    encoding: str = ""
    source_url: str = ""
    publisher: str = ""
    author: str = ""
    published_date: str = ""
    accessed_date: str = ""
    language: str = ""
    notes: str = ""
    memo: str = ""
    imported_at: str = ""
    imported_by: CoderId | None = None
    char_count: int = 0


@dataclass
class NewDocument:
    """A document about to be stored, as an importer produced it."""

    title: str
    text: str
    original: bytes = b""
    original_filename: str = ""
    media_type: str = "text/plain"
    encoding: str = ""
    provenance: dict[str, str] = field(default_factory=dict)


_DOC_COLUMNS = [f.name for f in fields(Document)]


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def _document(row: sqlite3.Row | tuple[Any, ...]) -> Document:
    return Document(*row)


# Columns before imported_by: all text (a BLOB there is damage, see value_types).
_DOC_TEXT_COLUMNS = _DOC_COLUMNS[: _DOC_COLUMNS.index("imported_by")]
_SUMMARY_TEXT_COLUMNS = ("id", "title", "published_date", "publisher", "author", "source_url")


def get_document(project: Project, document_id: DocumentId) -> Document:
    row = project.conn.execute(
        f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None:
        raise errors.NotFound(errors.Thing.DOCUMENT, document_id)
    value_types.require_text(project.path, "documents", _DOC_TEXT_COLUMNS, [row])
    return _document(row)


def get_original(project: Project, document_id: DocumentId) -> bytes:
    row = project.conn.execute(
        "SELECT content FROM document_originals WHERE document_id = ?", (document_id,)
    ).fetchone()
    return bytes(row[0]) if row else b""


def list_documents(project: Project, *, coder_id: CoderId | None = None) -> list[DocumentSummary]:
    """Every document with its number of codings (of one coder, if given)."""
    join_filter = "AND c.coder_id = ?" if coder_id else ""
    params: tuple[Any, ...] = (coder_id,) if coder_id else ()
    rows = project.conn.execute(
        "SELECT d.id, d.title, d.published_date, d.publisher, d.author, d.source_url, "
        "d.imported_at, d.char_count, d.text_sha256, d.original_sha256, "
        "(SELECT count(*) FROM codings c WHERE c.document_id = d.id " + join_filter + ") "
        "FROM documents d ORDER BY d.published_date, d.title",
        params,
    ).fetchall()
    value_types.require_text(project.path, "documents", _SUMMARY_TEXT_COLUMNS, rows)
    return [DocumentSummary(*r) for r in rows]


def find_document(project: Project, key: str) -> Document:
    """Resolve `ID|TITLE` as the CLI's `--document` means it (the title as people read
    it: `names`, so case and Unicode form do not matter)."""
    row = project.conn.execute("SELECT id FROM documents WHERE id = ?", (key,)).fetchone()
    if row:
        return get_document(project, row[0])
    ids = names.matching_ids(project.conn, "documents", key)
    if len(ids) > 1:
        rows = project.conn.execute(
            f"SELECT id, title FROM documents WHERE id IN ({', '.join('?' * len(ids))})", ids
        )
        raise errors.Ambiguous(errors.Thing.DOCUMENT, key, [f"{r[1]} ({r[0]})" for r in rows])
    if not ids:
        raise errors.NotFound(errors.Thing.DOCUMENT, key)
    return get_document(project, DocumentId(ids[0]))


def find_by_text_hash(project: Project, text_sha256: str) -> DocumentId | None:
    row = project.conn.execute(
        "SELECT id FROM documents WHERE text_sha256 = ? LIMIT 1", (text_sha256,)
    ).fetchone()
    return DocumentId(row[0]) if row else None


def insert_document_rows(
    db: sqlite_utils.Database, stored: Sequence[tuple[Document, bytes]]
) -> None:
    """Write documents exactly as given (same ids), each with its original bytes (if
    any): for imports, undo and merges, inside the caller's transaction.

    sqlite-utils' `insert_all` puts many documents in one INSERT statement (see the
    module's docstring for why).
    """
    db.table("documents").insert_all(
        {name: getattr(document, name) for name in _DOC_COLUMNS} for document, _ in stored
    )
    db.table("document_originals").insert_all(
        {"document_id": document.id, "content": original}
        for document, original in stored
        if original
    )


def normalise_text(text: str) -> str:
    """The frozen form of a text: `\n` newlines, no BOM, no lone surrogates, no NUL.

    Positions are counted on this form, so every way into the project goes through it.
    A NUL becomes U+FFFD (positions stay put): SQLite's text functions stop at a NUL,
    so quotes taken with `substr` would come out wrong.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")


def store_document(
    project: Project, new: NewDocument, *, coder_id: CoderId | None = None
) -> Document:
    """Freeze and store one imported document (duplicates are the importer's concern)."""
    provenance = {k: v for k, v in new.provenance.items() if k in PROVENANCE_FIELDS}
    unknown = set(new.provenance) - set(PROVENANCE_FIELDS)
    if unknown:
        raise TypeError(f"unknown provenance fields: {', '.join(sorted(unknown))}")
    provenance.pop("title", None)
    provenance, removed = text_controls.clean_fields({"title": new.title, **provenance})
    title = provenance.pop("title")
    text = normalise_text(new.text)
    document = Document(
        id=DocumentId(new_id()),
        title=names.normal_name(title.strip() or new.original_filename or "Untitled"),
        text=text,
        text_sha256=sha256_hex(text),
        original_filename=new.original_filename,
        media_type=new.media_type,
        original_sha256=sha256_hex(new.original) if new.original else "",
        encoding=new.encoding,
        imported_at=utc_now(),
        imported_by=CoderId(coder_id) if coder_id else None,
        char_count=len(text),
        **provenance,
    )
    with project.transaction() as conn:
        insert_document_rows(project.db, [(document, new.original)])
        events.record(
            conn,
            "document imported",
            coder_id,
            document_id=document.id,
            title=document.title,
            original_filename=document.original_filename,
            original_sha256=document.original_sha256,
            text_sha256=document.text_sha256,
            **text_controls.removal_details(removed),
        )
    return document


def update_provenance(
    project: Project, document_id: DocumentId, *, coder_id: CoderId | None = None, **values: str
) -> Change:
    """Edit title, source, dates, language, notes or memo; never the text."""
    unknown = set(values) - set(PROVENANCE_FIELDS)
    if unknown:
        raise TypeError(f"cannot edit {', '.join(sorted(unknown))} of a document")
    values, removed = text_controls.clean_fields(values)
    if "title" in values and not values["title"].strip():
        raise errors.InvalidValue(errors.ValueProblem.EMPTY_TITLE, values["title"])
    if "title" in values:
        values["title"] = names.normal_name(values["title"])
    old = get_document(project, document_id)
    before = {key: getattr(old, key) for key in values}
    with project.transaction() as conn:
        assignments = ", ".join(f"{key} = ?" for key in values)
        conn.execute(
            f"UPDATE documents SET {assignments} WHERE id = ?", [*values.values(), document_id]
        )
        events.record(
            conn,
            "document edited",
            coder_id,
            document_id=document_id,
            before=before,
            after=values,
            **text_controls.removal_details(removed),
        )
    memo_only = set(values) == {"memo"}
    return Change(
        kind=ChangeKind.EDIT_DOCUMENT_MEMO if memo_only else ChangeKind.EDIT_DOCUMENT_DETAILS,
        name=old.title,
        documents=frozenset({document_id}),
        inverse=lambda p: update_provenance(p, document_id, coder_id=coder_id, **before),
    )


@dataclass(frozen=True)
class _DeletedDocument:
    document: Document
    original: bytes
    codings: list[Coding]
    status: list[tuple[Any, ...]]


def delete_document(
    project: Project, document_id: DocumentId, *, coder_id: CoderId | None = None
) -> Change:
    """Remove a document with its codings and finished marks, as one logged action."""
    document = get_document(project, document_id)
    deleted = _DeletedDocument(
        document=document,
        original=get_original(project, document_id),
        codings=codings_of_document(project, document_id),
        status=project.conn.execute(
            "SELECT document_id, coder_id, finished, updated_at FROM document_status "
            "WHERE document_id = ?",
            (document_id,),
        ).fetchall(),
    )
    with project.transaction() as conn:
        conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        events.record(
            conn,
            "document deleted",
            coder_id,
            document_id=document_id,
            title=document.title,
            text_sha256=document.text_sha256,
            codings_removed=len(deleted.codings),
        )
    return Change(
        kind=ChangeKind.DELETE_DOCUMENT,
        name=document.title,
        documents=frozenset({document_id}),
        codes=frozenset(c.code_id for c in deleted.codings),
        codings=frozenset(c.id for c in deleted.codings),
        inverse=lambda p: _undelete(p, deleted, coder_id),
    )


def _undelete(project: Project, deleted: _DeletedDocument, coder_id: CoderId | None) -> Change:
    document = deleted.document
    with project.transaction() as conn:
        insert_document_rows(project.db, [(document, deleted.original)])
        insert_coding_rows(conn, deleted.codings)
        conn.executemany(
            "INSERT INTO document_status (document_id, coder_id, finished, updated_at) "
            "VALUES (?, ?, ?, ?)",
            deleted.status,
        )
        events.record(
            conn,
            "document restored",
            coder_id,
            document_id=document.id,
            title=document.title,
            codings_restored=len(deleted.codings),
        )
    return Change(
        kind=ChangeKind.DELETE_DOCUMENT,
        name=document.title,
        documents=frozenset({document.id}),
        codes=frozenset(c.code_id for c in deleted.codings),
        codings=frozenset(c.id for c in deleted.codings),
        inverse=lambda p: delete_document(p, document.id, coder_id=coder_id),
    )
