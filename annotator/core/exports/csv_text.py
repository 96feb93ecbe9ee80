"""CSV lines as text, exactly as `csv.writer(quoting=csv.QUOTE_ALL)` writes them.

With every field quoted, RFC 4180 needs one rule: double each `"` inside a field.
Applying it with str.replace lets a 200,000-row export build its lines with string
formatting, several times faster than csv.writer's character-by-character loop,
and lets a document's cells be quoted once and reused for each of its codings.
"""

from __future__ import annotations

from collections.abc import Iterable

LINE_END = "\r\n"


def escaped(value: object) -> str:
    """The inside of a quoted field: `"` doubled."""
    return str(value).replace('"', '""')


def field(value: object) -> str:
    return f'"{escaped(value)}"'


def fields(values: Iterable[object]) -> str:
    """Quoted fields joined by commas: part of a line, or a whole one without its end."""
    return ",".join(map(field, values))


def line(values: Iterable[object]) -> str:
    return fields(values) + LINE_END
