"""File menu actions that replace the project file: restoring a backup, and encryption.

Each needs the project closed everywhere, so the window puts it away (waiting for a
running backup), the work runs, and the window opens the result again with the right
passphrase. A refusal is shown and the project reopens as it was. Conversions run off
the GUI thread behind a busy note, since a large project takes a while to rewrite.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from annotator.core import backups, encryption, errors
from annotator.ui import messages
from annotator.ui.background import Background
from annotator.ui.backup_dialog import RestoreBackupDialog
from annotator.ui.i18n import translate
from annotator.ui.passphrase_dialog import choose_passphrase
from annotator.ui.project_host import ProjectHost
from annotator.ui.redaction_dialog import RedactionDialog

log = logging.getLogger(__name__)

Conversion = Callable[[Path], object]


def describe_refusal(exc: errors.AnnotatorError, path: Path) -> str:
    if isinstance(exc, backups.ProjectInUse):
        return translate(
            "FileSafety",
            "“{name}” is open in another window or program. Close it there, then "
            "try again. Nothing was changed.",
        ).format(name=path.name)
    return messages.describe(exc)


class SafeWindow(ProjectHost, Protocol):
    """The window, and what a redacted copy and a conversion need of it besides."""

    def commit_pending(self) -> None: ...

    def own_writes(self) -> contextlib.AbstractContextManager[None]: ...

    def coder_id(self) -> str | None: ...

    def confirm(self, title: str, text: str) -> bool: ...


class FileSafety(QObject):
    def __init__(self, host: SafeWindow) -> None:
        super().__init__(host.window())
        self.host = host
        self.background = Background(self)
        self.busy: QProgressDialog | None = None

    # -- backups ------------------------------------------------------------------------

    def restore_from_backup(self) -> None:
        """Close the project, let the researcher pick a backup, open what is there then."""
        host = self.host
        put_away = host.put_away()
        if put_away is None:
            return
        path, passphrase = put_away
        dialog = RestoreBackupDialog(path, host.window(), passphrase=passphrase)
        restored = dialog.restored if dialog.exec() else None
        dialog.deleteLater()
        host.open_project(restored.project if restored else path, passphrase=passphrase)
        if restored is not None:
            said = (
                self.tr("Restored the backup. The replaced file is kept as {name}.").format(
                    name=restored.replaced.name
                )
                if restored.replaced
                else self.tr("Restored the backup.")
            )
            host.statusBar().showMessage(said, 12000)

    def share_redacted_copy(self) -> None:
        project = self.host.project
        if project is None:
            return
        self.host.commit_pending()
        dialog = RedactionDialog(project, self.host.window())
        with self.host.own_writes():  # the copy's entry in the audit log
            dialog.exec()
        dialog.deleteLater()

    # -- encryption -----------------------------------------------------------------------

    def encrypt(self) -> None:
        project = self.host.project
        if project is None or project.encrypted:
            return
        passphrase = choose_passphrase(self.host.window())
        if passphrase is None:
            return
        coder = self.host.coder_id()
        self._convert(
            lambda path: encryption.encrypt_project(path, passphrase, coder_id=coder),
            new_passphrase=passphrase,
            doing=self.tr("Encrypting “{name}”…"),
            done=lambda _path: self.host.statusBar().showMessage(
                self.tr("The project is encrypted."), 12000
            ),
        )

    def change_passphrase(self) -> None:
        project = self.host.project
        if project is None or project.passphrase is None:
            return
        old = project.passphrase
        new = choose_passphrase(self.host.window())
        if new is None:
            return
        coder = self.host.coder_id()
        self._convert(
            lambda path: encryption.change_passphrase(path, old, new, coder_id=coder),
            new_passphrase=new,
            doing=self.tr("Changing the passphrase of “{name}”…"),
            done=lambda _path: self.host.statusBar().showMessage(
                self.tr("Passphrase changed. Backups made before now still open with the old one."),
                12000,
            ),
        )

    def remove_encryption(self) -> None:
        project = self.host.project
        if project is None or project.passphrase is None:
            return
        old = project.passphrase
        if not self.host.confirm(
            self.tr("Remove encryption"),
            self.tr(
                "Remove the encryption of “{name}”? Anyone who gets the file can then "
                "read it, and its backups from now on are not encrypted either."
            ).format(name=project.name),
        ):
            return
        coder = self.host.coder_id()
        self._convert(
            lambda path: encryption.decrypt_project(path, old, coder_id=coder),
            new_passphrase=None,
            doing=self.tr("Removing the encryption of “{name}”…"),
            done=lambda _path: None,
        )

    def _convert(
        self,
        work: Conversion,
        *,
        new_passphrase: str | None,
        doing: str,
        done: Callable[[Path], None],
    ) -> None:
        """`doing` is the busy note, with {name} where the file's name goes."""
        put_away = self.host.put_away()
        if put_away is None:
            return
        path, old_passphrase = put_away
        self.busy = _busy_note(self.host.window(), doing.format(name=path.name))

        def converted(_result: object) -> None:
            self._close_busy()
            plain = encryption.plain_copies(path) if new_passphrase else []
            self.host.open_project(path, passphrase=new_passphrase)
            done(path)
            if plain:
                self._offer_to_delete(plain)

        def refused(exc: errors.AnnotatorError) -> None:
            self._close_busy()
            log.info("conversion of %s refused: %s", path.name, exc)
            QMessageBox.warning(
                self.host.window(), self.tr("Annotator"), describe_refusal(exc, path)
            )
            self.host.open_project(path, passphrase=old_passphrase)

        self.background.run(lambda _task: work(path), converted, refused)

    def _close_busy(self) -> None:
        if self.busy is not None:
            self.busy.close()
            self.busy.deleteLater()
            self.busy = None

    def _offer_to_delete(self, copies: list[Path]) -> None:
        box = QMessageBox(self.host.window())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Copies made before encrypting"))
        if len(copies) == 1:  # English's two forms as two whole sentences
            said = self.tr(
                "{count} earlier copy of this project can still be read by anyone who gets "
                "them: automatic backups, and copies kept before an update or a restore."
            )
        else:
            said = self.tr(
                "{count} earlier copies of this project can still be read by anyone who gets "
                "them: automatic backups, and copies kept before an update or a restore."
            )
        box.setText(said.format(count=len(copies)))
        box.setInformativeText(
            self.tr(
                "Delete them now? The encrypted project and its new backups are kept. Copies "
                "you sent or saved elsewhere are not affected."
            )
        )
        box.setDetailedText("\n".join(str(copy) for copy in copies))
        delete = box.addButton(self.tr("Delete them"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is delete:
            self._delete(copies)

    def _delete(self, copies: list[Path]) -> None:
        failed = []
        for copy in copies:
            try:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{copy}{suffix}").unlink(missing_ok=True)
            except OSError as exc:
                failed.append(f"{copy}: {exc.strerror or exc}")
        if failed:
            QMessageBox.warning(
                self.host.window(),
                self.tr("Copies not deleted"),
                self.tr("These copies could not be deleted; delete them yourself:")
                + "\n\n"
                + "\n".join(failed),
            )
        else:
            said = (
                self.tr("Deleted {count} unencrypted copy.")
                if len(copies) == 1
                else self.tr("Deleted {count} unencrypted copies.")
            )
            self.host.statusBar().showMessage(said.format(count=len(copies)), 12000)


def _busy_note(parent: QWidget, text: str) -> QProgressDialog:
    """A modal note with a moving bar; nothing to cancel (a half conversion never lands)."""
    note = QProgressDialog(text, "", 0, 0, parent)
    note.setWindowTitle(translate("FileSafety", "Annotator"))
    note.setCancelButton(None)  # type: ignore[arg-type]
    note.setWindowModality(Qt.WindowModality.WindowModal)
    note.setMinimumDuration(0)
    note.show()
    return note
