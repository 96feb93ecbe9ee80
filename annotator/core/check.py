"""A project's health check: SQLite integrity, the schema, every stored value's type,
and every hash and quote re-verified.

The hashes are what a researcher cites; re-computing them from the stored text and
original bytes shows the evidence has not changed since import. The schema and the
value types are compared with what this version writes (`core.schema`,
`core.value_types`): a trigger someone added runs inside our own writes, and a BLOB
where a title belongs breaks an export far from its cause.

Every value is read back through a plain cursor, not sqlite-utils' `Table.rows`, which
builds a dict for each row: 1.6 times the CPU time for values nobody looks at (issue 19,
docs/benchmarks.md). What SQLite checks itself (`integrity_check`, `foreign_key_check`)
has no sqlite-utils form; counting does (`Table.count`).
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field

from annotator.core import names, schema, value_types
from annotator.core.coding import mismatched_quotes
from annotator.core.project import Project
from annotator.core.schema import SchemaDifference
from annotator.core.value_types import TypeDamage


@dataclass
class CheckReport:
    integrity: str = "ok"
    documents_checked: int = 0
    originals_checked: int = 0
    codings_checked: int = 0
    problems: list[str] = field(default_factory=list)
    schema: list[SchemaDifference] = field(default_factory=list)
    value_types: list[TypeDamage] = field(default_factory=list)
    stale_name_keys: int = 0  # names whose lookup key another tool left out of date

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not (self.problems or self.schema or self.value_types)

    @property
    def repairable(self) -> bool:
        """Whether `schema_repair` has something to do (the schema, BLOBs in text, keys)."""
        return (
            bool(self.schema)
            or any(d.expected == "text" for d in self.value_types)
            or self.stale_name_keys > 0
        )


# Tables whose every value is read back; documents are read whole by the hash check.
_READ_WHOLE = ("project_settings", "coders", "codes", "codings", "document_status", "events")


def check_project(project: Project) -> CheckReport:
    """Check everything; a file too damaged to finish the check is reported, not raised."""
    report = CheckReport()
    try:
        _check(project, report)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        report.integrity = f"the file is damaged ({exc})"
    return report


def _check(project: Project, report: CheckReport) -> None:
    conn = project.conn
    results = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    report.integrity = "ok" if results == ["ok"] else "; ".join(results[:20])
    report.schema = schema.differences(conn)
    report.value_types = value_types.type_damage(conn)
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        report.problems.append(f"{table} row {rowid} points to a missing {parent} row")
    if schema.breaks_reading(report.schema):
        return  # the checks below read what is missing; the repair comes first
    for table in _READ_WHOLE:  # every value decodes (integrity_check never looks inside)
        for _row in conn.execute(f"SELECT * FROM {table}"):
            pass
    for doc_id, title, text, text_sha in conn.execute(
        "SELECT id, title, text, text_sha256 FROM documents"
    ):
        report.documents_checked += 1
        if not isinstance(text, str):
            continue  # reported with the value types
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != text_sha:
            report.problems.append(f"document {title!r} ({doc_id}): text hash does not match")
    for doc_id, title, content, original_sha in conn.execute(
        "SELECT d.id, d.title, o.content, d.original_sha256 FROM document_originals o "
        "JOIN documents d ON d.id = o.document_id"
    ):
        report.originals_checked += 1
        if not isinstance(content, bytes):
            continue  # reported with the value types
        if hashlib.sha256(content).hexdigest() != original_sha:
            report.problems.append(
                f"document {title!r} ({doc_id}): original file hash does not match"
            )
    report.codings_checked = project.db.table("codings").count
    for coding in mismatched_quotes(project):
        report.problems.append(
            f"coding {coding.id}: quote does not match the text at {coding.start}-{coding.end}"
        )
    _check_names(conn, report)


def _check_names(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Code names must not read alike (older files may hold such pairs), and every name's
    lookup key must fit it (`names`; a row written by another tool may lack one)."""
    for group in names.lookalike_codes(conn):
        listed = ", ".join(
            f"{name!r} ({code_id}{'' if names.normal_name(name) == name else ', accents apart'})"
            for code_id, name in group
        )
        report.problems.append(f"code names that read alike: {listed}; rename or merge them")
    stale = names.stale_keys(conn)
    report.stale_name_keys = len(stale)
    for table, row_id in stale:
        report.problems.append(f"{table} row {row_id}: its name's lookup key is out of date")
