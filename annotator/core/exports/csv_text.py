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

FIELD_SEPARATOR = "\x00"
_ROW = "\x01"
LINE_END = "\r\n"


def quoted_rows(rows: Sequence[Sequence[Any]]) -> str:
    """`rows` as CSV text with every field quoted and CRLF after each row."""
    if not rows:
        return ""
    records = [FIELD_SEPARATOR.join(map(str, row)) for row in rows]
    widths = {len(row) for row in rows}
    text = quoted_records(records, widths.pop()) if len(widths) == 1 else None
    return _with_csv_module(rows) if text is None else text


def quoted_records(records: Sequence[str], fields: int) -> str | None:
    """Records of `fields` values joined by FIELD_SEPARATOR, as quoted CSV text.

    None if a value itself holds a separator: then the fields cannot be told apart,
    and the caller writes those rows with `quoted_rows`, which falls back to csv.
    """
    if not records:
        return ""
    text = _ROW.join(records)
    if (
        text.count(FIELD_SEPARATOR) != len(records) * (fields - 1)
        or text.count(_ROW) != len(records) - 1
    ):
        return None
    quoted = text.replace('"', '""').replace(FIELD_SEPARATOR, '","')
    return '"' + quoted.replace(_ROW, '"' + LINE_END + '"') + '"' + LINE_END


def _with_csv_module(rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator=LINE_END).writerows(rows)
    return buffer.getvalue()
