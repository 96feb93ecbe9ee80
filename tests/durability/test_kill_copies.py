"""Kill a process while it saves copies, takes backups, or restores one over a project.

Whatever the moment, every file under a final name is a complete project, every copy
and backup the worker confirmed is there, and a restore leaves the project either as
it was or wholly restored, with the replaced file kept.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from annotator.core import backups, codebook, coders, coding, documents
from annotator.core.codebook_file import new_project
from tests.durability.articles import article
from tests.durability.harness import SEED, assert_intact, rng_for, run_and_kill

COPY_ROUNDS = 8
RESTORE_ROUNDS = 8


def _codings(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as c:
        return c.execute("SELECT count(*) FROM codings").fetchone()[0]


def _assert_complete(path: Path, context: str) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], (
            f"{context}: {path.name}"
        )


@pytest.fixture
def busy_project(tmp_path: Path) -> Path:
    """A project big enough that copying it takes a noticeable moment."""
    path = tmp_path / "busy.annotator"
    rng = rng_for("copies-setup")
    with new_project(path) as project:
        coder = coders.add_coder(project, "Amina Rasheed")
        code_id = codebook.list_codes(project)[0].id
        for n in range(30):
            doc = documents.store_document(
                project,
                documents.NewDocument(title=f"Article {n}", text=article(rng, 60_000)),
                coder_id=coder.id,
            )
            if n == 0:
                coding.add_coding(project, doc.id, code_id, 0, 1, coder.id)
    return path


def test_killing_copies_and_backups_leaves_only_complete_files(
    busy_project: Path, tmp_path: Path
) -> None:
    rng = rng_for("copies")
    for round_ in range(COPY_ROUNDS):
        out = tmp_path / f"copies-{round_}"
        out.mkdir()
        delay = rng.uniform(0.1, 1.5)
        said = run_and_kill("copy", busy_project, seed=round_, delay=delay, folder=out)
        context = f"seed {SEED}, round {round_}, killed after {delay:.3f} s"
        assert_intact(busy_project, context)
        for done in said.ops("copy"):
            assert (out / done["file"]).exists(), f"{context}: confirmed copy lost"
        confirmed_backups = [done["file"] for done in said.ops("backup")]
        if confirmed_backups:  # older ones may have been rotated out (4 are kept)
            assert Path(confirmed_backups[-1]).exists(), f"{context}: confirmed backup lost"
        for copy in out.glob("*.annotator"):
            _assert_complete(copy, context)
        for backup in backups.list_backups(busy_project):
            _assert_complete(backup.path, context)
            assert backup.readable, context
        # a later backup after the kill works, and cleans nothing it should keep
        assert backups.backup_now(busy_project, keep=4).readable


def test_killing_a_restore_leaves_the_old_or_the_restored_project(
    busy_project: Path, tmp_path: Path
) -> None:
    rng = rng_for("restore")
    choices = tmp_path / "choices"
    choices.mkdir()
    for n in (1, 2):
        copy = choices / f"state-{n}.annotator"
        with contextlib.closing(sqlite3.connect(busy_project)) as source:
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with contextlib.closing(sqlite3.connect(copy)) as target:
                source.backup(target)
                target.execute(
                    "INSERT INTO project_settings (key, value) VALUES ('state', ?)", (str(n),)
                )
                target.commit()
    states = {"1", "2", None}
    for round_ in range(RESTORE_ROUNDS):
        delay = rng.uniform(0.05, 1.0)
        said = run_and_kill("restore", busy_project, seed=round_, delay=delay, folder=choices)
        context = f"seed {SEED}, round {round_}, killed after {delay:.3f} s"
        assert busy_project.exists(), f"{context}: the project vanished"
        assert_intact(busy_project, context)
        with contextlib.closing(sqlite3.connect(busy_project)) as conn:
            row = conn.execute("SELECT value FROM project_settings WHERE key = 'state'")
            state = (row.fetchone() or [None])[0]
        assert state in states, context
        restores = said.ops("restore")
        if restores:
            last = restores[-1]["file"]
            allowed = {last.removeprefix("state-").removesuffix(".annotator")}
            if said.in_flight:
                flight = said.in_flight["file"]
                allowed.add(flight.removeprefix("state-").removesuffix(".annotator"))
            assert state in allowed, f"{context}: project is {state}, expected {allowed}"
        for kept in busy_project.parent.glob("busy.before-restore-*.annotator"):
            _assert_complete(kept, context)
        assert _codings(busy_project) == 1
