"""The words people see when something is refused or goes wrong: one place for all.

The core raises typed errors carrying data; this module phrases them. Anything not
worded here falls back to the error's own plain sentence.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core import errors

log = logging.getLogger(__name__)


def describe(exc: errors.AnnotatorError) -> str:
    """One or two sentences a researcher can act on."""
    if isinstance(exc, errors.ProjectFileError):
        name = exc.path.name
        text = {
            errors.ProjectNotFound: f"There is no project file “{name}”.",
            errors.NotAProject: f"“{name}” is not an Annotator project (not a SQLite file).",
            errors.PassphraseRequired: (
                f"“{name}” is encrypted, or it is not an Annotator project. "
                "If it is encrypted, open it with its passphrase."
            ),
            errors.WrongPassphrase: (
                f"“{name}” cannot be opened with this passphrase. Check the keyboard layout "
                "and Caps Lock, and try again."
            ),
            errors.EncryptionUnavailable: (
                f"“{name}” is encrypted, but this installation of Annotator cannot open "
                "encrypted projects. Install Annotator with its 'sqlcipher3-wheels' "
                "dependency (pip install sqlcipher3-wheels) and try again."
            ),
            errors.ForeignDatabase: (
                f"“{name}” belongs to another application, not an Annotator project."
            ),
            errors.CorruptProject: f"“{name}” is damaged and cannot be read.",
            errors.NewerProject: (
                f"“{name}” was saved by a newer version of Annotator. Please update the app."
            ),
            errors.ProjectExists: f"“{name}” already exists. Choose another name.",
            errors.ProjectUnwritable: (
                f"“{name}” cannot be written: the folder may be read-only, the disk full, "
                "or permission missing."
            ),
        }.get(type(exc), f"“{name}” cannot be opened.")
        detail = f"\n\nDetails: {exc.detail}" if exc.detail else ""
        return f"{text}{detail}\n\nFile: {exc.path}\nThe file was not changed."
    if isinstance(exc, errors.DuplicateCoding):
        return f"This passage is already coded “{exc.code_name}” by you."
    if isinstance(exc, errors.DuplicateCodeName):
        return f"There is already a code named “{exc.name}”. Code names are unique."
    if isinstance(exc, errors.InvalidCodeName):
        return f"The code name “{exc.name}” {exc.problem}."
    if isinstance(exc, errors.NotFound):
        return f"That {exc.kind} no longer exists (it may have been deleted)."
    if isinstance(exc, errors.InvalidSpan):
        return f"That passage cannot be coded: {exc.problem}."
    if isinstance(exc, errors.InvalidPassphrase):
        return f"This passphrase cannot be used: it {exc.problem}."
    if isinstance(exc, errors.InvalidValue):
        return f"The {exc.field} “{exc.value}” cannot be used: expected {exc.expected}."
    return str(exc)


def show_error(parent: QWidget | None, exc: errors.AnnotatorError, title: str = "") -> None:
    log.info("refused: %s", exc)
    QMessageBox.warning(parent, title or "Annotator", describe(exc))
