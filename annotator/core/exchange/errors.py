"""What can go wrong when bringing in another project or codebook, as typed errors.

A refused file leaves the open project exactly as it was, so each error only has to
say which file and why; the faces word it.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.core.exchange.merge import MergePlan


class FileProblem(enum.Enum):
    """Why a file cannot be brought in: each is a different thing for the user to do."""

    NOT_FOUND = "no such file"
    UNREADABLE = "the file cannot be read"
    UNKNOWN_TYPE = "is not a .qdpx, .qdc or .annotator file"
    NOT_A_ZIP = "is not a REFI-QDA project archive (a .qdpx file is a ZIP archive)"
    UNSAFE_NAME = "contains a file whose name points outside the archive; refused for safety"
    TOO_LARGE = "unpacks to more data than is safe to import (a damaged file or a zip bomb)"
    TOO_MANY_FILES = "contains more files than a project archive can have"
    NO_PROJECT = "contains no project.qde"
    MALFORMED_XML = "is not well-formed XML"
    FORBIDDEN_XML = "uses a DTD or XML entities, which are refused for safety"
    NOT_REFI = "is not a REFI-QDA file (unexpected root element)"
    INVALID_CONTENT = "holds a value that does not fit"
    NOT_A_PROJECT = "is not an Annotator project"
    ENCRYPTED = "looks encrypted; open it with its passphrase and save an unencrypted copy to merge"
    NEWER_PROJECT = "was written by a newer version of Annotator; update the app to merge it"
    FOREIGN_PROJECT = "is an Annotator project with parts Annotator never writes; refused"


class ExchangeFileError(AnnotatorError):
    """A .qdpx, .qdc or .annotator file that cannot be brought in as it is."""

    def __init__(self, path: Path | str, problem: FileProblem, detail: str = "") -> None:
        self.path = Path(path)
        self.problem = problem
        self.detail = detail
        message = f"{self.path}: {problem.value}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class MergeConflicts(AnnotatorError):
    """The merge needs a choice for each conflict; nothing was changed."""

    def __init__(self, plan: MergePlan) -> None:
        self.plan = plan
        count = len(plan.conflicts)
        super().__init__(
            f"{count} conflict{'s' if count != 1 else ''} need a choice "
            "(--on-conflict ours|theirs); nothing was changed"
        )


class MergeUndoUnavailable(AnnotatorError):
    """The merge can no longer be taken back by restoring its backup."""

    def __init__(self, reason: str, backup: Path | None = None) -> None:
        self.reason = reason
        self.backup = backup
        message = f"the merge cannot be undone: {reason}"
        if backup is not None:
            message += f"; the pre-merge backup is still at {backup}"
        super().__init__(message)
