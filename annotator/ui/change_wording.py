"""What Edit › Undo and Redo call each action: one sentence per kind of Change.

The core says what an action was (`ChangeKind` and its name, other name and count);
this is the one place the app words it, in the user's language (context
"ChangeCommand"). A step made of several core actions, or named with more than the
core knows, has its own sentence here too.
"""

from __future__ import annotations

from annotator.core.changes import Change, ChangeKind
from annotator.ui.i18n import translate


def _clean(name: str) -> str:
    return " ".join(name.split())  # as the core stores a code name


def _sentences() -> dict[ChangeKind, str]:
    """Each kind's sentence; {name}, {other} and {count} are the Change's data."""
    return {
        ChangeKind.CREATE_CODE: translate("ChangeCommand", "Create code {name}"),
        ChangeKind.RENAME_CODE: translate("ChangeCommand", "Rename code {name}"),
        ChangeKind.RECOLOUR_CODE: translate("ChangeCommand", "Recolour code {name}"),
        ChangeKind.DEFINE_CODE: translate("ChangeCommand", "Edit definition of code {name}"),
        ChangeKind.SET_SHORTCUT: translate("ChangeCommand", "Set shortcut of code {name}"),
        ChangeKind.EDIT_CODE_MEMO: translate("ChangeCommand", "Edit memo of code {name}"),
        ChangeKind.EDIT_CODE: translate("ChangeCommand", "Edit code {name}"),
        ChangeKind.MOVE_CODE: translate("ChangeCommand", "Move code {name}"),
        ChangeKind.MERGE_CODES: translate("ChangeCommand", "Merge code {name} into {other}"),
        ChangeKind.DELETE_CODE: translate("ChangeCommand", "Delete code {name}"),
        ChangeKind.IMPORT_CODEBOOK: translate("ChangeCommand", "Import codebook {name}"),
        ChangeKind.CODE_PASSAGES: translate("ChangeCommand", "Code {count} passages as {name}"),
        ChangeKind.AUTO_CODE: translate("ChangeCommand", "Auto-code {count} passages as {name}"),
        ChangeKind.REMOVE_CODINGS: translate("ChangeCommand", "Remove {count} codings"),
        ChangeKind.EDIT_CODING_MEMO: translate("ChangeCommand", "Edit coding memo"),
        ChangeKind.RECODE: translate("ChangeCommand", "Recode as {name}"),
        ChangeKind.IMPORT_DOCUMENTS: translate("ChangeCommand", "Import {count} documents"),
        ChangeKind.EDIT_DOCUMENT_DETAILS: translate("ChangeCommand", "Edit details of {name}"),
        ChangeKind.EDIT_DOCUMENT_MEMO: translate("ChangeCommand", "Edit memo of {name}"),
        ChangeKind.DELETE_DOCUMENT: translate("ChangeCommand", "Delete document {name}"),
        ChangeKind.MARK_FINISHED: translate("ChangeCommand", "Mark document finished"),
        ChangeKind.MARK_NOT_FINISHED: translate("ChangeCommand", "Mark document not finished"),
        ChangeKind.EDIT_PROJECT_MEMO: translate("ChangeCommand", "Edit project memo"),
        ChangeKind.ADD_CODER: translate("ChangeCommand", "Add coder {name}"),
        ChangeKind.RENAME_CODER: translate("ChangeCommand", "Rename coder to {name}"),
        ChangeKind.CHOOSE_CODER: translate("ChangeCommand", "Set coder"),
        ChangeKind.MERGE_PROJECT: translate("ChangeCommand", "Merge {name}"),
        ChangeKind.OUTSIDE_CHANGES: translate("ChangeCommand", "Changes made in another window"),
    }


def _one_of(kind: ChangeKind) -> str | None:
    """The sentence for a single passage, coding or document, where it reads otherwise."""
    return {
        ChangeKind.CODE_PASSAGES: translate("ChangeCommand", "Code passage as {name}"),
        ChangeKind.REMOVE_CODINGS: translate("ChangeCommand", "Remove coding"),
        ChangeKind.IMPORT_DOCUMENTS: translate("ChangeCommand", "Import {name}"),
    }.get(kind)


def sentence(kind: ChangeKind) -> str:
    """The template for `kind` (tests check every kind has one)."""
    return _sentences()[kind]


def describe(change: Change) -> str:
    """What the step is called in Edit › Undo, from the Change the core returned."""
    text = _sentences()[change.kind]
    single = _one_of(change.kind) if change.count == 1 else None
    if single is not None and (change.name or change.kind is not ChangeKind.IMPORT_DOCUMENTS):
        text = single
    return text.format(name=change.name, other=change.other, count=change.count)


# -- steps the core does not name alone ----------------------------------------------


def code_with_new_code_text(name: str) -> str:
    """Creating a code and coding the passage with it: one step."""
    return translate("ChangeCommand", "Code passage as new code {name}").format(name=_clean(name))


def remove_codings_text(code_path: str, count: int) -> str:
    """Removing codings from the text, the one coding named by its code's path."""
    if count == 1:
        return translate("ChangeCommand", "Remove coding {code}").format(code=code_path)
    return translate("ChangeCommand", "Remove {count} codings").format(count=count)
