"""What can stop an export, or a codebook import, as typed errors the faces word.

A file that cannot be written is `storage.write_errors.OutputUnwritable`, as for every
other writer of the app.
"""

from __future__ import annotations

import enum
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.os_problems import FileType, OsProblem


class Cancelled(enum.Enum):
    EXPORT_CANCELLED = "export_cancelled"


class ExportCancelled(AnnotatorError):
    """The user stopped the export; nothing was written under the target name."""

    kinds = (Cancelled,)
    kind = Cancelled.EXPORT_CANCELLED

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__()


class CodebookFileProblem(enum.Enum):
    """Why a codebook CSV cannot be imported; `code`, `other`, `value` and `count` say
    what each one uses."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"  # `system`, or `file_type` when it is no regular file
    TOO_LARGE = "too_large"  # `count`: the limit in bytes
    NOT_TEXT = "not_text"
    NOT_UTF16 = "not_utf16"  # `detail`: the decoder's reason
    NOT_CSV = "not_csv"  # `detail`: the csv module's message
    SEVERAL_PATH_COLUMNS = "several_path_columns"  # `value`: the columns, comma-separated
    NO_PATH_COLUMN = "no_path_column"
    EMPTY_PATH = "empty_path"
    EMPTY_LEVEL = "empty_level"  # `code`: the path
    NAME_TOO_LONG = "name_too_long"  # `code`: the name's first 40 characters; `count`: limit
    BAD_COLOUR = "bad_colour"  # `value`
    LISTED_TWICE = "listed_twice"  # `code`: the path; `count`: the line it was first on
    NAME_TAKEN = "name_taken"  # `code`: the path; `value`: the name; `other`: its holder
    NO_CODES = "no_codes"


class InvalidCodebookFile(AnnotatorError):
    """A codebook CSV that cannot be imported; the project's codebook is unchanged."""

    kinds = (CodebookFileProblem, OsProblem, FileType)

    def __init__(
        self,
        path: Path | str,
        problem: CodebookFileProblem,
        line: int | None = None,
        *,
        code: str = "",
        value: str = "",
        other: str = "",
        count: int = 0,
        detail: str = "",
        system: OsProblem | None = None,
        file_type: FileType | None = None,
    ) -> None:
        self.path = Path(path)
        self.kind = self.problem = problem
        self.line = line
        self.code = code
        self.value = value
        self.other = other
        self.count = count
        self.detail = detail
        self.system = system
        self.file_type = file_type
        super().__init__()
