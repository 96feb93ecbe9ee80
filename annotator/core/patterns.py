"""Regular expressions a researcher types, and the literal patterns search builds: run
with a time limit, so no pattern can hang the app or a command.

A pattern such as `(a|aa)+$` backtracks exponentially: on forty letters Python's `re`
would run for ever. Every user pattern (search and auto-coding in regex mode, the find
bar, `re:` rules of a redaction list) is compiled by `compile_pattern` and run by
`spans`, through the `regex` package, whose matcher stops after `TIME_LIMIT` seconds
and raises `PatternError(TOO_SLOW)`. The limit applies to each text and each batch of
`BATCH` matches, so a long document full of matches is not mistaken for a slow pattern.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import TypeAlias

import regex

from annotator.core.errors import AnnotatorError

Pattern: TypeAlias = regex.Pattern
TIME_LIMIT = 2.0  # seconds of matching for one text (one batch); tests make it small
BATCH = 1_000  # matches found under one time limit before the clock starts again


class PatternProblem(enum.Enum):
    """Why a pattern cannot be used; the CLI and the UI word each."""

    INVALID = "invalid"  # does not compile: `position` and regex's own `detail`
    TOO_SLOW = "too_slow"  # ran past TIME_LIMIT on one text


class PatternError(AnnotatorError):
    """A regular expression that cannot be compiled, or that ran too long."""

    kinds = (PatternProblem,)

    def __init__(
        self,
        kind: PatternProblem,
        pattern: str,
        *,
        position: int = 0,
        detail: str = "",
        seconds: float = 0.0,
    ) -> None:
        self.kind = kind
        self.pattern = pattern
        self.position = position
        self.detail = detail
        self.seconds = seconds
        super().__init__()


def compile_pattern(
    expression: str, *, ignore_case: bool = True, multiline: bool = False
) -> Pattern:
    """A user's regular expression (Python's syntax), or PatternError(INVALID)."""
    flags = (regex.IGNORECASE if ignore_case else 0) | (regex.MULTILINE if multiline else 0)
    try:
        return regex.compile(expression, flags | regex.VERSION0)
    except regex.error as exc:
        raise PatternError(
            PatternProblem.INVALID, expression, position=exc.pos or 0, detail=exc.msg
        ) from None
    except (OverflowError, RecursionError, MemoryError) as exc:  # `a{99999999999}`, deep nesting
        raise PatternError(PatternProblem.INVALID, expression, detail=str(exc)) from None


def escape(text: str) -> str:
    """`text` as a pattern that finds itself."""
    return str(regex.escape(text))


def literal_pattern(text: str, *, ignore_case: bool = True) -> Pattern:
    """A pattern finding `text` itself, as written."""
    return compile_pattern(escape(text), ignore_case=ignore_case)


def any_of(texts: list[str], *, ignore_case: bool = True) -> Pattern:
    """A pattern finding any of `texts` as written, the longest first where they overlap."""
    wanted = sorted(set(texts), key=len, reverse=True)
    return compile_pattern("|".join(escape(t) for t in wanted), ignore_case=ignore_case)


def spans(pattern: Pattern, text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """The (start, end) of every non-empty match from `start` on, found as they are asked for.

    Raises PatternError(TOO_SLOW) when the matcher spends more than TIME_LIMIT seconds
    finding one batch of matches.
    """
    position = start
    while True:
        found = 0
        try:
            for match in pattern.finditer(text, position, timeout=TIME_LIMIT):
                if match.end() == match.start():
                    continue
                yield match.span()
                found += 1
                if found == BATCH:
                    position = match.end()
                    break
            else:
                return
        except TimeoutError:
            raise PatternError(
                PatternProblem.TOO_SLOW, pattern.pattern, seconds=TIME_LIMIT
            ) from None


def matches_empty(pattern: Pattern) -> bool:
    """Whether the pattern matches empty text (such a pattern cannot mark anything)."""
    try:
        return pattern.fullmatch("", timeout=TIME_LIMIT) is not None
    except TimeoutError:
        raise PatternError(PatternProblem.TOO_SLOW, pattern.pattern, seconds=TIME_LIMIT) from None
