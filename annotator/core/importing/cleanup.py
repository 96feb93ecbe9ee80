"""The optional clean-up of a scrape: proposals, never silent removals.

`propose` lists what it would drop from a text (boilerplate lines, repeated lines
such as photo captions pasted two or three times, gallery counters like ` 2/4`, the
`date YYYY-MM-DD` marker whose date goes into the details, and a trailing block of
unrelated teasers). The researcher sees the list, keeps any of it, and `apply`
builds the text that will be frozen from the removals still chosen.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.importing import boilerplate
from annotator.core.importing.provenance import DATE_LINE

_MIN_REPEATED = 8  # shorter repeated lines ("—", "* * *") are left alone
_MAX_TEASER_LINE = 120
_MAX_TEASER_LINES = 20
_COUNTER = re.compile(r"[ \t]+(\d{1,2})/(\d{1,2})$")


class Reason(enum.Enum):
    BOILERPLATE = "boilerplate"
    REPEATED = "repeated line"
    GALLERY_COUNTER = "gallery counter"
    DATE_MARKER = "date marker"
    TEASERS = "teaser block"


@dataclass(frozen=True)
class Removal:
    """Characters `start:end` of the text before clean-up, and why they would go."""

    start: int
    end: int
    reason: Reason
    text: str  # what goes, for the preview (without the line break)


@dataclass(frozen=True)
class _Line:
    index: int
    start: int
    end: int  # before the "\n"
    text: str
    key: str  # for comparing lines: spaces and case do not count


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    at = 0
    for index, line in enumerate(text.split("\n")):
        lines.append(_Line(index, at, at + len(line), line, " ".join(line.split()).casefold()))
        at += len(line) + 1
    return lines


def propose(text: str) -> list[Removal]:
    """Every clean-up this text invites, in text order and never overlapping."""
    lines = _lines(text)
    removals: list[Removal] = []
    teaser_start = _teaser_block_start(lines)
    body = lines if teaser_start is None else lines[:teaser_start]
    lead_end = _lead_end(body)
    date_index = _date_marker(body, removals)
    seen: set[str] = set()
    repeated = _repeated_keys(body)
    for line in body:
        stripped = line.text.strip()
        if not stripped or line.index == date_index:
            continue
        if boilerplate.is_boilerplate(stripped):
            removals.append(_whole(line, Reason.BOILERPLATE))
        elif line.key in seen and _may_repeat_as_junk(body, line, lead_end):
            removals.append(_whole(line, Reason.REPEATED))
        else:
            counter = _COUNTER.search(line.text)
            if counter and _is_counter(counter) and (line.index < lead_end or line.key in repeated):
                removals.append(
                    Removal(
                        line.start + counter.start(),
                        line.end,
                        Reason.GALLERY_COUNTER,
                        counter.group().strip(),
                    )
                )
        seen.add(line.key)
    if teaser_start is not None:
        first = lines[teaser_start]
        block = "\n".join(line.text for line in lines[teaser_start:]).strip()
        removals.append(Removal(first.start, len(text), Reason.TEASERS, block))
    return sorted(removals, key=lambda r: r.start)


def _may_repeat_as_junk(lines: list[_Line], line: _Line, lead_end: int) -> bool:
    """Captions above the body, or a line alone as a paragraph (a PDF's running head).

    A line inside a longer paragraph, such as a table cell, may well repeat.
    """
    text = line.text.strip()
    if len(text) < _MIN_REPEATED or len(text.split()) < 2:
        return False
    if line.index < lead_end:
        return True
    before = lines[line.index - 1].text.strip() if line.index > 0 else ""
    after = lines[line.index + 1].text.strip() if line.index + 1 < len(lines) else ""
    return not before and not after


def _whole(line: _Line, reason: Reason) -> Removal:
    return Removal(line.start, line.end + 1, reason, line.text.strip())


def _is_counter(match: re.Match[str]) -> bool:
    shown, total = int(match.group(1)), int(match.group(2))
    return 1 <= shown <= total


def _lead_end(lines: list[_Line]) -> int:
    """Index of the first blank line after some text: captions sit above it."""
    started = False
    for line in lines:
        if line.text.strip():
            started = True
        elif started:
            return line.index
    return len(lines)


def _repeated_keys(lines: list[_Line]) -> set[str]:
    seen: set[str] = set()
    repeated: set[str] = set()
    for line in lines:
        if line.text.strip():
            (repeated if line.key in seen else seen).add(line.key)
    return repeated


def _date_marker(lines: list[_Line], removals: list[Removal]) -> int | None:
    """Propose dropping `date YYYY-MM-DD` (its date is kept as the published date)."""
    first = next((line for line in lines if line.text.strip()), None)
    if first is None:
        return None
    match = DATE_LINE.match(first.text.strip())
    if not match:
        return None
    offset = len(first.text) - len(first.text.lstrip())
    if match.group(2):  # the headline follows on the same line: drop only the marker
        marker_end = first.start + offset + match.start(2)
        removals.append(
            Removal(first.start, marker_end, Reason.DATE_MARKER, _text_to(first, marker_end))
        )
    else:
        removals.append(_whole(first, Reason.DATE_MARKER))
    return first.index


def _text_to(line: _Line, end: int) -> str:
    return line.text[: end - line.start].strip()


def _teaser_block_start(lines: list[_Line]) -> int | None:
    """The last teaser heading followed only by a few short lines to the end."""
    for line in reversed(lines):
        if boilerplate.is_teaser_heading(line.text):
            tail = [t for t in lines[line.index + 1 :] if t.text.strip()]
            fits = 0 < len(tail) <= _MAX_TEASER_LINES and all(
                len(t.text.strip()) <= _MAX_TEASER_LINE for t in tail
            )
            return line.index if fits else None
    return None


def apply(text: str, removals: Iterable[Removal]) -> str:
    """The text without the chosen removals, with blank lines tidied where lines went."""
    removals = list(removals)
    if not removals:
        return text
    pieces: list[str] = []
    at = 0
    for removal in sorted(removals, key=lambda r: r.start):
        if removal.start < at:
            raise ValueError("clean-up removals overlap")
        pieces.append(text[at : removal.start])
        at = removal.end
    pieces.append(text[at:])
    cleaned = "".join(pieces)
    cleaned = re.sub(r"\n[ \t]*(?:\n[ \t]*)+\n", "\n\n", cleaned)
    return cleaned.strip()
