"""Opening a project from the window: its passphrase if it is encrypted, a backup if
it is damaged, and who codes in it.

`open_interactively(parent, path)` asks for the passphrase of an encrypted project
(again after a wrong one, with the reason in the dialog); when its schema is so far
from what Annotator writes that it cannot be read, or it needs upgrading, offers a
repair (`repair_prompt`); and when the file is otherwise damaged, offers its newest
good backup (`recovery`), keyed with the passphrase just typed. None means the user
cancelled or declined; other refusals are raised for the window to word.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from annotator.core import cipher_driver, coders, errors, project, user_settings
from annotator.core.changes import Change
from annotator.core.project import Project
from annotator.ui import messages, recovery, repair_prompt
from annotator.ui.passphrase_dialog import OPEN_ATTEMPTS, PassphraseDialog
from annotator.ui.schema_wording import describe_difference


def open_interactively(
    parent: QWidget | None, path: Path, *, passphrase: str | None = None
) -> Project | None:
    """The opened project, or None if the user cancelled (nothing was changed)."""
    dialog: PassphraseDialog | None = None
    recovered = repaired = False
    attempts = 0
    while True:
        try:
            return project.open_project(path, passphrase=passphrase)
        except errors.PassphraseRequired:
            if not cipher_driver.available():
                raise errors.EncryptionUnavailable(path) from None
        except errors.WrongPassphrase as exc:
            if dialog is None or attempts >= OPEN_ATTEMPTS:
                raise
            dialog.passphrase.clear()
            dialog.show_problem(messages.describe(exc).split("\n")[0])
        except errors.SchemaNeedsRepair as exc:
            if repaired:  # repaired, and still not right: say so, offer nothing more
                raise
            if not _repaired(parent, path, exc, passphrase):
                return None
            repaired = True
            continue
        except errors.CorruptProject as exc:
            if recovered:  # the restored backup fails too: say so, offer nothing more
                raise
            restored = recovery.offer_recovery(parent, path, exc, passphrase=passphrase)
            if restored is None:
                return None
            recovered = True
            path = restored
            continue
        dialog = dialog or PassphraseDialog(parent, file_name=path.name)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        passphrase = dialog.value()
        attempts += 1


def _repaired(
    parent: QWidget | None, path: Path, exc: errors.SchemaNeedsRepair, passphrase: str | None
) -> bool:
    """Offer to repair a project that cannot be opened as it is; True once repaired."""
    problems = [describe_difference(d) for d in exc.differences]
    return repair_prompt.offer(parent, path, problems, passphrase) is not None


def coder_for(opened: Project) -> coders.Coder | None:
    """The configured coder as this project knows them (added on first visit)."""
    return meet_configured_coder(opened)[0]


def meet_configured_coder(opened: Project) -> tuple[coders.Coder | None, Change | None]:
    """The configured coder, and the Change if the project had to add or rename them."""
    identity = user_settings.configured_coder()
    if identity is None:
        return None, None
    if opened.read_only:
        try:
            return coders.get_coder(opened, identity.id), None
        except errors.NotFound:
            return None, None
    return coders.meet_coder(opened, identity.id, identity.name)
