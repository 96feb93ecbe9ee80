"""Bring another copy's work, or a partner's REFI-QDA file, into the open project.

`load_incoming` reads any supported file into memory (refusing hostile ones);
`plan_merge` (in merge_plan) says what would happen and lists conflicts;
`apply_merge` writes a pre-merge backup with the SQLite backup API, then carries the
plan out as one transaction and one audit event. Its Change's undo restores that
backup, which stays on disk afterwards as well.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from annotator.core import codebook, errors, events, input_files, text_controls, user_settings
from annotator.core.changes import Change, ChangeKind
from annotator.core.codebook import Code, insert_code_rows
from annotator.core.coding import Coding, insert_coding_rows
from annotator.core.documents import Document, insert_document_rows, sha256_hex
from annotator.core.exchange.conflicts import Choice, MergePlan
from annotator.core.exchange.errors import (
    ExchangeFileError,
    FileProblem,
    MergeConflicts,
    MergeUndoUnavailable,
    UndoProblem,
)
from annotator.core.exchange.incoming import IncomingDocument, IncomingProject, clean_incoming
from annotator.core.exchange.merge_plan import plan_merge
from annotator.core.ids import CodeId, CoderId, CodingId, DocumentId, utc_now
from annotator.core.input_files import InputRefused
from annotator.core.os_problems import FileType
from annotator.core.project import Project, save_copy
from annotator.core.read_only import connect_read_only

log = logging.getLogger(__name__)

__all__ = ["Choice", "MergePlan", "MergeResult", "apply_merge", "load_incoming", "plan_merge"]

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


def load_incoming(path: Path | str) -> IncomingProject:
    """Read a .qdpx, .qdc or .annotator file into memory, by its extension."""
    from annotator.core.exchange.annotator_file import read_annotator_file
    from annotator.core.exchange.qdc import read_qdc
    from annotator.core.exchange.qdpx_import import read_qdpx

    path = Path(path)
    readers = {".qdpx": read_qdpx, ".qdc": read_qdc, ".annotator": read_annotator_file}
    reader = readers.get(path.suffix.casefold())
    if reader is None:
        raise ExchangeFileError(path, FileProblem.UNKNOWN_TYPE)
    try:
        found = input_files.kind_of_path(path)
    except InputRefused:
        raise ExchangeFileError(path, FileProblem.NOT_FOUND) from None
    if found is not FileType.REGULAR:  # a pipe is never opened
        raise ExchangeFileError(path, FileProblem.NOT_A_FILE, file_type=found)
    incoming = reader(path)
    clean_incoming(incoming)
    return incoming


@dataclass(frozen=True)
class MergeResult:
    change: Change
    backup: Path
    event_id: str
    coders_added: int
    codes_added: int
    documents_added: int
    codings_added: int


def backup_before_merge(project: Project) -> Path:
    """A consistent copy of the project as it was, beside it or in the user's data folder."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    name = f"{project.path.stem}.pre-merge-{stamp}{project.path.suffix}"
    try:
        return save_copy(project, project.path.with_name(name))
    except errors.ProjectUnwritable:
        folder = user_settings.data_dir() / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        return save_copy(project, folder / name)


def _timestamp(value: str, fallback: str) -> str:
    return value if value and _DATETIME.match(value) else fallback


def _document_row(document: IncomingDocument, known_coders: set[str], now: str) -> Document:
    provenance = {k: v for k, v in document.provenance.items() if k != "title"}
    return Document(
        id=DocumentId(document.id),
        title=document.title.strip() or "Untitled",
        text=document.text,
        text_sha256=sha256_hex(document.text),
        original_filename=document.original_filename,
        media_type=document.media_type,
        original_sha256=sha256_hex(document.original) if document.original else "",
        encoding=document.encoding,
        imported_at=_timestamp(document.imported_at, now),
        imported_by=CoderId(document.imported_by) if document.imported_by in known_coders else None,
        char_count=len(document.text),
        **provenance,
    )


def _write(conn: sqlite3.Connection, project: Project, plan: MergePlan) -> None:
    now = utc_now()
    for coder in plan.new_coders:
        conn.execute(
            "INSERT INTO coders (id, name, created_at) VALUES (?, ?, ?)",
            (coder.id, coder.name.strip() or "Unknown coder", now),
        )
    for coder_id, name in plan.renamed_coders.items():
        conn.execute("UPDATE coders SET name = ? WHERE id = ?", (name, coder_id))
    _write_codes(conn, plan, now)
    known_coders = {r[0] for r in conn.execute("SELECT id FROM coders")}
    insert_document_rows(
        project.db,
        [(_document_row(d, known_coders, now), d.original) for d in plan.new_documents],
    )
    texts = {document.id: document.text for document in plan.new_documents}
    for document_id, values in plan.document_updates.items():
        assignments = ", ".join(f"{key} = ?" for key in values)
        conn.execute(
            f"UPDATE documents SET {assignments} WHERE id = ?", [*values.values(), document_id]
        )
    rows = []
    for coding in plan.new_codings:
        if coding.document_id not in texts:
            texts[coding.document_id] = conn.execute(
                "SELECT text FROM documents WHERE id = ?", (coding.document_id,)
            ).fetchone()[0]
        text = texts[coding.document_id]
        if not 0 <= coding.start < coding.end <= len(text):
            raise errors.InvalidSpan(errors.SpanProblem.OUTSIDE_DOCUMENT, coding=coding.id)
        rows.append(
            Coding(
                CodingId(coding.id),
                DocumentId(coding.document_id),
                CodeId(coding.code_id),
                CoderId(coding.coder_id),
                coding.start,
                coding.end,
                text[coding.start : coding.end],
                coding.memo,
                _timestamp(coding.created_at, now),
            )
        )
    insert_coding_rows(conn, rows)
    for coding_id, values in plan.coding_updates.items():
        assignments = ", ".join(f"{key} = ?" for key in values)
        conn.execute(
            f"UPDATE codings SET {assignments} WHERE id = ?", [*values.values(), coding_id]
        )
    conn.executemany(
        "INSERT INTO document_status (document_id, coder_id, finished, updated_at) "
        "VALUES (?, ?, 1, ?) ON CONFLICT (document_id, coder_id) "
        "DO UPDATE SET finished = 1, updated_at = excluded.updated_at",
        [(m.document_id, m.coder_id, _timestamp(m.updated_at, now)) for m in plan.finished],
    )


def _write_codes(conn: sqlite3.Connection, plan: MergePlan, now: str) -> None:
    next_position: dict[str | None, int] = {}

    def position(parent_id: str | None) -> int:
        if parent_id not in next_position:
            next_position[parent_id] = conn.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM codes WHERE parent_id IS ?",
                (parent_id,),
            ).fetchone()[0]
        next_position[parent_id] += 1
        return next_position[parent_id] - 1

    # renames first, so a new code may take a name an old one gives up
    for code_id, values in plan.code_updates.items():
        if "color" in values:
            values["color"] = codebook.check_color(values["color"])
        assignments = ", ".join(f"{key} = ?" for key in values)
        conn.execute(f"UPDATE codes SET {assignments} WHERE id = ?", [*values.values(), code_id])
    for code in plan.new_codes:
        insert_code_rows(
            conn,
            [
                Code(
                    id=CodeId(code.id),
                    parent_id=CodeId(code.parent_id) if code.parent_id else None,
                    name=code.name,
                    color=codebook.check_color(code.color or codebook.DEFAULT_COLOR),
                    definition=code.definition.strip(),
                    shortcut="",
                    position=position(code.parent_id),
                    memo=code.memo,
                    created_at=now,
                )
            ],
        )
    for code_id, parent_id in plan.code_moves.items():
        ancestors = conn.execute(
            "WITH RECURSIVE up(id, parent) AS (SELECT id, parent_id FROM codes WHERE id = ? "
            "UNION SELECT c.id, c.parent_id FROM codes c JOIN up ON c.id = up.parent) "
            "SELECT id FROM up",
            (parent_id,),
        ).fetchall()
        if parent_id is not None and code_id in {r[0] for r in ancestors}:
            raise errors.InvalidValue(errors.ValueProblem.PARENT_INSIDE_CODE, code_id)
        conn.execute(
            "UPDATE codes SET parent_id = ?, position = ? WHERE id = ?",
            (parent_id, position(parent_id), code_id),
        )


def apply_merge(
    project: Project,
    plan: MergePlan,
    *,
    coder_id: CoderId | None = None,
    source: Path | None = None,
) -> MergeResult:
    """Carry out a plan in one transaction, after a backup; refuses open conflicts."""
    if plan.unresolved:
        raise MergeConflicts(plan)
    if project.read_only:
        raise errors.ProjectUnwritable(project.path, because=errors.ProjectCause.OPEN_READ_ONLY)
    backup = backup_before_merge(project)
    try:
        with project.transaction() as conn:
            _write(conn, project, plan)
            event_id = events.record(
                conn,
                "project merged",
                coder_id,
                file=plan.source_name,
                file_sha256=_file_hash(source),
                backup=str(backup),
                coders_added=len(plan.new_coders),
                codes_added=len(plan.new_codes),
                documents_added=len(plan.new_documents),
                codings_added=len(plan.new_codings),
                duplicates_skipped=plan.duplicate_codings,
                choices={k: v.value for k, v in plan.choices.items()},
                not_imported=len(plan.report.not_imported),
                **text_controls.removal_details({"incoming": plan.report.controls_removed}),
            )
    except sqlite3.IntegrityError as exc:
        backup.unlink(missing_ok=True)
        raise ExchangeFileError(plan.source_name, FileProblem.INVALID_CONTENT, str(exc)) from exc
    except BaseException:
        backup.unlink(missing_ok=True)
        raise
    change = _merge_change(plan, backup, event_id, coder_id, source)
    return MergeResult(
        change,
        backup,
        event_id,
        len(plan.new_coders),
        len(plan.new_codes),
        len(plan.new_documents),
        len(plan.new_codings),
    )


def _file_hash(source: Path | None) -> str:
    if source is None:
        return ""
    with contextlib.suppress(OSError, InputRefused), input_files.open_regular(source) as stream:
        digest = hashlib.file_digest(stream, "sha256")  # type: ignore[arg-type]  # a binary file
        return digest.hexdigest()  # streamed: GBs of .qdpx
    return ""


_Id = TypeVar("_Id", bound=str)


def _ids(kind: Callable[[str], _Id], *groups: Iterable[str]) -> frozenset[_Id]:
    """The plan's ids (the file's ids, mapped to ours) as the project's typed ids."""
    return frozenset(kind(i) for group in groups for i in group)


def _merge_change(
    plan: MergePlan, backup: Path, event_id: str, coder_id: CoderId | None, source: Path | None
) -> Change:
    return Change(
        kind=ChangeKind.MERGE_PROJECT,
        name=plan.source_name,
        documents=_ids(DocumentId, (d.id for d in plan.new_documents), plan.document_updates),
        codes=_ids(CodeId, (c.id for c in plan.new_codes), plan.code_updates, plan.code_moves),
        codings=_ids(CodingId, (c.id for c in plan.new_codings), plan.coding_updates),
        coders=_ids(CoderId, (c.id for c in plan.new_coders), plan.renamed_coders),
        codebook_changed=True,
        inverse=lambda p: undo_merge(p, plan, backup, event_id, coder_id, source),
    )


def undo_merge(
    project: Project,
    plan: MergePlan,
    backup: Path,
    event_id: str,
    coder_id: CoderId | None = None,
    source: Path | None = None,
) -> Change:
    """Restore the pre-merge backup, if nothing happened in the project since the merge."""
    last = project.conn.execute("SELECT id FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    if last is None or last[0] != event_id:
        raise MergeUndoUnavailable(UndoProblem.PROJECT_CHANGED, backup)
    if not backup.is_file():
        raise MergeUndoUnavailable(UndoProblem.BACKUP_MISSING)
    details = events.history(project, limit=1)[0].details
    with contextlib.closing(connect_read_only(backup, project.passphrase)) as saved:
        saved.backup(project.conn)
    with project.transaction() as conn:
        events.record(conn, "merge undone", coder_id, merge_event=event_id, merge=details)
    return Change(
        kind=ChangeKind.MERGE_PROJECT,
        name=plan.source_name,
        documents=_ids(DocumentId, (d.id for d in plan.new_documents), plan.document_updates),
        codes=_ids(CodeId, (c.id for c in plan.new_codes), plan.code_updates),
        codings=_ids(CodingId, (c.id for c in plan.new_codings)),
        coders=_ids(CoderId, (c.id for c in plan.new_coders)),
        codebook_changed=True,
        inverse=lambda p: apply_merge(p, plan, coder_id=coder_id, source=source).change,
    )
