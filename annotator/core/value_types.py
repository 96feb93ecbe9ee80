"""Stored values of the wrong type: a BLOB where a title's text belongs, text in a position.

SQLite lets any column hold any type, and our code always writes the declared one, so a
wrong type means the file was changed by something else. Such a value breaks the
researcher's work far from its cause (an export failing on a title), so `check` looks
at every column of every table, and a repair turns a BLOB that is UTF-8 text back into
text. The declared types come from `core.schema`, that is from the migrations.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core import errors, schema


@dataclass(frozen=True)
class TypeDamage:
    """Rows of one column whose value is not of the column's type."""

    table: str
    column: str
    expected: str  # "text", "integer", "real" or "blob"
    rows: int

    def __str__(self) -> str:
        plural = "row" if self.rows == 1 else "rows"
        return f"{self.table}.{self.column}: {self.rows} {plural} not {self.expected}"


def require_text(
    path: Path, table: str, names: Sequence[str | None], rows: Sequence[Sequence[object]]
) -> None:
    """Refuse rows whose values named in `names` are not text (None: not a text column).

    For readers that hand stored text to code that needs it (sorting, exports): a
    damaged value becomes DamagedValue here, naming table, column and row (its first
    value), not a TypeError later. One type test per value.
    """
    text_columns = [(index, name) for index, name in enumerate(names) if name is not None]
    for row in rows:
        for index, name in text_columns:
            if type(row[index]) is not str:
                raise errors.DamagedValue(path, table, name, repr(row[0]))


def stored_type(declared: str) -> str | None:
    """The one type a column of this declared type holds, after SQLite's affinity rules."""
    declared = declared.upper()
    if "INT" in declared:
        return "integer"
    if any(word in declared for word in ("CHAR", "CLOB", "TEXT")):
        return "text"
    if declared == "BLOB":
        return "blob"
    if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
        return "real"
    return None  # no declared type, or NUMERIC: anything goes


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _allowed(column: schema.Column, wanted: str) -> str:
    types = [wanted, *(["integer"] if wanted == "real" else [])]
    types += [] if column.not_null else ["null"]
    return ", ".join(f"'{t}'" for t in types)


def checked_columns(
    conn: sqlite3.Connection, version: int | None = None
) -> dict[str, list[tuple[schema.Column, str]]]:
    """Per table, the columns with one expected type that the file has, with that type.

    Tables and columns the file lacks are left to the schema comparison.
    """
    expected = schema.expected_schema(version)
    present = {
        row[0]: {c[0] for c in conn.execute("SELECT name FROM pragma_table_xinfo(?)", row)}
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    checked: dict[str, list[tuple[schema.Column, str]]] = {}
    for table, columns in expected.columns.items():
        typed = [
            (c, wanted)
            for c in columns
            if (wanted := stored_type(c.declared_type)) and c.name in present.get(table, ())
        ]
        if typed:
            checked[table] = typed
    return checked


def type_damage(conn: sqlite3.Connection, version: int | None = None) -> list[TypeDamage]:
    """Every column of every table holding values not of its type, with the row count.

    One pass over each table; `typeof()` never reads a long text's overflow pages.
    """
    found: list[TypeDamage] = []
    for table, typed in checked_columns(conn, version).items():
        sums = ", ".join(
            f"coalesce(sum(typeof({_quoted(c.name)}) NOT IN ({_allowed(c, wanted)})), 0)"
            for c, wanted in typed
        )
        counts = conn.execute(f"SELECT {sums} FROM {_quoted(table)}").fetchone()
        found += [
            TypeDamage(table, c.name, wanted, count)
            for (c, wanted), count in zip(typed, counts, strict=True)
            if count
        ]
    return found


def text_blobs(conn: sqlite3.Connection, table: str, column: str) -> list[tuple[int, str]]:
    """The BLOBs of a text column that are UTF-8 text, as (rowid, text)."""
    readable: list[tuple[int, str]] = []
    for rowid, value in conn.execute(
        f"SELECT rowid, {_quoted(column)} FROM {_quoted(table)} "
        f"WHERE typeof({_quoted(column)}) = 'blob'"
    ):
        with contextlib.suppress(UnicodeDecodeError):  # left for a backup to answer
            readable.append((rowid, bytes(value).decode("utf-8")))
    return readable
