"""Why one file could not be imported: typed, with the data a message needs.

Every error names its source (a path, or "pasted text") so a bulk import can list
each failure by name; the UI and CLI word them by kind (`ImportProblem`). `detail` is
technical text (a parser's message, an archive member's name), never words of ours.
"""

from __future__ import annotations

import enum
from typing import ClassVar

from annotator.core.errors import AnnotatorError
from annotator.core.os_problems import FileType, OsProblem


class ImportProblem(enum.Enum):
    """What kept one source out; one per class below."""

    CANNOT_IMPORT = "cannot_import"  # `cause`: the refusal behind it, if any
    MISSING = "missing"
    UNREADABLE = "unreadable"  # `system`
    EMPTY = "empty"
    NO_TEXT = "no_text"  # `cleaned`: the clean-up left nothing
    NO_TEXT_LAYER = "no_text_layer"
    NOT_TEXT = "not_text"
    PASSWORD_PROTECTED = "password_protected"
    DAMAGED = "damaged"  # `file_format`
    UNSAFE = "unsafe"
    TOO_LARGE = "too_large"  # `size`, `limit`, `xml`
    NOT_A_FILE = "not_a_file"  # `file_type`
    UNSUPPORTED_FORMAT = "unsupported_format"  # `suffix`, `advice`
    UNKNOWN_ENCODING = "unknown_encoding"  # `encoding`
    WRONG_ENCODING = "wrong_encoding"  # `encoding`, `position`
    NOT_STORED = "not_stored"  # `cause`
    OUT_OF_MEMORY = "out_of_memory"


class FormatAdvice(enum.Enum):
    """What to do with a file of a kind Annotator does not read, where something helps."""

    SAVE_AS_DOCX = "save_as_docx"  # .doc, .rtf
    EXPORT_AS_DOCX = "export_from_pages_as_docx"  # .pages
    SAVE_AS_HTML_ONLY = "save_as_html_only"  # .mhtml


class Unsafe(enum.Enum):
    """Why an archive was refused before it was unpacked."""

    TOO_MANY_PARTS = "too_many_parts"  # `count`
    UNPACKS_TOO_LARGE = "unpacks_too_large"  # `size`: bytes once unpacked
    COMPRESSED_TOO_MUCH = "compressed_too_much"  # `part`, `count`: the ratio
    XML_DECLARATIONS = "xml_declarations"  # `part`: a DTD or entities


class ImportFailed(AnnotatorError):
    """One source could not become a document; nothing of it was stored."""

    kinds: ClassVar[tuple[type[enum.Enum], ...]] = (ImportProblem, OsProblem)
    kind: ImportProblem = ImportProblem.CANNOT_IMPORT

    def __init__(
        self,
        source: str,
        detail: str = "",
        *,
        cause: AnnotatorError | None = None,
        system: OsProblem | None = None,
    ) -> None:
        self.source = source
        self.detail = detail
        self.cause = cause
        self.system = system
        super().__init__()


class FileMissing(ImportFailed):
    kind = ImportProblem.MISSING


class FileUnreadable(ImportFailed):
    kind = ImportProblem.UNREADABLE


class EmptyFile(ImportFailed):
    kind = ImportProblem.EMPTY


class NoText(ImportFailed):
    kind = ImportProblem.NO_TEXT

    def __init__(self, source: str, *, cleaned: bool = False) -> None:
        self.cleaned = cleaned
        super().__init__(source)


class NoTextLayer(ImportFailed):
    kind = ImportProblem.NO_TEXT_LAYER


class NotText(ImportFailed):
    kind = ImportProblem.NOT_TEXT


class PasswordProtected(ImportFailed):
    kind = ImportProblem.PASSWORD_PROTECTED


class DamagedFile(ImportFailed):
    """A file whose format is known (`file_format`: Word, PDF, ...) but whose content
    is broken; `part` names the archive part that is `missing` or cannot be read."""

    kind = ImportProblem.DAMAGED

    def __init__(
        self,
        source: str,
        file_format: str,
        detail: str = "",
        *,
        part: str = "",
        missing: bool = False,
    ) -> None:
        self.file_format = file_format
        self.part = part
        self.missing = missing
        super().__init__(source, detail)


class UnsafeFile(ImportFailed):
    """Refused before parsing: a zip bomb, XML entities, absurd sizes."""

    kind = ImportProblem.UNSAFE
    kinds = (*ImportFailed.kinds, Unsafe)

    def __init__(
        self, source: str, why: Unsafe, *, part: str = "", count: int = 0, size: int = 0
    ) -> None:
        self.why = why
        self.part = part
        self.count = count
        self.size = size
        super().__init__(source)


class TooLarge(ImportFailed):
    """Over the one size limit of its kind of source; `size` is None for a stream.

    With `xml`, the limit is that of an office file's XML parts once unpacked.
    """

    kind = ImportProblem.TOO_LARGE

    def __init__(self, source: str, size: int | None, limit: int, *, xml: bool = False) -> None:
        self.size = size
        self.limit = limit
        self.xml = xml
        super().__init__(source)


class NotAFile(ImportFailed):
    """Not a regular file: never opened (a pipe would block the import for ever)."""

    kind = ImportProblem.NOT_A_FILE
    kinds = (*ImportFailed.kinds, FileType)

    def __init__(self, source: str, file_type: FileType) -> None:
        self.file_type = file_type
        super().__init__(source)


class UnsupportedFormat(ImportFailed):
    kind = ImportProblem.UNSUPPORTED_FORMAT
    kinds = (*ImportFailed.kinds, FormatAdvice)

    def __init__(self, source: str, suffix: str, advice: FormatAdvice | None = None) -> None:
        self.suffix = suffix
        self.advice = advice
        super().__init__(source)


class UnknownEncoding(ImportFailed):
    kind = ImportProblem.UNKNOWN_ENCODING

    def __init__(self, source: str, encoding: str) -> None:
        self.encoding = encoding
        super().__init__(source)


class WrongEncoding(ImportFailed):
    """The chosen (or declared) encoding does not fit the bytes."""

    kind = ImportProblem.WRONG_ENCODING

    def __init__(self, source: str, encoding: str, position: int) -> None:
        self.encoding = encoding
        self.position = position
        super().__init__(source)


class NotStored(ImportFailed):
    """Read fine, but the project could not be written (locked, full disk, read-only)."""

    kind = ImportProblem.NOT_STORED


class OutOfMemory(ImportFailed):
    kind = ImportProblem.OUT_OF_MEMORY
