"""Why one file could not be imported: typed, with the data a message needs.

Every error names its source (a path, or "pasted text") so a bulk import can list
each failure by name; the UI and CLI word them. `str()` is a plain English line.
"""

from __future__ import annotations

from annotator.core.errors import AnnotatorError
from annotator.core.input_files import FileType


class ImportFailed(AnnotatorError):
    """One source could not become a document; nothing of it was stored."""

    reason = "cannot be imported"

    def __init__(self, source: str, detail: str = "") -> None:
        self.source = source
        self.detail = detail
        message = f"{source}: {self.reason}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class FileMissing(ImportFailed):
    reason = "no such file (was it moved or deleted?)"


class FileUnreadable(ImportFailed):
    reason = "cannot be read (no permission, or a disk or network problem)"


class EmptyFile(ImportFailed):
    reason = "is empty"


class NoText(ImportFailed):
    reason = "contains no text to import"


class NoTextLayer(ImportFailed):
    reason = (
        "has no text layer, probably a scanned image; run OCR on it elsewhere "
        "(for example with OCRmyPDF) and import the result"
    )


class NotText(ImportFailed):
    reason = "does not look like text (binary data?)"


class PasswordProtected(ImportFailed):
    reason = "is password-protected; save an unprotected copy and import that"


class DamagedFile(ImportFailed):
    """A file whose format is known but whose content is broken."""

    def __init__(self, source: str, kind: str, detail: str = "") -> None:
        self.kind = kind
        self.reason = f"is not a readable {kind} file (damaged, or really another format)"
        super().__init__(source, detail)


class UnsafeFile(ImportFailed):
    """Refused before parsing: a zip bomb, XML entities, absurd sizes."""

    reason = "was refused as unsafe"


class TooLarge(ImportFailed):
    """Over the one size limit of its kind of source; `size` is None for a stream.

    With `xml`, the limit is that of an office file's XML parts once unpacked.
    """

    def __init__(self, source: str, size: int | None, limit: int, *, xml: bool = False) -> None:
        self.size = size
        self.limit = limit
        self.xml = xml
        if xml and size is not None:
            self.reason = (
                f"is too large to import (its XML unpacks to {size / 1e6:.1f} MB; the limit "
                f"is {limit / 1e6:.0f} MB)"
            )
        elif size is None:
            self.reason = f"is too large to import (over the {limit / 1e6:.0f} MB limit)"
        else:
            self.reason = (
                f"is too large to import ({size / 1e6:.1f} MB; the limit for this kind of "
                f"source is {limit / 1e6:.0f} MB)"
            )
        super().__init__(source)


_NOT_A_FILE = {
    FileType.FOLDER: "is a folder holding no file Annotator imports",
    FileType.PIPE: "is a named pipe, not a file; only regular files are imported",
    FileType.DEVICE: "is a device, not a file; only regular files are imported",
    FileType.SOCKET: "is a socket, not a file; only regular files are imported",
    FileType.OTHER: "is not a regular file; only regular files are imported",
    FileType.REGULAR: "was replaced while it was being opened",
}


class NotAFile(ImportFailed):
    """Not a regular file: never opened (a pipe would block the import for ever)."""

    def __init__(self, source: str, file_type: FileType) -> None:
        self.file_type = file_type
        self.reason = _NOT_A_FILE[file_type]
        super().__init__(source)


class UnsupportedFormat(ImportFailed):
    def __init__(self, source: str, suffix: str, hint: str = "") -> None:
        self.suffix = suffix
        self.hint = hint
        kind = suffix or "a file without extension"
        self.reason = (
            f"is not a format Annotator imports ({kind}); use .txt, .md, .html, .docx, .odt or .pdf"
        )
        super().__init__(source, hint)


class UnknownEncoding(ImportFailed):
    def __init__(self, source: str, encoding: str) -> None:
        self.encoding = encoding
        self.reason = f"cannot be read: {encoding!r} is not a known text encoding"
        super().__init__(source)


class WrongEncoding(ImportFailed):
    """The chosen (or declared) encoding does not fit the bytes."""

    def __init__(self, source: str, encoding: str, position: int) -> None:
        self.encoding = encoding
        self.position = position
        self.reason = (
            f"is not valid {encoding} (first bad byte at offset {position}); "
            "choose another encoding"
        )
        super().__init__(source)


class NotStored(ImportFailed):
    """Read fine, but the project could not be written (locked, full disk, read-only)."""

    reason = "could not be written to the project"
