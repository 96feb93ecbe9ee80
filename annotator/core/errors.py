"""Typed errors the core raises; the UI and CLI turn them into words for people.

Each error carries a *kind* (a member of an enum) and the data a message needs (the
file, the name, the number), never a sentence: the UI (`ui/messages`, translated) and
the CLI (`cli/messages`, English) word every kind, each in one place. `str()` is a
plain line for logs and developers, made from the kind and the data by
`AnnotatorError.__str__` alone.
"""

from __future__ import annotations

import enum
import reprlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from annotator.core.os_problems import FileType, OsProblem

_LOG_REPR = reprlib.Repr()
_LOG_REPR.maxstring = 120
_LOG_REPR.maxother = 120


class AnnotatorError(Exception):
    """Something the user can understand and act on; never a bug.

    `kinds` names the enums whose members this error carries (its `kind`, and any
    reason it holds as data, such as an `OsProblem`): both faces must word each member,
    which a test checks.
    """

    kinds: ClassVar[tuple[type[enum.Enum], ...]] = ()
    kind: enum.Enum

    def __str__(self) -> str:
        if self.args:  # an error that still brings its own text (none should)
            return super().__str__()
        kind = getattr(self, "kind", None)
        data = ", ".join(
            f"{key}={_logged(value)}"
            for key, value in vars(self).items()
            if key != "kind" and value not in (None, "", (), [], {})
        )
        name = kind.value if isinstance(kind, enum.Enum) else type(self).__name__
        return f"{name}: {data}" if data else str(name)


def _logged(value: object) -> str:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return _LOG_REPR.repr(value)


class ProjectProblem(enum.Enum):
    """What is wrong with a project file: one per class below."""

    CANNOT_OPEN = "cannot_open"
    NOT_FOUND = "not_found"
    NOT_A_PROJECT = "not_a_project"
    FOREIGN = "foreign_database"
    CORRUPT = "corrupt"
    NEWER = "newer"  # `version`, `latest`
    MIGRATION_FAILED = "migration_failed"
    EXISTS = "exists"
    UNWRITABLE = "unwritable"
    NEEDS_REPAIR = "needs_repair"
    UNTRUSTED_SCHEMA = "untrusted_schema"
    DAMAGED_SCHEMA = "damaged_schema"
    DAMAGED_VALUE = "damaged_value"  # `table`, `column`, `row`
    REPAIR_FAILED = "repair_failed"
    PASSPHRASE_REQUIRED = "passphrase_required"
    WRONG_PASSPHRASE = "wrong_passphrase"
    ENCRYPTION_UNAVAILABLE = "encryption_unavailable"
    IN_USE = "in_use"


class ProjectCause(enum.Enum):
    """Why, where the kind alone does not say it (and the system did not either)."""

    EMPTY_FILE = "empty_file"
    TRUNCATED = "truncated"  # `size` of `expected` bytes, when known
    OPEN_READ_ONLY = "open_read_only"
    NEEDS_UPGRADE = "needs_upgrade"  # an older project in a place that cannot be written
    UNWRITABLE_PLACE = "unwritable_place"
    WAL_IN_READ_ONLY_FOLDER = "wal_in_read_only_folder"
    NOT_ENCRYPTED = "not_encrypted"
    COPY_LOST_ROWS = "copy_lost_rows"  # `table`


class ProjectFileError(AnnotatorError):
    """A project file that cannot be opened (or written) as it is; it is left untouched.

    `because` and `system` say why where that is known, `file_type` what the path is
    when not a file; `detail` is technical text (SQLite's message, the integrity
    check's findings), shown as it is after the sentence, never words of ours.
    """

    kinds = (ProjectProblem, ProjectCause, OsProblem, FileType)
    kind: ProjectProblem = ProjectProblem.CANNOT_OPEN

    def __init__(
        self,
        path: Path | str,
        detail: str = "",
        *,
        because: ProjectCause | None = None,
        system: OsProblem | None = None,
        file_type: FileType | None = None,
        table: str = "",
        size: int | None = None,
        expected: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.detail = detail
        self.because = because
        self.system = system
        self.file_type = file_type
        self.table = table
        self.size = size
        self.expected = expected
        super().__init__()


class ProjectNotFound(ProjectFileError):
    kind = ProjectProblem.NOT_FOUND


class NotAProject(ProjectFileError):
    kind = ProjectProblem.NOT_A_PROJECT


class ForeignDatabase(ProjectFileError):
    kind = ProjectProblem.FOREIGN


class CorruptProject(ProjectFileError):
    kind = ProjectProblem.CORRUPT


class NewerProject(ProjectFileError):
    kind = ProjectProblem.NEWER

    def __init__(self, path: Path | str, version: int, latest: int) -> None:
        self.version = version
        self.latest = latest
        super().__init__(path)


class MigrationFailed(ProjectFileError):
    kind = ProjectProblem.MIGRATION_FAILED


class ProjectExists(ProjectFileError):
    kind = ProjectProblem.EXISTS


class ProjectUnwritable(ProjectFileError):
    kind = ProjectProblem.UNWRITABLE


class SchemaNeedsRepair(ProjectFileError):
    """A project whose schema differs from what this version writes (`core.schema`).

    `differences` holds each part (a SchemaDifference: what, which, how); nothing is
    written to the project until a repair (`core.schema_repair`) removes them.
    """

    kind = ProjectProblem.NEEDS_REPAIR

    def __init__(self, path: Path | str, differences: Sequence[Any]) -> None:
        self.differences = tuple(differences)
        super().__init__(path)


class UntrustedSchema(SchemaNeedsRepair):
    kind = ProjectProblem.UNTRUSTED_SCHEMA


class DamagedSchema(SchemaNeedsRepair, CorruptProject):
    kind = ProjectProblem.DAMAGED_SCHEMA


class DamagedValue(CorruptProject):
    """A stored value not of its column's type (a BLOB where a title belongs).

    Found where it is read, instead of a TypeError far from its cause; `check` finds
    them all (`core.value_types`).
    """

    kind = ProjectProblem.DAMAGED_VALUE

    def __init__(self, path: Path | str, table: str, column: str, row: str) -> None:
        self.column = column
        self.row = row
        super().__init__(path, table=table)


class SchemaRepairFailed(ProjectFileError):
    kind = ProjectProblem.REPAIR_FAILED


class PassphraseRequired(NotAProject):
    """No SQLite header: an encrypted project (ask for its passphrase) or not a project."""

    kind = ProjectProblem.PASSPHRASE_REQUIRED


class WrongPassphrase(ProjectFileError):
    kind = ProjectProblem.WRONG_PASSPHRASE


class EncryptionUnavailable(ProjectFileError):
    kind = ProjectProblem.ENCRYPTION_UNAVAILABLE


class PassphraseProblem(enum.Enum):
    EMPTY = "empty"
    TOO_SHORT = "too_short"  # `minimum`
    NUL_CHARACTER = "nul_character"


class InvalidPassphrase(AnnotatorError):
    """A passphrase the app refuses to encrypt with. Never carries the passphrase itself."""

    kinds = (PassphraseProblem,)

    def __init__(self, problem: PassphraseProblem, minimum: int = 0) -> None:
        self.kind = self.problem = problem
        self.minimum = minimum
        super().__init__()


class Thing(enum.Enum):
    """What a name or id was looked up as."""

    DOCUMENT = "document"
    CODE = "code"
    CODER = "coder"
    CODING = "coding"


class NotFound(AnnotatorError):
    """A document, code, coder or coding that does not exist (any more)."""

    kinds = (Thing,)

    def __init__(self, thing: Thing, key: str) -> None:
        self.kind = self.thing = thing
        self.key = key
        super().__init__()


class Ambiguous(AnnotatorError):
    """A name that fits more than one document, code or coder."""

    kinds = (Thing,)

    def __init__(self, thing: Thing, key: str, candidates: list[str]) -> None:
        self.kind = self.thing = thing
        self.key = key
        self.candidates = candidates
        super().__init__()


class NameProblem(enum.Enum):
    EMPTY = "empty"
    HAS_SLASH = "has_slash"
    TOO_LONG = "too_long"  # `limit`
    TAKEN = "taken"


class InvalidCodeName(AnnotatorError):
    kinds = (NameProblem,)

    def __init__(self, name: str, problem: NameProblem, limit: int = 0) -> None:
        self.name = name
        self.kind = self.problem = problem
        self.limit = limit
        super().__init__()


class DuplicateCodeName(InvalidCodeName):
    def __init__(self, name: str) -> None:
        super().__init__(name, NameProblem.TAKEN)


class SpanProblem(enum.Enum):
    OUTSIDE_TEXT = "outside_text"  # `start`, `end`, `length`
    EMPTY = "empty"  # `start`, `end`
    TEXT_CHANGED = "text_changed"  # `coding`: its quote no longer matches the text
    OUTSIDE_DOCUMENT = "outside_document"  # `coding`, in an incoming project


class InvalidSpan(AnnotatorError):
    """A coding position outside the text, empty, or whose quote does not match."""

    kinds = (SpanProblem,)

    def __init__(
        self,
        problem: SpanProblem,
        *,
        start: int = 0,
        end: int = 0,
        length: int = 0,
        coding: str = "",
    ) -> None:
        self.kind = self.problem = problem
        self.start = start
        self.end = end
        self.length = length
        self.coding = coding
        super().__init__()


class CodingProblem(enum.Enum):
    ALREADY_CODED = "already_coded"


class DuplicateCoding(AnnotatorError):
    kinds = (CodingProblem,)
    kind = CodingProblem.ALREADY_CODED

    def __init__(self, code_name: str, start: int, end: int) -> None:
        self.code_name = code_name
        self.start = start
        self.end = end
        super().__init__()


class QuoteProblem(enum.Enum):
    NOT_FOUND = "quote_not_found"
    SEVERAL = "quote_occurs_several_times"  # `occurrences`: each start offset


class QuoteNotFound(AnnotatorError):
    """A quote that does not occur in the document, or occurs more than once."""

    kinds = (QuoteProblem,)

    def __init__(self, quote: str, occurrences: list[int] | None = None) -> None:
        self.quote = quote
        self.occurrences = occurrences or []
        self.kind = QuoteProblem.SEVERAL if self.occurrences else QuoteProblem.NOT_FOUND
        super().__init__()


class ValueProblem(enum.Enum):
    """A value that does not fit; `field` and `value` say which, `other` any second value."""

    PARTIAL_DATE = "partial_date"  # not YYYY, YYYY-MM or YYYY-MM-DD
    FULL_DATE = "full_date"  # not YYYY-MM-DD
    DATE_RANGE = "date_range"  # `value` the from date, `other` the to date before it
    EMPTY_TITLE = "empty_title"
    EMPTY_CODER_NAME = "empty_coder_name"
    COLOUR = "colour"  # not #RRGGBB
    SHORTCUT_TAKEN = "shortcut_taken"  # `other`: the code that has it
    PARENT_INSIDE_CODE = "parent_inside_code"  # a code moved under itself
    MERGE_INTO_SUB_CODE = "merge_into_sub_code"
    CODE_HAS_CODINGS = "code_has_codings"  # a created code cannot be uncreated
    CODEBOOK_HAS_CODINGS = "codebook_has_codings"  # an imported codebook cannot be undone
    TOP_LEVEL_HAS_NO_PARENT = "top_level_has_no_parent"  # codings cannot move up
    TOO_FEW_CODERS = "too_few_coders"
    BAD_CODEBOOK_FILE = "bad_codebook_file"  # `detail`: the parser's message


class InvalidValue(AnnotatorError):
    """A field value that does not fit (a malformed date, colour, ...)."""

    kinds = (ValueProblem,)

    def __init__(
        self,
        problem: ValueProblem,
        value: object = "",
        *,
        field: str = "",
        other: str = "",
        detail: str = "",
    ) -> None:
        self.kind = self.problem = problem
        self.value = value
        self.field = field
        self.other = other
        self.detail = detail
        super().__init__()
