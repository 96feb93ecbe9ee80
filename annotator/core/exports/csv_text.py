"""CSV text for many rows at once: the csv module's QUOTE_ALL output, several times faster.

csv.writer looks at every character in Python's C loop one by one; a 200,000-row
export spends most of its time there. With every field quoted, RFC 4180 needs only
one rule (double each `"`), which str.replace applies to a whole chunk in one pass.
Fields are joined with separators that cannot occur in the text (checked by count
on every chunk); a chunk whose text does contain one falls back to csv.writer, so
the output is always exactly what `csv.writer(quoting=csv.QUOTE_ALL)` writes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

_FIELD = "\x00"
_ROW = "\x01"
LINE_END = "\r\n"


def quoted_rows(rows: Sequence[Sequence[Any]]) -> str:
    """`rows` as CSV text with every field quoted and CRLF after each row."""
    if not rows:
        return ""
    text = _ROW.join([_FIELD.join(map(str, row)) for row in rows])
    fields = sum(len(row) - 1 for row in rows)
    if text.count(_FIELD) != fields or text.count(_ROW) != len(rows) - 1:
        return _with_csv_module(rows)
    return (
        '"'
        + text.replace('"', '""').replace(_FIELD, '","').replace(_ROW, '"' + LINE_END + '"')
        + '"'
        + LINE_END
    )


def _with_csv_module(rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator=LINE_END).writerows(rows)
    return buffer.getvalue()
