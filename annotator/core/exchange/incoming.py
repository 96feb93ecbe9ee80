"""An incoming project: what a .qdpx, .qdc or other .annotator file holds, in memory.

Every reader produces one of these and nothing else; the merge works only on it, so
the open project never meets a foreign file directly. Readers are lenient and list
what they could not bring in; `report` travels with the model to the user.
"""

from __future__ import annotations

import enum
import re
import uuid
from dataclasses import dataclass, field

from annotator.core import text_controls
from annotator.core.codebook import DEFAULT_COLOR, MAX_NAME_LENGTH, PATH_SEPARATOR
from annotator.core.names import name_key, normal_name


class SkipReason(enum.Enum):
    """Why part of a file was not imported: each is worded by the faces."""

    UNSUPPORTED = "unsupported"  # Annotator cannot hold it (pictures, sets, ...)
    OUTSIDE_ARCHIVE = "outside_archive"  # points outside the archive; never read
    MISSING_FILE = "missing_file"  # refers to a file not in the archive
    TOO_LARGE = "too_large"  # over the import limit
    BAD_POSITION = "bad_position"  # positions outside its text
    DANGLING_REFERENCE = "dangling_reference"  # refers to something the file lacks
    UNREADABLE_TEXT = "unreadable_text"  # text that cannot be decoded
    INVALID_VALUE = "invalid_value"  # a value that does not fit


@dataclass(frozen=True)
class Skipped:
    """One thing in the file that was not imported, and why."""

    kind: str  # "picture", "audio", "coding", "case", ...
    name: str
    reason: SkipReason
    detail: str = ""


@dataclass
class ImportReport:
    not_imported: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    controls_removed: int = 0  # from names, titles, details and memos (`clean_incoming`)

    def skip(self, kind: str, name: str, reason: SkipReason, detail: str = "") -> None:
        self.not_imported.append(Skipped(kind, name, reason, detail))


@dataclass
class IncomingCoder:
    id: str
    name: str


@dataclass
class IncomingCode:
    """A code in tree order: a parent always comes before its children."""

    id: str
    name: str
    parent_id: str | None = None
    color: str = ""
    definition: str = ""
    memo: str = ""  # keyboard shortcuts stay with each laptop: they are never merged


@dataclass
class IncomingDocument:
    id: str
    title: str
    text: str  # already normalised (`documents.normalise_text`)
    provenance: dict[str, str] = field(default_factory=dict)  # documents.PROVENANCE_FIELDS
    original: bytes = b""
    original_filename: str = ""
    media_type: str = "text/plain"
    encoding: str = ""
    imported_at: str = ""
    imported_by: str | None = None


@dataclass
class IncomingCoding:
    id: str
    document_id: str
    code_id: str
    coder_id: str
    start: int
    end: int
    memo: str = ""
    created_at: str = ""


@dataclass
class IncomingFinished:
    document_id: str
    coder_id: str
    finished: bool
    updated_at: str


@dataclass
class IncomingProject:
    """Everything a file offers to a merge, with ids as the file gave them (normalised)."""

    source_name: str
    origin: str = ""
    coders: list[IncomingCoder] = field(default_factory=list)
    codes: list[IncomingCode] = field(default_factory=list)
    documents: list[IncomingDocument] = field(default_factory=list)
    codings: list[IncomingCoding] = field(default_factory=list)
    finished: list[IncomingFinished] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)


def normalise_guid(value: str | None) -> str | None:
    """A GUID in our form (lower case, no braces), or None if it is not one.

    REFI-QDA files write GUIDs in upper or lower case, with or without braces.
    """
    if not value:
        return None
    try:
        return str(uuid.UUID(value.strip().strip("{}")))
    except ValueError:
        return None


# Ids derived from names, so the same thing gets the same GUID in every export.
_NAMESPACE = uuid.UUID("6f1d0c52-61b4-4a0e-9b57-2f3f3c8a7e10")


def derived_guid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


_HEX_COLOR = re.compile(r"^#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")


def clean_codes(codes: list[IncomingCode], report: ImportReport) -> None:
    """Make foreign names and colours fit our codebook rules, saying what changed.

    Our names are unique across the codebook and contain no `/`; other tools allow
    both, so a repeated name gets a number and a `/` becomes `-`.
    """
    taken: set[str] = set()
    for code in codes:
        original = code.name
        name = normal_name(" ".join(code.name.split()).replace(PATH_SEPARATOR, "-"))
        name = name[:MAX_NAME_LENGTH]
        name = name.strip() or "Unnamed code"
        base, number = name, 2
        while name_key(name) in taken:
            suffix = f" ({number})"
            name = base[: MAX_NAME_LENGTH - len(suffix)] + suffix
            number += 1
        taken.add(name_key(name))
        if name != original:
            report.warnings.append(f"code {original!r} was renamed {name!r}")
        code.name = name
        color = code.color.strip()
        if _HEX_COLOR.match(color):
            if len(color) == 4:
                color = "#" + "".join(ch * 2 for ch in color[1:])
            code.color = color.upper()
        else:
            if color:
                report.warnings.append(f"code {name!r}: colour {color!r} replaced")
            code.color = DEFAULT_COLOR


def clean_incoming(incoming: IncomingProject) -> int:
    """Take control characters out of every name, title, detail and memo a file brings.

    Another tool's file (or a hand-edited project) may carry them, and they would break
    our exports and the terminal as they did from the command line (issue 18). Texts
    stay as they are: positions count on them. Returns how many were removed, which the
    report carries and the merge records.
    """
    removed = 0

    def clean(value: str) -> str:
        nonlocal removed
        cleaned = text_controls.without_controls(value)
        removed += cleaned.removed
        return cleaned.text

    for coder in incoming.coders:
        coder.name = clean(coder.name)
    for code in incoming.codes:
        code.name, code.definition, code.memo = (
            clean(code.name),
            clean(code.definition),
            clean(code.memo),
        )
    for document in incoming.documents:
        document.title = clean(document.title)
        document.original_filename = clean(document.original_filename)
        document.provenance = {key: clean(value) for key, value in document.provenance.items()}
    for coding in incoming.codings:
        coding.memo = clean(coding.memo)
    incoming.report.controls_removed += removed
    return removed
