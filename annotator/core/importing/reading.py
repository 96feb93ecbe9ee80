"""Read a source's bytes safely, and what kind of file it is.

Sizes are checked before anything is parsed: a 50 MB web page or a 2 GB "text file"
is refused with a clear error instead of freezing the app.
"""

from __future__ import annotations

import enum
import errno
import os
from dataclasses import dataclass
from pathlib import Path

from annotator.core.importing import errors

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
_HINTS = {
    ".doc": "open it in Word or LibreOffice and save it as .docx",
    ".rtf": "open it in Word or LibreOffice and save it as .docx",
    ".pages": "export it from Pages as .docx",
    ".mhtml": "save the page as 'Web page, HTML only' instead",
    ".mht": "save the page as 'Web page, HTML only' instead",
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


@dataclass(frozen=True)
class Source:
    """The bytes of one file (or paste) exactly as received, before any decoding."""

    name: str  # how messages name it: the path, or "pasted text"
    data: bytes
    kind: Kind
    filename: str = ""  # the original file's name, kept with the document


def kind_of(path: Path) -> Kind:
    suffix = path.suffix.lower()
    kind = KINDS_BY_SUFFIX.get(suffix)
    if kind is None:
        raise errors.UnsupportedFormat(str(path), suffix, _HINTS.get(suffix, ""))
    return kind


def read_source(path: Path) -> Source:
    """Read a file whole, refusing what is missing, unreadable, empty or too large."""
    name = str(path)
    if not path.exists() and not path.is_symlink():
        raise errors.FileMissing(name)
    kind = kind_of(path)
    limit = SIZE_LIMITS[kind]
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise errors.TooLarge(name, size, limit)
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise errors.FileMissing(name) from None
    except IsADirectoryError:
        raise errors.FileUnreadable(name, "it is a folder") from None
    except PermissionError:
        raise errors.FileUnreadable(name, "permission denied") from None
    except OSError as exc:
        raise errors.FileUnreadable(name, _os_detail(exc)) from None
    if len(data) > limit:  # grew while we read it
        raise errors.TooLarge(name, len(data), limit)
    if not data.strip():
        raise errors.EmptyFile(name)
    return Source(name=name, data=data, kind=kind, filename=path.name)


def _os_detail(exc: OSError) -> str:
    if exc.errno is not None and exc.errno in errno.errorcode:
        return exc.strerror or errno.errorcode[exc.errno]
    return str(exc)
