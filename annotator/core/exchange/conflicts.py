"""What a merge plan says: the conflicts found, the choices made, and what will be written.

A plan is built by `merge_plan.plan_merge` for the choices made so far and carried out
by `merge.apply_merge`; the faces show it, word each conflict, and collect choices.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from annotator.core.exchange.incoming import (
    ImportReport,
    IncomingCode,
    IncomingCoder,
    IncomingCoding,
    IncomingDocument,
    IncomingFinished,
)


class ConflictKind(enum.Enum):
    CODE_DETAILS = "code details"  # same code: another name, colour, definition or memo
    CODE_PLACE = "code place"  # same code under another parent
    DOCUMENT_TEXT = "document text"  # same document id, different text
    DOCUMENT_DETAILS = "document details"  # same document: other title or provenance
    CODER_NAME = "coder name"  # same name, another id (or same id, another name)
    CODING_CHANGED = "coding changed"  # same coding id: another code or memo


class Choice(enum.Enum):
    """Keep what the open project has, or take what the file has."""

    OURS = "ours"
    THEIRS = "theirs"


@dataclass(frozen=True)
class Conflict:
    """One disagreement between the project and the file; `key` names it for choices."""

    key: str
    kind: ConflictKind
    subject: str
    ours: dict[str, str]
    theirs: dict[str, str]


@dataclass
class MergePlan:
    """What a merge would do. Built for given choices; `unresolved` must be empty to apply."""

    source_name: str
    report: ImportReport
    conflicts: list[Conflict] = field(default_factory=list)
    choices: dict[str, Choice] = field(default_factory=dict)
    coder_map: dict[str, str] = field(default_factory=dict)  # their id -> our id
    new_coders: list[IncomingCoder] = field(default_factory=list)
    renamed_coders: dict[str, str] = field(default_factory=dict)  # our id -> new name
    code_map: dict[str, str] = field(default_factory=dict)
    code_matches: dict[str, str] = field(default_factory=dict)  # their id -> "id"/"path"/"name"
    new_codes: list[IncomingCode] = field(default_factory=list)
    code_updates: dict[str, dict[str, str]] = field(default_factory=dict)  # our id -> values
    code_moves: dict[str, str | None] = field(default_factory=dict)  # our id -> new parent
    document_map: dict[str, str] = field(default_factory=dict)
    document_matches: dict[str, str] = field(default_factory=dict)  # "id"/"text"
    new_documents: list[IncomingDocument] = field(default_factory=list)
    document_updates: dict[str, dict[str, str]] = field(default_factory=dict)
    new_codings: list[IncomingCoding] = field(default_factory=list)  # in our ids
    coding_updates: dict[str, dict[str, str]] = field(default_factory=dict)
    duplicate_codings: int = 0
    skipped_codings: int = 0  # on a document whose version was kept out
    finished: list[IncomingFinished] = field(default_factory=list)  # in our ids

    @property
    def unresolved(self) -> list[Conflict]:
        return [c for c in self.conflicts if c.key not in self.choices]

    @property
    def changes_anything(self) -> bool:
        return any(
            (
                self.new_coders,
                self.renamed_coders,
                self.new_codes,
                self.code_updates,
                self.code_moves,
                self.new_documents,
                self.document_updates,
                self.new_codings,
                self.coding_updates,
                self.finished,
            )
        )
