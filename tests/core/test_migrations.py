"""Forward migrations from a committed schema-v1 file: the real steps, and a test-only
step after the latest one."""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from annotator.core import codebook, coders, coding, documents, errors, migrations
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
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
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
    with pytest.raises(errors.MigrationFailed) as failed:
        open_project(v1_copy)
    assert failed.value.path == v1_copy and "simulated" in failed.value.detail
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


FIXTURE_V2 = Path(__file__).parent.parent / "fixtures" / "schema-v2.annotator"
NFC, NFD = (unicodedata.normalize(form, "Café") for form in ("NFC", "NFD"))


@pytest.fixture
def v2_copy(tmp_path: Path) -> Path:
    target = tmp_path / "lookalikes.annotator"
    shutil.copyfile(FIXTURE_V2, target)
    return target


def test_v2_upgrade_keeps_lookalike_code_names_and_reports_them(
    v2_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert _version(v2_copy) == 2
    with contextlib.closing(sqlite3.connect(v2_copy)) as conn:
        before = conn.execute("SELECT id, name FROM codes ORDER BY id").fetchall()
        codings = conn.execute("SELECT * FROM codings ORDER BY id").fetchall()
    with caplog.at_level(logging.WARNING), open_project(v2_copy) as project:
        conn = project.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert conn.execute("SELECT id, name FROM codes ORDER BY id").fetchall() == before
        assert conn.execute("SELECT * FROM codings ORDER BY id").fetchall() == codings
        keys = dict(conn.execute("SELECT name, name_key FROM codes"))
        assert keys[NFC] == keys[NFD] == keys["CAFÉ"] == "café"
        report = check_project(project)
        assert report.integrity == "ok"
        (alike,) = [p for p in report.problems if "read alike" in p]
        assert f"'{NFC}' (" in alike and f"'{NFD}' (" in alike and "'CAFÉ' (" in alike
        assert alike.count("accents apart") == 1
        with pytest.raises(errors.Ambiguous, match="Café"):
            codebook.find_code(project, "café")
        assert codebook.find_code(project, "recordings").name == "Recordings"
        assert coders.find_coder(project, "ZOË").name == "Zoë"
        assert coders.find_coder(project, "zoë ahmadi").name == unicodedata.normalize(
            "NFD", "ZOË Ahmadi"
        )
        assert documents.find_document(project, "CAFÉ RAID").title.startswith("Cafe")
    assert "1 groups of code names read alike (3 codes)" in caplog.text
    (backup,) = v2_copy.parent.glob("lookalikes.schema-v2-backup-*.annotator")
    assert _version(backup) == 2


def test_a_new_lookalike_is_refused_after_the_upgrade(v2_copy: Path) -> None:
    with open_project(v2_copy) as project:
        with pytest.raises(errors.DuplicateCodeName):
            codebook.create_code(project, "CAFÉ")
        codebook.create_code(project, "Été")
        with pytest.raises(errors.DuplicateCodeName):
            codebook.create_code(project, "ÉTÉ")
