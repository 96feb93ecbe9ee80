"""The undo stack's commands: each wraps the Changes one user action returned.

The action has already run when its command is pushed, so the first `redo()` does
nothing. `undo()` applies each Change's inverse (last first) and keeps the Changes
those return, which redo the action later. Every step is broadcast as a Change so
views refresh exactly as they did when the action first ran.

What Edit › Undo calls an action is worded from its Change by `change_wording`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtGui import QUndoCommand

from annotator.core.changes import Change
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project

log = logging.getLogger(__name__)


class ChangeCommand(QUndoCommand):
    """One user action on the undo stack: one or more core Changes, undone together."""

    def __init__(
        self,
        project: Project,
        changes: Sequence[Change],
        *,
        text: str,
        broadcast: Callable[[Change], None],
        report: Callable[[AnnotatorError], None],
    ) -> None:
        super().__init__(text)
        self._project = project
        self._forward = list(changes)  # Changes whose inverses undo the action
        self._backward: list[Change] = []  # Changes whose inverses redo it
        self._broadcast = broadcast
        self._report = report
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # the action itself already ran
            self._pushed = True
            return
        # redo in the order the action first ran (create the code, then code with it)
        self._forward = self._invert(self._backward)

    def undo(self) -> None:
        # undo last step first; keep the redo Changes in the action's own order
        self._backward = list(reversed(self._invert(reversed(self._forward))))

    def _invert(self, changes: Iterable[Change]) -> list[Change]:
        """Apply each Change's inverse in turn; the Changes they return, in that order."""
        done: list[Change] = []
        try:
            for change in changes:
                result = change.undo(self._project)
                done.append(result)
                self._broadcast(result)
        except AnnotatorError as exc:
            # The project changed underneath (another process, a merge): this step
            # can no longer be taken back. Drop it rather than leave the stack lying.
            log.warning("cannot %s: %s", self.text(), exc)
            self.setObsolete(True)
            self._report(exc)
        return done
