"""Restore from Backup, and the offer of a backup when a project is damaged, driven
through the real widgets offscreen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.core import backups, coders, documents, errors
from annotator.core.check import check_project
from annotator.core.codebook_file import new_project
from annotator.core.project import open_project
from annotator.ui import recovery
from annotator.ui.backup_dialog import RestoreBackupDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def backed_up(project_path: Path) -> list[backups.BackupInfo]:
    """A closed project with three backups (1, 2 and 3 documents); it now holds 4."""
    made = []
    with new_project(project_path) as project:
        coder = coders.add_coder(project, "Amina Rasheed")
        for n in range(4):
            documents.store_document(
                project,
                documents.NewDocument(title=f"Report {n}", text=f"Cameras at gate {n}. " * 400),
                coder_id=coder.id,
            )
            if n < 3:
                made.append(backups.backup_now(project))
    return made


def _damage(path: Path) -> None:
    with path.open("r+b") as file:
        file.seek(4096 * 3)
        file.write(b"\xa5" * 4096 * 6)  # what a failing disk might leave


def _document_count(path: Path) -> int:
    with open_project(path) as project:
        return len(documents.list_documents(project))


def test_the_dialog_lists_backups_newest_first_with_what_they_hold(
    qtbot: QtBot, project_path: Path, backed_up: list[backups.BackupInfo]
) -> None:
    dialog = RestoreBackupDialog(project_path)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [dialog.table.topLevelItem(i) for i in range(dialog.table.topLevelItemCount())]
    assert [row.text(1) for row in rows] == ["3", "2", "1"]
    assert all(row.text(4) for row in rows)  # a size
    assert dialog.selected_backup() == backed_up[-1].path
    assert dialog.restore_button.isEnabled()
    assert "study.annotator" in dialog.intro.text() and "before-restore" in dialog.intro.text()


def test_restoring_the_chosen_backup_keeps_the_current_file(
    qtbot: QtBot, project_path: Path, backed_up: list[backups.BackupInfo]
) -> None:
    dialog = RestoreBackupDialog(project_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.setCurrentItem(dialog.table.topLevelItem(2))  # the oldest: one document
    with qtbot.waitSignal(dialog.accepted):
        dialog.restore_button.click()
    assert dialog.restored is not None and dialog.restored.replaced is not None
    assert _document_count(project_path) == 1
    assert _document_count(dialog.restored.replaced) == 4


def test_a_project_open_elsewhere_is_not_replaced_and_the_dialog_says_why(
    qtbot: QtBot, project_path: Path, backed_up: list[backups.BackupInfo]
) -> None:
    dialog = RestoreBackupDialog(project_path)
    qtbot.addWidget(dialog)
    dialog.show()
    with open_project(project_path) as still_open:
        dialog.restore_button.click()
        assert dialog.isVisible() and dialog.restored is None
        assert dialog.problem.isVisible()
        assert "open in another window" in dialog.problem.text()
        assert len(documents.list_documents(still_open)) == 4


def test_no_backups_yet_says_when_they_will_be_made(qtbot: QtBot, project_path: Path) -> None:
    new_project(project_path).close()
    dialog = RestoreBackupDialog(project_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.isHidden()
    assert not dialog.restore_button.isEnabled()
    assert "no backups" in dialog.intro.text() and "every 10 minutes" in dialog.intro.text()


def _answer(qtbot: QtBot, click: Callable[[QMessageBox], None]) -> list[str]:
    """Answer the next modal message box as the researcher would; returns its texts."""
    seen: list[str] = []

    def respond() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, respond)
            return
        seen.extend([box.text(), box.informativeText(), box.detailedText()])
        click(box)

    QTimer.singleShot(0, respond)
    return seen


def test_a_damaged_project_is_offered_its_newest_good_backup(
    qtbot: QtBot, project_path: Path, backed_up: list[backups.BackupInfo]
) -> None:
    _damage(project_path)
    _damage(backed_up[-1].path)  # the newest backup is damaged too: skip it
    with open_project(project_path) as damaged:
        report = check_project(damaged)
    assert not report.ok
    seen = _answer(qtbot, lambda box: box.restore_button.click())  # type: ignore[attr-defined]
    restored = recovery.offer_recovery(None, project_path, report)
    assert restored == project_path
    assert "damaged" in seen[0] and "2 documents" in seen[1] and "integrity" in seen[2]
    assert _document_count(project_path) == 2
    kept = list(project_path.parent.glob("study.before-restore-*.annotator"))
    assert len(kept) == 1


def test_declining_the_offer_changes_nothing(
    qtbot: QtBot, project_path: Path, backed_up: list[backups.BackupInfo]
) -> None:
    _damage(project_path)
    before = project_path.read_bytes()
    _answer(qtbot, lambda box: box.keep_button.click())  # type: ignore[attr-defined]
    problem = errors.CorruptProject(project_path, "database disk image is malformed")
    assert recovery.offer_recovery(None, project_path, problem) is None
    assert project_path.read_bytes() == before
    assert not list(project_path.parent.glob("*before-restore*"))


def test_without_a_good_backup_the_researcher_is_told_and_nothing_changes(
    qtbot: QtBot, project_path: Path
) -> None:
    new_project(project_path).close()
    _damage(project_path)
    before = project_path.read_bytes()
    seen = _answer(qtbot, lambda box: box.accept())
    problem = errors.CorruptProject(project_path, "database disk image is malformed")
    assert recovery.offer_recovery(None, project_path, problem) is None
    assert "no good backup" in seen[0] and "not changed" in seen[1]
    assert project_path.read_bytes() == before
