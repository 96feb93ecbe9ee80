"""The output guard: what every write refuses, and what it writes through (issue 18)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from annotator.core import backups
from annotator.core.codebook_file import new_project
from annotator.core.project import Project, open_project, save_copy
from annotator.core.storage.atomic_write import write_bytes
from annotator.core.storage.output_guard import OutputKind, checked_target, is_project_file
from annotator.core.storage.write_errors import OutputUnwritable, WriteProblem

PASSPHRASE = "lantern-orchard-1907"


def refused(target: Path, kind: OutputKind = OutputKind.FILE) -> WriteProblem:
    with pytest.raises(OutputUnwritable) as caught:
        write_bytes(target, b"an export", kind=kind)
    assert caught.value.path == target and caught.value.problem.refused
    return caught.value.problem


def test_the_open_project_and_its_working_files_are_refused(project: Project) -> None:
    before = project.path.read_bytes()
    for suffix in ("", "-wal", "-shm", "-journal"):  # -journal does not exist: still refused
        target = Path(f"{project.path}{suffix}")
        assert refused(target) is WriteProblem.OPEN_PROJECT
        assert refused(target, OutputKind.PROJECT_COPY) is WriteProblem.OPEN_PROJECT
    assert project.path.read_bytes() == before
    assert not Path(f"{project.path}-journal").exists()


def test_an_encrypted_open_project_is_refused_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "field notes.bin"  # no header and no .annotator to know it by
    with new_project(path, passphrase=PASSPHRASE) as project:
        assert refused(path) is WriteProblem.OPEN_PROJECT
        assert refused(path, OutputKind.PROJECT_COPY) is WriteProblem.OPEN_PROJECT
        assert project.conn.execute("PRAGMA quick_check").fetchone() == ("ok",)


def test_another_name_for_the_open_project_is_refused(project: Project, tmp_path: Path) -> None:
    hard = tmp_path / "elsewhere.csv"
    os.link(project.path, hard)
    soft = tmp_path / "shortcut.csv"
    soft.symlink_to(project.path)
    assert refused(hard) is WriteProblem.OPEN_PROJECT
    assert refused(soft) is WriteProblem.OPEN_PROJECT
    assert soft.is_symlink()


def test_a_closed_project_is_refused_only_to_files_that_are_not_projects(
    project: Project, tmp_path: Path
) -> None:
    other = tmp_path / "other.annotator"
    new_project(other).close()
    assert is_project_file(other)
    assert refused(other) is WriteProblem.A_PROJECT
    save_copy(project, other)  # Save a copy may replace a closed project, as asked
    with open_project(other, read_only=True):
        pass


def test_a_closed_encrypted_project_is_known_by_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "locked.annotator"
    new_project(path, passphrase=PASSPHRASE).close()
    assert is_project_file(path)
    assert refused(path) is WriteProblem.A_PROJECT


def test_backups_of_the_open_project_are_refused(project: Project) -> None:
    backup = backups.backup_now(project)
    assert refused(backup.path, OutputKind.PROJECT_COPY) is WriteProblem.PROJECT_BACKUP
    beside = project.path.with_name(f"{project.path.stem}.pre-merge-20240101T000000Z.annotator")
    save_copy(project, beside)
    with pytest.raises(OutputUnwritable) as caught:
        save_copy(project, beside)
    assert caught.value.problem is WriteProblem.PROJECT_BACKUP


def test_a_symlink_is_written_through_never_replaced(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "table.csv"
    real.parent.mkdir()
    real.write_bytes(b"old")
    os.chmod(real, 0o600)
    link = tmp_path / "table.csv"
    link.symlink_to(real)
    write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600  # a private file stays private
    dangling = tmp_path / "later.csv"
    dangling.symlink_to(real.with_name("later.csv"))
    write_bytes(dangling, b"first")
    assert dangling.is_symlink() and real.with_name("later.csv").read_bytes() == b"first"


def test_a_symlink_loop_and_a_pipe_are_refused(tmp_path: Path) -> None:
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    assert refused(loop) is WriteProblem.NOT_A_FILE
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    assert refused(pipe) is WriteProblem.NOT_A_FILE
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_device_is_refused(tmp_path: Path) -> None:
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    assert refused(full) is WriteProblem.NOT_A_FILE
    assert refused(full, OutputKind.PROJECT_ITSELF) is WriteProblem.NOT_A_FILE
    assert stat.S_ISCHR(os.lstat(full).st_mode)


def test_a_closed_project_is_released(tmp_path: Path) -> None:
    path = tmp_path / "study.annotator"
    with new_project(path):
        pass
    assert checked_target(path, OutputKind.PROJECT_COPY) == path.resolve()


def test_a_project_released_while_the_guard_is_busy_does_not_hang(tmp_path: Path) -> None:
    """A collected Project releases itself from a finalizer, at any moment, even while
    this thread is inside the guard: that must not deadlock on the guard's own lock."""
    from annotator.core.storage import output_guard

    token = output_guard.protect(tmp_path / "gone.annotator")
    with output_guard._lock:  # what a finalizer firing inside `protect` would meet
        output_guard.release(token)
    assert token not in output_guard._open_projects
