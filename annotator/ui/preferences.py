"""Who is coding, how big the text is, which language: the first-launch question and
Preferences."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.ui import i18n
from annotator.ui.settings import MAX_FONT_SIZE, MIN_FONT_SIZE
from annotator.ui.sizing import pin_minimum_size


class CoderNameDialog(QDialog):
    """Asked once, on first launch: every coding records who made it."""

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Annotator"))
        intro = QLabel(
            self.tr(
                "Every coding records who made it, so a team can compare and merge their "
                "work. What name should your codings carry?\n\n"
                "You can change it later in Edit › Preferences."
            )
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setPlaceholderText(self.tr("Your name or initials"))
        self.name_edit.setAccessibleName(self.tr("Your name as coder"))
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
        self.setWindowTitle(self.tr("Preferences"))
        self.name_edit = QLineEdit(coder_name, self)
        self.name_edit.setAccessibleName(self.tr("Your name as coder"))
        self.font_size = QSpinBox(self)
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setValue(font_size)
        self.font_size.setSuffix(self.tr(" pt", "unit of text size"))
        self.font_size.setAccessibleName(self.tr("Text size"))
        self.language_box = QComboBox(self)
        self.language_box.setAccessibleName(self.tr("Language"))
        self.language_box.addItem(
            self.tr("As the system ({language})").format(language=_system_name()), i18n.SYSTEM
        )
        for language in i18n.LANGUAGES:
            self.language_box.addItem(language.name, language.code)
        self.language_box.setCurrentIndex(
            max(0, self.language_box.findData(i18n.preferred_language()))
        )
        form = QFormLayout()
        name_label = QLabel(self.tr("Your &name as coder:"), self)
        name_label.setBuddy(self.name_edit)
        size_label = QLabel(self.tr("&Text size:"), self)
        size_label.setBuddy(self.font_size)
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language_box)
        form.addRow(name_label, self.name_edit)
        form.addRow(size_label, self.font_size)
        form.addRow(language_label, self.language_box)
        self.language_note = QLabel(
            self.tr("The new language is used the next time Annotator starts."), self
        )
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self.language_box.currentIndexChanged.connect(
            lambda _: self.language_note.setVisible(self.language() != i18n.preferred_language())
        )
        note = QLabel(
            self.tr(
                "Renaming keeps your identity: codings you made stay yours, under the new name."
            )
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
        layout.addWidget(self.language_note)
        layout.addWidget(self.buttons)
        pin_minimum_size(self)

    def coder_name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def language(self) -> str:
        """The chosen language's code, or i18n.SYSTEM."""
        return str(self.language_box.currentData())

    def accept(self) -> None:
        # Stored here, not by the caller: a language is a preference of this user on this
        # computer, like the window layout, and needs nothing from the open project.
        if self.language() != i18n.preferred_language():
            i18n.set_preferred_language(self.language())
        super().accept()


def _system_name() -> str:
    """The system's language in its own words, e.g. "español"."""
    return QLocale.system().nativeLanguageName() or QLocale.system().name()
