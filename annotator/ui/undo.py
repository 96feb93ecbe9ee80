"""The undo stack's commands: each wraps the Changes one user action returned.

The action has already run when its command is pushed, so the first `redo()` does
nothing. `undo()` applies each Change's inverse (last first) and keeps the Changes
those return, which redo the action later. Every step is broadcast as a Change so
views refresh exactly as they did when the action first ran.

What Edit › Undo calls an action is worded here (`*_text`) in the user's language:
the core's `Change.action` is English, so the workbench names its steps with these
(the same English words) instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Sequence

from PySide6.QtGui import QUndoCommand

from annotator.core.changes import Change
from annotator.core.documents import get_document
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.ui.i18n import translate

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


# -- what Edit › Undo calls the workbench's actions ------------------------------------


def _clean(name: str) -> str:
    return " ".join(name.split())  # as the core stores a code name


def create_code_text(name: str) -> str:
    return translate("ChangeCommand", "Create code {name}").format(name=_clean(name))


def edit_code_text(name: str, fields: Collection[str]) -> str:
    """`name` is the code's name after the edit; `fields` are those edited."""
    if len(fields) != 1:
        return translate("ChangeCommand", "Edit code {name}").format(name=_clean(name))
    (field,) = fields
    text = {
        "name": translate("ChangeCommand", "Rename code {name}"),
        "color": translate("ChangeCommand", "Recolour code {name}"),
        "definition": translate("ChangeCommand", "Edit definition of code {name}"),
        "shortcut": translate("ChangeCommand", "Set shortcut of code {name}"),
        "memo": translate("ChangeCommand", "Edit memo of code {name}"),
    }.get(field) or translate("ChangeCommand", "Edit code {name}")
    return text.format(name=_clean(name))


def move_code_text(name: str) -> str:
    return translate("ChangeCommand", "Move code {name}").format(name=name)


def merge_codes_text(source: str, target: str) -> str:
    return translate("ChangeCommand", "Merge code {source} into {target}").format(
        source=source, target=target
    )


def delete_code_text(name: str) -> str:
    return translate("ChangeCommand", "Delete code {name}").format(name=name)


def edit_document_text(title: str, *, memo: bool) -> str:
    """`title` is the document's title before the edit."""
    if memo:
        return translate("ChangeCommand", "Edit memo of {title}").format(title=title)
    return translate("ChangeCommand", "Edit details of {title}").format(title=title)


def project_memo_text() -> str:
    return translate("ChangeCommand", "Edit project memo")


def mark_finished_text(finished: bool) -> str:
    if finished:
        return translate("ChangeCommand", "Mark document finished")
    return translate("ChangeCommand", "Mark document not finished")


def delete_document_text(title: str) -> str:
    return translate("ChangeCommand", "Delete document {title}").format(title=title)


def import_text(project: Project, document_ids: Collection[str]) -> str:
    """Names the documents an import added: the title of one, or how many."""
    if len(document_ids) == 1:
        (only,) = document_ids
        title = get_document(project, only).title
        return translate("ChangeCommand", "Import {title}").format(title=title)
    return translate("ChangeCommand", "Import {count} documents").format(count=len(document_ids))


def merge_text(source_name: str) -> str:
    return translate("ChangeCommand", "Merge {source}").format(source=source_name)


def autocode_text(passages: int, code_name: str) -> str:
    return translate("ChangeCommand", "Auto-code {count} passages as {name}").format(
        count=passages, name=code_name
    )
