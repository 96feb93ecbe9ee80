"""The File menu: projects, what comes in and goes out, and keeping the file safe.

Dialogs are imported when first used, so the window opens without loading the
import, export and exchange machinery.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLabel

from annotator.core import cipher_driver
from annotator.ui import project_dialogs
from annotator.ui.i18n import translate
from annotator.ui.project_banner import NOTICE_STYLE

if TYPE_CHECKING:
    from annotator.ui.window_menus import WindowMenus


def encryption_missing() -> str:
    return translate(
        "MainWindow",
        "Encryption needs Annotator's 'sqlcipher3-wheels' dependency, which is not installed",
    )


def export_not_encrypted() -> str:
    return translate(
        "MainWindow",
        "This project is encrypted, but the exported file will not be: anyone who gets it "
        "can read it. Keep it somewhere safe, or share a redacted copy instead.",
    )


def recent_label(path: Path) -> str:
    return f"{path.stem}  ({path.parent})"


class FileMenu:
    def __init__(self, menus: WindowMenus) -> None:
        self.menus = menus
        w = menus.window
        action = menus.action
        menu = w.menuBar().addMenu(translate("MainWindow", "&File"))
        menu.setToolTipsVisible(True)
        menu.addAction(
            action(
                translate("MainWindow", "&New project…"),
                w.ask_new_project,
                QKeySequence.StandardKey.New,
                needs_project=False,
            )
        )
        menu.addAction(
            action(
                translate("MainWindow", "&Open project…"),
                w.ask_open_project,
                QKeySequence.StandardKey.Open,
                needs_project=False,
            )
        )
        self.recent_menu = menu.addMenu(translate("MainWindow", "Open &recent"))
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        menu.addAction(
            action(
                translate("MainWindow", "Open the &sample project"),
                w.open_sample_project,
                needs_project=False,
            )
        )
        menu.addSeparator()
        self.import_action = action(
            translate("MainWindow", "&Import documents…"),
            self.import_documents,
            "Ctrl+Shift+I",
            writes=True,
        )
        self.export_action = action(translate("MainWindow", "&Export…"), self.export, "Ctrl+E")
        self.merge_action = action(
            translate("MainWindow", "&Merge a copy or partner's file into this one…"),
            self.merge,
            writes=True,
        )
        menu.addActions([self.import_action, self.export_action, self.merge_action])
        menu.addSeparator()
        self.save_copy_action = action(
            translate("MainWindow", "Save a &copy…"),
            lambda: project_dialogs.ask_save_copy(w),
            "Ctrl+Shift+S",
        )
        self.share_qdpx_action = action(
            translate("MainWindow", "Share for other &tools (REFI-QDA .qdpx)…"),
            lambda: project_dialogs.ask_share_qdpx(w),
        )
        self.redacted_copy_action = action(
            translate("MainWindow", "Share a re&dacted copy…"), w.safety.share_redacted_copy
        )
        self.restore_action = action(
            translate("MainWindow", "Restore from &backup…"),
            w.safety.restore_from_backup,
            writes=True,
        )
        menu.addActions(
            [
                self.save_copy_action,
                self.share_qdpx_action,
                self.redacted_copy_action,
                self.restore_action,
            ]
        )
        self.encryption_menu = menu.addMenu(translate("MainWindow", "Encr&yption"))
        self.encryption_menu.setToolTipsVisible(True)
        self.encrypt_action = action(
            translate("MainWindow", "&Encrypt the project…"), w.safety.encrypt, writes=True
        )
        self.change_passphrase_action = action(
            translate("MainWindow", "&Change the passphrase…"),
            w.safety.change_passphrase,
            writes=True,
        )
        self.decrypt_action = action(
            translate("MainWindow", "&Remove the encryption…"),
            w.safety.remove_encryption,
            writes=True,
        )
        self.encryption_menu.addActions(
            [self.encrypt_action, self.change_passphrase_action, self.decrypt_action]
        )
        menu.addSeparator()
        menu.addAction(
            action(
                translate("MainWindow", "&Close project"),
                w.close_project,
                QKeySequence.StandardKey.Close,
            )
        )
        menu.addSeparator()
        menu.addAction(
            action(
                translate("MainWindow", "&Quit"),
                w.close,
                QKeySequence.StandardKey.Quit,
                needs_project=False,
            )
        )
        self.menu = menu

    def project_changed(self) -> None:
        """Offer the encryption entries that fit the open project."""
        session = self.menus.session
        writable = session is not None and not session.project.read_only
        encrypted = session is not None and session.project.encrypted
        available = cipher_driver.available()
        self.encrypt_action.setEnabled(writable and available and not encrypted)
        self.change_passphrase_action.setEnabled(writable and encrypted)
        self.decrypt_action.setEnabled(writable and encrypted)
        self.encrypt_action.setToolTip("" if available else encryption_missing())

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        window = self.menus.window
        recent = window.settings.recent_projects()
        for path in recent:
            entry = self.recent_menu.addAction(recent_label(path))
            entry.setToolTip(str(path))
            entry.setStatusTip(str(path))
            entry.triggered.connect(lambda _=False, p=path: window.open_project(p))
        if not recent:
            none = self.recent_menu.addAction(translate("MainWindow", "(no recent projects)"))
            none.setEnabled(False)

    def import_documents(self) -> None:
        session = self.menus.session
        if session is None:
            return
        from annotator.ui.import_dialog import ImportDialog

        dialog = ImportDialog(session.project, session.coder_id or "", self.menus.window)
        with self.menus.window.own_writes():
            dialog.exec()
        imported, change = list(dialog.imported_document_ids), dialog.change
        dialog.deleteLater()
        if change is not None:  # the import ran already; undo takes it back
            session.record(change)
        bench = self.menus.workbench
        if imported and bench is not None:
            bench.documents.select_document(imported[0])

    def merge(self) -> None:
        session = self.menus.session
        if session is None:
            return
        from annotator.ui.merge_dialog import MergeDialog

        self.menus.window.commit_pending()
        dialog = MergeDialog(session.project, self.menus.window, coder_id=session.coder_id)
        with self.menus.window.own_writes():
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted and dialog.change is not None:
            session.record(dialog.change)
        dialog.deleteLater()

    def export(self) -> None:
        session = self.menus.session
        if session is None:
            return
        from annotator.ui.export_dialog import ExportDialog

        self.menus.window.commit_pending()
        dialog = ExportDialog(session.project, self.menus.window)
        if session.project.encrypted:
            warn_export_not_encrypted(dialog)
        with self.menus.window.own_writes():  # the export's entry in the audit log
            dialog.exec()
        dialog.deleteLater()


def warn_export_not_encrypted(dialog: QDialog) -> QLabel:
    """A note at the top of the export dialog, which has no such warning of its own."""
    note = QLabel(export_not_encrypted(), dialog)
    note.setObjectName("exportNotEncrypted")
    note.setWordWrap(True)
    note.setStyleSheet(NOTICE_STYLE)
    layout = dialog.layout()
    layout.insertWidget(0, note)  # type: ignore[attr-defined]
    return note
