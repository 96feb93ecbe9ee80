"""What reaches the terminal: text from data never carries control sequences to it.

A PDF whose title is `Esc\\x1b[2J\\x1b]0;PWNED\\x07` imported fine, and `documents` then
cleared the screen and renamed the terminal window (issue 18). Titles, names, memos,
file names and document text are the researcher's data, not ours: every line the CLI
prints goes through `shown`, and its JSON through `shown_json`, which write control
characters (C0 but tab and line feed, DEL, C1, and the line separators) as visible
escapes. A byte of a file name that was not UTF-8 is shown as the `\\xNN` it was.

So are the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069): the
second probe's memo `invoice<U+202E>fdp.exe` printed as `invoiceexe.pdf`. They stay in
the data (right-to-left writing may need them); only the terminal sees the escape.
The marks U+200E, U+200F and U+061C, common in Arabic and Hebrew, print as they are.
"""

from __future__ import annotations

import re

_BIDI = "\u202a-\u202e\u2066-\u2069"  # overrides, embeddings and isolates
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]")
# json.dumps escapes C0 itself; what it leaves raw with ensure_ascii=False:
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _escape_json(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"  # still the same string to a JSON reader


def shown(text: str) -> str:
    """`text` safe to print: tabs and line breaks kept, every other control escaped."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(_escape, text)


def shown_json(text: str) -> str:
    """JSON text (from json.dumps) with the characters a terminal would act on escaped."""
    return _UNSAFE_IN_JSON.sub(_escape_json, text)


def shown_line(text: str) -> str:
    """`text` as one safe line: line breaks and tabs escaped as well."""
    return shown(text).replace("\n", "\\n").replace("\t", "\\t")
