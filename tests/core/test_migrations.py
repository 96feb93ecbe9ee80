"""Forward migrations from a committed schema-v1 file, with a test-only v2 step."""

from __future__ import annotations

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


def test_fixture_is_schema_v1_with_data(v1_copy: Path) -> None:
    with open_project(v1_copy) as project:
        assert project.conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert project.conn.execute("SELECT count(*) FROM codings").fetchone()[0] >= 3
        assert check_project(project).ok


def test_v2_step_runs_forward_after_a_backup(
    v1_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_project(v1_copy) as project:
        codings_before = project.conn.execute(
            'SELECT id, quote, start, "end" FROM codings ORDER BY id'
        ).fetchall()
    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        [*migrations.MIGRATIONS, migrations.Migration(2, "reviewed flag", _add_reviewed_column)],
    )
    with open_project(v1_copy) as project:
        assert project.conn.execute("PRAGMA user_version").fetchone()[0] == 2
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
        [*migrations.MIGRATIONS, migrations.Migration(2, "broken", _broken_step)],
    )
    with pytest.raises(errors.MigrationFailed, match="left as it was"):
        open_project(v1_copy)
    monkeypatch.undo()
    with open_project(v1_copy) as project:
        assert project.conn.execute("PRAGMA user_version").fetchone()[0] == 1
        columns = [r[1] for r in project.conn.execute("PRAGMA table_info(codings)")]
        assert "half_done" not in columns


def test_fixture_file_itself_is_never_modified() -> None:
    # Tests work on copies; the committed fixture must stay a v1 file.
    conn = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
