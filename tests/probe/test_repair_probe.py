"""Second probe: `check --repair`, its backup, and what a kill or a second process does.

Found: `check --repair` left names whose lookup key was out of date (written by
another tool) as they were, so `check` failed for ever and such a code could not be
found by name; the repair now computes every key afresh. And the backup a repair takes
first (of the project *with* its foreign trigger) became the newest backup, which the
app then offered as the newest good one after damage: a backup whose schema is not
what Annotator writes is no longer "good". And that backup was skipped when no audit
event had changed since the last one, so a table another tool had added, which the
repair drops, was in no backup: a repair now always takes a new one.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.core import backups
from annotator.core.project import open_project
from tests.core.tampering import DELETING_TRIGGER, count, tamper
from tests.probe.conftest import intact, refused, run

STALE_KEYS = (
    "UPDATE codes SET name = 'Cafe\u0301' WHERE name = 'CCTV'",  # NFD, key still 'cctv'
    "UPDATE codes SET name_key = NULL WHERE name = 'Facial recognition'",
)


def test_check_repair_computes_name_keys_afresh(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(study, *STALE_KEYS)
    status, out, _ = run(capsys, "check", study)
    assert status == 1 and "lookup key is out of date" in out and "--repair" in out
    status, out, _ = run(capsys, "check", "--repair", study)
    assert status == 0 and "Backed up to" in out, out
    assert "lookup key" not in run(capsys, "check", study)[1]
    status, out, _ = run(capsys, "excerpts", study, "--code", "CAFÉ")
    assert status == 0 and "cameras" in out
    intact(study)


def test_the_backup_before_a_repair_is_never_offered_as_the_newest_good_one(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_project(study) as project:
        trusted = backups.backup_now(project)
    tamper(study, DELETING_TRIGGER)
    status, out, _ = run(capsys, "check", "--repair", study)
    assert status == 0 and "Backed up to" in out
    newest = backups.list_backups(study)[0]
    assert newest.path != trusted.path  # the backup of the hostile file, taken first
    good = backups.newest_good_backup(study)
    assert good is not None and good.path == trusted.path


def test_a_table_of_someone_elses_that_a_repair_drops_is_in_the_backup_it_takes(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another tool's change leaves no audit event: the backup before a repair was
    skipped as "unchanged", and the table the repair dropped was in no backup."""
    with open_project(study) as project:
        backups.backup_now(project)
    tamper(study, "CREATE TABLE my_notes (note TEXT)", "INSERT INTO my_notes VALUES ('kept')")
    status, out, _ = run(capsys, "check", "--repair", study)
    assert status == 0 and "my_notes" in out
    newest = backups.list_backups(study)[0].path
    with contextlib.closing(sqlite3.connect(f"{newest.as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT note FROM my_notes").fetchall() == [("kept",)]


def test_a_project_whose_only_backup_is_hostile_is_offered_none(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(study, DELETING_TRIGGER)
    assert run(capsys, "check", "--repair", study)[0] == 0
    assert len(backups.list_backups(study)) == 1
    assert backups.newest_good_backup(study) is None


# The child runs `check --repair` and SIGKILLs itself at the named step (no timing).
KILLED_AT = textwrap.dedent(
    """
    import signal, sys
    from annotator.cli import main
    from annotator.core import schema_repair

    step = sys.argv[1]
    real = getattr(schema_repair, step)

    def killed(*args, **kwargs):
        real(*args, **kwargs)
        signal.raise_signal(signal.SIGKILL)

    setattr(schema_repair, step, killed)
    main(["check", "--repair", sys.argv[2]])
    """
)
STEPS = ["_drop_foreign_and_changed", "_rebuild_tables", "_restore_full_text", "_create_missing"]


@pytest.mark.parametrize("step", STEPS)
def test_a_repair_killed_at_any_step_leaves_the_project_as_it_was(
    study: Path, step: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(study, DELETING_TRIGGER, "DROP TABLE documents_fts")
    done = subprocess.run(
        [sys.executable, "-c", KILLED_AT, step, str(study)],
        env=dict(os.environ), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == -signal.SIGKILL, done.stderr
    status, out, _ = run(capsys, "check", study)
    assert status == 1 and "trigger x" in out  # not repaired, not half-repaired
    assert count(study, "codings") == 1
    status, out, _ = run(capsys, "check", "--repair", study)
    assert status == 0, out
    assert run(capsys, "search", study, "cameras")[0] == 0
    intact(study)


def test_exports_while_another_process_codes_are_whole_and_lose_nothing(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(
            """
            import sys
            from annotator.cli import main
            for start in range(0, 30):
                assert main(["code", sys.argv[1], "--code", "CCTV", "--document", "A",
                             "--start", str(start), "--end", str(start + 1)]) == 0
            """
        ), str(study)],
        env=dict(os.environ), stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        rows: list[int] = []
        while coder.poll() is None or not rows:
            out = tmp_path / f"out{len(rows)}.csv"
            status, _, err = run(capsys, "export", study, "--format", "csv", "-o", out)
            assert status == 0, err
            rows.append(len(out.read_text("utf-8-sig").splitlines()))
    finally:
        _, errors = coder.communicate(timeout=120)
    assert coder.returncode == 0, errors
    assert rows == sorted(rows)  # every export a whole snapshot, never going back
    assert count(study, "codings") == 31
    intact(study, codings=31)


def test_repairing_a_folder_or_a_missing_project_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(run(capsys, "check", "--repair", tmp_path / "missing.annotator"), "missing")
