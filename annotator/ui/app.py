"""Starting the app: Qt set-up, who is coding, which project, and the smoke run.

`annotator` opens the project given, else the last one, else the bundled sample (a
fresh copy in the user's data folder), so a new user can code at once. `--smoke`
does the same offscreen, paints the last document and exits: the run path, tested
without a screen. A bad file gets the core's clear message; a bug gets the short
error-report dialog (`error_report`), never a silent exit.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from annotator.core import errors, user_settings
from annotator.window_system import qt_problem, window_problem

log = logging.getLogger(__name__)

APP_NAME = "Annotator"


def run_app(project: str | None, *, smoke: bool = False) -> int:
    """Run the GUI until the window closes; the process exit code."""
    if smoke:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if problem := qt_problem() or (None if smoke else window_problem()):
        print(problem.message(), file=sys.stderr)  # instead of Qt's abort or a traceback
        return 2
    from PySide6.QtWidgets import QApplication

    from annotator.ui.error_report import log_qt_messages

    log_qt_messages()  # before the QApplication: a platform plugin fails as it is made

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    from annotator.ui.i18n import install_translations, preferred_language
    from annotator.ui.identity import apply_identity

    apply_identity(app)  # type: ignore[arg-type]
    language = install_translations(app, preferred_language())  # before any window exists
    log.info("speaking %s", language)
    if smoke:
        return _smoke(project)
    from annotator.ui.error_report import install_excepthook

    install_excepthook(app)  # type: ignore[arg-type]
    if user_settings.configured_coder() is None:
        ask_coder_name()
    from annotator.ui.main_window import MainWindow

    window = MainWindow()
    opened = window.open_project(choose_project(project, window.settings.last_project()))
    if not opened and project is None:
        window.open_sample_project()
    window.show()
    return int(app.exec())


def choose_project(given: str | None, last: Path | None) -> Path:
    """The project to open: the one asked for, else the last one, else the sample."""
    if given:
        return Path(given)
    if last is not None and last.exists():
        return last
    from annotator.ui.sample import ensure_sample_project

    return ensure_sample_project()


def ask_coder_name() -> user_settings.CoderIdentity | None:
    """First launch: ask who is coding and remember it for this user."""
    from annotator.ui.preferences import CoderNameDialog

    dialog = CoderNameDialog()
    if dialog.exec() and dialog.name():
        return user_settings.set_configured_coder(dialog.name())
    return None


def _smoke(project: str | None) -> int:
    """Open the window offscreen, paint the last document, and report on stdout."""
    from PySide6.QtWidgets import QApplication

    from annotator.ui.main_window import MainWindow

    def report(_parent: object, exc: errors.AnnotatorError) -> None:
        print(f"annotator --smoke: error: {exc}", file=sys.stderr)

    try:
        path = choose_project(project, None)
    except errors.AnnotatorError as exc:
        report(None, exc)
        return 1
    window = MainWindow(report_error=report)
    if not window.open_project(path):
        window.close()
        return 1
    window.show()
    QApplication.processEvents()
    image = window.grab()
    viewer = window.workbench.viewer if window.workbench else None
    document = viewer.current_document if viewer else None
    shown = f"“{document.title}”" if document else "no document"
    painted = viewer.painted_segment_count() if viewer else 0
    print(
        f"annotator --smoke: opened {path.name}, painted {shown} "
        f"({painted} highlighted segments, window {image.width()}x{image.height()})"
    )
    window.close()
    QApplication.processEvents()
    return 0 if not image.isNull() else 1
