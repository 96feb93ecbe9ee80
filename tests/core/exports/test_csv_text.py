"""The fast CSV writer writes exactly what csv.writer(quoting=QUOTE_ALL) writes."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.exports.csv_text import quoted_rows

cells = st.one_of(st.text(), st.integers(min_value=0))
rows = st.lists(st.lists(cells, min_size=1, max_size=6), max_size=8)


def with_csv_module(table: list[list[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(table)
    return buffer.getvalue()


@given(rows)
def test_same_text_as_the_csv_module(table: list[list[object]]) -> None:
    assert quoted_rows(table) == with_csv_module(table)


@given(rows)
def test_reads_back_as_written(table: list[list[object]]) -> None:
    back = list(csv.reader(io.StringIO(quoted_rows(table), newline="")))
    assert back == [[str(cell) for cell in row] for row in table]


def test_text_holding_the_internal_separators_still_comes_out_right() -> None:
    table = [["a\x00b", "c\x01d"], ['say "hi", then\r\nleave', 7]]
    assert quoted_rows(table) == with_csv_module(table)
    assert quoted_rows(table).startswith('"a\x00b","c\x01d"\r\n"say ""hi"", then')
