"""Text as Word and XLSX files can hold it, and which way it reads.

Both formats are XML 1.0, which cannot hold most control characters; text extracted
from PDFs carries form feeds and the odd NUL. Page and line breaks become line
breaks; anything else becomes U+FFFD so a reader sees that a character was there.
"""

from __future__ import annotations

import re
import unicodedata

_BREAKS = re.compile("[\x0b\x0c]")
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_RTL_CLASSES = frozenset({"R", "AL"})


def xml_safe(text: str) -> str:
    """`text` with only characters XML 1.0 allows (line breaks kept as `\\n`)."""
    if _ILLEGAL.search(text) is None and _BREAKS.search(text) is None:
        return text
    return _ILLEGAL.sub("\ufffd", _BREAKS.sub("\n", text))


def is_right_to_left(text: str) -> bool:
    """Whether `text` reads right to left: its first strong character decides (UAX #9)."""
    for ch in text:
        direction = unicodedata.bidirectional(ch)
        if direction == "L":
            return False
        if direction in _RTL_CLASSES:
            return True
    return False


def has_right_to_left(text: str) -> bool:
    """Whether any character of `text` is a strong right-to-left one."""
    if text.isascii():
        return False
    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)
