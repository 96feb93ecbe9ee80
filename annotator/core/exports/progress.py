"""Progress reports and the cancel check a long export calls between rows.

The GUI runs exports on a worker thread and passes a `progress(done, total)` that
posts to the progress bar and a `cancelled()` that reads the Cancel button's flag;
the CLI passes neither. Both are called every few hundred rows, not every row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core.exports.errors import ExportCancelled

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Ticker:
    """Counts rows written; reports progress and honours Cancel every `every` rows."""

    def __init__(
        self,
        target: Path,
        total: int,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        *,
        every: int = 250,
    ) -> None:
        self.target = target
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled
        self._every = every
        self._next = every
        self.check()

    def step(self, rows: int = 1) -> None:
        self.done += rows
        if self.done >= self._next:
            self._next = self.done + self._every
            self.check()

    def check(self) -> None:
        """Report where we are, and stop with ExportCancelled if the user asked to."""
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled(self.target)
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        """Report the end; too late to cancel (the file is already in place)."""
        self.done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total)
