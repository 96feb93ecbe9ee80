"""What an import reports: imported, duplicates, failed with reason, and progress."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from annotator.core.changes import Change
from annotator.core.ids import DocumentId
from annotator.core.importing.cleanup import Removal
from annotator.core.importing.errors import ImportFailed
from annotator.core.importing.notices import Notice


@dataclass(frozen=True)
class Imported:
    source: str
    document_id: DocumentId
    title: str
    encoding: str
    text_sha256: str
    removed: tuple[Removal, ...]  # what the clean-up took out
    notices: tuple[Notice, ...] = ()  # what was changed on the way in, not refused


@dataclass(frozen=True)
class Duplicate:
    """Same text as a document already in the project (or earlier in this import)."""

    source: str
    existing_id: DocumentId
    existing_title: str


@dataclass(frozen=True)
class Failed:
    source: str
    error: ImportFailed


@dataclass
class ImportReport:
    imported: list[Imported] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files in folders we do not read
    not_reached: list[str] = field(default_factory=list)  # left when cancelled
    cancelled: bool = False
    change: Change | None = None  # undoes the whole import

    @property
    def ok(self) -> bool:
        return not self.failed


class Outcome(enum.Enum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    source: str  # the item just handled
    outcome: Outcome
    imported: int
    duplicates: int
    failed: int
