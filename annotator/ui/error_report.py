"""What the user sees when Annotator hits a bug: a short message and details to copy.

`install_excepthook(app)` replaces Python's default of printing a traceback to a
terminal nobody is watching. Every unexpected exception (in the GUI thread, in a Qt
slot, in a worker thread) is logged and shown in one dialog with a "Copy details"
button. The details are the traceback and the versions, never document text: the
exception messages are scrubbed as for the log file (annotator.logs).

`log_qt_messages()` sends Qt's own warnings and errors to the log as well: a fatal one
(a platform plugin that cannot load, say) ends the process as soon as it is written, so
the log line is the only trace such a crash leaves. (A segfault's trace is written by
`logs.log_fatal_errors`.)

Expected refusals (AnnotatorError) never get here: the window words those itself.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
from collections.abc import Callable
from types import TracebackType

import PySide6
from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QThread,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__, logs

log = logging.getLogger(__name__)
qt_log = logging.getLogger("annotator.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def crash_details(exc: BaseException) -> str:
    """The text behind "Copy details": versions, then the scrubbed traceback."""
    lines = [
        f"Annotator {__version__}{' (bundled)' if getattr(sys, 'frozen', False) else ''}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"PySide6 {PySide6.__version__}, Qt {qVersion()}",
        f"System: {platform.platform()}",
    ]
    if QGuiApplication.instance() is not None:
        lines.append(f"Qt platform: {QGuiApplication.platformName()}")
    return "\n".join(lines) + "\n\n" + logs.format_exception(exc) + "\n"


class ErrorReportDialog(QDialog):
    """A short, calm message; the details below it; one button copies them."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Annotator: unexpected problem"))
        self.setObjectName("error-report")

        headline = QLabel(self.tr("<b>Something went wrong in Annotator.</b>"))
        explanation = QLabel(
            self.tr(
                "What you were doing may not have finished. Everything up to your last "
                "completed action is saved in the project file.\n\n"
                "If this happens again, copy the details below and send them to whoever "
                "supports your team. They contain no text from your documents."
            )
        )
        explanation.setWordWrap(True)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(explanation)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


class ExceptionReporter(QObject):
    """Logs every unexpected exception and shows it in one ErrorReportDialog.

    The hook itself only logs and queues: the dialog opens from the event loop, never
    in the middle of whatever raised (a paint event, a model reset). Before or after the
    event loop runs (a failure while the window is being built) it is shown at once.
    """

    report_requested = Signal(str)
    shown = Signal(object)  # the ErrorReportDialog, once it is on screen

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.dialog: ErrorReportDialog | None = None
        self.unreported = 0  # further errors while the dialog was open: logged only
        self._previous_hook: ExceptHook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.report_requested.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        """Give the hooks back (tests; a second window of the same process)."""
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._handle_thread:
            threading.excepthook = self._previous_thread_hook

    def handle(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in a terminal: quit as usual
            self._previous_hook(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        log.critical("unexpected error", exc_info=(kind, exc, tb))
        details = crash_details(exc)
        gui_thread = QThread.currentThread() == self.app.thread()
        if gui_thread and QThread.currentThread().loopLevel() == 0:
            self._show(details, wait=True)
        else:
            self.report_requested.emit(details)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, details: str, wait: bool = False) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.unreported += 1
            return
        self.dialog = ErrorReportDialog(details, self.app.activeWindow())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog = self.dialog
        if wait:  # no event loop yet (or any more): this one runs until it is closed
            QTimer.singleShot(0, lambda: self.shown.emit(dialog))
            dialog.exec()
        else:
            dialog.open()
            self.shown.emit(dialog)


QtMessageHandler = Callable[[QtMsgType, QMessageLogContext, str], object]


def log_qt_messages() -> QtMessageHandler | None:
    """Send Qt's messages to the log (and on to the handler before, which is returned).

    Call it before the QApplication exists: plugins load, and fail, as it is made.
    """
    previous: QtMessageHandler | None = None

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), message)
        if kind == QtMsgType.QtFatalMsg:
            for handler in logging.getLogger().handlers:
                handler.flush()
        if previous is not None:
            previous(kind, context, message)

    previous = qInstallMessageHandler(handle)
    return previous


def install_excepthook(app: QApplication) -> ExceptionReporter:
    """Show unexpected exceptions in a dialog (and log them) for as long as `app` lives."""
    reporter = ExceptionReporter(app)
    reporter.install()
    return reporter
