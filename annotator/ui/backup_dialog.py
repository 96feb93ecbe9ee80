"""File > Restore from Backup: the project's automatic backups, and putting one back.

Each backup is listed with its date, size and what it holds, so the researcher can
pick the state they want. Restoring replaces the project file with a checked copy of
the backup and keeps the replaced file beside it (`….before-restore-….annotator`), so
nothing is ever lost by restoring.

The caller closes the project before showing the dialog (a project that is open
anywhere is never replaced) and reopens `dialog.restored.project` once it is accepted:

    project.close()
    dialog = RestoreBackupDialog(path, window)
    if dialog.exec() and dialog.restored:
        window.open_project(dialog.restored.project)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import backups, errors, user_settings
from annotator.core.backups import BackupInfo, Restored
from annotator.ui import messages

PATH_ROLE = Qt.ItemDataRole.UserRole


def when(backup: BackupInfo) -> str:
    """The backup's time in the user's time zone and date format."""
    moment = QDateTime.fromSecsSinceEpoch(int(backup.created_at.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class RestoreBackupDialog(QDialog):
    """Lists a project's backups, newest first, and restores the chosen one."""

    def __init__(
        self,
        project_path: Path | str,
        parent: QWidget | None = None,
        *,
        passphrase: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.project_path = Path(project_path)
        self.passphrase = passphrase
        self.restored: Restored | None = None
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.setObjectName("restoreBackupDialog")
        self.resize(620, 380)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Backed up"), self.tr("Documents"), self.tr("Codings"), self.tr("Codes"),
             self.tr("Size")]
        )  # fmt: skip
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("restoreProblem")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = QPushButton(self.tr("Restore this backup"), self)
        self.restore_button.setEnabled(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Read the backup folder again (a backup may have been taken meanwhile)."""
        self.table.clear()
        found = backups.list_backups(self.project_path, passphrase=self.passphrase)
        locale = QLocale()
        for backup in found:
            item = QTreeWidgetItem(
                [
                    when(backup),
                    *(
                        locale.toString(n) if n is not None else self.tr("unreadable")
                        for n in (backup.documents, backup.codings, backup.codes)
                    ),
                    locale.formattedDataSize(backup.size),
                ]
            )
            item.setData(0, PATH_ROLE, str(backup.path))
            for column in (1, 2, 3, 4):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            if not backup.readable:
                item.setDisabled(True)
            self.table.addTopLevelItem(item)
        for column in range(self.table.columnCount()):
            self.table.resizeColumnToContents(column)
        self.intro.setText(self._intro(len(found)))
        self.table.setVisible(bool(found))
        first = self.table.topLevelItem(0)
        if first is not None and not first.isDisabled():
            self.table.setCurrentItem(first)

    def _intro(self, count: int) -> str:
        settings = user_settings.backup_settings()
        folder = backups.backup_folder(self.project_path)
        name = self.project_path.name
        if not count:
            return self.tr(
                "There are no backups of “{name}” yet. While a project is open, Annotator "
                "backs it up when it opens and every {minutes} minutes, into {folder}."
            ).format(name=name, minutes=settings.every_minutes, folder=folder)
        return self.tr(
            "Choose the state of “{name}” to go back to. The project file will be replaced "
            "by the backup; the current file is kept beside it, named "
            "“…before-restore-…”, so nothing is lost. The newest {keep} backups are kept, "
            "in {folder}."
        ).format(name=name, keep=settings.keep, folder=folder)

    def selected_backup(self) -> Path | None:
        item = self.table.currentItem()
        if item is None or item.isDisabled():
            return None
        return Path(item.data(0, PATH_ROLE))

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)
        self.problem.hide()

    def restore_selected(self) -> None:
        """Restore the chosen backup; a refusal is shown in the dialog, which stays open."""
        backup = self.selected_backup()
        if backup is None:
            return
        try:
            self.restored = backups.restore_backup(
                backup, self.project_path, passphrase=self.passphrase
            )
        except backups.ProjectInUse:
            self._refuse(
                self.tr(
                    "“{name}” is open in another window or program. Close it there, "
                    "then restore again. Nothing was changed."
                ).format(name=self.project_path.name)
            )
            return
        except errors.AnnotatorError as exc:
            self._refuse(messages.describe(exc))
            return
        self.accept()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
