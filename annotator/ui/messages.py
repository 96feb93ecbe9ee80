"""The words people see when something is refused or goes wrong: one door for all.

The core raises typed errors carrying a kind and data; `describe` finds the wording of
each family (here, or in the module of its dialog) and every kind has its own whole
sentence in the user's language. A test walks every kind of every error and checks it
is worded here and by the command line (`cli/messages`), and that Spanish has it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core import errors
from annotator.core.exchange.errors import ExchangeFileError, MergeConflicts, MergeUndoUnavailable
from annotator.core.exports.errors import ExportCancelled, InvalidCodebookFile
from annotator.core.importing.errors import ImportFailed
from annotator.core.input_files import InputProblem, InputRefused
from annotator.core.patterns import PatternError
from annotator.core.redaction_rules import RedactionListError
from annotator.core.search_syntax import SearchSyntaxError
from annotator.core.storage.write_errors import OutputUnwritable
from annotator.core.unwritable import UnwritableText
from annotator.ui import merge_wording, output_wording, search_wording, value_wording
from annotator.ui.codebook_file_wording import describe_codebook_file
from annotator.ui.file_wording import file_type_sentence, system_sentence
from annotator.ui.i18n import translate
from annotator.ui.project_wording import describe_project_file
from annotator.ui.redaction_wording import describe_list_problem
from annotator.ui.schema_wording import listed
from annotator.ui.text_wording import describe_unwritable

log = logging.getLogger(__name__)


def describe(exc: errors.AnnotatorError) -> str:
    """One or two sentences a researcher can act on: the one door for every refusal."""
    for family, words in _families():
        if isinstance(exc, family):
            return words(exc)
    log.warning("no words for %s", type(exc).__name__)  # a test keeps this from happening
    return str(exc)


def _families() -> list[tuple[type[Any], Callable[[Any], str]]]:
    """Each error family and the function that words it; subclasses before their bases."""
    from annotator.ui import import_wording  # it words a refusal's cause through here

    return [
        (ExchangeFileError, merge_wording.describe_exchange_error),
        (MergeConflicts, merge_wording.describe_conflicts),
        (MergeUndoUnavailable, merge_wording.describe_undo_unavailable),
        (ImportFailed, import_wording.describe_failure),
        (UnwritableText, describe_unwritable),
        (errors.ProjectFileError, describe_project_file),
        (OutputUnwritable, output_wording.describe_unwritable_output),
        (ExportCancelled, output_wording.describe_cancelled),
        (InvalidCodebookFile, describe_codebook_file),
        (RedactionListError, describe_list_problem),
        (SearchSyntaxError, search_wording.describe_search_error),
        (errors.DuplicateCoding, _describe_duplicate_coding),
        (errors.InvalidCodeName, _describe_code_name),
        (errors.NotFound, _describe_not_found),
        (errors.Ambiguous, _describe_ambiguous),
        (errors.InvalidSpan, _describe_span),
        (errors.QuoteNotFound, _describe_quote),
        (errors.InvalidPassphrase, _describe_passphrase),
        (PatternError, search_wording.describe_pattern_error),
        (errors.InvalidValue, value_wording.describe_value),
        (InputRefused, _describe_input),
    ]


def _describe_duplicate_coding(exc: errors.DuplicateCoding) -> str:
    return translate("Messages", "This passage is already coded “{code}” by you.").format(
        code=exc.code_name
    )


def _describe_code_name(exc: errors.InvalidCodeName) -> str:
    return {
        errors.NameProblem.EMPTY: translate("Messages", "A code needs a name."),
        errors.NameProblem.HAS_SLASH: translate(
            "Messages",
            "The code name “{name}” contains “/”, which separates the levels of a code path.",
        ),
        errors.NameProblem.TOO_LONG: translate(
            "Messages", "The code name “{name}” is longer than {limit} characters."
        ),
        errors.NameProblem.TAKEN: translate(
            "Messages", "There is already a code named “{name}”. Code names are unique."
        ),
    }[exc.problem].format(name=exc.name, limit=exc.limit)


def _describe_span(exc: errors.InvalidSpan) -> str:
    return {
        errors.SpanProblem.OUTSIDE_TEXT: translate(
            "Messages",
            "That passage cannot be coded: {start}–{end} lies outside the document (0–{length}).",
        ),
        errors.SpanProblem.EMPTY: translate(
            "Messages", "That passage cannot be coded: it is empty. Select some text first."
        ),
        errors.SpanProblem.TEXT_CHANGED: translate(
            "Messages", "That coding cannot be put back: it no longer matches its text."
        ),
        errors.SpanProblem.OUTSIDE_DOCUMENT: translate(
            "Messages", "A coding in the file lies outside its document."
        ),
    }[exc.problem].format(start=exc.start, end=exc.end, length=exc.length)


def _describe_quote(exc: errors.QuoteNotFound) -> str:
    if exc.kind is errors.QuoteProblem.SEVERAL:
        return translate(
            "Messages", "The quote “{quote}” occurs {count} times in the document."
        ).format(quote=exc.quote, count=len(exc.occurrences))
    return translate("Messages", "The quote “{quote}” does not occur in the document.").format(
        quote=exc.quote
    )


def _describe_passphrase(exc: errors.InvalidPassphrase) -> str:
    return {
        errors.PassphraseProblem.EMPTY: translate(
            "Messages", "This passphrase cannot be used: it is empty."
        ),
        errors.PassphraseProblem.TOO_SHORT: translate(
            "Messages",
            "This passphrase cannot be used: it is shorter than {minimum} characters.",
        ),
        errors.PassphraseProblem.NUL_CHARACTER: translate(
            "Messages", "This passphrase cannot be used: it contains a NUL character."
        ),
    }[exc.problem].format(minimum=exc.minimum)


def _describe_input(exc: InputRefused) -> str:
    text = {
        InputProblem.MISSING: translate("Messages", "There is no file “{name}”."),
        InputProblem.NOT_REGULAR: translate("Messages", "“{name}” is not a regular file."),
        InputProblem.UNREADABLE: translate("Messages", "“{name}” cannot be read."),
        InputProblem.TOO_LARGE: translate(
            "Messages", "“{name}” is larger than the limit of {limit:.0f} MB."
        ),
    }[exc.problem].format(name=exc.name, limit=exc.limit / 1e6)
    if exc.file_type is not None:
        text += " " + file_type_sentence(exc.file_type)
    if exc.system is not None:
        text += " " + system_sentence(exc.system)
    return text


def _describe_not_found(exc: errors.NotFound) -> str:
    return {
        errors.Thing.DOCUMENT: translate(
            "Messages", "That document no longer exists (it may have been deleted)."
        ),
        errors.Thing.CODE: translate(
            "Messages", "That code no longer exists (it may have been deleted)."
        ),
        errors.Thing.CODING: translate(
            "Messages", "That coding no longer exists (it may have been deleted)."
        ),
        errors.Thing.CODER: translate(
            "Messages", "That coder no longer exists (it may have been deleted)."
        ),
    }[exc.thing]


def _describe_ambiguous(exc: errors.Ambiguous) -> str:
    text = {
        errors.Thing.DOCUMENT: translate("Messages", "“{key}” fits more than one document."),
        errors.Thing.CODE: translate("Messages", "“{key}” fits more than one code."),
        errors.Thing.CODING: translate("Messages", "“{key}” fits more than one coding."),
        errors.Thing.CODER: translate("Messages", "“{key}” fits more than one coder."),
    }[exc.thing].format(key=exc.key)
    return (
        text
        + " "
        + translate("Messages", "It fits: {listed}").format(listed=listed(exc.candidates))
    )


def show_error(parent: QWidget | None, exc: errors.AnnotatorError, title: str = "") -> None:
    log.info("refused: %s", exc)
    QMessageBox.warning(parent, title or translate("Messages", "Annotator"), describe(exc))
