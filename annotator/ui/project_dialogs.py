"""The window's small questions: which file to create, open or copy to; memo; preferences."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from annotator.core import user_settings
from annotator.ui.code_dialogs import TextDialog
from annotator.ui.preferences import PreferencesDialog

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

PROJECT_FILTER = "Annotator projects (*.annotator);;All files (*)"


def start_folder(window: MainWindow) -> Path:
    project = window.project
    return project.path.parent if project else Path.home()


def ask_new_project(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window,
        "New project",
        str(start_folder(window) / "Untitled.annotator"),
        PROJECT_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if path:
        window.create_project(path)


def ask_open_project(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, "Open project", str(start_folder(window)), PROJECT_FILTER
    )
    if path:
        window.open_project(path)


def ask_save_copy(window: MainWindow) -> None:
    project = window.project
    if project is None:
        return
    suggestion = project.path.with_name(f"{project.path.stem} copy.annotator")
    path, _ = QFileDialog.getSaveFileName(window, "Save a copy", str(suggestion), PROJECT_FILTER)
    if path:
        window.save_copy(path)


def ask_share_qdpx(window: MainWindow) -> None:
    project = window.project
    if project is None:
        return
    suggestion = project.path.with_suffix(".qdpx")
    path, _ = QFileDialog.getSaveFileName(
        window, "Share for other tools", str(suggestion), "REFI-QDA projects (*.qdpx)"
    )
    if path:
        window.share_qdpx(path)


def ask_project_memo(window: MainWindow) -> None:
    project = window.project
    if project is None:
        return
    dialog = TextDialog(
        f"Memo on {project.name}",
        "Notes on the whole project (research questions, decisions, open issues):",
        project.setting("memo"),
        window,
    )
    if dialog.exec():
        window.set_project_memo(dialog.text())


def ask_preferences(window: MainWindow) -> None:
    identity = user_settings.configured_coder()
    dialog = PreferencesDialog(identity.name if identity else "", window.settings.font_size, window)
    if dialog.exec():
        window.apply_preferences(dialog.coder_name(), dialog.font_size.value())
