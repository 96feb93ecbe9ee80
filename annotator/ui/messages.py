"""The words people see when something is refused or goes wrong: one place for all.

The core raises typed errors carrying data; this module phrases them, each sentence a
template under the context "Messages". Anything not worded here falls back to the
error's own plain (English) sentence.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core import errors
from annotator.core.exports.unwritable import UnwritableText
from annotator.core.patterns import PatternError, PatternProblem
from annotator.core.storage.write_errors import OutputUnwritable, WriteProblem
from annotator.ui.i18n import translate
from annotator.ui.schema_wording import describe_difference, listed
from annotator.ui.text_wording import describe_unwritable

log = logging.getLogger(__name__)


def describe(exc: errors.AnnotatorError) -> str:
    """One or two sentences a researcher can act on."""
    if isinstance(exc, UnwritableText):
        return describe_unwritable(exc)
    if isinstance(exc, errors.ProjectFileError):
        return _describe_project_file(exc)
    if isinstance(exc, OutputUnwritable):
        return _describe_unwritable(exc)
    if isinstance(exc, errors.DuplicateCoding):
        return translate("Messages", "This passage is already coded “{code}” by you.").format(
            code=exc.code_name
        )
    if isinstance(exc, errors.DuplicateCodeName):
        return translate(
            "Messages", "There is already a code named “{name}”. Code names are unique."
        ).format(name=exc.name)
    if isinstance(exc, errors.InvalidCodeName):
        # the problem is the core's own English phrase ("is empty", ...)
        return translate("Messages", "The code name “{name}” {problem}.").format(
            name=exc.name, problem=exc.problem
        )
    if isinstance(exc, errors.NotFound):
        return _describe_not_found(exc)
    if isinstance(exc, errors.InvalidSpan):
        return translate("Messages", "That passage cannot be coded: {problem}.").format(
            problem=exc.problem
        )
    if isinstance(exc, errors.InvalidPassphrase):
        return translate("Messages", "This passphrase cannot be used: it {problem}.").format(
            problem=exc.problem
        )
    if isinstance(exc, PatternError):
        return describe_pattern_error(exc)
    if isinstance(exc, errors.InvalidValue):
        return translate(
            "Messages", "The {field} “{value}” cannot be used: expected {expected}."
        ).format(field=exc.field, value=exc.value, expected=exc.expected)
    return str(exc)


def describe_pattern_error(exc: PatternError) -> str:
    """A regular expression that is broken, or that was stopped for taking too long."""
    if exc.kind is PatternProblem.TOO_SLOW:
        return translate(
            "Messages",
            "The regular expression “{pattern}” was stopped after {seconds} seconds on one "
            "text: it would take too long. Simplify it (nested repeats such as (a+)+ can run "
            "for ever).",
        ).format(pattern=exc.pattern, seconds=f"{exc.seconds:g}")
    text = translate("Messages", "The regular expression “{pattern}” is not valid: {detail}.")
    return text.format(pattern=exc.pattern, detail=exc.detail)


def _describe_project_file(exc: errors.ProjectFileError) -> str:
    text = {
        errors.ProjectNotFound: translate("Messages", "There is no project file “{name}”."),
        errors.NotAProject: translate(
            "Messages", "“{name}” is not an Annotator project (not a SQLite file)."
        ),
        errors.PassphraseRequired: translate(
            "Messages",
            "“{name}” is encrypted, or it is not an Annotator project. "
            "If it is encrypted, open it with its passphrase.",
        ),
        errors.WrongPassphrase: translate(
            "Messages",
            "“{name}” cannot be opened with this passphrase. Check the keyboard layout "
            "and Caps Lock, and try again.",
        ),
        errors.EncryptionUnavailable: translate(
            "Messages",
            "“{name}” is encrypted, but this installation of Annotator cannot open "
            "encrypted projects. Install Annotator with its 'sqlcipher3-wheels' "
            "dependency (pip install sqlcipher3-wheels) and try again.",
        ),
        errors.ForeignDatabase: translate(
            "Messages", "“{name}” belongs to another application, not an Annotator project."
        ),
        errors.CorruptProject: translate("Messages", "“{name}” is damaged and cannot be read."),
        errors.NewerProject: translate(
            "Messages",
            "“{name}” was saved by a newer version of Annotator. Please update the app.",
        ),
        errors.ProjectExists: translate(
            "Messages", "“{name}” already exists. Choose another name."
        ),
        errors.ProjectUnwritable: translate(
            "Messages",
            "“{name}” cannot be written: the folder may be read-only, the disk full, "
            "or permission missing.",
        ),
        errors.UntrustedSchema: translate(
            "Messages",
            "“{name}” is not as Annotator writes it, so nothing is written to it until it "
            "is repaired (Repair… above the document, or “annotator check --repair”).",
        ),
        errors.DamagedSchema: translate(
            "Messages",
            "“{name}” cannot be read: parts of it that Annotator reads are missing or "
            "changed. Repairing it (after a backup) restores them.",
        ),
        errors.SchemaRepairFailed: translate(
            "Messages",
            "“{name}” could not be repaired, and was left as it was. Restore a backup "
            "with File › Restore from Backup….",
        ),
    }.get(type(exc), translate("Messages", "“{name}” cannot be opened."))
    text = text.format(name=exc.path.name)
    detail = exc.detail
    if isinstance(exc, errors.SchemaNeedsRepair):  # each part in the reader's language
        detail = listed(describe_difference(d) for d in exc.differences)
    if detail:
        text += "\n\n" + translate("Messages", "Details: {detail}").format(detail=detail)
    where = translate("Messages", "File: {path}\nThe file was not changed.")
    return text + "\n\n" + where.format(path=exc.path)


def _describe_unwritable(exc: OutputUnwritable) -> str:
    """A file not written: why, and that nothing under that name changed."""
    reason = {
        WriteProblem.NO_FOLDER: translate("Messages", "the folder does not exist"),
        WriteProblem.NO_PERMISSION: translate(
            "Messages", "you have no permission to write there (a read-only folder or file)"
        ),
        WriteProblem.IN_USE: translate(
            "Messages", "the file is open in another program; close it there and try again"
        ),
        WriteProblem.DISK_FULL: translate(
            "Messages", "the disk is full; free some space and try again"
        ),
        WriteProblem.IS_FOLDER: translate("Messages", "a folder of that name is in the way"),
        WriteProblem.OTHER: translate("Messages", "the file cannot be written"),
        WriteProblem.NOT_A_FILE: translate(
            "Messages", "it is not a regular file but a device, a pipe or a socket"
        ),
        WriteProblem.OPEN_PROJECT: translate(
            "Messages",
            "it is the open project or one of its working files, which writing there would destroy",
        ),
        WriteProblem.PROJECT_BACKUP: translate("Messages", "it is a backup of the open project"),
        WriteProblem.A_PROJECT: translate(
            "Messages", "it is an Annotator project, which writing there would destroy"
        ),
    }[exc.problem]
    if exc.problem.refused:
        text = translate("Messages", "Did not write “{path}”: {reason}.").format(
            path=exc.path, reason=reason
        )
        return text + " " + translate("Messages", "Choose another name; nothing was changed.")
    text = translate("Messages", "Could not write “{path}”: {reason}.").format(
        path=exc.path, reason=reason
    )
    text += " " + translate("Messages", "Any earlier file of that name is unchanged.")
    if exc.detail:
        text += "\n" + translate("Messages", "Details: {detail}").format(detail=exc.detail)
    return text


def _describe_not_found(exc: errors.NotFound) -> str:
    """A whole sentence for each kind the core names; its own word for any other."""
    sentence = {
        "document": translate(
            "Messages", "That document no longer exists (it may have been deleted)."
        ),
        "code": translate("Messages", "That code no longer exists (it may have been deleted)."),
        "coding": translate("Messages", "That coding no longer exists (it may have been deleted)."),
        "coder": translate("Messages", "That coder no longer exists (it may have been deleted)."),
    }.get(exc.kind)
    if sentence is not None:
        return sentence
    return translate("Messages", "That {kind} no longer exists (it may have been deleted).").format(
        kind=exc.kind
    )


def show_error(parent: QWidget | None, exc: errors.AnnotatorError, title: str = "") -> None:
    log.info("refused: %s", exc)
    QMessageBox.warning(parent, title or translate("Messages", "Annotator"), describe(exc))
