"""Kill a process in the middle of upgrading a project to a (test-only, slow) next schema.

After each kill the file is either still wholly at its old version with every coding
as it was, or wholly upgraded; an old file upgrades cleanly on the next open; the
backup written before the upgrade is never a damaged or half-written file.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from annotator.core import codebook, coders, coding, documents, migrations
from annotator.core.codebook_file import new_project
from annotator.core.project import open_project
from tests.durability.articles import article
from tests.durability.harness import SEED, assert_intact, rng_for, run_and_kill
from tests.durability.workers import slow_migration

ROUNDS = 8
OLD = slow_migration.VERSION - 1  # what a project is made with today


@pytest.fixture(scope="module")
def v1_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("migration") / "old.annotator"
    rng = rng_for("migration-setup")
    with new_project(path) as project:
        coder = coders.add_coder(project, "Amina Rasheed")
        code_ids = [c.id for c in codebook.list_codes(project)]
        for n in range(4):
            doc = documents.store_document(
                project,
                documents.NewDocument(title=f"Article {n}", text=article(rng, 5000)),
                coder_id=coder.id,
            )
            spans = [coding.Span(doc.id, s, s + 7) for s in range(0, 4900, 2)]
            for code_id in code_ids[:2]:
                coding.add_codings(project, code_id, spans, coder.id)
    return path


def _with_v2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        [
            *migrations.MIGRATIONS,
            migrations.Migration(
                slow_migration.VERSION, "slow test step", slow_migration.slow_step
            ),
        ],
    )


def _codings(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute(
        'SELECT id, code_id, start, "end", quote FROM codings ORDER BY id'
    ).fetchall()


def _upgrade_seconds(v1_project: Path, scratch: Path, monkeypatch: pytest.MonkeyPatch) -> float:
    """How long the upgrade takes on this machine: the window the kills aim at."""
    shutil.copyfile(v1_project, scratch)
    with monkeypatch.context() as patch:
        _with_v2(patch)
        began = time.perf_counter()
        open_project(scratch).close()
        return time.perf_counter() - began


def test_killing_an_upgrade_leaves_v1_or_v2_never_a_mixture(
    v1_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = rng_for("migration")
    window = _upgrade_seconds(v1_project, tmp_path / "scratch.annotator", monkeypatch)
    with sqlite3.connect(v1_project) as conn:
        before = _codings(conn)
    outcomes = []
    for round_ in range(ROUNDS):
        path = tmp_path / f"round-{round_}" / "old.annotator"
        path.parent.mkdir()
        shutil.copyfile(v1_project, path)
        delay = rng.uniform(0.0, window * 1.2)
        said = run_and_kill("migrate", path, seed=round_, delay=delay, start_on="migrate")
        context = f"seed {SEED}, round {round_}, killed {delay:.3f} s into the upgrade"
        conn = sqlite3.connect(path)  # recovers what the kill left, as any open would
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], context
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            columns = {r[1] for r in conn.execute("PRAGMA table_info(codings)")}
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if version == OLD:
                assert not said.ops("migrate"), f"{context}: confirmed upgrade was lost"
                assert "reviewed" not in columns and "coding_reviews" not in tables, context
                assert _codings(conn) == before, context
            else:
                assert version == slow_migration.VERSION, context
                reviewed = conn.execute("SELECT count(*) FROM codings WHERE reviewed = 1")
                assert reviewed.fetchone()[0] == len(before), context
                reviews = conn.execute("SELECT count(*) FROM coding_reviews")
                assert reviews.fetchone()[0] == len(before), context
                assert [r[:5] for r in _codings(conn)] == before, context
        finally:
            conn.close()
        for backup in path.parent.glob(f"old.schema-v{OLD}-backup-*.annotator"):
            _assert_backup_complete(backup, len(before), context)
        outcomes.append(version)
        if version == OLD and round_ % 2 == 0:  # the interrupted upgrade simply runs again
            with monkeypatch.context() as patch:
                _with_v2(patch)
                assert_intact(path, context)
    assert OLD in outcomes, "no kill landed before the upgrade finished"


def _assert_backup_complete(backup: Path, codings: int, context: str) -> None:
    """A backup under its name is whole: a kill leaves at most a hidden `.partial`."""
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], context
        count = conn.execute("SELECT count(*) FROM codings").fetchone()[0]
        assert count == codings, f"{context}: backup {backup.name} holds {count}"
