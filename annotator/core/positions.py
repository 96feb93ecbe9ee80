"""Code points, UTF-16 units and paragraph numbers: the one place positions convert.

Stored positions are Unicode code-point offsets (Python `str` indices, as REFI-QDA
counts). Qt counts UTF-16 code units, so the UI converts at its boundary with
`Utf16Map` and nowhere else.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Fast conversions for one text: only characters beyond the BMP shift positions."""

    def __init__(self, text: str) -> None:
        # A regex scan runs in C: a few ms for a 1 MB document, not a Python loop.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 position of each astral character
        self._astral_utf16 = [i + n for n, i in enumerate(self._astral)]
        self._length = len(text)

    def to_utf16(self, code_point: int) -> int:
        return code_point + bisect.bisect_left(self._astral, code_point)

    def to_code_point(self, utf16: int) -> int:
        before = bisect.bisect_left(self._astral_utf16, utf16)
        # utf16 falling on the low surrogate of an astral character rounds down
        if before and self._astral_utf16[before - 1] + 1 == utf16:
            return self._astral[before - 1]
        return min(utf16 - before, self._length)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Paragraphs:
    """Paragraph numbering of a frozen text: runs between blank lines, from 1."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Paragraphs:
        starts = [0]
        starts.extend(m.end() for m in _PARAGRAPH_BREAK.finditer(text) if m.end() < len(text))
        return cls(tuple(starts))

    def number_at(self, offset: int) -> int:
        return max(1, bisect.bisect_right(self.starts, offset))

    def span_label(self, start: int, end: int) -> str:
        """`¶3` or `¶3–5` for the paragraphs a span starts and ends in."""
        first = self.number_at(start)
        last = self.number_at(max(start, end - 1))
        return f"¶{first}" if first == last else f"¶{first}–{last}"
