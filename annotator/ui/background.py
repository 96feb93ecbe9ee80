"""Work off the GUI thread: a core call in a pool, its outcome back in the GUI thread.

The work must use connections of its own (SQLite connections stay on one thread), so
it gets paths and passphrases, never the window's open project. A refusal
(AnnotatorError) goes to `failed`; a bug goes to `sys.excepthook` in the GUI thread,
which shows the error report, never a silent worker death.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.errors import AnnotatorError

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[AnnotatorError], None]


class _Relay(QObject):
    """Carries a job's outcome back to the thread the relay lives in (the GUI thread)."""

    succeeded = Signal(object)
    refused = Signal(object)
    crashed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            outcome = self.work()
        except AnnotatorError as exc:
            self.relay.refused.emit(exc)
        except Exception as exc:  # a bug: shown by the error report, in the GUI thread
            log.exception("background work failed")
            self.relay.crashed.emit(exc)
        else:
            self.relay.succeeded.emit(outcome)


class Background(QObject):
    """One worker at a time, so backups, checks and conversions never overlap."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def run(self, work: Callable[[], object], done: Done, failed: Failed) -> None:
        relay = _Relay(self)
        self._relays.add(relay)

        def finish(call: Callable[[Any], None], outcome: object) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            call(outcome)

        relay.succeeded.connect(lambda outcome: finish(done, outcome))
        relay.refused.connect(lambda exc: finish(failed, exc))  # type: ignore[arg-type]
        relay.crashed.connect(lambda exc: finish(_report_bug, exc))
        self.pool.start(_Job(work, relay))

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def wait(self) -> None:
        """Block until the running work is done (before a project file is replaced)."""
        self.pool.waitForDone()


def _report_bug(exc: BaseException) -> None:
    sys.excepthook(type(exc), exc, exc.__traceback__)
