"""Rotating backups in the user's data folder, and restoring one over a project."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from annotator.core import backups, codebook, coders, coding, documents, errors, user_settings
from annotator.core.check import check_project
from annotator.core.codebook_file import new_project
from annotator.core.project import Project, open_project

TEXT = "Officers photographed every protester at the gate.\n\nA drone circled the square."


def _document(project: Project, coder: coders.Coder, title: str = "Gate") -> documents.Document:
    return documents.store_document(
        project, documents.NewDocument(title=title, text=TEXT), coder_id=coder.id
    )


def _code(project: Project, document: documents.Document, coder: coders.Coder, n: int) -> None:
    code_id = codebook.find_code(project, "CCTV").id
    for start in range(n):
        coding.add_coding(project, document.id, code_id, start, start + 5, coder.id)


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _damage(path: Path) -> None:
    """Scribble over the middle pages of a closed project, as a failing disk would."""
    size = path.stat().st_size
    with path.open("r+b") as file:
        file.seek(4096 * 3)
        file.write(b"\xa5" * min(4096 * 4, size - 4096 * 3))


def test_backup_is_a_private_complete_copy_in_the_data_folder(
    project: Project, coder: coders.Coder, user_folders: Path
) -> None:
    _code(project, _document(project, coder), coder, 3)
    backup = backups.backup_now(project)
    folder = user_folders / "data" / "backups"
    assert backup.path.parent.parent == folder
    assert backup.path.parent.name.startswith("study-")
    assert backup.path.name.startswith("study-") and backup.path.suffix == ".annotator"
    assert (backup.documents, backup.codings, backup.codes) == (
        1,
        3,
        len(codebook.list_codes(project)),
    )
    assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.path.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in backup.path.parent.iterdir()) == [backup.path.name]
    with open_project(backup.path, read_only=True) as copy:
        assert check_project(copy).ok
        assert copy.conn.execute("SELECT count(*) FROM codings").fetchone()[0] == 3


def test_an_unchanged_project_is_not_backed_up_twice(project: Project, coder: coders.Coder) -> None:
    document = _document(project, coder)
    first = backups.backup_now(project)
    assert backups.backup_now(project.path) == first
    _code(project, document, coder, 1)
    second = backups.backup_now(project)
    assert second.path != first.path
    assert [b.path for b in backups.list_backups(project.path)] == [second.path, first.path]


def test_rotation_keeps_the_newest(project: Project, coder: coders.Coder) -> None:
    document = _document(project, coder)
    made = []
    drones = codebook.find_code(project, "Facial recognition").id
    for n in range(5):
        coding.add_coding(project, document.id, drones, n, n + 3, coder.id)
        made.append(backups.backup_now(project, keep=3).path)
    listed = backups.list_backups(project.path)
    assert [b.path for b in listed] == made[:-4:-1]
    assert [b.codings for b in listed] == [5, 4, 3]
    assert not any(path.exists() for path in made[:2])


def test_keep_and_folder_come_from_the_user_settings(
    project: Project, coder: coders.Coder, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "usb-stick" / "annotator-backups"
    user_settings.set_backup_settings(user_settings.BackupSettings(keep=2, folder=str(elsewhere)))
    assert user_settings.backup_settings() == user_settings.BackupSettings(
        keep=2, every_minutes=10, folder=str(elsewhere)
    )
    document = _document(project, coder)
    for n in range(3):
        coding.add_coding(
            project, document.id, codebook.find_code(project, "CCTV").id, n, n + 2, coder.id
        )
        backups.backup_now(project)
    listed = backups.list_backups(project.path)
    assert len(listed) == 2
    assert all(b.path.is_relative_to(elsewhere) for b in listed)


def test_nonsense_settings_fall_back_to_defaults(user_folders: Path) -> None:
    settings_file = user_folders / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('{"backups": {"keep": -4, "every_minutes": "soon", "folder": 3}}')
    assert user_settings.backup_settings() == user_settings.BackupSettings()
    with pytest.raises(ValueError):
        user_settings.set_backup_settings(user_settings.BackupSettings(keep=0))


def test_two_projects_with_one_name_keep_separate_backups(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with new_project(tmp_path / "a" / "study.annotator") as one:
        backups.backup_now(one)
    with new_project(tmp_path / "b" / "study.annotator") as two:
        backups.backup_now(two)
    folder_one = backups.backup_folder(tmp_path / "a" / "study.annotator")
    assert folder_one != backups.backup_folder(tmp_path / "b" / "study.annotator")
    assert len(backups.list_backups(tmp_path / "a" / "study.annotator")) == 1


def test_backup_from_another_thread_while_coding_is_a_consistent_snapshot(
    project: Project, coder: coders.Coder
) -> None:
    document = _document(project, coder)
    code_id = codebook.find_code(project, "CCTV").id
    made: list[backups.BackupInfo] = []
    failures: list[BaseException] = []

    def back_up() -> None:
        try:
            for _ in range(5):
                made.append(backups.backup_now(project.path, keep=10))
        except BaseException as exc:
            failures.append(exc)

    worker = threading.Thread(target=back_up)
    worker.start()
    for start in range(60):
        coding.add_coding(project, document.id, code_id, start, start + 4, coder.id)
    worker.join(timeout=60)
    assert not worker.is_alive() and not failures
    for backup in made:
        with open_project(backup.path, read_only=True) as copy:
            assert check_project(copy).ok
            added_events = copy.conn.execute(
                "SELECT count(*) FROM events WHERE action = 'codings added'"
            ).fetchone()[0]
            assert added_events == backup.codings


def test_a_damaged_project_never_pushes_out_a_good_backup(
    project_path: Path, coder: coders.Coder, project: Project
) -> None:
    for n in range(40):
        _document(project, coder, title=f"Report {n}")
    good = backups.backup_now(project, keep=1)
    coders.add_coder(project, "Second coder")
    project.close()
    _damage(project_path)
    with pytest.raises(errors.CorruptProject):
        backups.backup_now(project_path, keep=1)
    assert [b.path for b in backups.list_backups(project_path)] == [good.path]
    assert not [p for p in good.path.parent.iterdir() if p.name.startswith(".")]


def test_restore_replaces_the_project_and_keeps_the_old_one(
    project: Project, coder: coders.Coder, project_path: Path
) -> None:
    document = _document(project, coder)
    _code(project, document, coder, 2)
    backup = backups.backup_now(project)
    coding.add_coding(
        project, document.id, codebook.find_code(project, "Facial recognition").id, 0, 9, coder.id
    )
    project.close()
    restored = backups.restore_backup(backup, project_path)
    assert restored.project == project_path
    assert restored.replaced is not None and ".before-restore-" in restored.replaced.name
    assert _count(project_path, "codings") == 2
    assert _count(restored.replaced, "codings") == 3
    with open_project(project_path) as reopened:
        assert check_project(reopened).ok
    assert not list(project_path.parent.glob(".*restoring*"))


def test_restore_keeps_changes_still_in_the_wal_and_never_replays_them(
    project: Project, coder: coders.Coder, project_path: Path, tmp_path: Path
) -> None:
    """A project left by a crash has its last actions only in `-wal`."""
    document = _document(project, coder)
    backup = backups.backup_now(project)
    _code(project, document, coder, 4)
    crashed = tmp_path / "crashed.annotator"
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{project_path}{suffix}", f"{crashed}{suffix}")
    project.close()
    assert Path(f"{crashed}-wal").stat().st_size > 0
    restored = backups.restore_backup(backup.path, crashed)
    assert not Path(f"{crashed}-wal").exists()
    assert _count(crashed, "codings") == 0
    assert restored.replaced is not None
    with open_project(restored.replaced) as kept:
        assert kept.conn.execute("SELECT count(*) FROM codings").fetchone()[0] == 4
        assert check_project(kept).ok


def test_restore_refuses_a_project_that_is_open(project: Project, coder: coders.Coder) -> None:
    _document(project, coder)
    backup = backups.backup_now(project)
    coders.add_coder(project, "Late arrival")
    before = project.path.read_bytes()
    with pytest.raises(backups.ProjectInUse):
        backups.restore_backup(backup, project.path)
    assert project.path.read_bytes() == before
    assert len(coders.list_coders(project)) == 2
    assert not list(project.path.parent.glob("*before-restore*"))
    assert not list(project.path.parent.glob(".*restoring*"))


def test_restore_over_a_damaged_project_keeps_its_bytes(
    project: Project, coder: coders.Coder, project_path: Path
) -> None:
    for n in range(40):
        _document(project, coder, title=f"Report {n}")
    backup = backups.backup_now(project)
    project.close()
    _damage(project_path)
    damaged = project_path.read_bytes()
    restored = backups.restore_backup(backup, project_path)
    assert restored.replaced is not None and restored.replaced.read_bytes() == damaged
    with open_project(project_path) as reopened:
        assert check_project(reopened).ok
        assert len(documents.list_documents(reopened)) == 40


def test_a_damaged_backup_is_neither_restored_nor_offered(
    project: Project, coder: coders.Coder, project_path: Path
) -> None:
    for n in range(40):
        _document(project, coder, title=f"Report {n}")
    older = backups.backup_now(project)
    _document(project, coder, title="One more")
    newer = backups.backup_now(project)
    project.close()
    _damage(newer.path)
    before = project_path.read_bytes()
    with pytest.raises(errors.CorruptProject):
        backups.restore_backup(newer, project_path)
    assert project_path.read_bytes() == before
    assert backups.check_backup(newer.path) != "ok"
    good = backups.newest_good_backup(project_path)
    assert good is not None and good.path == older.path


def test_temporary_files_are_not_backups(project: Project, coder: coders.Coder) -> None:
    _document(project, coder)
    backup = backups.backup_now(project)
    (backup.path.parent / f".{backup.path.name}.partial").write_bytes(b"half")
    (backup.path.parent / "notes.txt").write_text("mine")
    assert [b.path for b in backups.list_backups(project.path)] == [backup.path]


def test_no_backups_means_nothing_to_offer(project_path: Path) -> None:
    assert backups.list_backups(project_path) == []
    assert backups.newest_good_backup(project_path) is None
