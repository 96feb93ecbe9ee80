"""Read another researcher's .annotator file without trusting it.

The file is copied to a private folder of the user's (`leftovers.private_folder`,
removed afterwards or at the next start after a kill) and only the copy is opened, with
`trusted_schema` off; its schema is compared with what its version writes first (the
same comparison as opening and `check` make, `core.schema`), so a file carrying
triggers, views or tables Annotator never writes is refused before it is migrated or
any row is read.
Rows are read with plain SELECTs and every value passes our own rules (UUID ids, code
names and colours, spans inside the text, hashes recomputed) on its way in.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from annotator.core import cipher_driver, errors, file_header, migrations, schema
from annotator.core.documents import PROVENANCE_FIELDS, normalise_text
from annotator.core.exchange.errors import ExchangeFileError, FileProblem
from annotator.core.exchange.incoming import (
    IncomingCode,
    IncomingCoder,
    IncomingCoding,
    IncomingDocument,
    IncomingFinished,
    IncomingProject,
    SkipReason,
    clean_codes,
    normalise_guid,
)
from annotator.core.os_problems import os_problem
from annotator.core.storage import leftovers

_PROBLEMS = {
    errors.ProjectNotFound: FileProblem.NOT_FOUND,
    errors.NotAProject: FileProblem.NOT_A_PROJECT,
    errors.ForeignDatabase: FileProblem.NOT_A_PROJECT,
    errors.NewerProject: FileProblem.NEWER_PROJECT,
}


@contextlib.contextmanager
def _private_copy(path: Path, version: int) -> Iterator[sqlite3.Connection]:
    with leftovers.private_folder("merging") as folder:
        copy = folder / "incoming.annotator"
        leftovers.copy_private(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.is_file():  # committed work not yet checkpointed into the main file
            leftovers.copy_private(wal, copy.with_name(copy.name + "-wal"))
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            found = schema.differences(conn, version)
            if found:
                raise ExchangeFileError(path, FileProblem.FOREIGN_PROJECT, schema.describe(found))
            try:
                migrations.apply(conn, version)  # an older copy is read in today's form
            except sqlite3.OperationalError as exc:  # tables we never wrote: not ours to upgrade
                raise ExchangeFileError(path, FileProblem.FOREIGN_PROJECT, str(exc)) from exc
            conn.execute("PRAGMA query_only = ON")
            yield conn
        finally:
            conn.close()


def _text(value: object, field: str, path: Path) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ExchangeFileError(path, FileProblem.INVALID_CONTENT, field)
    return value


def _guid(value: object, field: str, path: Path) -> str:
    guid = normalise_guid(value) if isinstance(value, str) else None
    if guid is None:
        raise ExchangeFileError(path, FileProblem.INVALID_CONTENT, f"{field}: {value!r}")
    return guid


def read_annotator_file(path: Path | str) -> IncomingProject:
    """Another copy of a project (or another project) as an IncomingProject."""
    path = Path(path)
    if cipher_driver.looks_encrypted(path):
        raise ExchangeFileError(path, FileProblem.ENCRYPTED)
    try:
        header = file_header.check_project_header(path, migrations.latest_version())
    except errors.ProjectFileError as exc:
        if exc.system is not None:  # the system refused it (no permission, a disk error)
            raise ExchangeFileError(path, FileProblem.UNREADABLE, system=exc.system) from exc
        raise ExchangeFileError(
            path, _PROBLEMS.get(type(exc), FileProblem.INVALID_CONTENT)
        ) from exc
    if header.user_version < 1:
        raise ExchangeFileError(path, FileProblem.NOT_A_PROJECT)
    try:
        with _private_copy(path, header.user_version) as conn:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise ExchangeFileError(path, FileProblem.DAMAGED)
            return _read_rows(conn, path)
    except sqlite3.DatabaseError as exc:
        raise ExchangeFileError(path, FileProblem.INVALID_CONTENT, str(exc)) from exc
    except OSError as exc:
        raise ExchangeFileError(path, FileProblem.UNREADABLE, system=os_problem(exc)) from exc


def _read_rows(conn: sqlite3.Connection, path: Path) -> IncomingProject:
    name_row = conn.execute("SELECT value FROM project_settings WHERE key = 'name'").fetchone()
    incoming = IncomingProject(source_name=path.name, origin=f"Annotator ({path.stem})")
    if name_row and isinstance(name_row[0], str):
        incoming.origin = f"Annotator ({name_row[0]})"
    for coder_id, raw_name in conn.execute("SELECT id, name FROM coders ORDER BY id"):
        name = _text(raw_name, "coder name", path).strip()
        if not name:
            raise ExchangeFileError(path, FileProblem.INVALID_CONTENT, "coder name")
        incoming.coders.append(IncomingCoder(_guid(coder_id, "coder id", path), name))
    _read_codes(conn, path, incoming)
    fields = ", ".join(f for f in PROVENANCE_FIELDS if f != "title")
    for row in conn.execute(
        "SELECT d.id, d.title, d.text, d.original_filename, d.media_type, d.encoding, "
        f"d.imported_at, d.imported_by, o.content, {fields} FROM documents d "
        "LEFT JOIN document_originals o ON o.document_id = d.id ORDER BY d.seq"
    ):
        original = row[8]
        if original is not None and not isinstance(original, bytes):
            raise ExchangeFileError(path, FileProblem.INVALID_CONTENT, "original")
        text = _text(row[2], "document text", path)
        if normalise_text(text) != text:  # positions would not fit a re-normalised text
            incoming.report.skip("document", str(row[1]), SkipReason.INVALID_VALUE, "text form")
            continue
        document = IncomingDocument(
            id=_guid(row[0], "document id", path),
            title=_text(row[1], "title", path),
            text=text,
            original=original or b"",
            original_filename=_text(row[3], "file name", path),
            media_type=_text(row[4], "media type", path),
            encoding=_text(row[5], "encoding", path),
            imported_at=_text(row[6], "imported_at", path),
            imported_by=normalise_guid(row[7]) if isinstance(row[7], str) else None,
            provenance={
                f: _text(v, f, path) for f, v in zip(fields.split(", "), row[9:], strict=True)
            },
        )
        incoming.documents.append(document)
    _read_codings(conn, path, incoming)
    for document_id, coder_id, finished, updated_at in conn.execute(
        "SELECT document_id, coder_id, finished, updated_at FROM document_status"
    ):
        incoming.finished.append(
            IncomingFinished(
                _guid(document_id, "document id", path),
                _guid(coder_id, "coder id", path),
                finished == 1,
                _text(updated_at, "updated_at", path),
            )
        )
    return incoming


def _read_codes(conn: sqlite3.Connection, path: Path, incoming: IncomingProject) -> None:
    rows = conn.execute(
        "SELECT id, parent_id, name, color, definition, memo FROM codes ORDER BY position, name"
    ).fetchall()
    codes = {
        _guid(r[0], "code id", path): IncomingCode(
            id=_guid(r[0], "code id", path),
            name=_text(r[2], "code name", path),
            parent_id=_guid(r[1], "parent id", path) if r[1] is not None else None,
            color=_text(r[3], "colour", path),
            definition=_text(r[4], "definition", path),
            memo=_text(r[5], "memo", path),
        )
        for r in rows
    }
    ordered: list[IncomingCode] = []
    placed: set[str | None] = {None}
    remaining = list(codes.values())
    while remaining:  # parents before children; a cycle or a lost parent is refused
        ready = [c for c in remaining if c.parent_id in placed]
        if not ready:
            raise ExchangeFileError(path, FileProblem.INVALID_CONTENT, "code parent")
        ordered.extend(ready)
        placed.update(c.id for c in ready)
        remaining = [c for c in remaining if c.id not in placed]
    clean_codes(ordered, incoming.report)
    incoming.codes = ordered


def _read_codings(conn: sqlite3.Connection, path: Path, incoming: IncomingProject) -> None:
    texts = {d.id: d.text for d in incoming.documents}
    codes = {c.id for c in incoming.codes}
    coders = {c.id for c in incoming.coders}
    for row in conn.execute(
        'SELECT id, document_id, code_id, coder_id, start, "end", memo, created_at FROM codings '
        "ORDER BY document_id, start"
    ):
        coding_id = _guid(row[0], "coding id", path)
        document_id = _guid(row[1], "document id", path)
        code_id, coder_id = _guid(row[2], "code id", path), _guid(row[3], "coder id", path)
        start, end = row[4], row[5]
        text = texts.get(document_id)
        if text is None or code_id not in codes or coder_id not in coders:
            incoming.report.skip("coding", coding_id, SkipReason.DANGLING_REFERENCE)
            continue
        if type(start) is not int or type(end) is not int or not 0 <= start < end <= len(text):
            incoming.report.skip("coding", coding_id, SkipReason.BAD_POSITION, f"{start}-{end}")
            continue
        incoming.codings.append(
            IncomingCoding(
                coding_id,
                document_id,
                code_id,
                coder_id,
                start,
                end,
                _text(row[6], "memo", path),
                _text(row[7], "created_at", path),
            )
        )
