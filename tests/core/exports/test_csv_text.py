"""CSV lines built by string formatting equal what csv.writer(quoting=QUOTE_ALL) writes."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.exports import csv_text

cells = st.one_of(st.text(), st.integers(min_value=0))
rows = st.lists(st.lists(cells, min_size=1, max_size=6), max_size=8)


def with_csv_module(table: list[list[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(table)
    return buffer.getvalue()


@given(rows)
def test_same_text_as_the_csv_module(table: list[list[object]]) -> None:
    assert "".join(csv_text.line(row) for row in table) == with_csv_module(table)


@given(rows)
def test_reads_back_as_written(table: list[list[object]]) -> None:
    text = "".join(csv_text.line(row) for row in table)
    back = list(csv.reader(io.StringIO(text, newline="")))
    assert back == [[str(cell) for cell in row] for row in table]


def test_quotes_commas_newlines_and_control_characters() -> None:
    row = ['say "hi", then\r\nleave', "\x00\x01", 7, ""]
    assert csv_text.line(row) == with_csv_module([row])
    assert csv_text.line(row) == '"say ""hi"", then\r\nleave","\x00\x01","7",""\r\n'
