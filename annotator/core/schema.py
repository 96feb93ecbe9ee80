"""What a project file's schema must be, and how a file's schema differs from it.

A trigger someone added to a project file runs inside our own transactions (one that
deletes codings on every insert passed every check before issue 18), and a dropped
column or full-text index breaks reading. So opening, `check` and merging all compare
the file's whole schema (tables, columns, full-text indexes, indexes, triggers, views)
with what this version writes.

What this version writes is never a hand-kept list: it is read from a fresh in-memory
database built by the migrations themselves, once per schema version per process, so
a new migration changes it by itself. A file's side is `sqlite_master` alone (a few
dozen rows), so comparing costs well under a millisecond on any project size.

Both sides are read with SQL, not sqlite-utils' `Table` properties (issue 19,
docs/benchmarks.md): those hold no index's SQL, which the comparison needs;
`Table.columns` reads `PRAGMA table_info`, which leaves out the generated and hidden
columns another tool may add (`table_xinfo` names them); and gathering the schema
their way took 9 times the CPU time (4 times for the columns alone), on every open.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core import migrations

# Kept by SQLite itself (AUTOINCREMENT, ANALYZE); their form is SQLite's, not ours.
_SQLITE_OWN_TABLES = frozenset(
    {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"}
)


class ObjectKind(enum.Enum):
    TABLE = "table"
    FULL_TEXT_INDEX = "full-text index"  # a virtual table (FTS5) with its shadow tables
    INDEX = "index"
    TRIGGER = "trigger"
    VIEW = "view"


class Difference(enum.Enum):
    FOREIGN = "not written by Annotator"
    MISSING = "missing"
    CHANGED = "changed"


@dataclass(frozen=True)
class SchemaDifference:
    """One part of a file's schema that is not as this version writes it."""

    difference: Difference
    kind: ObjectKind
    name: str
    table: str  # the table a trigger or index is on; the table's own name otherwise
    missing_columns: tuple[str, ...] = ()
    foreign_columns: tuple[str, ...] = ()

    @property
    def breaks_reading(self) -> bool:
        """Whether reading the project would fail on it (not just writing be unsafe)."""
        if self.kind is ObjectKind.FULL_TEXT_INDEX:
            return self.difference is not Difference.FOREIGN
        if self.kind is ObjectKind.TABLE:
            return self.difference is Difference.MISSING or bool(self.missing_columns)
        return False

    def __str__(self) -> str:
        where = f" on {self.table}" if self.kind in (ObjectKind.INDEX, ObjectKind.TRIGGER) else ""
        detail = self.difference.value
        columns = [f"column {c} missing" for c in self.missing_columns]
        columns += [f"column {c} not written by Annotator" for c in self.foreign_columns]
        if columns:
            detail = ", ".join(columns)
        return f"{self.kind.value} {self.name}{where} ({detail})"


@dataclass(frozen=True)
class SchemaObject:
    type: str  # as sqlite_master says: table, index, trigger, view
    name: str
    table: str
    sql: str  # normalised (see `normalise_sql`)
    virtual: bool

    @property
    def kind(self) -> ObjectKind:
        if self.virtual:
            return ObjectKind.FULL_TEXT_INDEX
        return ObjectKind(self.type)


@dataclass(frozen=True)
class Column:
    name: str
    declared_type: str
    not_null: bool


@dataclass(frozen=True)
class ExpectedSchema:
    """The schema one version writes, with what comparing and repairing need."""

    version: int
    objects: dict[tuple[str, str], SchemaObject]
    shadow_of: dict[str, str]  # shadow table -> its full-text index
    columns: dict[str, tuple[Column, ...]]  # ordinary table -> its columns, in order
    raw_sql: dict[tuple[str, str], str]  # the SQL exactly as the migrations wrote it


def normalise_sql(sql: str | None) -> str:
    """One form for SQL that differs only in layout."""
    return " ".join((sql or "").split()).rstrip(";").strip()


def _rows(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    return conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()


def _is_sqlite_own(kind: str, name: str, sql: str | None) -> bool:
    if kind == "table":
        return name in _SQLITE_OWN_TABLES
    return kind == "index" and name.startswith("sqlite_autoindex_") and sql is None


def read_schema(conn: sqlite3.Connection) -> dict[tuple[str, str], SchemaObject]:
    """A database's schema objects by (type, name), leaving out SQLite's own."""
    found: dict[tuple[str, str], SchemaObject] = {}
    for kind, name, table, sql in _rows(conn):
        if not isinstance(name, str) or _is_sqlite_own(kind, name, sql):
            continue
        normalised = normalise_sql(sql)
        virtual = normalised.upper().startswith("CREATE VIRTUAL TABLE")
        found[(kind, name)] = SchemaObject(kind, name, str(table), normalised, virtual)
    return found


def _table_columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(r[0] for r in conn.execute("SELECT name FROM pragma_table_xinfo(?)", (table,)))


def expected_schema(version: int | None = None) -> ExpectedSchema:
    """The schema the migrations up to `version` (default: the latest) write."""
    target = migrations.latest_version() if version is None else version
    return _build(tuple(migrations.pending(0, target)), target)


@functools.cache
def _build(steps: tuple[migrations.Migration, ...], version: int) -> ExpectedSchema:
    # Keyed by the steps themselves, so a test that adds a step is not served a stale one.
    with contextlib.closing(sqlite3.connect(":memory:", isolation_level=None)) as conn:
        migrations.apply(conn, 0, up_to=version)
        objects = read_schema(conn)
        virtual = [o.name for o in objects.values() if o.virtual]
        shadow_of = {
            name: next(v for v in virtual if name.startswith(v + "_"))
            for (name, kind) in conn.execute("SELECT name, type FROM pragma_table_list")
            if kind == "shadow"
        }
        columns = {
            o.name: tuple(
                Column(r[0], r[1], bool(r[2]))
                for r in conn.execute(
                    'SELECT name, type, "notnull" FROM pragma_table_xinfo(?)', (o.name,)
                )
            )
            for o in objects.values()
            if o.type == "table" and not o.virtual and o.name not in shadow_of
        }
        raw = {(r[0], r[1]): r[3] or "" for r in _rows(conn)}
    return ExpectedSchema(version, objects, shadow_of, columns, raw)


def differences(conn: sqlite3.Connection, version: int | None = None) -> list[SchemaDifference]:
    """How the schema of `conn`'s database differs from what `version` writes.

    Shadow tables of a full-text index are SQLite's own make: one that is missing or
    changed is reported as its index being changed; their SQL is not compared, as
    SQLite words it. Those of a foreign index go with it.
    """
    expected = expected_schema(version)
    found = read_schema(conn)
    foreign_virtual = [
        o.name for key, o in found.items() if o.virtual and key not in expected.objects
    ]
    result: dict[tuple[str, str], SchemaDifference] = {}
    for key in sorted(expected.objects.keys() | found.keys()):
        want, have = expected.objects.get(key), found.get(key)
        if want is None:
            assert have is not None
            if not any(have.name.startswith(v + "_") for v in foreign_virtual):
                result[key] = SchemaDifference(Difference.FOREIGN, have.kind, have.name, have.table)
            continue
        owner = expected.shadow_of.get(want.name)
        if owner is not None:  # a shadow table: only that it is there
            if have is None or have.type != "table":
                index = ("table", owner)
                result.setdefault(
                    index,
                    SchemaDifference(Difference.CHANGED, ObjectKind.FULL_TEXT_INDEX, owner, owner),
                )
            continue
        if have is None:
            result[key] = SchemaDifference(Difference.MISSING, want.kind, want.name, want.table)
        elif have.sql != want.sql or have.table != want.table or have.virtual != want.virtual:
            result[key] = _changed(conn, expected, want, have)
    return list(result.values())


def _changed(
    conn: sqlite3.Connection, expected: ExpectedSchema, want: SchemaObject, have: SchemaObject
) -> SchemaDifference:
    if want.type != "table" or want.virtual or have.virtual:
        return SchemaDifference(Difference.CHANGED, want.kind, want.name, want.table)
    ours = [c.name for c in expected.columns[want.name]]
    theirs = _table_columns(conn, want.name)
    return SchemaDifference(
        Difference.CHANGED,
        ObjectKind.TABLE,
        want.name,
        want.table,
        missing_columns=tuple(c for c in ours if c not in theirs),
        foreign_columns=tuple(c for c in theirs if c not in ours),
    )


def breaks_reading(found: Iterable[SchemaDifference]) -> bool:
    return any(d.breaks_reading for d in found)


def describe(found: Iterable[SchemaDifference], limit: int = 10) -> str:
    """The differences in plain English, for logs and error messages."""
    found = list(found)
    text = "; ".join(str(d) for d in found[:limit])
    if len(found) > limit:
        text += f"; and {len(found) - limit} more"
    return text
