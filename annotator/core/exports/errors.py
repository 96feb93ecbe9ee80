"""What can stop an export, or a codebook import, as typed errors the faces word.

A file that cannot be written is `storage.write_errors.OutputUnwritable`, as for every
other writer of the app.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import AnnotatorError


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
