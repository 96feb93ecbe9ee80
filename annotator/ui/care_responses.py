"""What the window does with what `ProjectCare` reports.

- A damaged file: put the project away and offer its newest good backup at once; if
  the researcher declines, the project opens again (unchecked) under a warning banner.
- Hash or quote mismatches: a banner, since they concern the evidence itself; values of
  the wrong type (or a schema that changed while open) too, with a Repair button.
- Another window's commit: one Change naming everything, so each view re-reads.
- Backups: a quiet note in the status bar with the time of the latest one, in red
  with the reason when one failed.

What was found (`damage`, `check_report`) is kept here; `findings_changed` asks the
window to show it in its banner. The window is seen only as a `CaredWindow`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from annotator.core import errors
from annotator.core.backups import BackupInfo
from annotator.core.check import CheckReport
from annotator.ui import messages, recovery
from annotator.ui.project_care import ProjectCare, everything_changed
from annotator.ui.project_host import ProjectHost
from annotator.ui.schema_wording import describe_damage, describe_difference, listed

if TYPE_CHECKING:
    from annotator.ui.session import ProjectSession
    from annotator.ui.workbench import Workbench

ERROR_STYLE = "color: #B00020;"


class CaredWindow(ProjectHost, Protocol):
    """The window, and the session and workbench that re-read another window's commit."""

    @property
    def session(self) -> ProjectSession | None: ...

    @property
    def workbench(self) -> Workbench | None: ...


class CareResponses(QObject):
    findings_changed = Signal()  # `damage` or `check_report` changed: show the banner

    def __init__(self, host: CaredWindow) -> None:
        super().__init__(host.window())
        self.host = host
        self.damage = ""  # what the health check found, in words, for the banner
        self.check_report: CheckReport | None = None  # its findings, if it found any
        self.backup_label = QLabel(host.window())
        self.backup_label.setAccessibleName(self.tr("Latest backup"))
        host.statusBar().addPermanentWidget(self.backup_label)

    def follow(self, care: ProjectCare) -> None:
        """A project was opened: nothing found yet, and listen to its care."""
        self.damage = ""
        self.check_report = None
        self.backup_label.setText("")
        self.backup_label.setToolTip("")
        care.damaged.connect(self.damaged)
        care.problems_found.connect(self.problems_found)
        care.outside_change.connect(self.outside_change)
        care.backed_up.connect(self.backed_up)
        care.backup_failed.connect(self.backup_failed)

    def damaged(self, problem: errors.AnnotatorError | CheckReport) -> None:
        """The file is damaged: offer the newest good backup at once."""
        host = self.host
        put_away = host.put_away()
        if put_away is None:
            return
        path, passphrase = put_away
        restored = recovery.offer_recovery(host.window(), path, problem, passphrase=passphrase)
        # Declined, or no good backup: the damaged project opens again, unchecked.
        host.open_project(restored or path, passphrase=passphrase, health_check=bool(restored))
        if restored is None and host.project is not None:
            detail = recovery.describe_problem(problem).split("\n")[0]
            self.damage = self.tr(
                "“{name}” is damaged ({detail}). Keep working only to save what you "
                "need: File › Save a Copy…, or go back to a backup with File › Restore from "
                "Backup…."
            ).format(name=path.name, detail=detail)
            self.findings_changed.emit()

    def problems_found(self, report: CheckReport) -> None:
        project = self.host.project
        if project is None:
            return
        self.check_report = report
        sentences = []
        count = len(report.problems)
        if count == 1:  # English's two forms as two whole sentences
            found = self.tr(
                "The check found {count} problem with the stored evidence, e.g. {problem}. "
                "Run “annotator check” on the project for all of them."
            )
        else:
            found = self.tr(
                "The check found {count} problems with the stored evidence, e.g. {problem}. "
                "Run “annotator check” on the project for all of them."
            )
        if count:  # the problem itself is the check's own English sentence, as the CLI prints it
            sentences.append(found.format(count=count, problem=report.problems[0]))
        if report.value_types:
            sentences.append(
                self.tr(
                    "Some stored values are not of their type ({parts}). Repair… turns text "
                    "stored as bytes back into text, after a backup."
                ).format(parts=listed(describe_damage(d) for d in report.value_types))
            )
        changed_since = [d for d in report.schema if d not in project.schema_differences]
        if changed_since:  # the banner words what opening found already
            sentences.append(
                self.tr(
                    "The project is not as Annotator writes it: {parts}. Repair… takes a "
                    "backup, removes what Annotator never writes and restores what is missing."
                ).format(parts=listed(describe_difference(d) for d in changed_since))
            )
        self.damage = "\n".join(sentences)
        self.findings_changed.emit()

    def outside_change(self) -> None:
        """Another window or program committed: every view re-reads what it shows."""
        session, bench = self.host.session, self.host.workbench
        if session is None or bench is None:
            return
        session.notify(everything_changed(session.project, bench.listed_document_ids()))
        current = bench.viewer.current_document
        if current is not None and not bench.document_exists(current.id):
            bench.open_document(None)
        self.host.statusBar().showMessage(
            self.tr("Updated with changes made in another window."), 6000
        )

    def backed_up(self, info: BackupInfo) -> None:
        local = info.created_at.astimezone().strftime("%H:%M")
        self.backup_label.setText(self.tr("Backed up {time}").format(time=local))
        self.backup_label.setToolTip(
            self.tr("Latest automatic backup:\n{path}").format(path=info.path)
        )
        self.backup_label.setStyleSheet("")

    def backup_failed(self, exc: errors.AnnotatorError) -> None:
        text = messages.describe(exc)
        self.backup_label.setText(self.tr("Backup failed"))
        self.backup_label.setToolTip(text)
        self.backup_label.setStyleSheet(ERROR_STYLE)
        self.host.statusBar().showMessage(
            self.tr("Automatic backup failed: {reason}").format(reason=text), 12000
        )
