"""When a project is damaged: offer its newest good backup instead of a traceback.

The app calls `offer_recovery` when opening a project raises CorruptProject, or when
the health check it runs after opening (`check_project`, off the GUI thread) finds the
SQLite file damaged. With the project closed:

    try:
        project = open_project(path)
    except errors.CorruptProject as exc:
        restored = recovery.offer_recovery(window, path, exc)
        if restored is None:
            return  # the user declined, or there is no good backup: nothing was changed
        project = open_project(restored)

The newest backup that passes a full integrity check is offered, with its date and
what it holds. Restoring keeps the damaged file beside the project (named
`….before-restore-….annotator`), so a specialist can still look at it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from annotator.core import backups, errors
from annotator.core.backups import BackupInfo
from annotator.core.check import CheckReport
from annotator.ui import messages
from annotator.ui.backup_dialog import when
from annotator.ui.i18n import translate


class RecoveryPrompt(QMessageBox):
    """The question: restore the newest good backup of a damaged project, or not."""

    def __init__(
        self,
        project_path: Path,
        backup: BackupInfo,
        problem: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Project damaged"))
        self.setText(
            self.tr("“{name}” is damaged and cannot be used as it is.").format(
                name=project_path.name
            )
        )
        self.setInformativeText(
            self.tr(
                "The newest good backup is from {when}: {documents} documents, {codings} "
                "codings, {codes} codes. Work done after that moment is not in it.\n\n"
                "Restore it? The damaged file is kept beside the project, named "
                "“…before-restore-…”, so nothing is deleted."
            ).format(
                when=when(backup),
                documents=backup.documents,
                codings=backup.codings,
                codes=backup.codes,
            )
        )
        self.setDetailedText(problem)
        self.restore_button: QPushButton = self.addButton(
            self.tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole
        )
        self.keep_button: QPushButton = self.addButton(
            self.tr("Not now"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.restore_button)


def describe_problem(problem: errors.AnnotatorError | CheckReport) -> str:
    if isinstance(problem, CheckReport):
        integrity = translate("RecoveryPrompt", "SQLite integrity: {result}")
        return "\n".join([integrity.format(result=problem.integrity), *problem.problems[:20]])
    return messages.describe(problem)


def offer_recovery(
    parent: QWidget | None,
    project_path: Path | str,
    problem: errors.AnnotatorError | CheckReport,
    *,
    passphrase: str | None = None,
) -> Path | None:
    """Offer the newest good backup; the project path to open again, or None.

    The project must be closed. None means nothing was changed: the user said no, there
    was no good backup (they are told so), or restoring failed (they are told why).
    """
    project_path = Path(project_path)
    detail = describe_problem(problem)
    backup = backups.newest_good_backup(project_path, passphrase=passphrase)
    if backup is None:
        _no_backup(parent, project_path, detail)
        return None
    prompt = RecoveryPrompt(project_path, backup, detail, parent)
    prompt.exec()
    if prompt.clickedButton() is not prompt.restore_button:
        return None
    try:
        restored = backups.restore_backup(backup, project_path, passphrase=passphrase)
    except errors.AnnotatorError as exc:
        messages.show_error(parent, exc, translate("RecoveryPrompt", "Restore from Backup"))
        return None
    return restored.project


def _no_backup(parent: QWidget | None, project_path: Path, detail: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("RecoveryPrompt", "Project damaged"))
    box.setText(
        translate(
            "RecoveryPrompt", "“{name}” is damaged, and there is no good backup of it."
        ).format(name=project_path.name)
    )
    box.setInformativeText(
        translate(
            "RecoveryPrompt",
            "The file was not changed. If you sent or received a copy of this project "
            "recently, open that copy. Keep the damaged file: a specialist may be able "
            "to recover most of it.",
        )
    )
    box.setDetailedText(detail)
    box.exec()
