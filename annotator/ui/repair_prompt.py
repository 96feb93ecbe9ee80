"""Repairing a project whose schema or stored values are not what Annotator writes.

Offered when opening finds such a project (it opens read-only, or, if it cannot even be
read, not at all) and from the banner's Repair button after the health check. The
repair itself is the core's (`core.schema_repair`): a backup first, then one
transaction. The project must be closed while it runs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from annotator.core import errors, schema_repair, user_settings
from annotator.core.check import CheckReport
from annotator.ui import messages
from annotator.ui.background import Background, Task
from annotator.ui.i18n import translate
from annotator.ui.project_host import ProjectHost
from annotator.ui.schema_wording import describe_damage, describe_difference


class RepairPrompt(QMessageBox):
    """The question: repair this project now (after a backup), or not."""

    def __init__(self, project_path: Path, problems: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Repair project"))
        self.setText(
            self.tr(
                "“{name}” is not as Annotator writes it, so Annotator does not write to it."
            ).format(name=project_path.name)
        )
        self.setInformativeText(
            self.tr(
                "Repair removes the parts Annotator never writes (triggers, views, indexes, "
                "tables), restores the parts that are missing, and turns text stored as "
                "bytes back into text. A backup is taken first: File › Restore from "
                "Backup… brings the project back as it is now.\n\nRepair it?"
            )
        )
        self.setDetailedText("\n".join(problems))
        self.repair_button: QPushButton = self.addButton(
            self.tr("Repair"), QMessageBox.ButtonRole.AcceptRole
        )
        self.keep_button: QPushButton = self.addButton(
            self.tr("Not now"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.repair_button)


def ask(parent: QWidget | None, project_path: Path, problems: list[str]) -> bool:
    """Whether the researcher wants the project repaired."""
    prompt = RepairPrompt(project_path, problems, parent)
    prompt.exec()
    return prompt.clickedButton() is prompt.repair_button


def repair(
    parent: QWidget | None, project_path: Path, passphrase: str | None
) -> schema_repair.SchemaRepair | None:
    """Repair the closed project; None (after saying why) if it could not be.

    It runs off the GUI thread under a busy note (the backup of a large project takes
    a while), and this waits for it with the window still painting. A bug is shown in
    the error report, and counts as not repaired.
    """
    identity = user_settings.configured_coder()
    coder_id = identity.id if identity else None

    def work(_task: Task) -> schema_repair.SchemaRepair:
        return schema_repair.repair_project(project_path, passphrase=passphrase, coder_id=coder_id)

    note = QProgressDialog(
        translate("RepairPrompt", "Backing up and repairing “{name}”…").format(
            name=project_path.name
        ),
        "",
        0,
        0,
        parent,
    )
    note.setWindowTitle(translate("RepairPrompt", "Repair project"))
    note.setCancelButton(None)  # type: ignore[arg-type]
    note.setWindowModality(Qt.WindowModality.WindowModal)
    note.setMinimumDuration(0)
    outcome: list[object] = []  # the repair or the refusal; none after a bug (reported)
    waiting = QEventLoop()
    background = Background(parent or QCoreApplication.instance())  # kept alive till done
    background.run(work, outcome.append, outcome.append, ended=waiting.quit)
    note.show()
    waiting.exec()
    note.close()
    note.deleteLater()
    background.deleteLater()
    result = outcome[0] if outcome else None
    if isinstance(result, errors.AnnotatorError):
        messages.show_error(parent, result, translate("RepairPrompt", "Repair project"))
        return None
    return result if isinstance(result, schema_repair.SchemaRepair) else None


def offer(
    parent: QWidget | None, project_path: Path, problems: list[str], passphrase: str | None
) -> schema_repair.SchemaRepair | None:
    """Ask, then repair the closed project; None if declined or it could not be."""
    if not ask(parent, project_path, problems):
        return None
    return repair(parent, project_path, passphrase)


def repair_open_project(host: ProjectHost, found: CheckReport | None) -> None:
    """The banner's Repair…: close the project, repair it after a backup, open it again.

    `found` is what the health check found since opening, if anything.
    """
    project = host.project
    if project is None:
        return
    problems = [describe_difference(d) for d in project.schema_differences]
    if found is not None:
        problems += [describe_difference(d) for d in found.schema]
        problems += [describe_damage(d) for d in found.value_types]
    if not ask(host.window(), project.path, list(dict.fromkeys(problems))):
        return
    put_away = host.put_away()
    if put_away is None:
        return
    path, passphrase = put_away
    done = repair(host.window(), path, passphrase)
    host.open_project(path, passphrase=passphrase)
    if done is not None:
        note = translate("RepairPrompt", "Repaired “{name}”. The backup taken first: {backup}")
        host.statusBar().showMessage(note.format(name=path.name, backup=done.backup), 15000)
