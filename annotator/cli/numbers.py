"""Whole-number options, checked by the parser: a number the command can use, or a
one-line usage error before any project is opened.

Python's int has no upper bound but SQLite's INTEGER stops at 2**63 - 1, so
`code --start 99999999999999999999999` once ended in an OverflowError (issue 18).
Every integer option of every subcommand takes one of the types below (a test walks
the parser and refuses a plain `type=int`).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

# SQLite stores no text longer than this (SQLITE_MAX_LENGTH, in bytes), so no offset,
# width or count of characters or passages in a project can pass it.
MAX_TEXT_LENGTH = 1_000_000_000
_SHOWN_DIGITS = 24


@dataclass(frozen=True)
class WholeNumber:
    """An argparse `type`: a whole number from `low` to `high`, inclusive."""

    low: int
    high: int

    def __call__(self, text: str) -> int:
        shown = text if len(text) <= _SHOWN_DIGITS else f"{text[:_SHOWN_DIGITS]}…"
        try:
            value = int(text)
        except ValueError:  # also a number of more than 4,300 digits
            raise argparse.ArgumentTypeError(f"{shown!r} is not a whole number") from None
        if not self.low <= value <= self.high:
            raise argparse.ArgumentTypeError(
                f"{shown} is out of range: give a number from {self.low:,} to {self.high:,}"
            )
        return value


OFFSET = WholeNumber(0, MAX_TEXT_LENGTH)  # a code-point position in a document's text
WIDTH = WholeNumber(0, MAX_TEXT_LENGTH)  # characters of context
COUNT = WholeNumber(1, MAX_TEXT_LENGTH)  # how many (--limit), which one (--occurrence)
