"""The command line's words for every refusal: one English line per kind of error.

The core raises typed errors with a kind and data; this is where the CLI phrases
them (and may name its own flags, which the core never does). The GUI's words are in
`ui/messages`; a test walks every kind and checks both have a sentence for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.cli import file_messages, output_messages, search_messages
from annotator.cli.file_messages import file_type_phrase, system_phrase
from annotator.cli.passphrase import PASSPHRASE_VARIABLE
from annotator.core import errors
from annotator.core.errors import PassphraseProblem, ProjectCause, ProjectProblem, Thing
from annotator.core.errors import SpanProblem as Span
from annotator.core.errors import ValueProblem as Value

PROJECT_REASONS = {
    ProjectProblem.CANNOT_OPEN: "cannot be opened",
    ProjectProblem.NOT_FOUND: "no such project file",
    ProjectProblem.NOT_A_PROJECT: "is not an Annotator project (not a SQLite database)",
    ProjectProblem.FOREIGN: "is a SQLite database of another application, not an Annotator project",
    ProjectProblem.CORRUPT: "is damaged and cannot be read",
    ProjectProblem.NEWER: "was written by a newer version of Annotator; please update the app",
    ProjectProblem.MIGRATION_FAILED: (
        "could not be upgraded to this version of Annotator; it was left as it was"
    ),
    ProjectProblem.EXISTS: "already exists; choose another name",
    ProjectProblem.UNWRITABLE: "cannot be written (read-only folder, full disk or no permission)",
    ProjectProblem.NEEDS_REPAIR: (
        "has schema parts that differ from what this version of Annotator writes"
    ),
    ProjectProblem.UNTRUSTED_SCHEMA: (
        "is not written to: its schema has parts this version of Annotator does not write "
        "or lacks parts it does, until they are repaired"
    ),
    ProjectProblem.DAMAGED_SCHEMA: (
        "is damaged: parts of its schema that Annotator reads are missing or changed"
    ),
    ProjectProblem.DAMAGED_VALUE: (
        "is damaged: a stored value is not of its type; repairing the project (after a "
        "backup) turns text stored as bytes back into text"
    ),
    ProjectProblem.REPAIR_FAILED: "could not be repaired; it was left as it was",
    ProjectProblem.PASSPHRASE_REQUIRED: (
        "is encrypted, or is not an Annotator project; an encrypted one needs its passphrase"
    ),
    ProjectProblem.WRONG_PASSPHRASE: (
        "cannot be opened with this passphrase (or it is not an encrypted project)"
    ),
    ProjectProblem.ENCRYPTION_UNAVAILABLE: (
        "is encrypted, but this installation cannot open encrypted projects"
    ),
    ProjectProblem.IN_USE: "is open in another window or program; close it there first",
}

PROJECT_CAUSES = {
    ProjectCause.EMPTY_FILE: "the file is empty",
    ProjectCause.TRUNCATED: "the file is truncated",
    ProjectCause.OPEN_READ_ONLY: "it is open read-only",
    ProjectCause.NEEDS_UPGRADE: (
        "it needs upgrading to this version of Annotator, which must write to it"
    ),
    ProjectCause.UNWRITABLE_PLACE: "it is in a place that cannot be written",
    ProjectCause.WAL_IN_READ_ONLY_FOLDER: (
        "its latest changes are in a '-wal' file beside it that cannot be read in a "
        "read-only folder; copy the project and its '-wal' file to a writable folder and "
        "open it there"
    ),
    ProjectCause.NOT_ENCRYPTED: "it is not encrypted",
    ProjectCause.COPY_LOST_ROWS: "the copy lost rows of {table}",
}

THINGS = {
    Thing.DOCUMENT: "document",
    Thing.CODE: "code",
    Thing.CODER: "coder",
    Thing.CODING: "coding",
}

NAME_PROBLEMS = {
    errors.NameProblem.EMPTY: "is empty",
    errors.NameProblem.HAS_SLASH: "contains '/', which separates levels in code paths",
    errors.NameProblem.TOO_LONG: "is longer than {limit} characters",
    errors.NameProblem.TAKEN: "is already used in this codebook (names are unique)",
}

SPAN_PROBLEMS = {
    Span.OUTSIDE_TEXT: "span {start}-{end} lies outside the document (0-{length})",
    Span.EMPTY: "span {start}-{end} is empty",
    Span.TEXT_CHANGED: "coding {coding} no longer matches its text",
    Span.OUTSIDE_DOCUMENT: "coding {coding} lies outside its document",
}

PASSPHRASE_PROBLEMS = {
    PassphraseProblem.EMPTY: "is empty",
    PassphraseProblem.TOO_SHORT: "is shorter than {minimum} characters",
    PassphraseProblem.NUL_CHARACTER: "contains a NUL character",
}

# What each value was, and what was expected instead.
VALUES: dict[Value, tuple[str, str]] = {
    Value.PARTIAL_DATE: ("{field}", "a date as YYYY, YYYY-MM or YYYY-MM-DD"),
    Value.FULL_DATE: ("{field}", "a date as YYYY-MM-DD"),
    Value.DATE_RANGE: ("date range", "a from date before the to date"),
    Value.EMPTY_TITLE: ("title", "a non-empty title"),
    Value.EMPTY_CODER_NAME: ("coder name", "a non-empty name"),
    Value.COLOUR: ("colour", "#RRGGBB"),
    Value.SHORTCUT_TAKEN: ("shortcut", "one not used by {other!r}"),
    Value.PARENT_INSIDE_CODE: ("code", "a parent outside the moved code's tree"),
    Value.MERGE_INTO_SUB_CODE: ("code", "a merge target outside the merged code ({other!r})"),
    Value.CODE_HAS_CODINGS: ("code", "a code without codings to undo"),
    Value.CODEBOOK_HAS_CODINGS: ("codebook import", "imported codes without codings to undo"),
    Value.TOP_LEVEL_HAS_NO_PARENT: (
        "code",
        "deleting the codings (a top-level code has no parent to move them to)",
    ),
    Value.TOO_FEW_CODERS: ("number of coders", "two or more coders to compare"),
    Value.BAD_CODEBOOK_FILE: ("codebook file", 'readable JSON with "codes"'),
}


def describe(exc: errors.AnnotatorError) -> str:
    """The one line printed after `annotator COMMAND: error:`."""
    for family, words in _families():
        if isinstance(exc, family):
            return words(exc)
    return str(exc)


def _families() -> list[tuple[type[Any], Callable[[Any], str]]]:
    from annotator.cli.common import UsageError

    return [
        (UsageError, str),  # the CLI's own words about its command line
        *file_messages.FAMILIES,
        *output_messages.FAMILIES,
        *search_messages.FAMILIES,
        (errors.ProjectFileError, _project_file),
        (errors.NotFound, lambda e: f"no {THINGS[e.thing]} {e.key!r}"),
        (errors.Ambiguous, _ambiguous),
        (errors.InvalidCodeName, _code_name),
        (errors.InvalidSpan, lambda e: SPAN_PROBLEMS[e.problem].format(**vars(e))),
        (errors.DuplicateCoding, _duplicate_coding),
        (errors.QuoteNotFound, _quote),
        (errors.InvalidPassphrase, _passphrase),
        (errors.InvalidValue, _value),
    ]


def _project_file(exc: errors.ProjectFileError) -> str:
    text = f"{exc.path}: {PROJECT_REASONS[exc.kind]}"
    why = []
    if exc.because is not None:
        cause = PROJECT_CAUSES[exc.because].format(table=exc.table)
        if exc.size is not None and exc.expected is not None:
            cause += f": {exc.size} of {exc.expected} bytes"
        why.append(cause)
    if exc.file_type is not None:
        why.append(f"it is a {file_type_phrase(exc.file_type)}")
    if exc.system is not None:
        why.append(system_phrase(exc.system))
    elif exc.detail:
        why.append(exc.detail)
    if isinstance(exc, errors.NewerProject):
        why.append(f"schema version {exc.version}, this app reads up to {exc.latest}")
    if isinstance(exc, errors.DamagedValue):
        why.append(f"{exc.table}.{exc.column} of {exc.row}")
    if isinstance(exc, errors.SchemaNeedsRepair):
        shown = "; ".join(str(d) for d in exc.differences[:10])
        if len(exc.differences) > 10:
            shown += f"; and {len(exc.differences) - 10} more"
        why.append(shown)
    if isinstance(exc, errors.PassphraseRequired):
        why.append(f"set {PASSPHRASE_VARIABLE}, or run the command at a terminal to type it")
    return text + "".join(f" ({part})" for part in why if part)


def _ambiguous(exc: errors.Ambiguous) -> str:
    listed = "; ".join(exc.candidates)
    return f"{THINGS[exc.thing]} {exc.key!r} is ambiguous; it fits: {listed}"


def _code_name(exc: errors.InvalidCodeName) -> str:
    return f"code name {exc.name!r} " + NAME_PROBLEMS[exc.problem].format(limit=exc.limit)


def _duplicate_coding(exc: errors.DuplicateCoding) -> str:
    return f"this passage ({exc.start}-{exc.end}) is already coded {exc.code_name!r} by this coder"


def _quote(exc: errors.QuoteNotFound) -> str:
    if exc.kind is errors.QuoteProblem.SEVERAL:
        where = ", ".join(str(n) for n in exc.occurrences)
        return (
            f"the quote {exc.quote!r} occurs {len(exc.occurrences)} times "
            f"(at offsets {where}); pick one with --occurrence N"
        )
    return f"the quote {exc.quote!r} does not occur in the document"


def _passphrase(exc: errors.InvalidPassphrase) -> str:
    return "passphrase " + PASSPHRASE_PROBLEMS[exc.problem].format(minimum=exc.minimum)


def _value(exc: errors.InvalidValue) -> str:
    field, expected = VALUES[exc.problem]
    value = f"{exc.value} to {exc.other}" if exc.problem is Value.DATE_RANGE else exc.value
    text = (
        f"{field.format(field=exc.field or 'value')} {value!r} is not valid: "
        f"expected {expected.format(other=exc.other)}"
    )
    return text + (f" ({exc.detail})" if exc.detail else "")
