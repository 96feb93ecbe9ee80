"""An open project in the app: who codes, the undo stack, and the one change signal.

Every user action goes through `run`: the core calls happen, their Changes go on the
undo stack as one step, and `changed` carries each Change to every view, which
refreshes only what it shows (no view calls another's refresh). Work done elsewhere
comes in through the two other doors, so only this module sends `changed`:

- `record(change)`: an action that already ran (an import or a merge in a worker, a
  dialog's auto-coding) goes on the undo stack and to the views, as if run here;
- `notify(change)`: the views re-read, nothing to undo (another window's commit).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core import coders
from annotator.core.changes import Change
from annotator.core.errors import AnnotatorError
from annotator.core.ids import CoderId
from annotator.core.project import Project
from annotator.ui import change_wording
from annotator.ui.undo import ChangeCommand

Action = Callable[[Project], Change]


class ProjectSession(QObject):
    """The project the window shows, and the only way views change it."""

    changed = Signal(object)  # Change
    failed = Signal(object)  # AnnotatorError: the window words it for the user

    def __init__(
        self, project: Project, coder: coders.Coder | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.coder = coder
        self.undo_stack = QUndoStack(self)

    @property
    def coder_id(self) -> CoderId | None:
        return self.coder.id if self.coder else None

    def run(self, *actions: Action, text: str | None = None) -> list[Change] | None:
        """Do one user action (one or more core calls) as one undo step.

        A refused call (an AnnotatorError) undoes the calls before it, so a compound
        action such as "create a code and code the passage with it" never half
        happens; the error goes to `failed` and None is returned.
        """
        done: list[Change] = []
        try:
            for action in actions:
                done.append(action(self.project))
        except AnnotatorError as exc:
            for change in reversed(done):
                change.undo(self.project)
            self.failed.emit(exc)
            return None
        if done:
            self.record(*done, text=text)
        return done

    def record(self, *changes: Change, text: str | None = None) -> None:
        """Put Changes already made on the undo stack as one step, and tell the views."""
        command = ChangeCommand(
            self.project,
            changes,
            text=text or change_wording.describe(changes[-1]),
            broadcast=self.notify,
            report=self.failed.emit,
        )
        self.undo_stack.push(command)
        for change in changes:
            self.notify(change)

    def notify(self, change: Change) -> None:
        """Tell every view what changed; each refreshes only what it shows."""
        self.changed.emit(change)

    def report(self, exc: AnnotatorError) -> None:
        """Pass a refusal from a read (not an action) to the same place as the rest."""
        self.failed.emit(exc)
