"""What the app says about a project file it cannot open or write: one sentence per kind.

The headline names the file and what is wrong (`ProjectProblem`); a second sentence
says why where the core knows (`ProjectCause`, the system's `OsProblem`, what the path
is); SQLite's own text, if any, follows as details. Context "Messages".
"""

from __future__ import annotations

from annotator.core import errors
from annotator.core.errors import ProjectCause, ProjectProblem
from annotator.ui.file_wording import file_type_sentence, system_sentence
from annotator.ui.i18n import translate
from annotator.ui.schema_wording import describe_difference, listed


def _headlines() -> dict[ProjectProblem, str]:
    return {
        ProjectProblem.CANNOT_OPEN: translate("Messages", "“{name}” cannot be opened."),
        ProjectProblem.NOT_FOUND: translate("Messages", "There is no project file “{name}”."),
        ProjectProblem.NOT_A_PROJECT: translate(
            "Messages", "“{name}” is not an Annotator project (not a SQLite file)."
        ),
        ProjectProblem.PASSPHRASE_REQUIRED: translate(
            "Messages",
            "“{name}” is encrypted, or it is not an Annotator project. "
            "If it is encrypted, open it with its passphrase.",
        ),
        ProjectProblem.WRONG_PASSPHRASE: translate(
            "Messages",
            "“{name}” cannot be opened with this passphrase. Check the keyboard layout "
            "and Caps Lock, and try again.",
        ),
        ProjectProblem.ENCRYPTION_UNAVAILABLE: translate(
            "Messages",
            "“{name}” is encrypted, but this installation of Annotator cannot open "
            "encrypted projects. Install Annotator with its 'sqlcipher3-wheels' "
            "dependency (pip install sqlcipher3-wheels) and try again.",
        ),
        ProjectProblem.FOREIGN: translate(
            "Messages", "“{name}” belongs to another application, not an Annotator project."
        ),
        ProjectProblem.CORRUPT: translate("Messages", "“{name}” is damaged and cannot be read."),
        ProjectProblem.DAMAGED_VALUE: translate(
            "Messages",
            "“{name}” is damaged: a value stored in it ({table}.{column}) is not of its type. "
            "Repairing it (after a backup) turns text stored as bytes back into text.",
        ),
        ProjectProblem.NEWER: translate(
            "Messages",
            "“{name}” was saved by a newer version of Annotator. Please update the app.",
        ),
        ProjectProblem.MIGRATION_FAILED: translate(
            "Messages",
            "“{name}” could not be upgraded to this version of Annotator; it was left as it was.",
        ),
        ProjectProblem.EXISTS: translate(
            "Messages", "“{name}” already exists. Choose another name."
        ),
        ProjectProblem.UNWRITABLE: translate(
            "Messages",
            "“{name}” cannot be written: the folder may be read-only, the disk full, "
            "or permission missing.",
        ),
        ProjectProblem.NEEDS_REPAIR: translate(
            "Messages", "“{name}” has parts that differ from what Annotator writes."
        ),
        ProjectProblem.UNTRUSTED_SCHEMA: translate(
            "Messages",
            "“{name}” is not as Annotator writes it, so nothing is written to it until it "
            "is repaired (Repair… above the document, or “annotator check --repair”).",
        ),
        ProjectProblem.DAMAGED_SCHEMA: translate(
            "Messages",
            "“{name}” cannot be read: parts of it that Annotator reads are missing or "
            "changed. Repairing it (after a backup) restores them.",
        ),
        ProjectProblem.REPAIR_FAILED: translate(
            "Messages",
            "“{name}” could not be repaired, and was left as it was. Restore a backup "
            "with File › Restore from Backup….",
        ),
        ProjectProblem.IN_USE: translate(
            "Messages", "“{name}” is open in another window or program; close it there first."
        ),
    }


def _causes() -> dict[ProjectCause, str]:
    return {
        ProjectCause.EMPTY_FILE: translate("Messages", "The file is empty."),
        ProjectCause.TRUNCATED: translate("Messages", "The file is cut short."),
        ProjectCause.OPEN_READ_ONLY: translate("Messages", "It is open read-only."),
        ProjectCause.NEEDS_UPGRADE: translate(
            "Messages",
            "It needs upgrading to this version of Annotator, which must write to it.",
        ),
        ProjectCause.UNWRITABLE_PLACE: translate(
            "Messages", "It is in a place that cannot be written."
        ),
        ProjectCause.WAL_IN_READ_ONLY_FOLDER: translate(
            "Messages",
            "Its latest changes are in a “-wal” file beside it that cannot be read in a "
            "read-only folder. Copy the project and its “-wal” file to a writable folder "
            "and open it there.",
        ),
        ProjectCause.NOT_ENCRYPTED: translate("Messages", "It is not encrypted."),
        ProjectCause.COPY_LOST_ROWS: translate(
            "Messages", "The copy lost rows of the table “{table}”."
        ),
    }


def headline(problem: ProjectProblem) -> str:
    return _headlines()[problem]


def cause_sentence(cause: ProjectCause) -> str:
    return _causes()[cause]


def describe_project_file(exc: errors.ProjectFileError) -> str:
    """Which file, what is wrong, why if known, and that the file was not changed."""
    text = _headlines()[exc.kind].format(
        name=exc.path.name, table=exc.table, column=getattr(exc, "column", "")
    )
    why = [
        _causes()[exc.because].format(table=exc.table) if exc.because else "",
        file_type_sentence(exc.file_type) if exc.file_type else "",
        system_sentence(exc.system) if exc.system else "",
    ]
    if any(why):
        text += " " + " ".join(part for part in why if part)
    detail = "" if exc.system else exc.detail
    if isinstance(exc, errors.SchemaNeedsRepair):  # each part in the reader's language
        detail = listed(describe_difference(d) for d in exc.differences)
    if detail:
        text += "\n\n" + translate("Messages", "Details: {detail}").format(detail=detail)
    where = translate("Messages", "File: {path}\nThe file was not changed.")
    return text + "\n\n" + where.format(path=exc.path)
