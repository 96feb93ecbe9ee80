"""What the app says about a redaction list it cannot use, and where in the list.

Each problem is one whole sentence (context "RedactionList"), after the file's name
and line as a label when there is one; `ui/messages` is the door.
"""

from __future__ import annotations

from annotator.core.redaction_rules import ListProblem, RedactionListError
from annotator.ui.file_wording import file_type_sentence, system_sentence
from annotator.ui.i18n import translate


def _sentences() -> dict[ListProblem, str]:
    return {
        ListProblem.NOT_FOUND: translate("RedactionList", "There is no such file."),
        ListProblem.UNREADABLE: translate("RedactionList", "The file cannot be read."),
        ListProblem.TOO_LARGE: translate(
            "RedactionList", "The list is larger than the limit of {limit:.0f} MB."
        ),
        ListProblem.NOT_UTF8: translate(
            "RedactionList", "The list is not UTF-8 text; save it as UTF-8."
        ),
        ListProblem.EMPTY: translate(
            "RedactionList", "The list holds no names or patterns: add the names to hide."
        ),
        ListProblem.EMPTY_PLACEHOLDER: translate(
            "RedactionList", "The placeholder after => is empty."
        ),
        ListProblem.NOTHING_TO_REDACT: translate(
            "RedactionList", "There is nothing to redact on this line."
        ),
        ListProblem.INVALID_PATTERN: translate(
            "RedactionList", "The regular expression “{pattern}” is not valid: {detail}."
        ),
        ListProblem.MATCHES_EMPTY: translate(
            "RedactionList", "“{pattern}” also matches empty text, so it cannot be redacted."
        ),
        ListProblem.PLACEHOLDER_REDACTED: translate(
            "RedactionList",
            "The placeholder “{pattern}” contains “{other}”, which is redacted; choose "
            "another placeholder.",
        ),
    }


def _place(exc: RedactionListError) -> str:
    if exc.source is not None and exc.line:
        where = translate("RedactionList", "“{name}”, line {line}:")
    elif exc.source is not None:
        where = translate("RedactionList", "“{name}”:")
    elif exc.line:
        where = translate("RedactionList", "Line {line}:")
    else:
        return ""
    name = exc.source.name if exc.source is not None else ""
    return where.format(name=name, line=exc.line) + " "


def describe_list_problem(exc: RedactionListError) -> str:
    text = _place(exc) + _sentences()[exc.problem].format(
        pattern=exc.pattern, other=exc.other, detail=exc.detail, limit=exc.limit / 1e6
    )
    if exc.file_type is not None:
        text += " " + file_type_sentence(exc.file_type)
    if exc.system is not None:
        text += " " + system_sentence(exc.system)
    return text
