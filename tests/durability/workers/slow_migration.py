"""A test-only schema step after the latest, slow and large on purpose, so a kill
lands inside it.

It adds a column to every coding and a table with a row per coding, writing more than
SQLite's page cache holds, so uncommitted pages reach the WAL before the kill.
"""

from __future__ import annotations

import sqlite3

from annotator.core import migrations

VERSION = migrations.latest_version() + 1  # read before `register` adds the step


def slow_step(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE codings ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0")
    conn.execute(
        "CREATE TABLE coding_reviews (coding_id TEXT PRIMARY KEY REFERENCES codings (id), "
        "note TEXT NOT NULL)"
    )
    ids = [row[0] for row in conn.execute("SELECT id FROM codings")]
    for coding_id in ids:
        conn.execute("INSERT INTO coding_reviews VALUES (?, ?)", (coding_id, "checked " * 40))
        conn.execute("UPDATE codings SET reviewed = 1 WHERE id = ?", (coding_id,))


def register() -> None:
    """Make `slow_step` the next migration (in this process only)."""
    if migrations.latest_version() < VERSION:
        migrations.MIGRATIONS = [
            *migrations.MIGRATIONS,
            migrations.Migration(VERSION, "slow test step", slow_step),
        ]
