"""The window's small questions: which file to create, open or copy to; memo; preferences.

Their words are the window's: translate("MainWindow", ...), as in its menus.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from annotator.core import errors, user_settings
from annotator.core.project_memo import project_memo, set_project_memo
from annotator.ui.code_dialogs import TextDialog
from annotator.ui.i18n import translate
from annotator.ui.preferences import PreferencesDialog

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.session import ProjectSession


def project_filter() -> str:
    """A function, not a constant: words are looked up once a translator is installed."""
    return translate("MainWindow", "Annotator projects (*.annotator);;All files (*)")


def start_folder(window: MainWindow) -> Path:
    project = window.project
    return project.path.parent if project else Path.home()


def ask_new_project(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("MainWindow", "New project"),
        str(start_folder(window) / (translate("MainWindow", "Untitled") + ".annotator")),
        project_filter(),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if path:
        window.create_project(path)


def ask_open_project(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, translate("MainWindow", "Open project"), str(start_folder(window)), project_filter()
    )
    if path:
        window.open_project(path)


def ask_save_copy(window: MainWindow) -> None:
    project = window.project
    if project is None:
        return
    name = translate("MainWindow", "{project} copy").format(project=project.path.stem)
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("MainWindow", "Save a copy"),
        str(project.path.with_name(name + ".annotator")),
        project_filter(),
    )
    if path:
        window.save_copy(path)


def ask_share_qdpx(window: MainWindow) -> None:
    project = window.project
    if project is None:
        return
    suggestion = project.path.with_suffix(".qdpx")
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("MainWindow", "Share for other tools"),
        str(suggestion),
        translate("MainWindow", "REFI-QDA projects (*.qdpx)"),
    )
    if path:
        share_qdpx(window, path)


def share_qdpx(window: MainWindow, target: Path | str) -> bool:
    """Write the whole project as REFI-QDA .qdpx for partners using other tools."""
    project = window.project
    if project is None:
        return False
    from annotator.core.exchange.qdpx_export import export_qdpx

    window.commit_pending()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        summary = export_qdpx(project, target, coder_id=window.coder_id())
    except errors.AnnotatorError as exc:
        window.report_error(window, exc)
        return False
    finally:
        QApplication.restoreOverrideCursor()
    wrote = translate(
        "MainWindow", "Wrote {documents} documents and {codings} codings to {path} for other tools"
    )
    window.statusBar().showMessage(
        wrote.format(documents=summary.documents, codings=summary.codings, path=summary.path),
        8000,
    )
    return True


def ask_project_memo(session: ProjectSession, parent: QWidget) -> None:
    """Edit the project memo; the edit is one step on the undo stack."""
    project = session.project
    memo = project_memo(project)
    dialog = TextDialog(
        translate("MainWindow", "Memo on {project}").format(project=project.name),
        translate(
            "MainWindow", "Notes on the whole project (research questions, decisions, open issues):"
        ),
        memo,
        parent,
    )
    if dialog.exec() and dialog.text() != memo:
        text, coder_id = dialog.text(), session.coder_id
        session.run(lambda p: set_project_memo(p, text, coder_id=coder_id))


def ask_preferences(window: MainWindow) -> None:
    identity = user_settings.configured_coder()
    dialog = PreferencesDialog(identity.name if identity else "", window.settings.font_size, window)
    if dialog.exec():
        window.apply_preferences(dialog.coder_name(), dialog.font_size.value())
