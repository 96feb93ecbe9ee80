"""Work off the GUI thread: the one kind of background operation in the app.

`Background.run(work, success, ...)` runs a core call in a worker thread and brings
its outcome back to the GUI thread, as Anki's operations do:

- `success(result)` with what the work returned;
- `failure(error)` for a refusal (an AnnotatorError); by default the error dialog
  (`messages.show_error`), or the caller's own wording (an inline status line);
- `progress(step)` for each step the work reports through `task.report(step)`;
- `ended()` after any outcome, a bug included, so a dialog leaves its busy state.

A bug in the work is logged and shown in the app's error report (`sys.excepthook`,
called in the GUI thread), never a silent worker death. `Operation.cancel()` asks the
work to stop; the work polls `task.cancelled()` and stops in its own way (an import
keeps the documents already whole, an export leaves no file).

The work must use connections of its own (SQLite connections stay on one thread), so
it gets paths and passphrases, never the window's open project.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from annotator.core.errors import AnnotatorError
from annotator.ui import messages
from annotator.ui.i18n import translate

log = logging.getLogger(__name__)

T = TypeVar("T")
Failed = Callable[[AnnotatorError], None]


def stopped_by_bug() -> str:
    """A dialog's status line after a bug stopped its work (the error report says more)."""
    return translate(
        "Background", "It stopped on an unexpected problem, described in the error report."
    )


class Task:
    """What the work sees in its thread: where to report progress, whether to stop."""

    def __init__(self, relay: _Relay, cancel: threading.Event) -> None:
        self._relay = relay
        self._cancel = cancel

    def report(self, step: object) -> None:
        """Send one progress step to the GUI thread (Qt queues it)."""
        self._relay.progressed.emit(step)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait_for_cancel(self, timeout: float) -> bool:
        """Block the worker until cancelled (or `timeout` seconds); whether it was."""
        return self._cancel.wait(timeout)


class Operation:
    """One piece of work handed to a Background: cancel it, ask whether it still runs."""

    def __init__(self, relay: _Relay) -> None:
        self._cancel = threading.Event()
        self.task = Task(relay, self._cancel)
        self.running = True
        self.crashed = False  # a bug stopped it (already shown in the error report)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Lives in the GUI thread, so what the worker emits is delivered there."""

    succeeded = Signal(object)
    refused = Signal(object)
    crashed = Signal(object)
    progressed = Signal(object)


class _Runner(QRunnable):
    def __init__(self, work: Callable[[Task], object], task: Task, relay: _Relay) -> None:
        super().__init__()
        self.work, self.task, self.relay = work, task, relay

    def run(self) -> None:
        try:
            outcome = self.work(self.task)
        except AnnotatorError as exc:
            self.relay.refused.emit(exc)
        except Exception as exc:  # a bug: shown by the error report, in the GUI thread
            log.exception("background work failed")
            self.relay.crashed.emit(exc)
        else:
            self.relay.succeeded.emit(outcome)


class _Delivery(QObject):
    """Calls the caller's callbacks, in the GUI thread, then lets the operation go."""

    def __init__(
        self,
        background: Background,
        success: Callable[[Any], None],
        failure: Failed,
        progress: Callable[[Any], None] | None,
        ended: Callable[[], None] | None,
    ) -> None:
        super().__init__(background)
        self.background = background
        self.success, self.failure = success, failure
        self.progress, self.ended = progress, ended
        self.relay = _Relay(self)
        self.relay.succeeded.connect(self.succeeded)
        self.relay.refused.connect(self.refused)
        self.relay.crashed.connect(self.crashed)
        self.relay.progressed.connect(self.progressed)
        self.operation: Operation = Operation(self.relay)

    @Slot(object)
    def succeeded(self, result: object) -> None:
        self._finish(lambda: self.success(result))

    @Slot(object)
    def refused(self, exc: AnnotatorError) -> None:
        self._finish(lambda: self.failure(exc))

    @Slot(object)
    def crashed(self, exc: BaseException) -> None:
        self.operation.crashed = True
        self._finish(lambda: sys.excepthook(type(exc), exc, exc.__traceback__))

    @Slot(object)
    def progressed(self, step: object) -> None:
        if self.progress is not None and self.operation.running:
            self.progress(step)

    def _finish(self, deliver: Callable[[], None]) -> None:
        self.operation.running = False
        self.background._done(self)
        try:
            deliver()
        finally:
            if self.ended is not None:
                self.ended()


class Background(QObject):
    """Where a window part runs its operations; `wait()` before its project closes.

    One worker by default, so backups, checks and conversions never overlap; a
    dialog whose previews may run side by side asks for more (`workers=None`: as
    many as the machine has cores).
    """

    def __init__(self, parent: QObject | None = None, *, workers: int | None = 1) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        if workers is not None:
            self.pool.setMaxThreadCount(workers)
        self._deliveries: set[_Delivery] = set()

    def run(
        self,
        work: Callable[[Task], T],
        success: Callable[[T], None],
        failure: Failed | None = None,
        *,
        progress: Callable[[Any], None] | None = None,
        ended: Callable[[], None] | None = None,
    ) -> Operation:
        """Start `work(task)` in a worker; the callbacks run in the GUI thread."""
        delivery = _Delivery(self, success, failure or self._show_refusal, progress, ended)
        self._deliveries.add(delivery)
        self.pool.start(_Runner(work, delivery.operation.task, delivery.relay))
        return delivery.operation

    def _show_refusal(self, exc: AnnotatorError) -> None:
        owner = self.parent()
        messages.show_error(owner if isinstance(owner, QWidget) else None, exc)

    def _done(self, delivery: _Delivery) -> None:
        self._deliveries.discard(delivery)
        delivery.deleteLater()  # its relay with it

    @property
    def busy(self) -> bool:
        return bool(self._deliveries)

    def wait(self) -> None:
        """Block until the running work is done (before a project file is replaced)."""
        self.pool.waitForDone()

    def wait_and_deliver(self) -> None:
        """Block until the work is done, then run its callbacks now (a closing dialog)."""
        self.pool.waitForDone()
        QCoreApplication.sendPostedEvents()
