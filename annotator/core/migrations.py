"""Ordered schema steps, applied forward in one transaction after a backup copy.

A project's `PRAGMA user_version` is the number of the last step applied to it.

Steps are plain SQL, not sqlite-utils' `Table.add_column` / `Table.transform`
(issue 19, docs/benchmarks.md). `add_column` is `ALTER TABLE ... ADD COLUMN` under
another name (the same time). `transform`, the rebuild SQLite needs to change a
constraint, took twice the CPU time on 200,000 codings, drops the table's triggers
(the documents' full-text upkeep and frozen text, the audit log's guards)
and writes the table's SQL in its own form, which would then depend on the installed
sqlite-utils: `core.schema` compares a file with what these steps write, so a new
sqlite-utils would make every migrated project look changed. A rebuild here follows
SQLite's own recipe with our SQL, as `schema_repair` does.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from annotator.core import cipher_driver, names
from annotator.core.storage.atomic_write import building
from annotator.core.storage.output_guard import OutputKind

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _schema_v1(conn: sqlite3.Connection) -> None:
    sql = resources.files("annotator.core").joinpath("schema_v1.sql").read_text("utf-8")
    for statement in _split_statements(sql):
        conn.execute(statement)


def _split_statements(sql: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def _documents_by_date(conn: sqlite3.Connection) -> None:
    """Documents are listed, searched and exported in date order: an index in that
    order (seq last, as searches break ties) holding what the document list shows
    serves them without a sort or a read of the text-laden rows. With 10,000
    documents, a search after an edit went from 27 to 10 ms (issue 11)."""
    conn.execute(
        "CREATE INDEX documents_by_date ON documents (published_date, title, seq, id, "
        "publisher, author, source_url, imported_at, char_count, text_sha256, original_sha256)"
    )


def _name_keys(conn: sqlite3.Connection) -> None:
    """Code, coder and document names are compared as people read them (issue 18):
    each gets its key (`names.name_key`), kept up to date by the core from now on.
    Names that already read alike are kept as they are and reported, never merged
    behind the researcher's back; `check` lists them until they are renamed or merged."""
    conn.execute("ALTER TABLE codes ADD COLUMN name_key TEXT")
    conn.execute("ALTER TABLE coders ADD COLUMN name_key TEXT")
    conn.execute(
        "CREATE TABLE document_title_keys ("
        "document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE, "
        "title_key TEXT NOT NULL)"
    )
    conn.execute("CREATE INDEX codes_name_key ON codes (name_key)")
    conn.execute("CREATE INDEX coders_name_key ON coders (name_key)")
    conn.execute("CREATE INDEX document_title_keys_key ON document_title_keys (title_key)")
    names.fill_keys(conn)
    alike = names.lookalike_codes(conn)
    if alike:
        log.warning(
            "%d groups of code names read alike (%d codes); `annotator check` lists them",
            len(alike),
            sum(len(group) for group in alike),
        )


MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema", _schema_v1),
    Migration(2, "documents in date order", _documents_by_date),
    Migration(3, "names compared as people read them", _name_keys),
]


def latest_version() -> int:
    return MIGRATIONS[-1].version


def pending(current_version: int, up_to: int | None = None) -> list[Migration]:
    """The steps after `current_version` (up to and including `up_to`, if given)."""
    return [
        step
        for step in MIGRATIONS
        if step.version > current_version and (up_to is None or step.version <= up_to)
    ]


def backup_before_migrating(
    conn: sqlite3.Connection, path: Path, version: int, *, passphrase: str | None = None
) -> Path:
    """Write a consistent copy beside the project, named after the old schema.

    The copy of an encrypted project is encrypted with the same passphrase and carries
    the project's file mode. It is written whole or not at all (`atomic_write`), so a
    crash never leaves half a copy (or an empty one) under a backup's name.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.schema-v{version}-backup-{stamp}{path.suffix}")
    mode = stat.S_IMODE(os.stat(path).st_mode)  # as private as the project itself
    with building(target, kind=OutputKind.PROJECT_COPY, mode=mode) as partial:
        copy = cipher_driver.connect(partial, passphrase)
        try:
            conn.backup(copy)
        finally:
            copy.close()
    return target


def apply(conn: sqlite3.Connection, current_version: int, up_to: int | None = None) -> int:
    """Run every pending step (up to `up_to`) in one transaction; return the new version."""
    steps = pending(current_version, up_to)
    if not steps:
        return current_version
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in steps:
            step.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return steps[-1].version
