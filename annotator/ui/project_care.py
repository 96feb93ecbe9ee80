"""Looking after an open project: backups, a health check, and other windows' changes.

- A full health check (`core.check`) once after opening, off the GUI thread through a
  connection of its own. A damaged file is reported through `damaged`, so the window
  can offer the newest good backup; hash or quote mismatches through `problems_found`.
- Once the check passed, a backup, and then one every few minutes (the user's
  setting), also off the GUI thread, so it never delays opening or typing. An
  unchanged project is not backed up again (the core skips it).
- Another window or process committing to the same file (`core.sharing`) is noticed
  within a second and reported through `outside_change`, so the views re-read.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core import backups, check, codebook, coders, documents
from annotator.core.changes import Change, ChangeKind
from annotator.core.errors import AnnotatorError, CorruptProject
from annotator.core.ids import DocumentId
from annotator.core.project import Project, open_project
from annotator.core.sharing import ExternalChanges
from annotator.core.user_settings import backup_settings
from annotator.ui.background import Background

log = logging.getLogger(__name__)

OUTSIDE_POLL_MS = 1000


def _health(path: Path, passphrase: str | None) -> check.CheckReport:
    with open_project(path, read_only=True, passphrase=passphrase, damaged_schema_ok=True) as own:
        return check.check_project(own)


def everything_changed(project: Project, shown_documents: frozenset[DocumentId]) -> Change:
    """A Change naming everything, for views to re-read after another window's commit.

    Documents the window still shows are named too, so one deleted elsewhere goes.
    """
    return Change(
        kind=ChangeKind.OUTSIDE_CHANGES,
        documents=shown_documents | {d.id for d in documents.list_documents(project)},
        codes=frozenset(c.id for c in codebook.list_codes(project)),
        coders=frozenset(c.id for c in coders.list_coders(project)),
        codebook_changed=True,
    )


class ProjectCare(QObject):
    """Backups, the check and outside changes for one open project; `stop()` ends it."""

    damaged = Signal(object)  # CheckReport or CorruptProject: offer the newest good backup
    problems_found = Signal(object)  # CheckReport: mismatches, schema or value types
    outside_change = Signal()
    backed_up = Signal(object)  # BackupInfo
    backup_failed = Signal(object)  # AnnotatorError

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = project.path
        self._passphrase = project.passphrase
        self._read_only = project.read_only
        self._stopped = False
        self._backing_up = False  # one backup queued or running at a time
        self.background = Background(self)
        self.outside = ExternalChanges(project)
        self._project = project
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(backup_settings().every_minutes * 60_000)
        self.backup_timer.timeout.connect(self.back_up)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(OUTSIDE_POLL_MS)
        self.poll_timer.timeout.connect(self.poll_outside)

    def start(self, *, health_check: bool = True) -> None:
        """After the window shows the project: check it, then back it up; watch others.

        Backups start only once the check passed, so a damaged file never pushes a
        good backup out of the rotation; without a check (a damaged project the
        researcher chose to keep open) there are none.
        """
        if health_check:
            self.run_check()
        self.poll_timer.start()

    def _start_backups(self) -> None:
        if not self._read_only and not self._stopped:  # nothing changes it through us
            self.back_up()
            self.backup_timer.start()

    def stop(self) -> None:
        """Before the project closes: no new work, and the running work finished."""
        self._stopped = True
        self.backup_timer.stop()
        self.poll_timer.stop()
        self.background.wait()

    @property
    def busy(self) -> bool:
        return self.background.busy

    def back_up(self) -> None:
        if self._stopped or self._backing_up:
            return  # the one queued or running is recent enough
        self._backing_up = True
        project = self._project  # backup_now reads only its path and passphrase
        self.background.run(
            lambda _task: backups.backup_now(project), self._backed_up, self._not_backed_up
        )

    def run_check(self) -> None:
        path, passphrase = self.path, self._passphrase
        self.background.run(
            lambda _task: _health(path, passphrase), self._checked, self._not_checked
        )

    @contextlib.contextmanager
    def own_writes(self) -> Iterator[None]:
        """While one of our dialogs writes through a connection of its own (an import,
        an export's audit entry), its commits are not another window's changes."""
        self.poll_timer.stop()
        try:
            yield
        finally:
            self.outside.changed()  # take in what the dialog wrote, quietly
            if not self._stopped:
                self.poll_timer.start()

    def poll_outside(self) -> None:
        if not self._stopped and self.outside.changed():
            log.info("%s changed in another window or program", self.path.name)
            self.outside_change.emit()

    def _backed_up(self, info: backups.BackupInfo) -> None:
        self._backing_up = False
        if not self._stopped:
            self.backed_up.emit(info)

    def _not_backed_up(self, exc: AnnotatorError) -> None:
        self._backing_up = False
        log.warning("backup of %s failed: %s", self.path.name, exc)
        if self._stopped:
            return
        if isinstance(exc, CorruptProject) and exc.path == self.path:
            self.damaged.emit(exc)
        else:
            self.backup_failed.emit(exc)

    def _checked(self, report: check.CheckReport) -> None:
        if self._stopped:
            return
        if report.integrity != "ok":
            log.warning("%s failed its integrity check: %s", self.path.name, report.integrity)
            self.damaged.emit(report)
            return
        self._start_backups()
        if report.problems or report.schema or report.value_types:
            log.warning(
                "%s: the check found %d problems, %d schema differences, %d wrong value types",
                self.path.name,
                len(report.problems),
                len(report.schema),
                len(report.value_types),
            )
            self.problems_found.emit(report)

    def _not_checked(self, exc: AnnotatorError) -> None:
        log.warning("could not check %s: %s", self.path.name, exc)
        if self._stopped:
            return
        if isinstance(exc, CorruptProject):
            self.damaged.emit(exc)
        else:  # e.g. busy: the file is not known to be damaged, so keep backing it up
            self._start_backups()
