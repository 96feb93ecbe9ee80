"""Asking for a project's passphrase: to open an encrypted project, or to choose one.

Choosing asks twice and explains what a passphrase protects; opening retries after a
wrong passphrase (the core waits a moment before saying so, to slow guessing).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core import cipher_driver, errors
from annotator.ui import messages

OPEN_ATTEMPTS = 5


class PassphraseDialog(QDialog):
    """One field to open a project; two (typed twice) to choose a new passphrase."""

    def __init__(
        self, parent: QWidget | None = None, *, file_name: str = "", choose: bool = False
    ) -> None:
        super().__init__(parent)
        self.choose = choose
        self.setWindowTitle(self.tr("Choose a passphrase") if choose else self.tr("Passphrase"))
        layout = QVBoxLayout(self)
        if choose:
            intro = self.tr(
                "Anyone who has the file and this passphrase can read the project. "
                "Without the passphrase nobody can, not even you: there is no way to "
                "recover it. Use several words, at least {length} characters."
            ).format(length=cipher_driver.MIN_PASSPHRASE_LENGTH)
        else:
            intro = self.tr("“{name}” is encrypted. Enter its passphrase.").format(name=file_name)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        if choose:
            form.addRow(self.tr("Type it again:"), self.repeat)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._check)
        self.repeat.textChanged.connect(self._check)
        self._check()

    def value(self) -> str:
        return self.passphrase.text()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def _check(self) -> None:
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        text = self.passphrase.text()
        if not self.choose:
            ok_button.setEnabled(bool(text))
            return
        problem = ""
        try:
            cipher_driver.check_new_passphrase(text)
        except errors.InvalidPassphrase as exc:
            problem = messages.describe(exc) if text else ""
        if not problem and self.repeat.text() != text:
            problem = self.tr("The two passphrases differ.") if self.repeat.text() else ""
        self.problem.setText(problem)
        ok_button.setEnabled(bool(text) and not problem and self.repeat.text() == text)


def choose_passphrase(parent: QWidget | None) -> str | None:
    """A new passphrase typed twice, or None if the user cancelled."""
    dialog = PassphraseDialog(parent, choose=True)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
