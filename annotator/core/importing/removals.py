"""What a clean-up proposal is: a span of the text before clean-up, and why it would go."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Reason(enum.Enum):
    BOILERPLATE = "boilerplate"
    REPEATED = "repeated line"
    CAPTION = "photo caption"
    PHOTO_CREDIT = "photo credit"
    GALLERY_COUNTER = "gallery counter"
    COUNT = "comment or share count"
    NOTICE = "newsletter or cookie box"
    DATE_MARKER = "date marker"
    BYLINE = "byline"
    TEASERS = "teaser block"
    TEASER_LINK = "link to another article"
    BEFORE_ARTICLE = "before the article"
    AFTER_ARTICLE = "after the article"
    BY_HAND = "dropped by hand"


@dataclass(frozen=True)
class Removal:
    """Characters `start:end` of the text before clean-up, and why they would go."""

    start: int
    end: int
    reason: Reason
    text: str  # what goes, for the preview (without the line break)


@dataclass(frozen=True)
class Line:
    index: int
    start: int
    end: int  # before the "\n"
    text: str
    key: str  # for comparing lines: spaces, case and a list bullet do not count


_BULLET = re.compile(r"^\s*(?:[*+•◦▪·‣-])\s+")


def lines_of(text: str) -> list[Line]:
    found: list[Line] = []
    at = 0
    for index, line in enumerate(text.split("\n")):
        key = " ".join(_BULLET.sub("", line).split()).casefold()
        found.append(Line(index, at, at + len(line), line, key))
        at += len(line) + 1
    return found


def whole(line: Line, reason: Reason) -> Removal:
    """The whole line with its line break."""
    return Removal(line.start, line.end + 1, reason, line.text.strip())
