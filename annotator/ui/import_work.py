"""The import dialog's work off the GUI thread: reading one preview, running the import.

Workers call only the core. The import opens its own connection to the project
file, so the window's connection stays free; results come back through signals,
which Qt delivers in the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from annotator.core.errors import AnnotatorError
from annotator.core.importing import (
    Draft,
    ImportOptions,
    Progress,
    import_items,
    prepare_file,
    prepare_pasted,
)
from annotator.core.project import open_project

log = logging.getLogger(__name__)


class WorkSignals(QObject):
    """Lives in the GUI thread; workers emit, the dialog listens."""

    prepared = Signal(int, object)  # request number, Draft or AnnotatorError
    progressed = Signal(object)  # Progress
    finished = Signal(object)  # ImportReport, or the AnnotatorError that stopped it
    crashed = Signal(object)  # an unexpected exception (a bug): the dialog reports it


class PrepareJob(QRunnable):
    """Read one source into a draft for the preview."""

    def __init__(
        self,
        signals: WorkSignals,
        request: int,
        source: Path | str,
        options: ImportOptions,
    ) -> None:
        super().__init__()
        self.signals = signals
        self.request = request
        self.source = source
        self.options = options

    def run(self) -> None:
        try:
            if isinstance(self.source, Path):
                result: Draft | AnnotatorError = prepare_file(self.source, self.options)
            else:
                result = prepare_pasted(self.source, self.options)
        except AnnotatorError as exc:
            result = exc
        except Exception as exc:
            log.exception("preparing a preview failed")
            self.signals.crashed.emit(exc)
            return
        self.signals.prepared.emit(self.request, result)


class ImportJob(QRunnable):
    """Import files, folders and drafts into the project at `project_path`."""

    def __init__(
        self,
        signals: WorkSignals,
        project_path: Path,
        items: Sequence[Path | Draft],
        coder_id: str,
        options: ImportOptions,
        passphrase: str | None = None,
    ) -> None:
        super().__init__()
        self.signals = signals
        self.project_path = project_path
        self.passphrase = passphrase
        self.items = list(items)
        self.coder_id = coder_id
        self.options = options
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            with open_project(self.project_path, passphrase=self.passphrase) as project:
                report = import_items(
                    project,
                    self.items,
                    coder_id=self.coder_id,
                    options=self.options,
                    on_progress=self.signals.progressed.emit,
                    should_cancel=self.cancel.is_set,
                )
        except AnnotatorError as exc:
            self.signals.finished.emit(exc)
        except Exception as exc:
            log.exception("the import stopped on a bug")
            self.signals.crashed.emit(exc)
        else:
            self.signals.finished.emit(report)


__all__ = ["ImportJob", "PrepareJob", "Progress", "WorkSignals"]
