"""The quick-code palette (Ctrl+K): type a few letters, press Enter, the passage is coded.

Fuzzy search over code names and paths (letters in order, bonus for word starts and
runs) and plain word search over definitions, so "fac rec" finds "Facial recognition"
and "watchlist" finds the code whose definition mentions watchlists. The same palette
picks a code to recode a coding with or to merge a code into.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import CodeNode
from annotator.core.ids import CodeId
from annotator.core.names import name_key
from annotator.ui.sizing import pin_minimum_size

CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
CREATE = "\x00create"  # the CHOICE_ROLE of the "Create code" entry


@dataclass(frozen=True)
class Candidate:
    code_id: CodeId
    name: str
    path: str
    definition: str
    color: str
    keys: str = ""


def candidates_from(
    nodes: Sequence[CodeNode], keys: dict[str, str] | None = None
) -> list[Candidate]:
    keys = keys or {}
    return [
        Candidate(
            n.code.id, n.code.name, n.path, n.code.definition, n.code.color, keys.get(n.code.id, "")
        )
        for n in nodes
    ]


def fuzzy_score(query: str, text: str) -> float | None:
    """How well `query` matches `text`: None unless its letters appear in order."""
    query, text = query.casefold(), text.casefold()
    if not query:
        return 0.0
    at = text.find(query)
    if at >= 0:  # a plain substring beats any scattered match
        word_start = at == 0 or not text[at - 1].isalnum()
        return 100.0 + (30.0 if word_start else 0.0) - at * 0.5 - len(text) * 0.05
    score, position, previous = 0.0, 0, -2
    for letter in query:
        position = text.find(letter, position)
        if position < 0:
            return None
        score += 1.0
        if position == previous + 1:
            score += 5.0
        if position == 0 or not text[position - 1].isalnum():
            score += 8.0
        previous = position
        position += 1
    return score - len(text) * 0.05


def rank(query: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Candidates matching every typed word, best first; all of them for no query."""
    words = query.split()
    if not words:
        return list(candidates)
    scored: list[tuple[float, int, Candidate]] = []
    for order, candidate in enumerate(candidates):
        total = 0.0
        for word in words:
            best = max(
                (
                    s
                    for s in (
                        _weighted(fuzzy_score(word, candidate.name), 3.0),
                        _weighted(fuzzy_score(word, candidate.path), 1.5),
                        10.0 if word.casefold() in candidate.definition.casefold() else None,
                    )
                    if s is not None
                ),
                default=None,
            )
            if best is None:
                break
            total += best
        else:
            scored.append((-total, order, candidate))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [candidate for _, _, candidate in scored]


def _weighted(score: float | None, weight: float) -> float | None:
    return None if score is None else score * weight


def swatch(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class QuickCodePalette(QDialog):
    """Pick a code by typing. After `exec()`, read `chosen_code_id` or `new_code_name`."""

    def __init__(
        self,
        candidates: Sequence[Candidate],
        *,
        title: str | None = None,
        allow_create: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = title if title is not None else self.tr("Code selection as…")
        self.setWindowTitle(title)
        self.resize(520, 420)
        self._candidates = list(candidates)
        self._allow_create = allow_create
        self.chosen_code_id: CodeId | None = None
        self.new_code_name: str | None = None

        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Type part of a code's name or definition…"))
        self.query.setAccessibleName(self.tr("Search codes"))
        self.query.textChanged.connect(self._refill)
        self.query.installEventFilter(self)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Matching codes"))
        self.results.itemActivated.connect(self._choose)
        hint = QLabel(self.tr("↑↓ to move, Enter to choose, Esc to cancel"))
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(hint)
        pin_minimum_size(self)
        self._refill("")

    def _refill(self, text: str) -> None:
        self.results.clear()
        found = rank(text, self._candidates)
        for candidate in found:
            label = candidate.path + (f"    [{candidate.keys}]" if candidate.keys else "")
            item = QListWidgetItem(swatch(candidate.color), label)
            item.setData(CHOICE_ROLE, candidate.code_id)
            if candidate.definition:
                item.setToolTip(candidate.definition)
            self.results.addItem(item)
        name = " ".join(text.split())
        exact = any(name_key(c.name) == name_key(name) for c in self._candidates)
        if self._allow_create and name and not exact and "/" not in name:
            item = QListWidgetItem(self.tr("➕ Create code “{name}”").format(name=name))
            item.setData(CHOICE_ROLE, CREATE)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and isinstance(event, QKeyEvent):
            key = event.key()
            moves: dict[Qt.Key | int, int] = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 8,
                Qt.Key.Key_PageUp: -8,
            }
            if key in moves and event.type() == QEvent.Type.KeyPress and self.results.count():
                row = self.results.currentRow() + moves[key]
                self.results.setCurrentRow(max(0, min(self.results.count() - 1, row)))
                return True
            if (
                key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.type() == QEvent.Type.KeyPress
            ):
                self._choose(self.results.currentItem())
                return True
        return super().eventFilter(watched, event)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        choice = item.data(CHOICE_ROLE)
        if choice == CREATE:
            self.new_code_name = " ".join(self.query.text().split())
        else:
            self.chosen_code_id = choice
        self.accept()
