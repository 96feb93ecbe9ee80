"""Read a source's bytes safely, and what kind of file it is.

Sizes are checked before anything is parsed: a 50 MB web page or a 2 GB "text file"
is refused with a clear error instead of freezing the app. Files are opened through
the input guard (`core.input_files`): regular files only, reads capped at the limit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from annotator.core import input_files
from annotator.core.importing import errors
from annotator.core.input_files import InputProblem, InputRefused, shown_name
from annotator.core.os_problems import FileType

MB = 1_000_000


class Kind(enum.Enum):
    """A format Annotator imports, with its media type."""

    TEXT = "text/plain"
    MARKDOWN = "text/markdown"
    HTML = "text/html"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ODT = "application/vnd.oasis.opendocument.text"
    PDF = "application/pdf"

    @property
    def media_type(self) -> str:
        return self.value

    @property
    def is_text(self) -> bool:
        """Plain bytes in some text encoding (so the encoding can be chosen)."""
        return self in (Kind.TEXT, Kind.MARKDOWN, Kind.HTML)


KINDS_BY_SUFFIX = {
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".md": Kind.MARKDOWN,
    ".markdown": Kind.MARKDOWN,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".docx": Kind.DOCX,
    ".odt": Kind.ODT,
    ".pdf": Kind.PDF,
}
SUPPORTED_SUFFIXES = tuple(KINDS_BY_SUFFIX)

# What to do with formats people often have but we do not read.
_ADVICE = {
    ".doc": errors.FormatAdvice.SAVE_AS_DOCX,
    ".rtf": errors.FormatAdvice.SAVE_AS_DOCX,
    ".pages": errors.FormatAdvice.EXPORT_AS_DOCX,
    ".mhtml": errors.FormatAdvice.SAVE_AS_HTML_ONLY,
    ".mht": errors.FormatAdvice.SAVE_AS_HTML_ONLY,
}

# Larger files are refused before they are parsed (a saved web page of 20 MB is
# already mostly inline images; office files and PDFs carry pictures we ignore).
SIZE_LIMITS = {
    Kind.TEXT: 20 * MB,
    Kind.MARKDOWN: 20 * MB,
    Kind.HTML: 20 * MB,
    Kind.DOCX: 100 * MB,
    Kind.ODT: 100 * MB,
    Kind.PDF: 200 * MB,
}


# The one size limit of each source, read at most to the limit plus one byte: a file
# of this kind, or the same kind piped in (`import --stdin`) or pasted (plain text).
PASTED_LIMIT = SIZE_LIMITS[Kind.TEXT]

# Office files are zip archives of XML, and parsed XML costs far more memory than its
# size: up to 18 times in python-docx (a 150 MB document.xml took 2.6 GB, issue 18) and
# up to 47 times in odfpy. So the XML parts of one file, all together, have a limit of
# their own (docs/reliability.md has the figures); `safe_zip` checks it from the
# archive's directory, and zipfile never unpacks more than a member's declared size.
XML_PARTS_LIMITS = {Kind.DOCX: 32 * MB, Kind.ODT: 12 * MB}


@dataclass(frozen=True)
class Source:
    """The bytes of one file (or paste) exactly as received, before any decoding."""

    name: str  # how messages name it: the path, or "pasted text" (always valid text)
    data: bytes
    kind: Kind
    filename: str = ""  # the original file's name, kept with the document
    name_escaped: bool = False  # the file's name was not UTF-8; odd bytes shown as \xNN


def kind_of(path: Path) -> Kind:
    suffix = path.suffix.lower()
    kind = KINDS_BY_SUFFIX.get(suffix)
    if kind is None:
        raise errors.UnsupportedFormat(shown_name(path), suffix, _ADVICE.get(suffix))
    return kind


def read_source(path: Path) -> Source:
    """Read a regular file whole, refusing what is missing, unreadable, empty or too large.

    Only a regular file is opened (a named pipe would block for ever); a folder given
    here is one that held nothing to import.
    """
    name = shown_name(path)
    try:
        found = input_files.kind_of_path(path)
        if found is not FileType.REGULAR:
            raise errors.NotAFile(name, found)
        kind = kind_of(path)
        data = input_files.read_regular_file(path, SIZE_LIMITS[kind])
    except InputRefused as refused:
        raise import_error(refused) from None
    if not data.strip():
        raise errors.EmptyFile(name)
    return Source(
        name=name,
        data=data,
        kind=kind,
        filename=shown_name(path.name),
        name_escaped=input_files.name_is_escaped(path),
    )


def read_stream(stream: BinaryIO, name: str, kind: Kind = Kind.TEXT) -> bytes:
    """A piped source's bytes, at most its kind's limit (`yes |` is refused, not read)."""
    try:
        return input_files.read_capped(stream, name, SIZE_LIMITS[kind])
    except InputRefused as refused:
        raise import_error(refused) from None


def import_error(refused: InputRefused) -> errors.ImportFailed:
    """The import's own error for a file the input guard would not read."""
    if refused.problem is InputProblem.MISSING:
        return errors.FileMissing(refused.name)
    if refused.problem is InputProblem.NOT_REGULAR:
        return errors.NotAFile(refused.name, refused.file_type or FileType.OTHER)
    if refused.problem is InputProblem.TOO_LARGE:
        return errors.TooLarge(refused.name, refused.size, refused.limit)
    return errors.FileUnreadable(refused.name, system=refused.system)
