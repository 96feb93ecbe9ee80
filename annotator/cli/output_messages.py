"""The command line's words for what it writes and the codebook files it reads: a file
not written, a value an export cannot hold, a stopped export, a codebook CSV refused.
Part of `cli.messages`, which is the one door to them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.cli.file_messages import unreadable_phrase
from annotator.core.exports.errors import CodebookFileProblem as Codebook
from annotator.core.exports.errors import ExportCancelled, InvalidCodebookFile
from annotator.core.storage.write_errors import OutputUnwritable, WriteProblem
from annotator.core.unwritable import TextPlace, UnwritableText

WRITES = {
    WriteProblem.NO_FOLDER: "the folder does not exist",
    WriteProblem.NO_PERMISSION: "no permission to write there (read-only folder or file)",
    WriteProblem.IN_USE: "the file is open in another program; close it and try again",
    WriteProblem.DISK_FULL: "the disk is full",
    WriteProblem.IS_FOLDER: "a folder of that name is in the way",
    WriteProblem.TARGET_CHANGED: "the target was replaced while it was written",
    WriteProblem.OTHER: "the file cannot be written",
    WriteProblem.NOT_A_FILE: "it is not a regular file (a device, a pipe or a socket)",
    WriteProblem.OPEN_PROJECT: "it is the open project or one of its working files",
    WriteProblem.PROJECT_BACKUP: "it is a backup of the open project",
    WriteProblem.A_PROJECT: "it is an Annotator project",
}

PLACES = {
    TextPlace.CODE_NAME: "the name of code",
    TextPlace.CODE_DEFINITION: "the definition of code",
    TextPlace.CODE_MEMO: "the memo of code",
    TextPlace.CODER_NAME: "the name of coder",
    TextPlace.DOCUMENT_TITLE: "the title of document",
    TextPlace.DOCUMENT_DETAIL: "a detail of document",
    TextPlace.DOCUMENT_MEMO: "the memo of document",
    TextPlace.CODING_MEMO: "the memo of a coding in document",
    TextPlace.OTHER: "a value written to",
}

CODEBOOK_FILES = {
    Codebook.NOT_FOUND: "cannot be read (no such file)",
    Codebook.TOO_LARGE: "is too large for a codebook (over {limit_mb:.0f} MB)",
    Codebook.NOT_TEXT: "is not a text file (CSV expected)",
    Codebook.NOT_UTF16: "is not valid UTF-16 text ({detail})",
    Codebook.NOT_CSV: "not a readable CSV file ({detail})",
    Codebook.SEVERAL_PATH_COLUMNS: "has more than one of the columns {value}; keep one",
    Codebook.NO_PATH_COLUMN: "has no 'tag', 'name' or 'path' column for the code paths",
    Codebook.EMPTY_PATH: "a code path is empty",
    Codebook.EMPTY_LEVEL: "code path {code!r} has an empty level",
    Codebook.NAME_TOO_LONG: "code name {code!r}... is longer than {count}",
    Codebook.BAD_COLOUR: "colour {value!r} is not #RRGGBB",
    Codebook.LISTED_TWICE: "code {code!r} is listed twice (line {count})",
    Codebook.NAME_TAKEN: (
        "code {code!r} cannot be added: the name {value!r} is already used by {other!r} "
        "(code names are unique)"
    ),
    Codebook.NO_CODES: "holds no codes",
}


def _unwritable(exc: OutputUnwritable) -> str:
    verb = "refused to write there" if exc.problem.refused else "cannot write the file"
    text = f"{exc.path}: {verb}: {WRITES[exc.problem]}"
    return text + (f" ({exc.detail})" if exc.detail else "")


def _unwritable_text(exc: UnwritableText) -> str:
    where = f"{PLACES[exc.place]} {exc.owner!r}" + (f" ({exc.field})" if exc.field else "")
    return (
        f"{where} holds the control character U+{ord(exc.character):04X}, which Word, "
        "XLSX and REFI-QDA files cannot hold; edit it (that removes it) and export again"
    )


def _cancelled(exc: ExportCancelled) -> str:
    return f"{exc.path}: export cancelled; nothing was written"


def _codebook_file(exc: InvalidCodebookFile) -> str:
    where = f"{exc.path}, line {exc.line}" if exc.line else f"{exc.path}"
    if exc.problem is Codebook.UNREADABLE:
        return f"{where}: {unreadable_phrase(exc.system, exc.file_type)}"
    problem = CODEBOOK_FILES[exc.problem].format(
        code=exc.code,
        value=exc.value,
        other=exc.other,
        count=exc.count,
        detail=exc.detail,
        limit_mb=exc.count / 1e6,
    )
    return f"{where}: {problem}"


FAMILIES: list[tuple[type[Any], Callable[[Any], str]]] = [
    (OutputUnwritable, _unwritable),
    (UnwritableText, _unwritable_text),
    (ExportCancelled, _cancelled),
    (InvalidCodebookFile, _codebook_file),
]
