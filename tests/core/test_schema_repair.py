"""`check --repair` in the core: a backup first, then the schema as the migrations write
it, with every row the file still holds (issue 18)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from annotator.core import backups, cipher_driver, errors, events, file_header
from annotator.core.check import check_project
from annotator.core.codebook_file import new_project
from annotator.core.project import open_project
from annotator.core.schema_repair import repair_project
from tests.core.tampering import (
    BLOB_TITLE,
    DELETING_TRIGGER,
    DROPPED_COLUMN,
    DROPPED_FULL_TEXT,
    RAISING_TRIGGER,
    coded_project,
    count,
    tamper,
)

FIXTURE_V1 = Path(__file__).parent.parent / "fixtures" / "schema-v1.annotator"


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    return coded_project(tmp_path / "P.annotator")


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchall()


def _found(path: Path, index: str, query: str) -> list[object]:
    """Titles of the documents a full-text index finds (as search reads it)."""
    sql = (
        f"SELECT d.title FROM {index} JOIN documents d ON d.seq = {index}.rowid "
        f"WHERE {index} MATCH ?"
    )
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute(sql, (query,))]


def _healthy(path: Path) -> None:
    with open_project(path) as project:
        assert not project.read_only
        report = check_project(project)
        assert report.ok, report


def test_repair_takes_a_backup_then_drops_the_foreign_trigger(coded: Path) -> None:
    tamper(coded, DELETING_TRIGGER, RAISING_TRIGGER)
    done = repair_project(coded)
    assert sorted(d.name for d in done.repaired) == ["x", "y"]
    (backup,) = backups.list_backups(coded)
    assert backup.path == done.backup
    kept = _rows(backup.path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")
    assert ("x",) in kept  # the backup is the project as it was
    _healthy(coded)
    with open_project(coded) as project:
        (event,) = events.history(project, action="schema repaired")
    assert event.details["repaired"] == [
        "trigger x on codings (not written by Annotator)",
        "trigger y on events (not written by Annotator)",
    ]


def test_repair_rebuilds_a_table_with_its_rows_when_a_column_was_dropped(coded: Path) -> None:
    before = _rows(coded, 'SELECT id, quote, start, "end" FROM codings')
    tamper(coded, DROPPED_COLUMN)
    repair_project(coded)
    assert _rows(coded, 'SELECT id, quote, start, "end" FROM codings') == before
    assert _rows(coded, "SELECT memo FROM codings") == [("",)]
    _healthy(coded)


def test_repair_makes_a_missing_full_text_index_again_and_fills_it(coded: Path) -> None:
    tamper(coded, DROPPED_FULL_TEXT)
    done = repair_project(coded)
    assert done.full_text_rebuilt == ("documents_fts",)
    _healthy(coded)
    assert _found(coded, "documents_fts", "villages") == ["A"]


def test_repair_turns_a_blob_title_back_into_text(coded: Path) -> None:
    tamper(coded, BLOB_TITLE)
    done = repair_project(coded)
    assert [(d.table, d.column, d.rows) for d in done.values_retyped] == [("documents", "title", 1)]
    assert _rows(coded, "SELECT typeof(title), title FROM documents") == [("text", "A")]
    _healthy(coded)
    assert _found(coded, "documents_fts", "title:A") == ["A"]
    assert _found(coded, "documents_trigram", "villages") == ["A"]


def test_bytes_that_are_not_text_are_left_and_reported(coded: Path) -> None:
    tamper(coded, "UPDATE codings SET memo = x'ff00fe'")
    done = repair_project(coded)
    assert [(d.table, d.column, d.rows) for d in done.values_left] == [("codings", "memo", 1)]
    with open_project(coded) as project:
        assert [str(d) for d in check_project(project).value_types] == [
            "codings.memo: 1 row not text"
        ]


def test_a_table_that_cannot_be_rebuilt_leaves_the_file_as_it_was(coded: Path) -> None:
    # A required column without a default is gone with its values: only a backup helps.
    tamper(coded, DELETING_TRIGGER, "ALTER TABLE codings DROP COLUMN quote")
    before = _rows(coded, "SELECT type, name, sql FROM sqlite_master ORDER BY name")
    with pytest.raises(errors.SchemaRepairFailed) as failed:
        repair_project(coded)
    assert "quote" in str(failed.value)
    assert _rows(coded, "SELECT type, name, sql FROM sqlite_master ORDER BY name") == before
    assert count(coded, "codings") == 1


def test_an_older_project_is_repaired_at_its_version_then_migrated(tmp_path: Path) -> None:
    old = tmp_path / "old.annotator"
    old.write_bytes(FIXTURE_V1.read_bytes())
    tamper(old, DELETING_TRIGGER)
    repair_project(old)
    assert _rows(old, "PRAGMA user_version") == [(1,)]
    _healthy(old)  # opening migrates it now
    assert _rows(old, "PRAGMA user_version") != [(1,)]


def test_repair_refuses_a_place_it_cannot_write(
    coded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tamper(coded, DELETING_TRIGGER)
    monkeypatch.setattr("annotator.core.read_only._writable", lambda _path: False)
    with pytest.raises(errors.ProjectUnwritable):
        repair_project(coded)
    assert backups.list_backups(coded) == []


@pytest.mark.skipif(not cipher_driver.available(), reason="needs SQLCipher")
def test_an_encrypted_project_is_repaired_with_its_passphrase(tmp_path: Path) -> None:
    path, passphrase = tmp_path / "sealed.annotator", "border-notes-2024"
    new_project(path, passphrase=passphrase).close()
    with contextlib.closing(cipher_driver.connect(path, passphrase)) as conn:
        conn.execute(DELETING_TRIGGER)
        conn.commit()
    with open_project(path, passphrase=passphrase) as project:
        assert [d.name for d in project.schema_differences] == ["x"]
    done = repair_project(path, passphrase=passphrase)
    assert not done.backup.read_bytes().startswith(file_header.SQLITE_MAGIC)
    with open_project(path, passphrase=passphrase) as project:
        assert not project.read_only and check_project(project).ok
