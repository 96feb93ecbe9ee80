"""The main window: opens and closes projects, keeps the layout, hosts the workbench.

Every action is saved the moment it is done, so closing never asks anything: the
window only remembers its geometry, splitters, docks, text size and last document.
While a project is open, `ProjectCare` backs it up, checks it once, and notices other
windows' changes; the review docks (search, excerpts, overviews, agreement) show it.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core import errors, user_settings
from annotator.core.changes import Change
from annotator.core.codebook_file import new_project
from annotator.core.ids import CoderId, DocumentId
from annotator.core.project import Project, save_copy
from annotator.ui import messages, project_dialogs, recovery, repair_prompt
from annotator.ui.care_responses import CareResponses
from annotator.ui.file_safety import FileSafety
from annotator.ui.opening import coder_for, meet_configured_coder, open_interactively
from annotator.ui.project_banner import ProjectBanner
from annotator.ui.project_care import ProjectCare
from annotator.ui.review_docks import ReviewDocks
from annotator.ui.sample import ensure_sample_project
from annotator.ui.session import ProjectSession
from annotator.ui.settings import WindowSettings
from annotator.ui.welcome import WelcomePage
from annotator.ui.window_menus import WindowMenus
from annotator.ui.workbench import Workbench

log = logging.getLogger(__name__)

DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
ErrorReporter = Callable[[QWidget, errors.AnnotatorError], None]


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: WindowSettings | None = None,
        *,
        report_error: ErrorReporter = messages.show_error,
    ) -> None:
        super().__init__()
        self.settings = settings or WindowSettings()
        self.report_error = report_error
        self.session: ProjectSession | None = None
        self.workbench: Workbench | None = None
        self.care: ProjectCare | None = None
        self.setWindowTitle(self.tr("Annotator"))
        self.setAccessibleName(self.tr("Annotator"))
        self.resize(1400, 860)
        self.setMinimumSize(760, 480)  # fixed, see sizing.pin_minimum_size

        self.banner = ProjectBanner(self)
        self.banner.repair_requested.connect(
            lambda: repair_prompt.repair_open_project(self, self.responses.check_report)
        )
        self.welcome = WelcomePage(self)
        self.welcome.sample_requested.connect(self.open_sample_project)
        self.welcome.new_requested.connect(self.ask_new_project)
        self.welcome.open_requested.connect(self.ask_open_project)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack)
        self.setCentralWidget(central)

        self.responses = CareResponses(self)  # the backup note goes left of the coder
        self.responses.findings_changed.connect(self._show_banner)
        self.coder_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.coder_label)
        self.review: ReviewDocks = ReviewDocks(self)
        self.safety = FileSafety(self)
        self.menus = WindowMenus(self)
        self._restore_geometry()
        self._project_state_changed()

    # -- opening and closing --------------------------------------------------------------

    @property
    def project(self) -> Project | None:
        return self.session.project if self.session else None

    def open_project(
        self, path: Path | str, *, passphrase: str | None = None, health_check: bool = True
    ) -> bool:
        """Close the current project and open `path`; a refusal is shown, not raised.

        An encrypted project asks for its passphrase (unless given); a damaged one is
        offered its newest good backup. False if it did not open (or was cancelled).
        """
        path = Path(path)
        try:
            project = open_interactively(self, path, passphrase=passphrase)
        except errors.AnnotatorError as exc:
            self.report_error(self, exc)
            if isinstance(exc, errors.ProjectNotFound):
                self.settings.forget_recent_project(path)
            return False
        if project is None:
            return False
        self.close_project()
        try:
            self._show(project)
        except errors.DamagedValue as exc:  # a BLOB where a title belongs: offer a repair
            self._discard(project)
            where = f"{exc.table}.{exc.column} of {exc.row}"
            done = repair_prompt.offer(self, project.path, [where], project.passphrase)
            if done is None or done.values_left:
                self.report_error(self, exc)
                return False
            return self.open_project(project.path, passphrase=project.passphrase)
        except errors.AnnotatorError as exc:
            self._discard(project)
            self.report_error(self, exc)
            return False
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF not in DAMAGED_CODES:
                raise
            # Damaged where opening did not look: offer a backup as for any damage.
            self._discard(project)
            problem = errors.CorruptProject(project.path, str(exc))
            restored = recovery.offer_recovery(
                self, project.path, problem, passphrase=project.passphrase
            )
            return restored is not None and self.open_project(
                restored, passphrase=project.passphrase
            )
        self._look_after(project, health_check=health_check)
        self._project_state_changed()
        log.info("opened %s", project.path)
        return True

    def _show(self, project: Project) -> None:
        """The workbench on an opened project, at the document shown last time."""
        self.session = ProjectSession(project, coder_for(project), self)
        self.session.failed.connect(self._refused)
        self.session.changed.connect(self._project_changed)
        self.workbench = Workbench(self.session, self.stack)
        self.workbench.status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.workbench.document_opened.connect(self._document_opened)
        self.workbench.restore(
            self.settings.bytes(WindowSettings.SPLITTER),
            self.settings.bytes(WindowSettings.SIDE_SPLITTER),
        )
        self.workbench.viewer.set_font_size(self.settings.font_size)
        self.stack.addWidget(self.workbench)
        self.stack.setCurrentWidget(self.workbench)
        self.settings.add_recent_project(project.path)
        self._open_last_document(project.path)
        self.review.set_session(self.session)

    def _discard(self, project: Project) -> None:
        """Undo a half-shown project: nothing of it stays on screen."""
        if self.workbench is not None:
            self.stack.removeWidget(self.workbench)
            self.workbench.deleteLater()
        if self.session is not None:
            self.session.deleteLater()
        self.session = self.workbench = None
        self.review.set_session(None)
        project.close()
        self._project_state_changed()

    def _look_after(self, project: Project, *, health_check: bool) -> None:
        self.care = ProjectCare(project, self)
        self.responses.follow(self.care)
        self.care.start(health_check=health_check)

    def _open_last_document(self, path: Path) -> None:
        assert self.workbench is not None
        wanted = self.settings.last_document(path)
        listing = self.workbench.documents
        if not (wanted and listing.select_document(wanted)):
            first = listing.last_visible_document_id()
            if first:
                listing.select_document(first)

    def close_project(self) -> None:
        """Put the project away; everything was saved when it was done."""
        if self.session is None or self.workbench is None:
            return
        self.workbench.details.commit_pending()
        self._save_layout()
        if self.care is not None:
            self.care.stop()  # a running backup finishes first
            self.care.deleteLater()
            self.care = None
        self.review.set_session(None)
        session, workbench = self.session, self.workbench
        self.session = self.workbench = None
        self.menus.forget_session(session)
        self.stack.removeWidget(workbench)
        workbench.deleteLater()
        session.project.close()
        session.deleteLater()
        self._project_state_changed()

    def _project_state_changed(self) -> None:
        project = self.project
        if project is None:
            self.setWindowTitle(self.tr("Annotator"))
            self.stack.setCurrentWidget(self.welcome)
            self.banner.hide()
            self.coder_label.setText("")
        else:
            if project.read_only:
                title = self.tr("{name} (read-only) — Annotator")
            else:
                title = self.tr("{name} — Annotator")
            self.setWindowTitle(title.format(name=project.name))
            self.setWindowFilePath(str(project.path))
            self._show_banner()
            coder = self.session.coder if self.session else None
            self.coder_label.setText(
                self.tr("Coding as {name}").format(name=coder.name)
                if coder
                else self.tr("No coder set: Edit › Preferences")
            )
        self.menus.project_changed(self.session, self.workbench)

    def _show_banner(self) -> None:
        """Read-only or damaged: said above the workbench until the project closes."""
        report, project = self.responses.check_report, self.project
        if project is not None:
            repairable = bool(report and report.repairable)
            self.banner.show_for(project, self.responses.damage, repairable=repairable)

    def _document_opened(self, document_id: DocumentId) -> None:
        if self.project is not None:
            self.settings.set_last_document(self.project.path, document_id or None)

    def _project_changed(self, change: Change) -> None:
        if change.coders:
            self.menus.refresh_coders()

    def put_away(self) -> tuple[Path, str | None] | None:
        """Close the project for work on its file; its path and passphrase to reopen it."""
        project = self.project
        if project is None:
            return None
        path, passphrase = project.path, project.passphrase
        self.close_project()
        return path, passphrase

    def own_writes(self) -> contextlib.AbstractContextManager[None]:
        """Around a dialog that writes through its own connection (see ProjectCare)."""
        return self.care.own_writes() if self.care is not None else contextlib.nullcontext()

    def commit_pending(self) -> None:
        """A memo or field being typed is saved before a dialog reads the project."""
        if self.workbench is not None:
            self.workbench.details.commit_pending()

    def coder_id(self) -> CoderId | None:
        return self.session.coder_id if self.session else None

    def show_passage(self, document_id: DocumentId, start: int, end: int) -> bool:
        """Open a document at a passage (from search, excerpts, overviews, agreement)."""
        if self.workbench is None:
            return False
        if not self.workbench.show_passage(document_id, start, end):
            self.statusBar().showMessage(self.tr("That document no longer exists."), 6000)
            return False
        return True

    def _refused(self, exc: errors.AnnotatorError) -> None:
        if isinstance(exc, errors.DuplicateCoding):
            self.statusBar().showMessage(messages.describe(exc), 6000)
        else:
            self.report_error(self, exc)

    # -- file actions -----------------------------------------------------------------------

    def create_project(self, path: Path | str) -> bool:
        path = Path(path)
        if path.suffix != ".annotator":
            path = path.with_name(path.name + ".annotator")
        try:
            new_project(path).close()
        except errors.AnnotatorError as exc:
            self.report_error(self, exc)
            return False
        return self.open_project(path)

    def ask_new_project(self) -> None:
        project_dialogs.ask_new_project(self)

    def ask_open_project(self) -> None:
        project_dialogs.ask_open_project(self)

    def open_sample_project(self) -> bool:
        try:
            path = ensure_sample_project()
        except errors.AnnotatorError as exc:
            self.report_error(self, exc)
            return False
        return self.open_project(path)

    def save_copy(self, target: Path | str) -> bool:
        if self.project is None:
            return False
        self.workbench and self.workbench.details.commit_pending()
        try:
            written = save_copy(self.project, target)
        except errors.AnnotatorError as exc:
            self.report_error(self, exc)
            return False
        self.statusBar().showMessage(self.tr("Saved a copy as {path}").format(path=written), 8000)
        return True

    # -- edit actions -----------------------------------------------------------------------

    def apply_preferences(self, coder_name: str, font_size: int) -> None:
        if coder_name:
            user_settings.set_configured_coder(coder_name)
            if self.session is not None and not self.session.project.read_only:
                self.session.coder, change = meet_configured_coder(self.session.project)
                if change is not None:  # added or renamed: views naming coders re-read
                    self.session.notify(change)
        self.set_font_size(font_size)
        self._project_state_changed()

    def set_font_size(self, points: int) -> None:
        self.settings.font_size = points
        if self.workbench is not None:
            self.workbench.viewer.set_font_size(self.settings.font_size)

    def zoom(self, steps: int) -> None:
        self.set_font_size(self.settings.font_size + steps)

    # -- remembering the layout ---------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.bytes(WindowSettings.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.bytes(WindowSettings.STATE)
        if state is not None:
            self.restoreState(state)

    def _save_layout(self) -> None:
        if self.workbench is not None:
            main, side = self.workbench.state()
            self.settings.set_bytes(WindowSettings.SPLITTER, main)
            self.settings.set_bytes(WindowSettings.SIDE_SPLITTER, side)

    def save_window_state(self) -> None:
        self.settings.set_bytes(WindowSettings.GEOMETRY, QByteArray(self.saveGeometry()))
        self.settings.set_bytes(WindowSettings.STATE, QByteArray(self.saveState()))
        self._save_layout()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        self.close_project()
        self.settings.sync()
        event.accept()

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes
