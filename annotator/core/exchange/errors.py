"""What can go wrong when bringing in another project or codebook, as typed errors.

A refused file leaves the open project exactly as it was, so each error only has to
say which file and why; the faces word it (`ui/merge_wording`, `cli/messages`).
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError
from annotator.core.os_problems import FileType, OsProblem

if TYPE_CHECKING:
    from annotator.core.exchange.merge import MergePlan


class FileProblem(enum.Enum):
    """Why a file cannot be brought in: each is a different thing for the user to do."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"  # `system` says why, when the system said
    NOT_A_FILE = "not_a_file"  # `file_type` says what it is
    UNKNOWN_TYPE = "unknown_type"
    NOT_A_ZIP = "not_a_zip"
    UNSAFE_NAME = "unsafe_name"
    TOO_LARGE = "too_large"
    TOO_MANY_FILES = "too_many_files"  # `count`
    NO_PROJECT = "no_project"
    MALFORMED_XML = "malformed_xml"
    FORBIDDEN_XML = "forbidden_xml"
    NOT_REFI = "not_refi"
    INVALID_CONTENT = "invalid_content"
    DAMAGED = "damaged"
    NOT_A_PROJECT = "not_a_project"
    ENCRYPTED = "encrypted"
    NEWER_PROJECT = "newer_project"
    FOREIGN_PROJECT = "foreign_project"
    EMPTY_CODEBOOK = "empty_codebook"  # a .qdc export of a codebook without codes
    CODES_TOO_DEEP = "codes_too_deep"  # `count`: the deepest nesting read


class ExchangeFileError(AnnotatorError):
    """A .qdpx, .qdc or .annotator file that cannot be brought in (or written) as it is.

    `detail` is technical data (a parser's message, an archive member's name), shown
    as it is after the sentence; never words of ours.
    """

    kinds = (FileProblem, OsProblem, FileType)

    def __init__(
        self,
        path: Path | str,
        problem: FileProblem,
        detail: str = "",
        *,
        system: OsProblem | None = None,
        file_type: FileType | None = None,
        count: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.kind = self.problem = problem
        self.detail = detail
        self.system = system
        self.file_type = file_type
        self.count = count
        super().__init__()


class MergeConflicts(AnnotatorError):
    """The merge needs a choice for each conflict; nothing was changed."""

    class Kind(enum.Enum):
        CONFLICTS = "merge_conflicts"

    kinds = (Kind,)
    kind = Kind.CONFLICTS

    def __init__(self, plan: MergePlan) -> None:
        self.plan = plan
        self.count = len(plan.conflicts)
        super().__init__()

    def __str__(self) -> str:  # the plan is too big for a log line
        return f"{self.kind.value}: count={self.count}"


class UndoProblem(enum.Enum):
    PROJECT_CHANGED = "project_changed_since_merge"
    BACKUP_MISSING = "backup_missing"


class MergeUndoUnavailable(AnnotatorError):
    """The merge can no longer be taken back by restoring its backup."""

    kinds = (UndoProblem,)

    def __init__(self, reason: UndoProblem, backup: Path | None = None) -> None:
        self.kind = self.reason = reason
        self.backup = backup
        super().__init__()
