"""The main window: opens and closes projects, keeps the layout, hosts the workbench.

Every action is saved the moment it is done, so closing never asks anything: the
window only remembers its geometry, splitters, text size and last document.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core import coders, errors, user_settings
from annotator.core.changes import Change
from annotator.core.codebook_file import new_project
from annotator.core.project import Project, open_project, save_copy
from annotator.core.read_only import ReadOnlyReason
from annotator.ui import messages
from annotator.ui.code_dialogs import TextDialog
from annotator.ui.preferences import PreferencesDialog
from annotator.ui.sample import ensure_sample_project
from annotator.ui.session import ProjectSession
from annotator.ui.settings import WindowSettings
from annotator.ui.welcome import WelcomePage
from annotator.ui.window_menus import WindowMenus
from annotator.ui.workbench import Workbench

log = logging.getLogger(__name__)

PROJECT_FILTER = "Annotator projects (*.annotator);;All files (*)"
READ_ONLY_WORDS = {
    ReadOnlyReason.REQUESTED: "it was opened read-only",
    ReadOnlyReason.FILE_READ_ONLY: "the file is write-protected",
    ReadOnlyReason.FOLDER_READ_ONLY: "its folder cannot be written (a locked USB stick?)",
}

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
        self.setWindowTitle("Annotator")
        self.setAccessibleName("Annotator")
        self.resize(1400, 860)
        self.setMinimumSize(760, 480)  # fixed, see sizing.pin_minimum_size

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #FFF4CE; color: #3B2F00; padding: 6px;")
        self.banner.setAccessibleName("Read-only notice")
        self.banner.hide()
        self.welcome = WelcomePage(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack)
        self.setCentralWidget(central)

        self.coder_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.coder_label)
        self.menus = WindowMenus(self)
        self._restore_geometry()
        self._project_state_changed()

    # -- opening and closing --------------------------------------------------------------

    @property
    def project(self) -> Project | None:
        return self.session.project if self.session else None

    def open_project(self, path: Path | str) -> bool:
        """Close the current project and open `path`; a refusal is shown, not raised."""
        path = Path(path)
        try:
            project = open_project(path)
        except errors.AnnotatorError as exc:
            self.report_error(self, exc)
            if isinstance(exc, errors.ProjectNotFound):
                self.settings.forget_recent_project(path)
            return False
        self.close_project()
        try:
            coder = self._coder_for(project)
        except errors.AnnotatorError as exc:
            project.close()
            self.report_error(self, exc)
            return False
        self.session = ProjectSession(project, coder, self)
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
        self.settings.add_recent_project(path)
        self._open_last_document(path)
        self._project_state_changed()
        log.info("opened %s", path)
        return True

    def _coder_for(self, project: Project) -> coders.Coder | None:
        """The configured coder as this project knows them (added on first visit)."""
        identity = user_settings.configured_coder()
        if identity is None:
            return None
        if project.read_only:
            try:
                return coders.get_coder(project, identity.id)
            except errors.NotFound:
                return None
        coder = coders.ensure_coder(project, identity.id, identity.name)
        if coder.name != identity.name:  # renamed in Preferences since the last visit
            coders.rename_coder(project, coder.id, identity.name)
            coder = coders.get_coder(project, coder.id)
        return coder

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
            self.setWindowTitle("Annotator")
            self.stack.setCurrentWidget(self.welcome)
            self.banner.hide()
            self.coder_label.setText("")
        else:
            suffix = " (read-only)" if project.read_only else ""
            self.setWindowTitle(f"{project.name}{suffix} — Annotator")
            self.setWindowFilePath(str(project.path))
            self._show_read_only_banner(project)
            coder = self.session.coder if self.session else None
            self.coder_label.setText(
                f"Coding as {coder.name}" if coder else "No coder set: Edit › Preferences"
            )
        self.menus.project_changed(self.session, self.workbench)

    def _show_read_only_banner(self, project: Project) -> None:
        if not project.read_only:
            self.banner.hide()
            return
        reason = READ_ONLY_WORDS.get(project.read_only_reason, "it cannot be written")  # type: ignore[arg-type]
        self.banner.setText(
            f"This project is open read-only because {reason}. You can read and export, "
            "but not code. To code, use File › Save a Copy… and open the copy."
        )
        self.banner.show()

    def _document_opened(self, document_id: str) -> None:
        if self.project is not None:
            self.settings.set_last_document(self.project.path, document_id or None)

    def _project_changed(self, change: Change) -> None:
        if change.coders:
            self.menus.refresh_coders()

    def _refused(self, exc: errors.AnnotatorError) -> None:
        if isinstance(exc, errors.DuplicateCoding):
            self.statusBar().showMessage(messages.describe(exc), 6000)
        else:
            self.report_error(self, exc)

    # -- file actions -----------------------------------------------------------------------

    def _start_folder(self) -> str:
        project = self.project
        return str(project.path.parent if project else Path.home())

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
        path, _ = QFileDialog.getSaveFileName(
            self,
            "New project",
            str(Path(self._start_folder()) / "Untitled.annotator"),
            PROJECT_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.create_project(path)

    def ask_open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open project", self._start_folder(), PROJECT_FILTER
        )
        if path:
            self.open_project(path)

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
        self.statusBar().showMessage(f"Saved a copy as {written}", 8000)
        return True

    def ask_save_copy(self) -> None:
        project = self.project
        if project is None:
            return
        suggestion = project.path.with_name(f"{project.path.stem} copy.annotator")
        path, _ = QFileDialog.getSaveFileName(self, "Save a copy", str(suggestion), PROJECT_FILTER)
        if path:
            self.save_copy(path)

    def broadcast_outside_change(self, change: Change) -> None:
        """Tell every view about work done outside the undo stack (an import)."""
        if self.session is not None:
            self.session.changed.emit(change)

    # -- edit actions -----------------------------------------------------------------------

    def ask_project_memo(self) -> None:
        project = self.project
        if project is None:
            return
        dialog = TextDialog(
            f"Memo on {project.name}",
            "Notes on the whole project (research questions, decisions, open issues):",
            project.setting("memo"),
            self,
        )
        if dialog.exec():
            self.set_project_memo(dialog.text())

    def set_project_memo(self, text: str) -> bool:
        if self.project is None:
            return False
        try:
            self.project.set_setting("memo", text)
        except errors.AnnotatorError as exc:
            self.report_error(self, exc)
            return False
        return True

    def ask_preferences(self) -> None:
        identity = user_settings.configured_coder()
        dialog = PreferencesDialog(identity.name if identity else "", self.settings.font_size, self)
        if dialog.exec():
            self.apply_preferences(dialog.coder_name(), dialog.font_size.value())

    def apply_preferences(self, coder_name: str, font_size: int) -> None:
        if coder_name:
            user_settings.set_configured_coder(coder_name)
            if self.session is not None and not self.session.project.read_only:
                self.session.coder = self._coder_for(self.session.project)
                self.session.changed.emit(
                    Change(action="Set coder", coders=frozenset({self.session.coder_id or ""}))
                )
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

    def focus_pane(self, name: str) -> None:
        if self.workbench is None:
            return
        target = {
            "documents": self.workbench.documents.table,
            "filter": self.workbench.documents.filter_edit,
            "text": self.workbench.viewer,
            "codebook": self.workbench.codebook.tree,
            "details": self.workbench.details,
        }[name]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if name == "filter":
            self.workbench.documents.filter_edit.selectAll()
