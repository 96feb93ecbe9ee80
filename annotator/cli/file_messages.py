"""The command line's words for files it could not use: imports, merges, and what the
system said. Part of `cli.messages`, which is the one door to them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.core.exchange.errors import (
    ExchangeFileError,
    FileProblem,
    MergeConflicts,
    MergeUndoUnavailable,
    UndoProblem,
)
from annotator.core.importing import errors as imports
from annotator.core.importing.errors import FormatAdvice, ImportProblem, Unsafe
from annotator.core.input_files import InputProblem, InputRefused
from annotator.core.os_problems import FileType, OsProblem

SYSTEM = {
    OsProblem.NOT_FOUND: "no such file or folder",
    OsProblem.NO_PERMISSION: "no permission",
    OsProblem.READ_ONLY: "the file or its folder is read-only",
    OsProblem.DISK_FULL: "the disk is full",
    OsProblem.IN_USE: "it is in use by another window or program",
    OsProblem.IS_FOLDER: "a folder of that name is in the way",
    OsProblem.NOT_A_FOLDER: "a part of its path is a file, not a folder",
    OsProblem.NAME_TOO_LONG: "the name is too long",
    OsProblem.CANNOT_OPEN: "the file or its folder cannot be opened for writing",
    OsProblem.DEVICE_ERROR: "a disk input/output error",
    OsProblem.OTHER: "the system refused it",
}

FILE_TYPES = {
    FileType.REGULAR: "file that was replaced while it was being opened",
    FileType.FOLDER: "folder",
    FileType.PIPE: "named pipe",
    FileType.DEVICE: "device",
    FileType.SOCKET: "socket",
    FileType.OTHER: "special file",
}

EXCHANGE = {
    FileProblem.NOT_FOUND: "no such file",
    FileProblem.UNREADABLE: "the file cannot be read",
    FileProblem.NOT_A_FILE: "is not a regular file",
    FileProblem.UNKNOWN_TYPE: "is not a .qdpx, .qdc or .annotator file",
    FileProblem.NOT_A_ZIP: "is not a REFI-QDA project archive (a .qdpx file is a ZIP archive)",
    FileProblem.UNSAFE_NAME: (
        "contains a file whose name points outside the archive; refused for safety"
    ),
    FileProblem.TOO_LARGE: (
        "unpacks to more data than is safe to import (a damaged file or a zip bomb)"
    ),
    FileProblem.TOO_MANY_FILES: "contains more files than a project archive can have",
    FileProblem.NO_PROJECT: "contains no project.qde",
    FileProblem.MALFORMED_XML: "is not well-formed XML",
    FileProblem.FORBIDDEN_XML: "uses a DTD or XML entities, which are refused for safety",
    FileProblem.NOT_REFI: "is not a REFI-QDA file (unexpected root element)",
    FileProblem.INVALID_CONTENT: "holds a value that does not fit",
    FileProblem.DAMAGED: "is damaged and cannot be read",
    FileProblem.NOT_A_PROJECT: "is not an Annotator project",
    FileProblem.ENCRYPTED: (
        "looks encrypted; open it with its passphrase and save an unencrypted copy to merge"
    ),
    FileProblem.NEWER_PROJECT: (
        "was written by a newer version of Annotator; update the app to merge it"
    ),
    FileProblem.FOREIGN_PROJECT: (
        "is an Annotator project with parts Annotator never writes; refused"
    ),
    FileProblem.EMPTY_CODEBOOK: "the codebook is empty; nothing to export",
    FileProblem.CODES_TOO_DEEP: "its codes are nested more than {count} levels deep",
}

UNDO = {
    UndoProblem.PROJECT_CHANGED: "the project has changed since the merge",
    UndoProblem.BACKUP_MISSING: "the pre-merge backup is missing",
}

IMPORTS = {
    ImportProblem.CANNOT_IMPORT: "cannot be imported",
    ImportProblem.MISSING: "no such file (was it moved or deleted?)",
    ImportProblem.UNREADABLE: "cannot be read (no permission, or a disk or network problem)",
    ImportProblem.EMPTY: "is empty",
    ImportProblem.NO_TEXT: "contains no text to import",
    ImportProblem.NO_TEXT_LAYER: (
        "has no text layer, probably a scanned image; run OCR on it elsewhere "
        "(for example with OCRmyPDF) and import the result"
    ),
    ImportProblem.NOT_TEXT: "does not look like text (binary data?)",
    ImportProblem.PASSWORD_PROTECTED: (
        "is password-protected; save an unprotected copy and import that"
    ),
    ImportProblem.DAMAGED: (
        "is not a readable {file_format} file (damaged, or really another format)"
    ),
    ImportProblem.UNSAFE: "was refused as unsafe",
    ImportProblem.TOO_LARGE: (
        "is too large to import ({size_mb:.1f} MB; the limit for this kind of "
        "source is {limit_mb:.0f} MB)"
    ),
    ImportProblem.NOT_A_FILE: "is not a regular file; only regular files are imported",
    ImportProblem.UNSUPPORTED_FORMAT: (
        "is not a format Annotator imports ({suffix}); use .txt, .md, .html, .docx, .odt or .pdf"
    ),
    ImportProblem.UNKNOWN_ENCODING: "cannot be read: {encoding!r} is not a known text encoding",
    ImportProblem.WRONG_ENCODING: (
        "is not valid {encoding} (first bad byte at offset {position}); choose another encoding"
    ),
    ImportProblem.NOT_STORED: "could not be written to the project",
    ImportProblem.OUT_OF_MEMORY: "cannot be imported (not enough memory to read it)",
}

NOT_A_FILE = {
    FileType.FOLDER: "is a folder holding no file Annotator imports",
    FileType.PIPE: "is a named pipe, not a file; only regular files are imported",
    FileType.DEVICE: "is a device, not a file; only regular files are imported",
    FileType.SOCKET: "is a socket, not a file; only regular files are imported",
    FileType.OTHER: "is not a regular file; only regular files are imported",
    FileType.REGULAR: "was replaced while it was being opened",
}

ADVICE = {
    FormatAdvice.SAVE_AS_DOCX: "open it in Word or LibreOffice and save it as .docx",
    FormatAdvice.EXPORT_AS_DOCX: "export it from Pages as .docx",
    FormatAdvice.SAVE_AS_HTML_ONLY: "save the page as 'Web page, HTML only' instead",
}

UNSAFE = {
    Unsafe.TOO_MANY_PARTS: "it holds {count} parts",
    Unsafe.UNPACKS_TOO_LARGE: "it would unpack to {size_mb:.0f} MB",
    Unsafe.COMPRESSED_TOO_MUCH: "{part} is compressed {count} times (a zip bomb?)",
    Unsafe.XML_DECLARATIONS: "{part} uses a DTD or XML entities",
}

INPUTS = {
    InputProblem.MISSING: "no such file",
    InputProblem.NOT_REGULAR: "is not a regular file",
    InputProblem.UNREADABLE: "cannot be read",
    InputProblem.TOO_LARGE: "is larger than the limit",
}


def system_phrase(problem: OsProblem) -> str:
    return SYSTEM[problem]


def file_type_phrase(file_type: FileType) -> str:
    return FILE_TYPES[file_type]


def unreadable_phrase(system: OsProblem | None, file_type: FileType | None) -> str:
    """Why an input file was not read, after its name."""
    if file_type is not None:
        return f"is not a regular file (a {FILE_TYPES[file_type]})"
    return "cannot be read" + (f" ({SYSTEM[system]})" if system else "")


def _exchange(exc: ExchangeFileError) -> str:
    text = f"{exc.path}: {EXCHANGE[exc.problem].format(count=exc.count)}"
    why = [
        f"a {FILE_TYPES[exc.file_type]}" if exc.file_type else "",
        SYSTEM[exc.system] if exc.system else "",
        f"{exc.count} files" if exc.problem is FileProblem.TOO_MANY_FILES else "",
        exc.detail,
    ]
    return text + "".join(f" ({part})" for part in why if part)


def _conflicts(exc: MergeConflicts) -> str:
    plural = "s" if exc.count != 1 else ""
    return (
        f"{exc.count} conflict{plural} need a choice (--on-conflict ours|theirs); "
        "nothing was changed"
    )


def _undo(exc: MergeUndoUnavailable) -> str:
    text = f"the merge cannot be undone: {UNDO[exc.reason]}"
    if exc.backup is not None:
        text += f"; the pre-merge backup is still at {exc.backup}"
    return text


def import_reason(exc: imports.ImportFailed) -> str:
    """Why one source was not imported, after its name."""
    reason = IMPORTS[exc.kind].format(
        file_format=getattr(exc, "file_format", ""),
        size_mb=(getattr(exc, "size", 0) or 0) / 1e6,
        limit_mb=getattr(exc, "limit", 0) / 1e6,
        suffix=getattr(exc, "suffix", "") or "a file without extension",
        encoding=getattr(exc, "encoding", ""),
        position=getattr(exc, "position", 0),
    )
    if isinstance(exc, imports.TooLarge) and exc.size is None:
        reason = f"is too large to import (over the {exc.limit / 1e6:.0f} MB limit)"
    elif isinstance(exc, imports.TooLarge) and exc.xml:
        reason = (
            f"is too large to import (its XML unpacks to {(exc.size or 0) / 1e6:.1f} MB; "
            f"the limit is {exc.limit / 1e6:.0f} MB)"
        )
    elif isinstance(exc, imports.NotAFile):
        reason = NOT_A_FILE[exc.file_type]
    elif isinstance(exc, imports.NoText) and exc.cleaned:
        reason += " (the clean-up left nothing)"
    why = [
        ADVICE[exc.advice] if isinstance(exc, imports.UnsupportedFormat) and exc.advice else "",
        _unsafe(exc) if isinstance(exc, imports.UnsafeFile) else "",
        _damaged(exc) if isinstance(exc, imports.DamagedFile) else exc.detail,
        SYSTEM[exc.system] if exc.system else "",
        _cause(exc.cause) if exc.cause else "",
    ]
    return reason + "".join(f" ({part})" for part in why if part)


def _unsafe(exc: imports.UnsafeFile) -> str:
    return UNSAFE[exc.why].format(part=exc.part, count=exc.count, size_mb=exc.size / 1e6)


def _damaged(exc: imports.DamagedFile) -> str:
    if exc.missing:
        return f"{exc.part} is missing"
    return f"{exc.part}: {exc.detail}" if exc.part else exc.detail


def _cause(exc: Any) -> str:
    from annotator.cli import messages

    return messages.describe(exc)


def _import(exc: imports.ImportFailed) -> str:
    return f"{exc.source}: {import_reason(exc)}"


def _input(exc: InputRefused) -> str:
    text = f"{exc.name}: {INPUTS[exc.problem]}"
    if exc.file_type is not None:
        text += f" (a {FILE_TYPES[exc.file_type]})"
    if exc.system is not None:
        text += f" ({SYSTEM[exc.system]})"
    return text


FAMILIES: list[tuple[type[Any], Callable[[Any], str]]] = [
    (ExchangeFileError, _exchange),
    (MergeConflicts, _conflicts),
    (MergeUndoUnavailable, _undo),
    (imports.ImportFailed, _import),
    (InputRefused, _input),
]
