"""Names as people read them: code, coder and document names compared as they look.

"Café" typed on one laptop and "Café" pasted from a Mac are different strings (é as one
character, or e and a combining accent: Unicode's NFC and NFD forms) that nobody can
tell apart, and "CAFÉ" is the same name in capitals; SQLite's NOCASE folds only ASCII.
So names are stored in NFC (`normal_name`) and compared by their key (`name_key`):
Unicode's full case folding of the canonical form, with runs of white space as one.

The key is stored beside each name (`codes.name_key`, `coders.name_key`, and the
`document_title_keys` table, since a column in `documents` would have meant rewriting
every document's text to fill it) so a lookup is one index search. The core keeps the
keys with TEMP triggers on each connection it writes through (`keep_keys`), so every
way a name is written (create, rename, import, merge, undo) is covered; the file itself
holds no trigger, function or collation that the sqlite3 shell or a partner's tool
would not know. A row written by such a tool has no key yet and is still found
(`matching_ids`); `check` reports keys that do not fit their names.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable

KEY_FUNCTION = "annotator_name_key"
KEYS_SINCE = 3  # the schema version that stores the keys (migration 3)

# (table, id column, name column, key table, key table's id column, key column)
KEYED = (
    ("codes", "id", "name", "codes", "id", "name_key"),
    ("coders", "id", "name", "coders", "id", "name_key"),
    ("documents", "id", "title", "document_title_keys", "document_id", "title_key"),
)


def normal_name(name: str) -> str:
    """The form a name is stored in: NFC, so one look is one string."""
    return unicodedata.normalize("NFC", name)


def name_key(name: str) -> str:
    """What two names must share to read as the same name."""
    spaced = " ".join(name.split())
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", spaced).casefold())


def path_key(parts: Iterable[str]) -> str:
    """The key of a code path such as `Biometric collection/Fingerprints`."""
    return "/".join(name_key(part) for part in parts)


def _key_or_none(value: object) -> str | None:
    return name_key(value) if isinstance(value, str) else None


def keep_keys(conn: sqlite3.Connection) -> None:
    """Keep every name's key up to date on this (writable, migrated) connection."""
    conn.create_function(KEY_FUNCTION, 1, _key_or_none, deterministic=True)
    for table, id_column, name_column, key_table, key_id, key_column in KEYED:
        if key_table == table:
            write = (
                f"UPDATE {table} SET {key_column} = {KEY_FUNCTION}(NEW.{name_column}) "
                f"WHERE {id_column} = NEW.{id_column};"
            )
        else:
            write = (
                f"INSERT OR REPLACE INTO {key_table} ({key_id}, {key_column}) "
                f"SELECT NEW.{id_column}, {KEY_FUNCTION}(NEW.{name_column}) "
                f"WHERE typeof(NEW.{name_column}) = 'text';"
            )
        for event in ("INSERT", f"UPDATE OF {name_column}"):
            trigger = f"annotator_{table}_key_{event.split()[0].lower()}"
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {trigger} AFTER {event} ON main.{table} "
                f"BEGIN {write} END"
            )


def matching_ids(conn: sqlite3.Connection, table: str, name: str) -> list[str]:
    """Ids of the rows of `table` (codes, coders, documents) whose name reads as `name`."""
    _, id_column, name_column, key_table, key_id, key_column = _keyed(table)
    key = name_key(name)
    if key_table == table:
        rows = conn.execute(
            f"SELECT {id_column}, {name_column}, {key_column} FROM {table} "
            f"WHERE {key_column} = ? OR {key_column} IS NULL",
            (key,),
        ).fetchall()
    else:
        rows = conn.execute(
            f"SELECT t.{id_column}, t.{name_column}, k.{key_column} FROM {key_table} k "
            f"JOIN {table} t ON t.{id_column} = k.{key_id} WHERE k.{key_column} = ?",
            (key,),
        ).fetchall()
        counts = [
            conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in (table, key_table)
        ]
        if counts[0] != counts[1]:  # rows another tool wrote, without their keys
            rows += _unkeyed(conn, table)
    return [row[0] for row in rows if isinstance(row[1], str) and name_key(row[1]) == key]


def _unkeyed(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, None]]:
    _, id_column, name_column, key_table, key_id, _ = _keyed(table)
    return conn.execute(
        f"SELECT {id_column}, {name_column}, NULL FROM {table} t WHERE NOT EXISTS "
        f"(SELECT 1 FROM {key_table} k WHERE k.{key_id} = t.{id_column})"
    ).fetchall()


def _keyed(table: str) -> tuple[str, str, str, str, str, str]:
    return next(entry for entry in KEYED if entry[0] == table)


def fill_keys(conn: sqlite3.Connection) -> None:
    """Compute every key afresh (the migration that brought them in)."""
    for table, id_column, name_column, key_table, key_id, key_column in KEYED:
        rows = conn.execute(f"SELECT {id_column}, {name_column} FROM {table}").fetchall()
        keyed = [(row[0], _key_or_none(row[1])) for row in rows]
        if key_table == table:
            conn.executemany(
                f"UPDATE {table} SET {key_column} = ? WHERE {id_column} = ?",
                [(key, row_id) for row_id, key in keyed],
            )
        else:
            conn.executemany(
                f"INSERT OR REPLACE INTO {key_table} ({key_id}, {key_column}) VALUES (?, ?)",
                [(row_id, key) for row_id, key in keyed if key is not None],
            )


def lookalike_codes(conn: sqlite3.Connection) -> list[list[tuple[str, str]]]:
    """Codes whose names read alike, as groups of (id, name); code names must not."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for code_id, name in conn.execute("SELECT id, name FROM codes ORDER BY created_at, id"):
        if isinstance(name, str):
            groups.setdefault(name_key(name), []).append((code_id, name))
    return [group for group in groups.values() if len(group) > 1]


def stale_keys(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, id) of the names whose stored key does not fit (written by another tool)."""
    stale: list[tuple[str, str]] = []
    for table, id_column, name_column, key_table, key_id, key_column in KEYED:
        rows = conn.execute(
            f"SELECT t.{id_column}, t.{name_column}, k.{key_column} FROM {table} t "
            f"LEFT JOIN {key_table} k ON k.{key_id} = t.{id_column}"
        )
        stale += [(table, row[0]) for row in rows if row[2] != _key_or_none(row[1])]
    return stale
