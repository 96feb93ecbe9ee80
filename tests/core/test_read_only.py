"""Projects we cannot write: read-only places, a full disk, a lock held elsewhere.

Tests run as root, who may write anywhere, so read-only places are simulated at the
`read_only._writable` seam; one test uses real permissions when not run as root.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from annotator.core import coders, documents, errors, migrations, read_only
from annotator.core.check import check_project
from annotator.core.codebook_file import new_project
from annotator.core.os_problems import OsProblem
from annotator.core.project import Project, open_project
from annotator.core.read_only import ReadOnlyReason


def _folder_listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _pretend_unwritable(monkeypatch: pytest.MonkeyPatch, *unwritable: Path) -> None:
    real = read_only._writable
    denied = {p.resolve() for p in unwritable}
    monkeypatch.setattr(
        read_only, "_writable", lambda path: path.resolve() not in denied and real(path)
    )


@pytest.fixture
def closed_project(project_path: Path) -> Path:
    with new_project(project_path) as project:
        coder = coders.add_coder(project, "Amina Rasheed")
        documents.store_document(
            project,
            documents.NewDocument(title="Checkpoint", text="Soldiers copied every ID card."),
            coder_id=coder.id,
        )
    return project_path


@pytest.mark.parametrize(
    ("denied", "reason"),
    [("folder", ReadOnlyReason.FOLDER_READ_ONLY), ("file", ReadOnlyReason.FILE_READ_ONLY)],
)
def test_a_project_in_a_read_only_place_opens_read_only_and_says_why(
    closed_project: Path, monkeypatch: pytest.MonkeyPatch, denied: str, reason: ReadOnlyReason
) -> None:
    _pretend_unwritable(
        monkeypatch, closed_project.parent if denied == "folder" else closed_project
    )
    before = _folder_listing(closed_project.parent)
    with open_project(closed_project) as project:
        assert project.read_only
        assert project.read_only_reason is reason
        assert [d.title for d in documents.list_documents(project)] == ["Checkpoint"]
        assert check_project(project).ok
        with pytest.raises(errors.ProjectUnwritable) as refused:
            coders.add_coder(project, "Someone else")
        assert refused.value.because is errors.ProjectCause.OPEN_READ_ONLY
    after = _folder_listing(closed_project.parent)
    if denied == "folder":  # nothing may be created beside the file
        assert after == before
    else:
        assert after[closed_project.name] == before[closed_project.name]


def test_asking_for_read_only_is_a_reason_too(closed_project: Path) -> None:
    with open_project(closed_project, read_only=True) as project:
        assert project.read_only_reason is ReadOnlyReason.REQUESTED
    with open_project(closed_project) as project:
        assert not project.read_only and project.read_only_reason is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through any permission")
def test_a_really_read_only_folder(closed_project: Path) -> None:
    folder = closed_project.parent
    folder.chmod(0o555)
    try:
        with open_project(closed_project) as project:
            assert project.read_only_reason is ReadOnlyReason.FOLDER_READ_ONLY
            assert len(documents.list_documents(project)) == 1
    finally:
        folder.chmod(0o755)


def test_unread_changes_in_a_read_only_folder_are_explained(
    project: Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A project copied from a crashed session: its last actions are only in `-wal`."""
    coders.add_coder(project, "Amina Rasheed")
    stick = tmp_path / "stick"
    stick.mkdir()
    copy = stick / "study.annotator"
    for suffix in ("", "-wal"):
        copy.with_name(copy.name + suffix).write_bytes(
            project.path.with_name(project.path.name + suffix).read_bytes()
        )
    _pretend_unwritable(monkeypatch, stick)
    with pytest.raises(errors.ProjectFileError) as refused:
        open_project(copy)
    assert refused.value.because is errors.ProjectCause.WAL_IN_READ_ONLY_FOLDER


def test_a_project_needing_an_upgrade_is_not_opened_read_only(
    closed_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        [
            *migrations.MIGRATIONS,
            migrations.Migration(migrations.latest_version() + 1, "later", lambda conn: None),
        ],
    )
    _pretend_unwritable(monkeypatch, closed_project.parent)
    before = closed_project.read_bytes()
    with pytest.raises(errors.ProjectUnwritable) as refused:
        open_project(closed_project)
    assert refused.value.because is errors.ProjectCause.NEEDS_UPGRADE
    assert closed_project.read_bytes() == before


def test_a_full_disk_refuses_the_action_and_keeps_everything(project: Project) -> None:
    coder = coders.add_coder(project, "Amina Rasheed")
    kept = documents.store_document(
        project,
        documents.NewDocument(title="Kept", text="A drone over the march."),
        coder_id=coder.id,
    )
    pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
    project.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up
    big = documents.NewDocument(title="Too big", text="Cameras everywhere. " * 20_000)
    with pytest.raises(errors.ProjectUnwritable) as refused:
        documents.store_document(project, big, coder_id=coder.id)
    assert refused.value.system is OsProblem.DISK_FULL
    assert [d.id for d in documents.list_documents(project)] == [kept.id]
    assert check_project(project).ok
    project.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    documents.store_document(project, big, coder_id=coder.id)
    assert len(documents.list_documents(project)) == 2


def test_a_lock_held_elsewhere_is_a_clear_error(project: Project) -> None:
    other = sqlite3.connect(project.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    project.conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(errors.ProjectUnwritable) as refused:
            coders.add_coder(project, "Amina Rasheed")
        assert refused.value.system is OsProblem.IN_USE
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not project.conn.in_transaction
    coders.add_coder(project, "Amina Rasheed")
    assert len(coders.list_coders(project)) == 1


def test_bugs_are_not_dressed_up_as_disk_problems(project: Project) -> None:
    with pytest.raises(sqlite3.OperationalError), project.transaction() as conn:
        conn.execute("SELECT no_such_column FROM coders")
    assert not project.conn.in_transaction
