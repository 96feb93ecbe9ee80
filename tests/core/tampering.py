"""Hostile and damaged project files, each made by the test from a fresh project.

`coded_project` is the issue's P: the default codebook, one document titled "A" and
one coding. `tamper` then changes the closed file the way another program (or a
person with the sqlite3 shell) would.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from annotator.core import codebook, coders, coding, documents
from annotator.core.codebook_file import new_project

TEXT = "Police installed cameras in the square. Drones flew over the villages."


def coded_project(path: Path) -> Path:
    """A closed project with one document ("A") coded once ("cameras", CCTV)."""
    with new_project(path) as project:
        amina = coders.add_coder(project, "Amina Rasheed")
        document = documents.store_document(project, documents.NewDocument(title="A", text=TEXT))
        start = TEXT.index("cameras")
        cctv = codebook.find_code(project, "CCTV").id
        coding.add_coding(project, document.id, cctv, start, start + 7, amina.id)
    return path


def tamper(path: Path, *statements: str) -> Path:
    """Run SQL on the closed file directly, as another program would."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def count(path: Path, table: str) -> int:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# The findings 10 and 11, as the statements that made each file.
DELETING_TRIGGER = (
    "CREATE TRIGGER x AFTER INSERT ON codings BEGIN DELETE FROM codings WHERE id<>NEW.id; END"
)
DROPPED_COLUMN = "ALTER TABLE codings DROP COLUMN memo"
DROPPED_FULL_TEXT = "DROP TABLE documents_fts"
RAISING_TRIGGER = "CREATE TRIGGER y BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'no'); END"
BLOB_TITLE = "UPDATE documents SET title = CAST(title AS BLOB)"
