"""Typed errors the core raises; the UI and CLI turn them into words for people.

Each error carries the data a message needs (the file, the name, the value) so the
faces can phrase it; `str()` gives a plain English sentence for logs and the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any


class AnnotatorError(Exception):
    """Something the user can understand and act on; never a bug."""


class ProjectFileError(AnnotatorError):
    """A project file that cannot be opened as it is. The file is left untouched."""

    reason = "cannot be opened"

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = Path(path)
        self.detail = detail
        message = f"{self.path}: {self.reason}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class ProjectNotFound(ProjectFileError):
    reason = "no such project file"


class NotAProject(ProjectFileError):
    reason = "is not an Annotator project (not a SQLite database)"


class ForeignDatabase(ProjectFileError):
    reason = "is a SQLite database of another application, not an Annotator project"


class CorruptProject(ProjectFileError):
    reason = "is damaged and cannot be read"


class NewerProject(ProjectFileError):
    reason = "was written by a newer version of Annotator; please update the app"


class MigrationFailed(ProjectFileError):
    reason = "could not be upgraded to this version of Annotator; it was left as it was"


class ProjectExists(ProjectFileError):
    reason = "already exists; choose another name"


class ProjectUnwritable(ProjectFileError):
    reason = "cannot be written (read-only folder, full disk or no permission)"


class SchemaNeedsRepair(ProjectFileError):
    """A project whose schema differs from what this version writes (`core.schema`).

    `differences` holds each part (a SchemaDifference: what, which, how); nothing is
    written to the project until a repair (`core.schema_repair`) removes them.
    """

    reason = "has schema parts that differ from what this version of Annotator writes"

    def __init__(self, path: Path | str, differences: Sequence[Any]) -> None:
        self.differences = tuple(differences)
        shown = "; ".join(str(d) for d in self.differences[:10])
        if len(self.differences) > 10:
            shown += f"; and {len(self.differences) - 10} more"
        super().__init__(path, shown)


class UntrustedSchema(SchemaNeedsRepair):
    reason = (
        "is not written to: its schema has parts this version of Annotator does not write "
        "or lacks parts it does, until they are repaired"
    )


class DamagedSchema(SchemaNeedsRepair, CorruptProject):
    reason = "is damaged: parts of its schema that Annotator reads are missing or changed"


class DamagedValue(CorruptProject):
    """A stored value not of its column's type (a BLOB where a title belongs).

    Found where it is read, instead of a TypeError far from its cause; `check` finds
    them all (`core.value_types`).
    """

    reason = (
        "is damaged: a stored value is not of its type; repairing the project (after a "
        "backup) turns text stored as bytes back into text"
    )

    def __init__(self, path: Path | str, table: str, column: str, row: str) -> None:
        self.table = table
        self.column = column
        self.row = row
        super().__init__(path, f"{table}.{column} of {row}")


class SchemaRepairFailed(ProjectFileError):
    reason = "could not be repaired; it was left as it was"


class PassphraseRequired(NotAProject):
    """No SQLite header: an encrypted project (ask for its passphrase) or not a project."""

    reason = "is encrypted, or is not an Annotator project; an encrypted one needs its passphrase"


class WrongPassphrase(ProjectFileError):
    reason = "cannot be opened with this passphrase (or it is not an encrypted project)"


class EncryptionUnavailable(ProjectFileError):
    reason = "is encrypted, but this installation cannot open encrypted projects"


class InvalidPassphrase(AnnotatorError):
    """A passphrase the app refuses to encrypt with. Never carries the passphrase itself."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(f"passphrase {problem}")


class NotFound(AnnotatorError):
    """A document, code, coder or coding that does not exist (any more)."""

    def __init__(self, kind: str, key: str) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"no {kind} {key!r}")


class Ambiguous(AnnotatorError):
    """A name that fits more than one document, code or coder."""

    def __init__(self, kind: str, key: str, candidates: list[str]) -> None:
        self.kind = kind
        self.key = key
        self.candidates = candidates
        listed = "; ".join(candidates)
        super().__init__(f"{kind} {key!r} is ambiguous; it fits: {listed}")


class InvalidCodeName(AnnotatorError):
    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"code name {name!r} {problem}")


class DuplicateCodeName(InvalidCodeName):
    def __init__(self, name: str) -> None:
        super().__init__(name, "is already used in this codebook (names are unique)")


class InvalidSpan(AnnotatorError):
    """A coding position outside the text, empty, or whose quote does not match."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


class DuplicateCoding(AnnotatorError):
    def __init__(self, code_name: str, start: int, end: int) -> None:
        self.code_name = code_name
        self.start = start
        self.end = end
        super().__init__(
            f"this passage ({start}-{end}) is already coded {code_name!r} by this coder"
        )


class QuoteNotFound(AnnotatorError):
    def __init__(self, quote: str, occurrences: list[int] | None = None) -> None:
        self.quote = quote
        self.occurrences = occurrences or []
        if self.occurrences:
            where = ", ".join(str(n) for n in self.occurrences)
            super().__init__(
                f"the quote {quote!r} occurs {len(self.occurrences)} times "
                f"(at offsets {where}); pick one with --occurrence N"
            )
        else:
            super().__init__(f"the quote {quote!r} does not occur in the document")


class InvalidValue(AnnotatorError):
    """A field value that does not fit (a malformed date, colour, ...)."""

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field} {value!r} is not valid: expected {expected}")
