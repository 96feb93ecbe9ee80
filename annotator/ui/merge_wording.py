"""What the Merge dialog says about a file: its conflicts, the choices, what it leaves out,
and why a file cannot be merged at all.

Module functions, so every string goes through translate() with the context written
out ("MergeDialog", where they are shown). Each refusal is one whole sentence per
FileProblem rather than the core's phrase glued into a frame, so a translation can
word the sentence its own way.
"""

from __future__ import annotations

from annotator.core.exchange.conflicts import Conflict, ConflictKind
from annotator.core.exchange.errors import (
    ExchangeFileError,
    FileProblem,
    MergeConflicts,
    MergeUndoUnavailable,
    UndoProblem,
)
from annotator.core.exchange.incoming import SkipReason
from annotator.ui.file_wording import file_type_sentence, system_sentence
from annotator.ui.i18n import translate


def conflict_text(conflict: Conflict) -> str:
    if conflict.kind is ConflictKind.CODER_NAME and "id" not in conflict.ours:
        return translate("MergeDialog", "Coder “{subject}” has another name in the file").format(
            subject=conflict.subject
        )
    words = {
        ConflictKind.CODE_DETAILS: translate(
            "MergeDialog", "Code “{subject}” is described differently"
        ),
        ConflictKind.CODE_PLACE: translate(
            "MergeDialog", "Code “{subject}” sits elsewhere in the code tree"
        ),
        ConflictKind.DOCUMENT_TEXT: translate(
            "MergeDialog", "Document “{subject}” has the same id but another text"
        ),
        ConflictKind.DOCUMENT_DETAILS: translate(
            "MergeDialog", "Document “{subject}” has other details"
        ),
        ConflictKind.CODER_NAME: translate(
            "MergeDialog", "Coder “{subject}” here and in the file: one person or two?"
        ),
        ConflictKind.CODING_CHANGED: translate("MergeDialog", "A {subject} was changed in both"),
    }
    return words[conflict.kind].format(subject=conflict.subject)


def ours_text(kind: ConflictKind) -> str:
    """The choice that keeps this project's side of a conflict."""
    if kind is ConflictKind.DOCUMENT_TEXT:
        return translate("MergeDialog", "Keep ours; leave out their codings on it")
    if kind is ConflictKind.CODER_NAME:
        return translate("MergeDialog", "Keep as two coders")
    return translate("MergeDialog", "Keep ours")


def theirs_text(kind: ConflictKind) -> str:
    """The choice that takes the file's side of a conflict."""
    if kind is ConflictKind.DOCUMENT_TEXT:
        return translate("MergeDialog", "Add theirs as a separate document")
    if kind is ConflictKind.CODER_NAME:
        return translate("MergeDialog", "Same person: merge into ours")
    return translate("MergeDialog", "Take theirs")


def skip_text(reason: SkipReason) -> str:
    """Why something in the file was left out."""
    words = {
        SkipReason.UNSUPPORTED: translate("MergeDialog", "Annotator cannot hold this"),
        SkipReason.OUTSIDE_ARCHIVE: translate(
            "MergeDialog", "points to a file outside the archive, which is never opened"
        ),
        SkipReason.MISSING_FILE: translate("MergeDialog", "its file is missing from the archive"),
        SkipReason.TOO_LARGE: translate("MergeDialog", "larger than the import limit"),
        SkipReason.BAD_POSITION: translate("MergeDialog", "its position lies outside the text"),
        SkipReason.DANGLING_REFERENCE: translate(
            "MergeDialog", "refers to something the file does not contain"
        ),
        SkipReason.UNREADABLE_TEXT: translate("MergeDialog", "its text cannot be decoded"),
        SkipReason.INVALID_VALUE: translate("MergeDialog", "holds a value that does not fit"),
    }
    return words[reason]


def _refusals() -> dict[FileProblem, str]:
    """One whole sentence per problem, so each language can word it its own way."""
    return {
        FileProblem.NOT_FOUND: translate(
            "MergeDialog", "“{name}” cannot be merged: there is no such file."
        ),
        FileProblem.UNREADABLE: translate(
            "MergeDialog", "“{name}” cannot be merged: the file cannot be read."
        ),
        FileProblem.NOT_A_FILE: translate(
            "MergeDialog", "“{name}” cannot be merged: it is not a regular file."
        ),
        FileProblem.UNKNOWN_TYPE: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it is not a .qdpx, .qdc or .annotator file.",
        ),
        FileProblem.NOT_A_ZIP: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it is not a REFI-QDA project archive (a .qdpx file "
            "is a ZIP archive).",
        ),
        FileProblem.UNSAFE_NAME: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it contains a file whose name points outside the "
            "archive; refused for safety.",
        ),
        FileProblem.TOO_LARGE: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it unpacks to more data than is safe to import (a "
            "damaged file or a zip bomb).",
        ),
        FileProblem.TOO_MANY_FILES: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it contains more files than a project archive can have.",
        ),
        FileProblem.NO_PROJECT: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it contains no project.qde.",
        ),
        FileProblem.MALFORMED_XML: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it is not well-formed XML.",
        ),
        FileProblem.FORBIDDEN_XML: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it uses a DTD or XML entities, which are refused "
            "for safety.",
        ),
        FileProblem.NOT_REFI: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it is not a REFI-QDA file (unexpected root element).",
        ),
        FileProblem.INVALID_CONTENT: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it holds a value that does not fit.",
        ),
        FileProblem.DAMAGED: translate(
            "MergeDialog", "“{name}” cannot be merged: it is damaged and cannot be read."
        ),
        FileProblem.NOT_A_PROJECT: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it is not an Annotator project.",
        ),
        FileProblem.ENCRYPTED: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it looks encrypted; open it with its passphrase and "
            "save an unencrypted copy to merge.",
        ),
        FileProblem.NEWER_PROJECT: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it was written by a newer version of Annotator; "
            "update the app to merge it.",
        ),
        FileProblem.FOREIGN_PROJECT: translate(
            "MergeDialog",
            "“{name}” cannot be merged: it is an Annotator project with parts Annotator "
            "never writes; refused.",
        ),
        FileProblem.EMPTY_CODEBOOK: translate(
            "MergeDialog", "The codebook is empty: there is nothing to write to “{name}”."
        ),
        FileProblem.CODES_TOO_DEEP: translate(
            "MergeDialog",
            "“{name}” cannot be read: its codes are nested more than {count} levels deep.",
        ),
    }


def refusal_sentence(problem: FileProblem) -> str:
    """The template for `problem` (tests check every problem has one)."""
    return _refusals()[problem]


def describe_exchange_error(exc: ExchangeFileError) -> str:
    """A refused file, in words: which file, what is wrong, and that nothing changed."""
    text = _refusals()[exc.problem].format(name=exc.path.name, count=exc.count or 0)
    if exc.file_type is not None:
        text += " " + file_type_sentence(exc.file_type)
    if exc.system is not None:
        text += " " + system_sentence(exc.system)
    if exc.detail:
        text += "\n\n" + translate("MergeDialog", "Details: {detail}").format(detail=exc.detail)
    return text + "\n\n" + translate("MergeDialog", "Nothing was changed in your project.")


def describe_conflicts(exc: MergeConflicts) -> str:
    return translate(
        "MergeDialog", "The merge needs a choice for each conflict ({count}); nothing was changed."
    ).format(count=exc.count)


def describe_undo_unavailable(exc: MergeUndoUnavailable) -> str:
    text = {
        UndoProblem.PROJECT_CHANGED: translate(
            "MergeDialog", "The merge cannot be undone: the project has changed since."
        ),
        UndoProblem.BACKUP_MISSING: translate(
            "MergeDialog", "The merge cannot be undone: its backup of the project is missing."
        ),
    }[exc.reason]
    if exc.backup is not None:
        text += " " + translate(
            "MergeDialog", "The project as it was before the merge is saved at “{path}”."
        ).format(path=exc.backup)
    return text
