"""Citations a report can print under an excerpt, in the shape DESIGN.md gives:

`— Title, Publisher, Author, 16 April 2024, URL (accessed 1 May 2024), ¶12`

Missing parts are left out with their commas; a date that is not ISO is printed as
it was entered rather than guessed at.
"""

from __future__ import annotations

import re
from datetime import date

from annotator.core.exports.rows import SourceDocument
from annotator.core.xml_text import has_right_to_left

DASH = "\u2014"
FIRST_STRONG_ISOLATE = "\u2068"
POP_ISOLATE = "\u2069"

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


def readable_date(value: str) -> str:
    """`2024-04-16` -> `16 April 2024`, `2024-04` -> `April 2024`; others unchanged."""
    value = value.strip()
    match = _ISO_DATE.match(value)
    if not match:
        return value
    year, month, day = match.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return value
    if day is None:
        return f"{_MONTHS[int(month) - 1]} {year}"
    try:
        parsed = date(int(year), int(month), int(day))
    except ValueError:
        return value
    return f"{parsed.day} {_MONTHS[parsed.month - 1]} {parsed.year}"


def source_parts(document: SourceDocument) -> list[str]:
    """Title, publisher, author, date, URL with access date: the parts that are known."""
    parts = [document.title.strip(), document.publisher.strip(), document.author.strip()]
    if document.published_date.strip():
        parts.append(readable_date(document.published_date))
    url = document.source_url.strip()
    accessed = document.accessed_date.strip()
    if url and accessed:
        parts.append(f"{url} (accessed {readable_date(accessed)})")
    elif url:
        parts.append(url)
    elif accessed:
        parts.append(f"accessed {readable_date(accessed)}")
    return [part for part in parts if part]


def citation(document: SourceDocument, paragraph_label: str = "", *, isolate: bool = False) -> str:
    """The citation line for an excerpt (`paragraph_label` such as `¶3` or `¶3–5`).

    With `isolate`, a part holding right-to-left text (an Arabic title or publisher)
    is wrapped in Unicode directional isolates, so in a left-to-right report line it
    reads in its own direction without pulling the date and ¶ number out of order.
    """
    parts = source_parts(document)
    if paragraph_label:
        parts.append(paragraph_label)
    if isolate:
        parts = [_isolated(part) for part in parts]
    return f"{DASH} " + ", ".join(parts)


def _isolated(part: str) -> str:
    if not has_right_to_left(part):
        return part
    return f"{FIRST_STRONG_ISOLATE}{part}{POP_ISOLATE}"
