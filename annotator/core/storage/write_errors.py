"""Why a file could not be written, as typed errors the CLI and the GUI word.

The target is never left half-written (see `atomic_write`), so an error only has to
say why, and where. Some problems are refusals of the output guard: nothing was
attempted, because the target is something a write must never replace.
"""

from __future__ import annotations

import enum
import errno
from pathlib import Path

from annotator.core.errors import AnnotatorError


class WriteProblem(enum.Enum):
    """Why a file could not be written: each has its own advice for the user."""

    NO_FOLDER = "no_folder"
    NO_PERMISSION = "no_permission"  # a read-only folder or file
    IN_USE = "in_use"  # open in another program
    DISK_FULL = "disk_full"
    IS_FOLDER = "is_folder"  # a folder of that name is in the way
    TARGET_CHANGED = "target_changed"  # replaced by something else while it was written
    OTHER = "other"
    # refusals of the output guard (`output_guard`): nothing was written
    NOT_A_FILE = "not_a_file"  # a device, a pipe or a socket
    OPEN_PROJECT = "open_project"  # the open project or one of its working files
    PROJECT_BACKUP = "project_backup"  # a backup of the open project
    A_PROJECT = "a_project"  # an Annotator project

    @property
    def refused(self) -> bool:
        """True when the guard refused the target rather than the disk failing."""
        return self in _REFUSALS


_REFUSALS = frozenset(
    {
        WriteProblem.NOT_A_FILE,
        WriteProblem.OPEN_PROJECT,
        WriteProblem.PROJECT_BACKUP,
        WriteProblem.A_PROJECT,
    }
)

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


class OutputUnwritable(AnnotatorError):
    """A file could not be written, or was refused; any earlier file there is unchanged.

    `path` is the target as the user named it (a symlink is reported by its own name);
    `detail` is the system's own text, shown as it is after the sentence.
    """

    kinds = (WriteProblem,)

    def __init__(self, path: Path | str, problem: WriteProblem, detail: str = "") -> None:
        self.path = Path(path)
        self.kind = self.problem = problem
        self.detail = detail
        super().__init__()
