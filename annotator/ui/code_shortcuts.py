"""Keys that code the selection: digits 1-9 for the first codes, or the user's own.

A code's own shortcut (set in the codebook) always wins; the digits 1-9 go, in
codebook order, to the first codes without one, skipping digits a code claimed.
The keys work while the text has focus, so typing in a field never codes anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.core.codebook import CodeNode
from annotator.core.ids import CodeId

DIGITS = tuple(str(n) for n in range(1, 10))


def normalise(keys: str) -> str:
    """The portable spelling Qt reads back (`ctrl+shift+f` -> `Ctrl+Shift+F`)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.PortableText)


def assign_shortcuts(nodes: Sequence[CodeNode]) -> dict[str, CodeId]:
    """Key sequence (portable text) -> code id, for every code that has a key."""
    assigned: dict[str, CodeId] = {}
    for node in nodes:
        keys = normalise(node.code.shortcut) if node.code.shortcut else ""
        if keys and keys not in assigned:
            assigned[keys] = node.code.id
    free = [d for d in DIGITS if d not in assigned]
    with_keys = set(assigned.values())
    for node in nodes:
        if not free:
            break
        if node.code.id not in with_keys:
            assigned[free.pop(0)] = node.code.id
    return assigned


def native(keys: str) -> str:
    """How the key reads on this platform (⌘ on macOS), for menus and the codebook."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class CodeShortcuts(QObject):
    """The live QActions behind the assignments, on the widget that owns the text."""

    def __init__(self, target: QWidget, apply_code: Callable[[CodeId], object]) -> None:
        super().__init__(target)
        self._target = target
        self._apply_code = apply_code
        self._actions: list[QAction] = []

    def install(self, assignments: dict[str, CodeId], names: dict[CodeId, str]) -> None:
        for action in self._actions:
            self._target.removeAction(action)
            action.deleteLater()
        self._actions = []
        for keys, code_id in assignments.items():
            text = self.tr("Code selection as {code}").format(code=names.get(code_id, code_id))
            action = QAction(text, self._target)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, c=code_id: self._apply_code(c))
            self._target.addAction(action)
            self._actions.append(action)

    def actions(self) -> list[QAction]:
        return list(self._actions)
