"""Unexpected exceptions: logged, shown in one dialog, details copyable, no document text."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator import __version__, logs
from annotator.ui.error_report import (
    ErrorReportDialog,
    ExceptionReporter,
    crash_details,
    install_excepthook,
    log_qt_messages,
)

# Allow-list: Qt's offscreen platform cannot pass a dialog's minimum size to a window
# system (it has none) and says so whenever a dialog with a layout is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

SECRET = "the informant Rustam waited behind the bakery on Karl Marx street"


def _apply_code(quote: str) -> None:
    raise RuntimeError(f"could not anchor {quote!r}")


def _raised() -> RuntimeError:
    try:
        _apply_code(SECRET)
    except RuntimeError as exc:
        return exc
    raise AssertionError("_apply_code did not raise")


@pytest.fixture
def reporter(qapp: QApplication) -> Iterator[ExceptionReporter]:
    hooks = sys.excepthook, threading.excepthook
    reporter = install_excepthook(qapp)
    yield reporter
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == hooks
    if reporter.dialog is not None:
        reporter.dialog.close()


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(tmp_path / "logs"))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    path = logs.configure()
    assert path is not None
    yield path
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_details_name_the_versions_and_the_code_but_not_the_text(qapp: QApplication) -> None:
    details = crash_details(_raised())
    assert details.startswith(f"Annotator {__version__}\n")
    assert "Python 3." in details and "PySide6 6." in details and "Qt 6." in details
    assert "System: " in details and "Qt platform: offscreen" in details
    assert "in _apply_code" in details
    assert f"RuntimeError: could not anchor '<{len(SECRET)} chars>'" in details
    assert "Rustam" not in details


def test_copy_details_puts_them_on_the_clipboard(qtbot: QtBot) -> None:
    dialog = ErrorReportDialog("Annotator 0.1.0\n\nTraceback ...")
    qtbot.addWidget(dialog)
    dialog.show()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Annotator 0.1.0\n\nTraceback ..."
    assert dialog.copy_button.text() == "Copied"
    assert dialog.isVisible()  # copying does not close the dialog
    assert dialog.details_view.isReadOnly()
    assert dialog.details_view.toPlainText() == dialog.details


def test_an_exception_in_a_slot_is_logged_and_shown(
    qtbot: QtBot, reporter: ExceptionReporter, log_file: Path
) -> None:
    with qtbot.waitSignal(reporter.shown, timeout=10_000) as shown:
        QTimer.singleShot(0, lambda: _apply_code(SECRET))
    dialog = shown.args[0]
    assert isinstance(dialog, ErrorReportDialog)
    assert dialog.isVisible() and dialog.isModal()
    assert "in _apply_code" in dialog.details and "Rustam" not in dialog.details
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text("utf-8")
    assert "CRITICAL annotator.ui.error_report" in text and "in _apply_code" in text
    assert "Rustam" not in text


def test_a_second_error_while_the_dialog_is_open_is_only_logged(
    qtbot: QtBot, reporter: ExceptionReporter
) -> None:
    with qtbot.waitSignal(reporter.shown, timeout=10_000):
        QTimer.singleShot(0, lambda: reporter.handle(RuntimeError, _raised(), None))
    first = reporter.dialog
    with qtbot.waitSignal(reporter.report_requested, timeout=10_000):
        QTimer.singleShot(0, lambda: reporter.handle(ValueError, ValueError("again"), None))
    qtbot.waitUntil(lambda: reporter.unreported == 1)
    assert reporter.dialog is first and first.isVisible()


def test_an_exception_in_a_worker_thread_is_shown_in_the_gui_thread(
    qtbot: QtBot, reporter: ExceptionReporter
) -> None:
    def work() -> None:
        _apply_code(SECRET)

    worker = threading.Thread(target=work)
    with qtbot.waitSignal(reporter.shown, timeout=10_000) as shown:
        worker.start()
    worker.join()
    assert "in work" in shown.args[0].details


def test_before_the_event_loop_runs_the_dialog_waits_to_be_closed(
    qtbot: QtBot, reporter: ExceptionReporter
) -> None:
    seen: list[ErrorReportDialog] = []

    def close(dialog: ErrorReportDialog) -> None:
        seen.append(dialog)
        dialog.reject()

    reporter.shown.connect(close)
    reporter.handle(RuntimeError, _raised(), None)  # returns only once the dialog closed
    assert len(seen) == 1 and not seen[0].isVisible()


def test_ctrl_c_goes_to_the_previous_hook(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: calls.append(kind))
    reporter = install_excepthook(qapp)
    try:
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    finally:
        reporter.uninstall()
    assert calls == [KeyboardInterrupt]
    assert reporter.dialog is None


@pytest.mark.qt_log_ignore(r"the platform plugin could not be loaded")
def test_qt_s_own_errors_are_written_to_the_log(qapp: QApplication, log_file: Path) -> None:
    from PySide6.QtCore import qCritical, qInstallMessageHandler

    before = log_qt_messages()
    try:
        qCritical("the platform plugin could not be loaded")
    finally:
        qInstallMessageHandler(before)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text("utf-8")
    assert "ERROR annotator.qt [" in text and "the platform plugin could not be loaded" in text
