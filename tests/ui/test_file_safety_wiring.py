"""Keeping the project file safe from the window: automatic backups, the health check
and recovery, restoring a backup, other windows' changes, encryption, redacted copies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from annotator.core import (
    backups,
    check,
    cipher_driver,
    codebook,
    coders,
    coding,
    documents,
    errors,
    excerpts,
    file_header,
    user_settings,
)
from annotator.core.project import Project, open_project
from annotator.ui import file_safety, menu_file
from annotator.ui.backup_dialog import RestoreBackupDialog
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.passphrase_dialog import PassphraseDialog
from annotator.ui.redaction_dialog import RedactionDialog
from tests.ui.conftest import bench, select_quote, show_document

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

PASSPHRASE = "seven long words for the field team"


def _when_shown(kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog of this kind, as the researcher would."""

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, respond)
            return
        act(dialog)

    QTimer.singleShot(0, respond)


def _idle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the backup and check that follow opening are done."""
    qtbot.waitUntil(lambda: window.care is not None and not window.care.busy)


def _code(window: MainWindow, quote: str) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, quote)
    assert window.project is not None
    bench(window).coding.apply_code(codebook.find_code(window.project, "CCTV").id)


def _quotes(path: Path, passphrase: str | None = None) -> list[str]:
    with open_project(path, read_only=True, passphrase=passphrase) as project:
        return sorted(e.quote for e in excerpts.excerpts(project))


def test_opening_backs_the_project_up_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    _idle(qtbot, window)
    (made,) = backups.list_backups(workbench_path)
    assert made.documents == 2
    assert window.responses.backup_label.text().startswith("Backed up ")
    _code(window, "drones")
    window.care.back_up()  # type: ignore[union-attr]  # what the timer does every few minutes
    _idle(qtbot, window)
    newest = backups.list_backups(workbench_path)[0]
    assert newest.codings == 1
    assert window.care.backup_timer.interval() == 10 * 60_000  # type: ignore[union-attr]


def test_restore_from_backup_puts_the_chosen_state_back_and_reopens_it(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    _idle(qtbot, window)
    _code(window, "drones")
    window.care.back_up()  # type: ignore[union-attr]
    _idle(qtbot, window)
    _code(window, "villages")
    assert _quotes(workbench_path) == ["drones", "villages"]
    seen: list[str] = []

    def choose_newest(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreBackupDialog)
        seen.append(dialog.table.topLevelItem(0).text(2))  # its codings
        dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
        dialog.restore_button.click()

    _when_shown(RestoreBackupDialog, choose_newest)
    window.menus.file.restore_action.trigger()
    assert seen == ["1"]
    assert window.project is not None and window.project.path == workbench_path
    viewer = bench(window).viewer
    assert [viewer.quote(c) for c in viewer.shown_codings] == ["drones"]
    assert _quotes(workbench_path) == ["drones"]
    (kept,) = workbench_path.parent.glob("workbench.before-restore-*.annotator")
    assert _quotes(kept) == ["drones", "villages"]
    assert "kept as" in window.statusBar().currentMessage()


def test_cancelling_restore_reopens_the_project_as_it_was(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    _code(window, "drones")
    _when_shown(RestoreBackupDialog, lambda dialog: dialog.close())
    window.menus.file.restore_action.trigger()
    assert window.project is not None and window.project.path == workbench_path
    assert bench(window).viewer.current_document.title == "Sensors on the river"  # type: ignore[union-attr]
    assert _quotes(workbench_path) == ["drones"]


def _failing_check(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The first check finds the file damaged; later ones (a restored backup) pass."""
    calls: list[str] = []
    real = check.check_project

    def damaged_once(project: Project) -> check.CheckReport:
        calls.append(project.path.name)
        if len(calls) > 1:
            return real(project)
        return check.CheckReport(integrity="*** in database main *** Page 7: btreeInitPage() error")

    monkeypatch.setattr(check, "check_project", damaged_once)
    return calls


def test_a_project_failing_its_check_is_offered_its_newest_good_backup(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    workbench_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with open_project(workbench_path) as project:
        backups.backup_now(project)  # before anything was coded
        document = documents.find_document(project, "Sensors on the river")
        code_id = codebook.find_code(project, "CCTV").id
        amina = coders.find_coder(project, "Amina Rasheed")
        start = document.text.index("drones")
        coding.add_coding(project, document.id, code_id, start, start + 6, amina.id)
    calls = _failing_check(monkeypatch)
    seen: list[str] = []

    def restore(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.extend([box.text(), box.informativeText()])
        box.restore_button.click()  # type: ignore[attr-defined]

    _when_shown(QMessageBox, restore)
    window = make_window()
    assert window.open_project(workbench_path)
    qtbot.waitUntil(lambda: bool(seen) and window.project is not None)
    assert "damaged" in seen[0] and "2 documents, 0 codings" in seen[1]
    assert _quotes(workbench_path) == []
    (kept,) = workbench_path.parent.glob("workbench.before-restore-*.annotator")
    assert _quotes(kept) == ["drones"]
    _idle(qtbot, window)
    assert len(calls) == 2  # the restored project is checked too


def test_declining_the_backup_reopens_the_project_under_a_warning(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    workbench_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with open_project(workbench_path) as project:
        backups.backup_now(project)
    calls = _failing_check(monkeypatch)
    _when_shown(QMessageBox, lambda box: box.keep_button.click())  # type: ignore[attr-defined]
    window = make_window()
    assert window.open_project(workbench_path)
    qtbot.waitUntil(window.banner.isVisible)
    assert "is damaged" in window.banner.text() and "Restore from Backup" in window.banner.text()
    assert window.project is not None
    _idle(qtbot, window)
    assert len(calls) == 1  # not asked again and again
    assert not list(workbench_path.parent.glob("*.before-restore-*"))


def test_a_file_damaged_on_opening_is_offered_its_backup(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    workbench_path: Path,
) -> None:
    with open_project(workbench_path) as project:
        backups.backup_now(project)
    with workbench_path.open("r+b") as file:
        file.seek(4096)
        file.write(b"\xa5" * 4096 * 8)  # what a failing disk might leave
    _when_shown(QMessageBox, lambda box: box.restore_button.click())  # type: ignore[attr-defined]
    window = make_window()
    assert window.open_project(workbench_path)
    assert window.project is not None
    assert len(documents.list_documents(window.project)) == 2


def test_a_coding_made_in_another_window_shows_up_here(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    viewer = bench(window).viewer
    assert viewer.shown_codings == []
    with open_project(workbench_path) as elsewhere:
        document = documents.find_document(elsewhere, "Sensors on the river")
        start = document.text.index("villages")
        code_id = codebook.find_code(elsewhere, "CCTV").id
        coder = coders.add_coder(elsewhere, "Omar Haddad")
        coding.add_coding(elsewhere, document.id, code_id, start, start + 8, coder.id)
    qtbot.waitUntil(lambda: [viewer.quote(c) for c in viewer.shown_codings] == ["villages"])
    assert bench(window).codebook.model.count(code_id) == 1
    assert "another window" in window.statusBar().currentMessage()
    names = [a.text() for a in window.menus.coders_menu.actions()]
    assert "Omar Haddad" in names


def test_a_document_deleted_in_another_window_leaves_this_one(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    with open_project(workbench_path) as elsewhere:
        document = documents.find_document(elsewhere, "Sensors on the river")
        documents.delete_document(elsewhere, document.id)
    qtbot.waitUntil(lambda: bench(window).documents.model.rowCount() == 1)
    shown = bench(window).viewer.current_document
    assert shown is None or shown.title == "Mixed scripts at the border"


@pytest.fixture
def sealed(tmp_path: Path, identity: user_settings.CoderIdentity) -> Path:
    path = tmp_path / "sealed.annotator"
    from annotator.core.codebook_file import new_project

    with new_project(path) as project:
        documents.store_document(
            project, documents.NewDocument(title="Checkpoint log", text="Drones at dawn.")
        )
    from annotator.core import encryption

    encryption.encrypt_project(path, PASSPHRASE)
    for copy in encryption.plain_copies(path):
        copy.unlink()
    return path


def test_an_encrypted_project_asks_for_its_passphrase_again_after_a_wrong_one(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    sealed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cipher_driver.time, "sleep", lambda seconds: None)
    typed = iter(["a wrong passphrase", PASSPHRASE])
    problems: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, PassphraseDialog)
        problems.append(dialog.problem.text())
        qtbot.keyClicks(dialog.passphrase, next(typed))
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    original_exec = PassphraseDialog.exec

    def exec_answering(self: PassphraseDialog) -> int:
        _when_shown(PassphraseDialog, answer)
        return original_exec(self)

    monkeypatch.setattr(PassphraseDialog, "exec", exec_answering)
    window = make_window()
    assert window.open_project(sealed)
    assert window.project is not None and window.project.encrypted
    assert problems[0] == ""
    assert "cannot be opened with this passphrase" in problems[1]
    assert "Caps Lock" in problems[1]
    assert bench(window).viewer.current_document.title == "Checkpoint log"  # type: ignore[union-attr]
    assert window.menus.file.change_passphrase_action.isEnabled()
    assert not window.menus.file.encrypt_action.isEnabled()
    _idle(qtbot, window)
    (backup,) = backups.list_backups(sealed, passphrase=PASSPHRASE)
    assert not backup.path.read_bytes().startswith(file_header.SQLITE_MAGIC)


def test_cancelling_the_passphrase_leaves_the_window_as_it_was(
    qtbot: QtBot,
    window: MainWindow,
    workbench_path: Path,
    sealed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(PassphraseDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not window.open_project(sealed)
    assert window.project is not None and window.project.path == workbench_path


def test_encrypting_from_the_menu_reopens_the_project_encrypted_and_offers_to_delete_plain_copies(
    qtbot: QtBot, window: MainWindow, workbench_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _code(window, "drones")
    _idle(qtbot, window)
    plain_backups = [b.path for b in backups.list_backups(workbench_path)]
    assert plain_backups
    monkeypatch.setattr(file_safety, "choose_passphrase", lambda parent: PASSPHRASE)
    offered: list[str] = []

    def delete(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        offered.append(box.detailedText())
        next(b for b in box.buttons() if b.text() == "Delete them").click()

    _when_shown(QMessageBox, delete)
    window.menus.file.encrypt_action.trigger()
    qtbot.waitUntil(lambda: window.project is not None and window.project.encrypted)
    qtbot.waitUntil(lambda: bool(offered))
    assert all(str(path) in offered[0] for path in plain_backups)
    assert not any(path.exists() for path in plain_backups)
    assert not workbench_path.read_bytes().startswith(file_header.SQLITE_MAGIC)
    assert _quotes(workbench_path, PASSPHRASE) == ["drones"]
    viewer = bench(window).viewer
    assert [viewer.quote(c) for c in viewer.shown_codings] == ["drones"]
    assert window.menus.file.decrypt_action.isEnabled()


def test_removing_encryption_asks_first_then_reopens_the_project_plain(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    sealed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    assert window.open_project(sealed, passphrase=PASSPHRASE)
    asked: list[str] = []
    monkeypatch.setattr(window, "confirm", lambda title, text: asked.append(text) or True)
    window.menus.file.decrypt_action.trigger()
    qtbot.waitUntil(lambda: window.project is not None and not window.project.encrypted)
    assert "Anyone who gets the file can then read it" in asked[0]
    assert sealed.read_bytes().startswith(file_header.SQLITE_MAGIC)


def test_a_conversion_refused_because_the_project_is_open_elsewhere_changes_nothing(
    qtbot: QtBot, window: MainWindow, workbench_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_safety, "choose_passphrase", lambda parent: PASSPHRASE)
    said: list[str] = []
    monkeypatch.setattr(
        file_safety.QMessageBox, "warning", lambda parent, title, text: said.append(text)
    )
    with open_project(workbench_path):  # another window has it open
        window.menus.file.encrypt_action.trigger()
        qtbot.waitUntil(lambda: bool(said) and window.project is not None)
    assert "open in another window or program" in said[0]
    assert not window.project.encrypted  # type: ignore[union-attr]
    assert workbench_path.read_bytes().startswith(file_header.SQLITE_MAGIC)


def test_share_a_redacted_copy_writes_a_file_without_the_names(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "for partners.annotator"
    written: list[Path] = []

    def redact(dialog: QWidget) -> None:
        assert isinstance(dialog, RedactionDialog)
        dialog.list_edit.setPlainText("drones => [aircraft]")
        dialog.preview_button.click()
        dialog.target_edit.setText(str(target))
        dialog.write_button.click()

        def close_when_written() -> None:
            if dialog.written is None:
                QTimer.singleShot(10, close_when_written)
                return
            written.append(dialog.written.path)
            dialog.reject()

        close_when_written()

    _when_shown(RedactionDialog, redact)
    care = window.care
    assert care is not None
    with qtbot.assertNotEmitted(care.outside_change):  # its audit entry is ours, not news
        window.menus.file.redacted_copy_action.trigger()
        care.poll_outside()
    assert written == [target]
    with open_project(target, read_only=True) as copy:
        text = documents.get_document(
            copy, documents.find_document(copy, "Sensors on the river").id
        ).text
    assert "drones" not in text and "[aircraft]" in text


def test_exporting_an_encrypted_project_says_the_file_will_not_be(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    sealed: Path,
) -> None:
    window = make_window()
    assert window.open_project(sealed, passphrase=PASSPHRASE)
    notes: list[str] = []

    def read_note(dialog: QWidget) -> None:
        note = dialog.findChild(QLabel, "exportNotEncrypted")
        notes.append(note.text() if note is not None and note.isVisible() else "")
        dialog.reject()  # type: ignore[attr-defined]

    _when_shown(ExportDialog, read_note)
    window.menus.export_action.trigger()
    assert notes == [menu_file.export_not_encrypted()]


def test_a_backup_that_cannot_be_written_is_said_in_the_status_bar(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    workbench_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(project: object) -> backups.BackupInfo:
        raise errors.ProjectUnwritable(Path("/backups/workbench"), "the disk is full")

    monkeypatch.setattr(backups, "backup_now", full_disk)
    window = make_window()
    assert window.open_project(workbench_path)
    _idle(qtbot, window)
    label = window.responses.backup_label
    assert label.text() == "Backup failed"
    assert "cannot be written" in label.toolTip()
    assert "Automatic backup failed" in window.statusBar().currentMessage()
