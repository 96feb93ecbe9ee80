"""Writing a redacted copy: a fresh project built row by row, nothing of the old text left.

Every text column `redaction.REDACTED_COLUMNS` names is rewritten through the rules;
codings are re-anchored on the redacted text and their quotes taken from it; original
files, their names and hashes of unredacted content are dropped; the search indexes
are built from the redacted text; and the file is vacuumed. Building row by row (never
copying pages) means no free page can hold old text. The project itself is not changed;
its audit log records that a redacted copy was made.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core import errors, events, names
from annotator.core.ids import CoderId
from annotator.core.os_problems import sqlite_problem
from annotator.core.project import Project, create_project, file_mode, open_project
from annotator.core.redaction import REDACTED_COLUMNS, rows
from annotator.core.redaction_rules import (
    Match,
    RedactionRule,
    check_rules,
    find_matches,
    map_span,
    redact_text,
)
from annotator.core.storage import leftovers
from annotator.core.storage.atomic_write import building
from annotator.core.storage.output_guard import OutputKind
from annotator.core.storage.write_errors import OutputUnwritable, classify

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RedactedCopy:
    path: Path
    documents: int
    codings: int
    replacements: int
    encrypted: bool


def write_redacted_copy(
    project: Project,
    rules: Sequence[RedactionRule],
    target: Path | str,
    *,
    passphrase: str | None = None,
    coder_id: CoderId | None = None,
) -> RedactedCopy:
    """Write the redacted copy to `target` (.annotator, or .qdpx for other tools).

    With `passphrase` an .annotator copy is also encrypted. `target` appears only when
    complete.
    """
    check_rules(rules)
    target = Path(target)
    if target.suffix.lower() == ".qdpx":
        return _write_qdpx(project, rules, target, coder_id)
    kind, mode = OutputKind.PROJECT_COPY, file_mode(project.path)
    with building(target, kind=kind, mode=mode, create=False) as partial:
        copy = _build(project, rules, partial, passphrase)
    _record(project, target, copy, coder_id)
    return RedactedCopy(target, copy.documents, copy.codings, copy.replacements, copy.encrypted)


def _write_qdpx(
    project: Project, rules: Sequence[RedactionRule], target: Path, coder_id: CoderId | None
) -> RedactedCopy:
    from annotator.core.exchange.qdpx_export import export_qdpx  # exchange builds on core

    try:
        with leftovers.private_folder("redacting") as folder:
            staged = folder / "redacted.annotator"
            copy = _build(project, rules, staged, None)
            with open_project(staged) as redacted:
                export_qdpx(redacted, target)
    except OSError as exc:  # the user's data folder, where the staged copy is kept
        raise OutputUnwritable(target, classify(exc), exc.strerror or str(exc)) from exc
    _record(project, target, copy, coder_id)
    return RedactedCopy(target, copy.documents, copy.codings, copy.replacements, False)


def _record(project: Project, target: Path, copy: RedactedCopy, coder_id: CoderId | None) -> None:
    if project.read_only:
        return
    with project.transaction() as conn:
        events.record(
            conn,
            "redacted copy made",
            coder_id,
            file=target.name,
            documents=copy.documents,
            codings=copy.codings,
            replacements=copy.replacements,
        )


class _Rewriter:
    """Applies the rules to values and counts what it replaced."""

    def __init__(self, rules: Sequence[RedactionRule]) -> None:
        self.rules = rules
        self.replacements = 0

    def matches(self, text: str) -> list[Match]:
        found = find_matches(text, self.rules)
        self.replacements += len(found)
        return found

    def text(self, value: Any) -> Any:
        if not isinstance(value, str) or not value:
            return value
        return redact_text(value, self.matches(value))

    def details(self, raw: str) -> str:
        return json.dumps(self._json(json.loads(raw)), ensure_ascii=False)

    def _json(self, value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: self._json(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self._json(v, key) for v in value]
        if "sha256" in key.lower() or key == "original_filename":
            return ""  # dropped from the documents too (see DROPPED_COLUMNS)
        return self.text(value)


def _build(
    project: Project, rules: Sequence[RedactionRule], path: Path, passphrase: str | None
) -> RedactedCopy:
    rewriter = _Rewriter(rules)
    source = project.conn
    fresh = create_project(path, passphrase=passphrase)
    try:
        with fresh.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            _copy(source, conn, "SELECT * FROM coders", "coders", rewriter)
            _copy_codes(source, conn, rewriter)
            documents, codings = _copy_documents(source, conn, rewriter)
            _copy(source, conn, "SELECT * FROM document_status", "document_status", rewriter)
            conn.execute("DELETE FROM project_settings")
            _copy(source, conn, "SELECT * FROM project_settings", "project_settings", rewriter)
            _copy(source, conn, "SELECT * FROM events ORDER BY seq", "events", rewriter)
            events.record(conn, "redacted copy made", None, replacements=rewriter.replacements)
        for index in ("documents_fts", "documents_trigram"):
            fresh.conn.execute(f"INSERT INTO {index} ({index}) VALUES ('optimize')")
        fresh.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        fresh.conn.execute("PRAGMA journal_mode = DELETE")
        fresh.conn.execute("VACUUM")
        problems = [row[0] for row in fresh.conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise errors.CorruptProject(path, "; ".join(problems[:5]))
    except sqlite3.Error as exc:
        raise errors.ProjectUnwritable(path, str(exc), system=sqlite_problem(exc)) from exc
    finally:
        fresh.close()
    return RedactedCopy(path, documents, codings, rewriter.replacements, passphrase is not None)


def _copy(
    source: sqlite3.Connection,
    target: sqlite3.Connection,
    sql: str,
    table: str,
    rewriter: _Rewriter,
) -> None:
    for row in rows(source, sql):
        row.pop("name_key", None)  # the key of the name before redaction: made afresh
        for field in REDACTED_COLUMNS.get(table, ()):
            row[field] = (
                rewriter.details(row[field]) if table == "events" else rewriter.text(row[field])
            )
        _insert(target, table, row)


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    columns = ", ".join(f'"{name}"' for name in row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


def _copy_codes(
    source: sqlite3.Connection, target: sqlite3.Connection, rewriter: _Rewriter
) -> None:
    """Code names stay unique (and free of '/') after redaction."""
    taken: set[str] = set()
    for row in rows(source, "SELECT * FROM codes ORDER BY created_at, id"):
        for field in REDACTED_COLUMNS["codes"]:
            row[field] = rewriter.text(row[field])
        row.pop("name_key", None)  # the key of the name before redaction: made afresh
        name = row["name"].replace("/", "-")
        candidate, n = name, 1
        while names.name_key(candidate) in taken:
            n += 1
            candidate = f"{name} ({n})"
        taken.add(names.name_key(candidate))
        row["name"] = candidate
        _insert(target, "codes", row)


def _copy_documents(
    source: sqlite3.Connection, target: sqlite3.Connection, rewriter: _Rewriter
) -> tuple[int, int]:
    """Documents with redacted text, and their codings re-anchored on it."""
    documents = codings = 0
    for row in rows(source, "SELECT * FROM documents ORDER BY seq"):
        old_text = row["text"]
        matches = rewriter.matches(old_text)
        text = redact_text(old_text, matches)
        for field in REDACTED_COLUMNS["documents"]:
            if field != "text":
                row[field] = rewriter.text(row[field])
        row.update(
            text=text,
            text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            char_count=len(text),
            original_filename="",
            original_sha256="",
        )
        _insert(target, "documents", row)
        documents += 1
        sql = "SELECT * FROM codings WHERE document_id = ? ORDER BY start, id"
        for coding in rows(source, sql, (row["id"],)):
            start, end = map_span(coding["start"], coding["end"], matches)
            coding.update(start=start, end=end, quote=text[start:end])
            coding["memo"] = rewriter.text(coding["memo"])
            codings += _insert_coding(target, coding)
    return documents, codings


def _insert_coding(conn: sqlite3.Connection, coding: dict[str, Any]) -> int:
    """Two codings of parts of one name both become the placeholder's: keep one, both memos.

    Returns the number of codings added (0 when merged into an earlier one).
    """
    try:
        _insert(conn, "codings", coding)
        return 1
    except sqlite3.IntegrityError:
        conn.execute(
            "UPDATE codings SET memo = trim(memo || char(10) || ?) WHERE document_id = ? "
            'AND code_id = ? AND start = ? AND "end" = ? AND coder_id = ?',
            (
                coding["memo"],
                coding["document_id"],
                coding["code_id"],
                coding["start"],
                coding["end"],
                coding["coder_id"],
            ),
        )
        return 0
