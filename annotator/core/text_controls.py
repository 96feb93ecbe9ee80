"""Control characters at the boundaries: taken out of names, titles, details and memos.

C0 and C1 control characters are invisible, break selections, cannot be written to the
XML 1.0 of Word, XLSX and REFI-QDA files, and when printed they drive the terminal
(`ESC [2J` clears it). Issue 18 found a `\\x02` in a memo, a title, a coder's or a code's
name made a .qdpx Annotator itself refused. So every core function that takes such a
value passes it through here on the way in (the GUI and the CLI alike), and the
removal is recorded in that action's audit event (`controls_removed`).

Kept: tab and line feed. CR, CRLF and NEL become a line feed first. A lone surrogate
(a broken clipboard, undecodable bytes) becomes U+FFFD, and the non-characters U+FFFE
and U+FFFF go too: both are counted with the controls. Document text has its own
normalisation (`importing.encodings.normalise`), which also counts what it drops.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_NEWLINES = re.compile("\r\n?|\x85")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: int  # control characters removed (and lone surrogates replaced)


def without_controls(value: str) -> Cleaned:
    """`value` without control characters, and how many there were."""
    if value.isprintable():  # the common case, checked in C
        return Cleaned(value, 0)
    text = _NEWLINES.sub("\n", value)
    text, replaced = _SURROGATES.subn("\ufffd", text)
    text, removed = _CONTROLS.subn("", text)
    return Cleaned(text, removed + replaced)


def clean(value: str) -> str:
    return without_controls(value).text


def clean_fields(values: Mapping[str, str]) -> tuple[dict[str, str], dict[str, int]]:
    """Each value cleaned, and the number removed per field (only fields that had any)."""
    cleaned: dict[str, str] = {}
    removed: dict[str, int] = {}
    for key, value in values.items():
        result = without_controls(value)
        cleaned[key] = result.text
        if result.removed:
            removed[key] = result.removed
    return cleaned, removed


def removal_details(removed: Mapping[str, int]) -> dict[str, Any]:
    """What an audit event records of a removal (count per field): nothing if none."""
    counted = {field: count for field, count in removed.items() if count}
    return {"controls_removed": counted} if counted else {}
