"""Help: the keyboard shortcuts, read from the live actions so the list never goes stale."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.ui.i18n import translate
from annotator.ui.sizing import pin_minimum_size

MAX_KEYS_SHOWN = 2  # the platform's first two bindings; more only clutter the list


def built_in_keys() -> list[tuple[str, str, str]]:
    """Keys Qt's widgets give us for free, which no QAction lists (spelled out in words)."""
    text = translate("ShortcutsDialog", "Text")
    codebook = translate("ShortcutsDialog", "Codebook")
    return [
        (
            text,
            translate("ShortcutsDialog", "Shift+arrows, Shift+Ctrl+arrows"),
            translate("ShortcutsDialog", "Select text with the keyboard"),
        ),
        (
            text,
            translate("ShortcutsDialog", "Menu key or Shift+F10"),
            translate("ShortcutsDialog", "Coding menu at the cursor"),
        ),
        (
            text,
            "1 … 9",
            translate(
                "ShortcutsDialog",
                "Code the selection with the first nine codes (or their own keys)",
            ),
        ),
        (
            codebook,
            translate("ShortcutsDialog", "Enter"),
            translate("ShortcutsDialog", "Code the selected text with the current code"),
        ),
        (
            codebook,
            translate("ShortcutsDialog", "Type letters"),
            translate("ShortcutsDialog", "Jump to a code by name"),
        ),
        (
            translate("ShortcutsDialog", "Anywhere"),
            translate("ShortcutsDialog", "Tab, Shift+Tab"),
            translate("ShortcutsDialog", "Move between panes and fields"),
        ),
    ]


def shortcut_rows(groups: Iterable[tuple[str, Iterable[QAction]]]) -> list[tuple[str, str, str]]:
    """(where, keys, what) for every action with a key, then Qt's built-in keys."""
    rows: list[tuple[str, str, str]] = []
    for where, actions in groups:
        for action in actions:
            spelled = [
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            ]
            keys = ", ".join(list(dict.fromkeys(spelled))[:MAX_KEYS_SHOWN])
            if keys:
                rows.append((where, keys, action.text().replace("&", "").rstrip("…")))
    rows.extend(built_in_keys())
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 560)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("Does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        pin_minimum_size(self)


def show_about(parent: QWidget) -> None:
    paragraphs = (
        translate(
            "ShortcutsDialog",
            "Offline coding of documents for human-rights research: highlight passages, "
            "code them against a codebook, export cited excerpts.",
        ),
        translate(
            "ShortcutsDialog",
            "Your projects stay on this computer; Annotator never connects to the network.",
        ),
        translate("ShortcutsDialog", "Licensed under the GNU GPL, version 3 or later."),
    )
    heading = f"<h3>Annotator {__version__}</h3>"  # the name and version: no words
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    QMessageBox.about(parent, translate("ShortcutsDialog", "About Annotator"), heading + body)
