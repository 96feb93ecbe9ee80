"""Who is coding, and how big the text is: the first-launch question and Preferences."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.settings import MAX_FONT_SIZE, MIN_FONT_SIZE
from annotator.ui.sizing import pin_minimum_size


class CoderNameDialog(QDialog):
    """Asked once, on first launch: every coding records who made it."""

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Annotator")
        intro = QLabel(
            "Every coding records who made it, so a team can compare and merge their "
            "work. What name should your codings carry?\n\n"
            "You can change it later in Edit › Preferences."
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setPlaceholderText("Your name or initials")
        self.name_edit.setAccessibleName("Your name as coder")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        self.name_edit.textChanged.connect(self._allow_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.buttons)
        pin_minimum_size(self)
        self._allow_ok(name)

    def _allow_ok(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())


class PreferencesDialog(QDialog):
    def __init__(self, coder_name: str, font_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.name_edit = QLineEdit(coder_name, self)
        self.name_edit.setAccessibleName("Your name as coder")
        self.font_size = QSpinBox(self)
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setValue(font_size)
        self.font_size.setSuffix(" pt")
        self.font_size.setAccessibleName("Text size")
        form = QFormLayout()
        name_label = QLabel("Your &name as coder:", self)
        name_label.setBuddy(self.name_edit)
        size_label = QLabel("&Text size:", self)
        size_label.setBuddy(self.font_size)
        form.addRow(name_label, self.name_edit)
        form.addRow(size_label, self.font_size)
        note = QLabel(
            "Renaming keeps your identity: codings you made stay yours, under the new name."
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(text.strip())
            )
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        pin_minimum_size(self)

    def coder_name(self) -> str:
        return " ".join(self.name_edit.text().split())
