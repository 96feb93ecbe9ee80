"""Small dialogs the codebook asks through: delete (what of its codings?), key, text.

Each returns the researcher's decision as plain values; the panel then makes one
core call with it. Tests fill the dialogs in and read the decision back.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QKeySequenceEdit,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook_edits import CodingsPolicy
from annotator.ui.code_shortcuts import normalise
from annotator.ui.sizing import pin_minimum_size


class DeleteCodeDialog(QDialog):
    """Asks what becomes of the codings of a code about to be deleted."""

    def __init__(
        self,
        name: str,
        *,
        codings: int,
        sub_codes: int,
        parent_name: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Delete code “{name}”")
        what = f"“{name}”"
        if sub_codes:
            what += f" and its {sub_codes} sub-code{'s' if sub_codes != 1 else ''}"
        holding = f"{codings} coding{'s' if codings != 1 else ''}"
        text = QLabel(
            f"Delete {what}? {'They hold' if sub_codes else 'It holds'} {holding}.\n"
            "You can undo this with Edit › Undo."
        )
        text.setWordWrap(True)
        self.delete_codings = QRadioButton(f"Delete the {holding} too", self)
        self.move_codings = QRadioButton(
            f"Keep them: move them to “{parent_name}”"
            if parent_name
            else "Move them to the parent",
            self,
        )
        self.move_codings.setEnabled(parent_name is not None)
        if parent_name is not None:
            self.move_codings.setChecked(True)
        else:
            self.delete_codings.setChecked(True)
            self.move_codings.setToolTip("A top-level code has no parent to take its codings.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        delete = QPushButton("Delete code", self)
        buttons.addButton(delete, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.move_codings)
        layout.addWidget(self.delete_codings)
        layout.addWidget(buttons)
        pin_minimum_size(self)

    def policy(self) -> CodingsPolicy:
        if self.move_codings.isChecked():
            return CodingsPolicy.MOVE_TO_PARENT
        return CodingsPolicy.DELETE


class ShortcutDialog(QDialog):
    """Records the key that will code the selection with one code (empty: none)."""

    def __init__(self, name: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Key for “{name}”")
        self.editor = QKeySequenceEdit(QKeySequence(current), self)
        self.editor.setMaximumSequenceLength(1)
        self.editor.setClearButtonEnabled(True)
        self.editor.setAccessibleName("Key")
        hint = QLabel(
            "Press the key (for example F5 or Ctrl+Shift+P). With the text focused, "
            "it codes the selection. Leave empty to use the default digit, if any."
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        pin_minimum_size(self)

    def keys(self) -> str:
        sequence = self.editor.keySequence()
        return normalise(sequence.toString()) if not sequence.isEmpty() else ""


class TextDialog(QDialog):
    """A longer text to edit: a definition or a memo."""

    def __init__(self, title: str, label: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 320)
        caption = QLabel(label)
        caption.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(text)
        self.editor.setAccessibleName(title)
        self.editor.setTabChangesFocus(True)
        caption.setBuddy(self.editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        pin_minimum_size(self)

    def text(self) -> str:
        return self.editor.toPlainText().strip()
