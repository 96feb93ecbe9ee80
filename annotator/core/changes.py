"""What an action changed, and the inverse action that takes it back.

Every core action returns a Change. Views refresh from the sets of ids it names; the
GUI's undo stack keeps `inverse`, whose own Change carries the redo. What the action
was is a `ChangeKind` with its data (a name, a second name, a count), never a
sentence: the UI and the CLI word it (`ui/change_wording`, `cli/change_wording`), each in
one place. An inverse's Change keeps the kind and data of the step it takes back, so
the undo stack and the log name the step the same way both ways.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core.ids import CodeId, CoderId, CodingId, DocumentId

if TYPE_CHECKING:
    from annotator.core.project import Project


class ChangeKind(enum.Enum):
    """Each kind of user action; `name`, `other` and `count` say what each one uses."""

    CREATE_CODE = "create_code"  # name: the code
    RENAME_CODE = "rename_code"  # name: the new name
    RECOLOUR_CODE = "recolour_code"  # name
    DEFINE_CODE = "define_code"  # name
    SET_SHORTCUT = "set_shortcut"  # name
    EDIT_CODE_MEMO = "edit_code_memo"  # name
    EDIT_CODE = "edit_code"  # name: several fields at once
    MOVE_CODE = "move_code"  # name
    MERGE_CODES = "merge_codes"  # name: the merged code; other: the code it went into
    DELETE_CODE = "delete_code"  # name
    IMPORT_CODEBOOK = "import_codebook"  # name: the file's name
    CODE_PASSAGES = "code_passages"  # name: the code; count: passages
    AUTO_CODE = "auto_code"  # name: the code; count: passages
    REMOVE_CODINGS = "remove_codings"  # count
    EDIT_CODING_MEMO = "edit_coding_memo"
    RECODE = "recode"  # name: the new code
    IMPORT_DOCUMENTS = "import_documents"  # count; name: the title when there is one
    EDIT_DOCUMENT_DETAILS = "edit_document_details"  # name: the title before the edit
    EDIT_DOCUMENT_MEMO = "edit_document_memo"  # name: the title
    DELETE_DOCUMENT = "delete_document"  # name: the title
    MARK_FINISHED = "mark_finished"
    MARK_NOT_FINISHED = "mark_not_finished"
    EDIT_PROJECT_MEMO = "edit_project_memo"
    ADD_CODER = "add_coder"  # name: the coder, met for the first time
    RENAME_CODER = "rename_coder"  # name: the new name
    CHOOSE_CODER = "choose_coder"  # the user now codes as another coder
    MERGE_PROJECT = "merge_project"  # name: the merged file's name
    OUTSIDE_CHANGES = "outside_changes"  # another window or program changed the project


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    name: str = ""  # the code, document, coder or file the action is about
    other: str = ""  # a second name (the code another was merged into)
    count: int = 1  # how many passages, codings or documents
    documents: frozenset[DocumentId] = field(default_factory=frozenset)
    codes: frozenset[CodeId] = field(default_factory=frozenset)
    codings: frozenset[CodingId] = field(default_factory=frozenset)
    coders: frozenset[CoderId] = field(default_factory=frozenset)
    codebook_changed: bool = False
    inverse: Callable[[Project], Change] | None = field(default=None, compare=False)

    def undo(self, project: Project) -> Change:
        """Apply the inverse; the Change it returns can redo this one."""
        if self.inverse is None:
            raise ValueError(f"{self.kind.name} cannot be undone")
        return self.inverse(project)
