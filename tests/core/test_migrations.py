"""Forward migrations from a committed schema-v1 file: the real steps, and a test-only
step after the latest one."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core import coding, errors, migrations
from annotator.core.check import check_project
from annotator.core.project import open_project

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schema-v1.annotator"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "old-study.annotator"
    shutil.copyfile(FIXTURE, target)
    return target


def _add_reviewed_column(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE codings ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0")


def _broken_step(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE codings ADD COLUMN half_done INTEGER")
    raise sqlite3.OperationalError("disk I/O error (simulated)")


NEXT = migrations.latest_version() + 1  # a test-only step after the real ones


def _version(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def test_fixture_is_schema_v1_with_data(v1_copy: Path) -> None:
    assert _version(v1_copy) == 1
    with open_project(v1_copy) as project:
        assert project.conn.execute("SELECT count(*) FROM codings").fetchone()[0] >= 3
        assert check_project(project).ok


def test_v1_upgrades_to_the_index_of_documents_in_date_order(v1_copy: Path) -> None:
    with contextlib.closing(sqlite3.connect(v1_copy)) as conn:
        before = conn.execute("SELECT * FROM documents ORDER BY seq").fetchall()
    with open_project(v1_copy) as project:
        conn = project.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert conn.execute("SELECT * FROM documents ORDER BY seq").fetchall() == before
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT seq FROM documents ORDER BY published_date, title, seq"
        ).fetchall()
        assert "COVERING INDEX documents_by_date" in str(plan) and "TEMP B-TREE" not in str(plan)
        assert check_project(project).ok
        assert coding.mismatched_quotes(project) == []
    (backup,) = v1_copy.parent.glob("old-study.schema-v1-backup-*.annotator")
    assert _version(backup) == 1


def test_next_step_runs_forward_after_a_backup(
    v1_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_project(v1_copy) as project:
        codings_before = project.conn.execute(
            'SELECT id, quote, start, "end" FROM codings ORDER BY id'
        ).fetchall()
    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        [*migrations.MIGRATIONS, migrations.Migration(NEXT, "reviewed flag", _add_reviewed_column)],
    )
    with open_project(v1_copy) as project:
        assert project.conn.execute("PRAGMA user_version").fetchone()[0] == NEXT
        rows = project.conn.execute(
            'SELECT id, quote, start, "end", reviewed FROM codings ORDER BY id'
        ).fetchall()
        assert [r[:4] for r in rows] == codings_before
        assert {r[4] for r in rows} == {0}
        assert coding.mismatched_quotes(project) == []
    backups = list(v1_copy.parent.glob("old-study.schema-v1-backup-*.annotator"))
    assert len(backups) == 1
    backup = sqlite3.connect(backups[0])
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT count(*) FROM codings").fetchone()[0] == len(codings_before)
    backup.close()


def test_failed_step_changes_nothing(v1_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        [*migrations.MIGRATIONS, migrations.Migration(NEXT, "broken", _broken_step)],
    )
    with pytest.raises(errors.MigrationFailed, match="left as it was"):
        open_project(v1_copy)
    assert _version(v1_copy) == 1  # not even the real steps before the broken one
    with contextlib.closing(sqlite3.connect(v1_copy)) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(codings)")]
        indexes = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    assert "half_done" not in columns and "documents_by_date" not in indexes


def test_fixture_file_itself_is_never_modified() -> None:
    # Tests work on copies; the committed fixture must stay a v1 file.
    conn = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
