"""What the app says about a value that does not fit: one sentence per `ValueProblem`.

Context "Messages". `field` is the core's name of a date field; it is shown as the
value's own words where there is one ("from", "published_date" read as they are).
"""

from __future__ import annotations

from annotator.core.errors import InvalidValue, ValueProblem
from annotator.ui.i18n import translate


def _sentences() -> dict[ValueProblem, str]:
    return {
        ValueProblem.PARTIAL_DATE: translate(
            "Messages",
            "The date “{value}” cannot be used: write it as 2024-04-16, 2024-04 or 2024.",
        ),
        ValueProblem.FULL_DATE: translate(
            "Messages", "The date “{value}” cannot be used: write it as 2024-04-16."
        ),
        ValueProblem.DATE_RANGE: translate(
            "Messages", "The dates cannot be used: “{value}” comes after “{other}”."
        ),
        ValueProblem.EMPTY_TITLE: translate("Messages", "A document needs a title."),
        ValueProblem.EMPTY_CODER_NAME: translate("Messages", "A coder needs a name."),
        ValueProblem.COLOUR: translate(
            "Messages", "The colour “{value}” cannot be used: write it as #RRGGBB."
        ),
        ValueProblem.SHORTCUT_TAKEN: translate(
            "Messages", "The shortcut “{value}” is already used by the code “{other}”."
        ),
        ValueProblem.PARENT_INSIDE_CODE: translate(
            "Messages", "The code “{value}” cannot be moved inside itself or its sub-codes."
        ),
        ValueProblem.MERGE_INTO_SUB_CODE: translate(
            "Messages", "The code “{value}” cannot be merged into its own sub-code “{other}”."
        ),
        ValueProblem.CODE_HAS_CODINGS: translate(
            "Messages",
            "Creating the code “{value}” cannot be undone: passages have been coded with it.",
        ),
        ValueProblem.CODEBOOK_HAS_CODINGS: translate(
            "Messages",
            "Importing “{value}” cannot be undone: passages have been coded with its codes.",
        ),
        ValueProblem.TOP_LEVEL_HAS_NO_PARENT: translate(
            "Messages",
            "The codings of “{value}” cannot go to its parent: it is a top-level code. "
            "Delete them with it instead.",
        ),
        ValueProblem.TOO_FEW_CODERS: translate(
            "Messages", "Agreement needs two or more coders to compare."
        ),
        ValueProblem.BAD_CODEBOOK_FILE: translate(
            "Messages", "The codebook file “{value}” cannot be read."
        ),
    }


def sentence(problem: ValueProblem) -> str:
    return _sentences()[problem]


def describe_value(exc: InvalidValue) -> str:
    return _sentences()[exc.problem].format(value=exc.value, other=exc.other)
