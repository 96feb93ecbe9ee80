"""Putting a project's schema back to what this version writes, after a backup.

What `core.schema` reports, this undoes, in one transaction on a connection of its own:
foreign triggers, views, indexes and tables are dropped; ours that are missing or
changed are created again from the migrations' own SQL; a table of ours whose columns
or constraints changed is rebuilt with every row it still holds; a full-text index that
is missing or changed is created again and filled from the documents. BLOBs that are
UTF-8 text in text columns become text again (`core.value_types`), and names' lookup
keys another tool left out of date are computed afresh (`core.names`). A backup comes
first (`core.backups`), always a new one, so what was dropped can still be looked at.

Nothing of someone else's runs meanwhile: their triggers go before any row is touched,
and foreign keys are off, so rebuilding a table never cascades into another. The
project must be closed everywhere; opening it again runs any pending migration.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from annotator.core import backups, cipher_driver, errors, events, migrations, names, schema
from annotator.core.ids import CoderId
from annotator.core.project import Project
from annotator.core.read_only import why_read_only
from annotator.core.schema import Difference, ExpectedSchema, ObjectKind, SchemaDifference
from annotator.core.value_types import TypeDamage, text_blobs, type_damage

log = logging.getLogger(__name__)

_OLD_TABLE = "annotator_repair_old_{}"


@dataclass(frozen=True)
class SchemaRepair:
    """What a repair did; `backup` holds the project as it was before."""

    backup: Path
    repaired: tuple[SchemaDifference, ...]
    values_retyped: tuple[TypeDamage, ...]  # BLOBs made text again, per column
    values_left: tuple[TypeDamage, ...]  # wrong types a repair cannot undo
    full_text_rebuilt: tuple[str, ...]
    name_keys_refreshed: int = 0  # names whose lookup key was out of date


def repair_project(
    path: Path | str, *, passphrase: str | None = None, coder_id: CoderId | None = None
) -> SchemaRepair:
    """Back the project up, then make its schema what this version writes.

    Raises SchemaRepairFailed (with the file as it was) when a table cannot be rebuilt,
    e.g. a required column was dropped and its values are gone: restore a backup then.
    """
    path = Path(path)
    if why_read_only(path) is not None:
        raise errors.ProjectUnwritable(path, because=errors.ProjectCause.UNWRITABLE_PLACE)
    cipher_driver.check_project_file(path, passphrase, migrations.latest_version())
    key = cipher_driver.key_for(path, passphrase)
    with _connection(path, key) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        # Always a new backup: a change made by another tool (a table of their own that
        # the repair drops) leaves no audit event, so an "unchanged" project is not.
        backup = backups.backup_now(
            Project(path=path, db=sqlite_utils.Database(conn), read_only=True, passphrase=key),
            always=True,
        ).path
        try:
            done = _repair(conn, schema.expected_schema(version), coder_id)
        except sqlite3.Error as exc:
            raise errors.SchemaRepairFailed(path, str(exc)) from exc
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log.info("repaired the schema of %s (backup %s): %s", path, backup, schema.describe(done[0]))
    return SchemaRepair(backup, *done)


@contextlib.contextmanager
def _connection(path: Path, passphrase: str | None) -> Iterator[sqlite3.Connection]:
    conn = cipher_driver.connect(path, passphrase, isolation_level=None)
    try:
        if passphrase is not None:
            cipher_driver.verify_key(conn, path)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA foreign_keys = OFF")  # a rebuilt table must not cascade
        conn.execute("PRAGMA legacy_alter_table = ON")  # renaming rewrites no other table
        yield conn
    finally:
        conn.close()


_Done = tuple[
    tuple[SchemaDifference, ...],
    tuple[TypeDamage, ...],
    tuple[TypeDamage, ...],
    tuple[str, ...],
    int,
]


def _repair(conn: sqlite3.Connection, expected: ExpectedSchema, coder_id: CoderId | None) -> _Done:
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = schema.differences(conn, expected.version)
        _drop_foreign_and_changed(conn, found)
        touched = _rebuild_tables(conn, expected, found)
        retyped, left = _retype_text_blobs(conn, expected)
        touched |= {d.table for d in retyped}
        rebuilt = _restore_full_text(conn, expected, touched)
        _create_missing(conn, expected)
        refreshed = _refresh_name_keys(conn, expected)
        still = schema.differences(conn, expected.version)
        if still:  # a bug, not the user's: never leave half a repair
            raise sqlite3.OperationalError(f"still differs: {schema.describe(still)}")
        events.record(
            conn,
            "schema repaired",
            coder_id,
            repaired=[str(d) for d in found],
            values_retyped=[str(d) for d in retyped],
            full_text_rebuilt=list(rebuilt),
            name_keys_refreshed=refreshed,
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return tuple(found), tuple(retyped), tuple(left), tuple(rebuilt), refreshed


def _refresh_name_keys(conn: sqlite3.Connection, expected: ExpectedSchema) -> int:
    """Compute every name's lookup key afresh when any is out of date; how many were."""
    if expected.version < names.KEYS_SINCE:
        return 0  # an older file has no keys yet: its upgrade computes them
    stale = len(names.stale_keys(conn))
    if stale:
        names.fill_keys(conn)
    return stale


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _drop(conn: sqlite3.Connection, kind: str, name: str) -> None:
    keyword = {"table": "TABLE", "index": "INDEX", "trigger": "TRIGGER", "view": "VIEW"}[kind]
    conn.execute(f"DROP {keyword} IF EXISTS {_quoted(name)}")


def _drop_foreign_and_changed(conn: sqlite3.Connection, found: list[SchemaDifference]) -> None:
    """Foreign parts go, and ours whose SQL changed (made again later): triggers and
    views first, which may name the rest; full-text indexes before plain tables, as
    dropping one drops its shadow tables."""
    order = (ObjectKind.TRIGGER, ObjectKind.VIEW, ObjectKind.INDEX, ObjectKind.FULL_TEXT_INDEX)
    for kind in (*order, ObjectKind.TABLE):
        for d in found:
            if d.kind is not kind or d.difference is Difference.MISSING:
                continue
            if kind is ObjectKind.TABLE and d.difference is Difference.CHANGED:
                continue  # rebuilt with its rows, below
            sql_type = "table" if kind is ObjectKind.FULL_TEXT_INDEX else kind.value
            _drop(conn, sql_type, d.name)


def _attached(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """The triggers and (non-automatic) indexes on `table`."""
    return conn.execute(
        "SELECT type, name FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
        "AND type IN ('trigger', 'index')",
        (table,),
    ).fetchall()


def _rebuild_tables(
    conn: sqlite3.Connection, expected: ExpectedSchema, found: list[SchemaDifference]
) -> set[str]:
    """Tables of ours that changed are rebuilt with the rows and columns they still
    hold; missing ones are created (empty). Their triggers and indexes go now and are
    made again at the end, from the migrations' SQL."""
    touched: set[str] = set()
    for d in found:
        if d.kind is not ObjectKind.TABLE or d.difference is Difference.FOREIGN:
            continue
        create = expected.raw_sql[("table", d.name)]
        if d.difference is Difference.MISSING:
            conn.execute(create)
            touched.add(d.name)
            continue
        for kind, name in _attached(conn, d.name):
            _drop(conn, kind, name)
        old = _OLD_TABLE.format(d.name)
        kept = [
            _quoted(c.name) for c in expected.columns[d.name] if c.name not in d.missing_columns
        ]
        conn.execute(f"ALTER TABLE {_quoted(d.name)} RENAME TO {_quoted(old)}")
        conn.execute(create)
        columns = ", ".join(kept)
        conn.execute(
            f"INSERT INTO {_quoted(d.name)} ({columns}) SELECT {columns} FROM {_quoted(old)}"
        )
        conn.execute(f"DROP TABLE {_quoted(old)}")
        touched.add(d.name)
    return touched


def _retype_text_blobs(
    conn: sqlite3.Connection, expected: ExpectedSchema
) -> tuple[list[TypeDamage], list[TypeDamage]]:
    """BLOBs that are UTF-8 text become text; anything else wrong is left, reported."""
    retyped: list[TypeDamage] = []
    left: list[TypeDamage] = []
    for damage in type_damage(conn, expected.version):
        if damage.expected != "text":
            left.append(damage)
            continue
        readable = text_blobs(conn, damage.table, damage.column)
        if readable:
            for kind, name in _attached(conn, damage.table):
                if kind == "trigger":  # e.g. frozen text, the append-only log
                    _drop(conn, kind, name)
            conn.executemany(
                f"UPDATE {_quoted(damage.table)} SET {_quoted(damage.column)} = ? WHERE rowid = ?",
                [(text, rowid) for rowid, text in readable],
            )
            retyped.append(TypeDamage(damage.table, damage.column, "text", len(readable)))
        if damage.rows - len(readable):
            left.append(
                TypeDamage(damage.table, damage.column, "text", damage.rows - len(readable))
            )
    return retyped, left


def _restore_full_text(
    conn: sqlite3.Connection, expected: ExpectedSchema, touched: set[str]
) -> list[str]:
    """Full-text indexes that are missing are made again, and filled from their content
    table, as are those over a table that was rebuilt or retyped."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    rebuilt: list[str] = []
    for (kind, name), obj in expected.objects.items():
        if not obj.virtual:
            continue
        # FTS5's external content names its table as content = 'documents'
        over_touched = any(f"'{table}'" in obj.sql for table in touched)
        if name in present and not over_touched:
            continue
        if name not in present:
            conn.execute(expected.raw_sql[(kind, name)])
        conn.execute(f"INSERT INTO {_quoted(name)} ({_quoted(name)}) VALUES ('rebuild')")
        rebuilt.append(name)
    return rebuilt


def _create_missing(conn: sqlite3.Connection, expected: ExpectedSchema) -> None:
    """Our indexes, triggers and views that are not there, in the migrations' order."""
    present = {(r[0], r[1]) for r in conn.execute("SELECT type, name FROM sqlite_master")}
    for key, obj in expected.objects.items():
        if obj.type in ("index", "trigger", "view") and key not in present:
            conn.execute(expected.raw_sql[key])
