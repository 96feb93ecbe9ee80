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
        self.setWindowTitle(self.tr("Delete code “{name}”").format(name=name))
        text = QLabel(
            self._question(name, codings, sub_codes)
            + "\n"
            + self.tr("You can undo this with Edit › Undo.")
        )
        text.setWordWrap(True)
        self.delete_codings = QRadioButton(
            self.tr("Delete the 1 coding too")
            if codings == 1
            else self.tr("Delete the {count} codings too").format(count=codings),
            self,
        )
        self.move_codings = QRadioButton(
            self.tr("Keep them: move them to “{parent}”").format(parent=parent_name)
            if parent_name
            else self.tr("Move them to the parent"),
            self,
        )
        self.move_codings.setEnabled(parent_name is not None)
        if parent_name is not None:
            self.move_codings.setChecked(True)
        else:
            self.delete_codings.setChecked(True)
            self.move_codings.setToolTip(
                self.tr("A top-level code has no parent to take its codings.")
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        delete = QPushButton(self.tr("Delete code"), self)
        buttons.addButton(delete, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.move_codings)
        layout.addWidget(self.delete_codings)
        layout.addWidget(buttons)
        pin_minimum_size(self)

    def _question(self, name: str, codings: int, sub_codes: int) -> str:
        """Whole sentences, one per plural case, so each language can word its own."""
        if not sub_codes:
            if codings == 1:
                return self.tr("Delete “{name}”? It holds 1 coding.").format(name=name)
            return self.tr("Delete “{name}”? It holds {codings} codings.").format(
                name=name, codings=codings
            )
        if sub_codes == 1:
            if codings == 1:
                return self.tr("Delete “{name}” and its 1 sub-code? They hold 1 coding.").format(
                    name=name
                )
            return self.tr(
                "Delete “{name}” and its 1 sub-code? They hold {codings} codings."
            ).format(name=name, codings=codings)
        if codings == 1:
            return self.tr(
                "Delete “{name}” and its {sub_codes} sub-codes? They hold 1 coding."
            ).format(name=name, sub_codes=sub_codes)
        return self.tr(
            "Delete “{name}” and its {sub_codes} sub-codes? They hold {codings} codings."
        ).format(name=name, sub_codes=sub_codes, codings=codings)

    def policy(self) -> CodingsPolicy:
        if self.move_codings.isChecked():
            return CodingsPolicy.MOVE_TO_PARENT
        return CodingsPolicy.DELETE


class ShortcutDialog(QDialog):
    """Records the key that will code the selection with one code (empty: none)."""

    def __init__(self, name: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Key for “{name}”").format(name=name))
        self.editor = QKeySequenceEdit(QKeySequence(current), self)
        self.editor.setMaximumSequenceLength(1)
        self.editor.setClearButtonEnabled(True)
        self.editor.setAccessibleName(self.tr("Key"))
        hint = QLabel(
            self.tr(
                "Press the key (for example F5 or Ctrl+Shift+P). With the text focused, "
                "it codes the selection. Leave empty to use the default digit, if any."
            )
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
