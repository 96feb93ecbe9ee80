"""What can go wrong while writing an export, as typed errors the faces word.

The target file is never left half-written (see `safe_write`), so each error only has
to say why, and where.
"""

from __future__ import annotations

import enum
import errno
from pathlib import Path

from annotator.core.errors import AnnotatorError


class WriteProblem(enum.Enum):
    """Why a file could not be written: each has its own advice for the user."""

    NO_FOLDER = "the folder does not exist"
    NO_PERMISSION = "no permission to write there (read-only folder or file)"
    IN_USE = "the file is open in another program; close it and try again"
    DISK_FULL = "the disk is full"
    IS_FOLDER = "a folder of that name is in the way"
    OTHER = "the file cannot be written"


_PROBLEM_OF_ERRNO = {
    errno.ENOENT: WriteProblem.NO_FOLDER,
    errno.ENOTDIR: WriteProblem.NO_FOLDER,
    errno.EACCES: WriteProblem.NO_PERMISSION,
    errno.EPERM: WriteProblem.NO_PERMISSION,
    errno.EROFS: WriteProblem.NO_PERMISSION,
    errno.EBUSY: WriteProblem.IN_USE,
    errno.ETXTBSY: WriteProblem.IN_USE,
    errno.ENOSPC: WriteProblem.DISK_FULL,
    errno.EDQUOT: WriteProblem.DISK_FULL,
    errno.EFBIG: WriteProblem.DISK_FULL,
    errno.EISDIR: WriteProblem.IS_FOLDER,
}
# Windows refuses to replace a file another program holds open (Word, Excel).
_WINERROR_SHARING_VIOLATION = (32, 33)


def classify(exc: OSError) -> WriteProblem:
    if getattr(exc, "winerror", None) in _WINERROR_SHARING_VIOLATION:
        return WriteProblem.IN_USE
    return _PROBLEM_OF_ERRNO.get(exc.errno or 0, WriteProblem.OTHER)


class ExportUnwritable(AnnotatorError):
    """The export could not be written; any earlier file under that name is unchanged."""

    def __init__(self, path: Path | str, problem: WriteProblem, detail: str = "") -> None:
        self.path = Path(path)
        self.problem = problem
        self.detail = detail
        message = f"{self.path}: cannot write the export: {problem.value}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class ExportCancelled(AnnotatorError):
    """The user stopped the export; nothing was written under the target name."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: export cancelled; nothing was written")


class InvalidCodebookFile(AnnotatorError):
    """A codebook CSV that cannot be imported; the project's codebook is unchanged."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}, line {line}" if line else f"{self.path}"
        super().__init__(f"{where}: {problem}")
