"""The Export dialog's work off the GUI thread: counting a selection, writing an export.

Each job opens its own connection to the project file and calls only the core;
results come back through signals, which Qt delivers in the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from annotator.core.errors import AnnotatorError
from annotator.core.exports.formats import ExportOptions, write_export
from annotator.core.exports.outcome import ExportResult
from annotator.core.exports.selection import Selection, SelectionCount, count
from annotator.core.project import Project, open_project
from annotator.core.user_settings import configured_coder

log = logging.getLogger(__name__)


class ExportSignals(QObject):
    counted = Signal(int, object)  # request number, SelectionCount or AnnotatorError
    progressed = Signal(int, int)  # done, total
    finished = Signal(object)  # ExportResult, or the AnnotatorError that stopped it
    crashed = Signal(object)  # a bug: reported, never silent


def _open(project: Project) -> Project:
    return open_project(project.path, read_only=project.read_only, passphrase=project.passphrase)


class CountJob(QRunnable):
    def __init__(self, signals: ExportSignals, project: Project, request: int, chosen: Selection):
        super().__init__()
        self.signals, self.project, self.request, self.chosen = signals, project, request, chosen

    def run(self) -> None:
        try:
            with _open(self.project) as project:
                result: SelectionCount | AnnotatorError = count(project, self.chosen)
        except AnnotatorError as exc:
            result = exc
        except Exception as exc:
            log.exception("counting the export failed")
            self.signals.crashed.emit(exc)
            return
        self.signals.counted.emit(self.request, result)


class ExportJob(QRunnable):
    def __init__(
        self,
        signals: ExportSignals,
        project: Project,
        format_name: str,
        target: Path,
        options: ExportOptions,
    ) -> None:
        super().__init__()
        self.signals, self.project = signals, project
        self.format_name, self.target, self.options = format_name, target, options
        self.cancel = threading.Event()

    def run(self) -> None:
        identity = configured_coder()
        try:
            with _open(self.project) as project:
                result: ExportResult | AnnotatorError = write_export(
                    project,
                    self.format_name,
                    self.target,
                    self.options,
                    coder_id=identity.id if identity else None,
                    progress=self.signals.progressed.emit,
                    cancelled=self.cancel.is_set,
                )
        except AnnotatorError as exc:
            result = exc
        except Exception as exc:
            log.exception("the export stopped on a bug")
            self.signals.crashed.emit(exc)
            return
        self.signals.finished.emit(result)
