"""What the app says about a codebook CSV it cannot import, and where in the file.

Each problem is one whole sentence (context "CodebookFile"), after the file's name and
line as a label, the way an editor lists mistakes; `ui/messages` is the door.
"""

from __future__ import annotations

from annotator.core.exports.errors import CodebookFileProblem as Problem
from annotator.core.exports.errors import InvalidCodebookFile
from annotator.ui.file_wording import file_type_sentence, system_sentence
from annotator.ui.i18n import translate


def _sentences() -> dict[Problem, str]:
    return {
        Problem.NOT_FOUND: translate("CodebookFile", "There is no such file."),
        Problem.UNREADABLE: translate("CodebookFile", "The file cannot be read."),
        Problem.TOO_LARGE: translate(
            "CodebookFile", "The file is too large for a codebook (over {limit:.0f} MB)."
        ),
        Problem.NOT_TEXT: translate(
            "CodebookFile", "This is not a text file; a codebook is read from a CSV file."
        ),
        Problem.NOT_UTF16: translate("CodebookFile", "This is not valid UTF-16 text."),
        Problem.NOT_CSV: translate("CodebookFile", "This is not a readable CSV file."),
        Problem.SEVERAL_PATH_COLUMNS: translate(
            "CodebookFile", "It has more than one of the columns {value}; keep one."
        ),
        Problem.NO_PATH_COLUMN: translate(
            "CodebookFile", "It has no “tag”, “name” or “path” column for the code paths."
        ),
        Problem.EMPTY_PATH: translate("CodebookFile", "A code path is empty."),
        Problem.EMPTY_LEVEL: translate(
            "CodebookFile", "The code path “{code}” has an empty level."
        ),
        Problem.NAME_TOO_LONG: translate(
            "CodebookFile", "The code name “{code}…” is longer than {count} characters."
        ),
        Problem.BAD_COLOUR: translate(
            "CodebookFile", "The colour “{value}” is not written as #RRGGBB."
        ),
        Problem.LISTED_TWICE: translate(
            "CodebookFile", "The code “{code}” is listed twice (first on line {count})."
        ),
        Problem.NAME_TAKEN: translate(
            "CodebookFile",
            "The code “{code}” cannot be added: the name “{value}” is already used by "
            "“{other}”, and code names are unique.",
        ),
        Problem.NO_CODES: translate("CodebookFile", "It holds no codes."),
    }


def describe_codebook_file(exc: InvalidCodebookFile) -> str:
    if exc.line:
        where = translate("CodebookFile", "“{name}”, line {line}:")
    else:
        where = translate("CodebookFile", "“{name}”:")
    text = where.format(name=exc.path.name, line=exc.line) + " "
    text += _sentences()[exc.problem].format(
        code=exc.code, value=exc.value, other=exc.other, count=exc.count, limit=exc.count / 1e6
    )
    if exc.file_type is not None:
        text += " " + file_type_sentence(exc.file_type)
    if exc.system is not None:
        text += " " + system_sentence(exc.system)
    if exc.detail:
        text += " " + translate("CodebookFile", "Details: {detail}").format(detail=exc.detail)
    return text + " " + translate("CodebookFile", "The codebook was not changed.")
