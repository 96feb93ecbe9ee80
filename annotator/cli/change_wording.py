"""What the command line calls each action in its log: one sentence per kind of Change.

The English twin of `ui/change_wording`; `annotator -v` logs it after a command that
changed the project.
"""

from __future__ import annotations

from annotator.core.changes import Change, ChangeKind

SENTENCES: dict[ChangeKind, str] = {
    ChangeKind.CREATE_CODE: "Create code {name}",
    ChangeKind.RENAME_CODE: "Rename code {name}",
    ChangeKind.RECOLOUR_CODE: "Recolour code {name}",
    ChangeKind.DEFINE_CODE: "Edit definition of code {name}",
    ChangeKind.SET_SHORTCUT: "Set shortcut of code {name}",
    ChangeKind.EDIT_CODE_MEMO: "Edit memo of code {name}",
    ChangeKind.EDIT_CODE: "Edit code {name}",
    ChangeKind.MOVE_CODE: "Move code {name}",
    ChangeKind.MERGE_CODES: "Merge code {name} into {other}",
    ChangeKind.DELETE_CODE: "Delete code {name}",
    ChangeKind.IMPORT_CODEBOOK: "Import codebook {name}",
    ChangeKind.CODE_PASSAGES: "Code {count} passages as {name}",
    ChangeKind.AUTO_CODE: "Auto-code {count} passages as {name}",
    ChangeKind.REMOVE_CODINGS: "Remove {count} codings",
    ChangeKind.EDIT_CODING_MEMO: "Edit coding memo",
    ChangeKind.RECODE: "Recode as {name}",
    ChangeKind.IMPORT_DOCUMENTS: "Import {count} documents",
    ChangeKind.EDIT_DOCUMENT_DETAILS: "Edit details of {name}",
    ChangeKind.EDIT_DOCUMENT_MEMO: "Edit memo of {name}",
    ChangeKind.DELETE_DOCUMENT: "Delete document {name}",
    ChangeKind.MARK_FINISHED: "Mark document finished",
    ChangeKind.MARK_NOT_FINISHED: "Mark document not finished",
    ChangeKind.EDIT_PROJECT_MEMO: "Edit project memo",
    ChangeKind.ADD_CODER: "Add coder {name}",
    ChangeKind.RENAME_CODER: "Rename coder to {name}",
    ChangeKind.CHOOSE_CODER: "Set coder",
    ChangeKind.MERGE_PROJECT: "Merge {name}",
    ChangeKind.OUTSIDE_CHANGES: "Changes made in another window",
}

# Where one passage, coding or document reads otherwise than "1 ...".
_ONE_OF = {
    ChangeKind.CODE_PASSAGES: "Code passage as {name}",
    ChangeKind.REMOVE_CODINGS: "Remove coding",
    ChangeKind.IMPORT_DOCUMENTS: "Import {name}",
}


def describe(change: Change) -> str:
    text = SENTENCES[change.kind]
    named = bool(change.name) or change.kind is not ChangeKind.IMPORT_DOCUMENTS
    if change.count == 1 and change.kind in _ONE_OF and named:
        text = _ONE_OF[change.kind]
    return text.format(name=change.name, other=change.other, count=change.count)
