"""CSV and XLSX: one row per coding, for a spreadsheet or for analysis in R/pandas.

Columns (in this order): code_path, quote, document_title, source_url, publisher,
author, published_date, accessed_date, language, paragraph, paragraph_end, start, end,
coder, memo, created_at, document_sha256 (of the frozen text the offsets count in),
original_sha256 (of the imported file), coding_id, document_id, coder_id.

Spreadsheets run a cell that starts with `= + - @`, a tab or a carriage return as a
formula, so by default such text cells get a leading `'` (OWASP's advice) and a quote
such as `=HYPERLINK(...)` stays text. `raw=True` ("raw values for analysis") writes
every value exactly as stored, for `pandas.read_csv` or R's `read.csv`; in XLSX a raw
value is still stored as a text cell, never as a formula.

CSV is RFC 4180 (`,` separated, `"` quoted when needed, CRLF between rows), UTF-8,
or UTF-8 with a byte-order mark (`bom=True`) so Excel detects the encoding.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from annotator.core.exports.outcome import ExportResult
from annotator.core.exports.progress import CancelCheck, ProgressCallback, Ticker
from annotator.core.exports.safe_write import safe_write
from annotator.core.exports.selection import (
    ExcerptRow,
    GroupBy,
    Selection,
    count,
    excerpt_rows,
    exported_codes,
)
from annotator.core.exports.xml_text import xml_safe
from annotator.core.project import Project

COLUMNS = (
    "code_path",
    "quote",
    "document_title",
    "source_url",
    "publisher",
    "author",
    "published_date",
    "accessed_date",
    "language",
    "paragraph",
    "paragraph_end",
    "start",
    "end",
    "coder",
    "memo",
    "created_at",
    "document_sha256",
    "original_sha256",
    "coding_id",
    "document_id",
    "coder_id",
)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CELL_LIMIT = 32_767
_NUMBER_COLUMNS = frozenset({"paragraph", "paragraph_end", "start", "end"})
_TEXT_INDEXES = frozenset(i for i, name in enumerate(COLUMNS) if name not in _NUMBER_COLUMNS)


def neutralise(value: str) -> str:
    """Text a spreadsheet will show, never run: `=1+1` becomes `'=1+1`."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def row_values(row: ExcerptRow) -> list[Any]:
    """The values of one coding in COLUMNS order, exactly as stored."""
    document = row.document
    return [
        row.code.node.path,
        row.quote,
        document.title,
        document.source_url,
        document.publisher,
        document.author,
        document.published_date,
        document.accessed_date,
        document.language,
        row.paragraph_first,
        row.paragraph_last,
        row.start,
        row.end,
        row.coder_name,
        row.memo,
        row.created_at,
        document.text_sha256,
        document.original_sha256,
        row.coding_id,
        document.id,
        row.coder_id,
    ]


def _neutralised(values: list[Any]) -> list[Any]:
    for i in _TEXT_INDEXES:
        value = values[i]
        if value and value[0] in "=+-@\t\r":
            values[i] = "'" + value
    return values


def write_csv(
    project: Project,
    target: Path | str,
    selection: Selection,
    *,
    raw: bool = False,
    bom: bool = False,
    group_by: GroupBy = GroupBy.CODE,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportResult:
    target = Path(target)
    codes = exported_codes(project, selection)
    counted = count(project, selection)
    ticker = Ticker(target, counted.codings, progress, cancelled)
    with safe_write(target) as stream:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig" if bom else "utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow(COLUMNS)
        batch: list[list[Any]] = []
        for row in excerpt_rows(project, selection, group_by, codes):
            values = row_values(row)
            batch.append(values if raw else _neutralised(values))
            if len(batch) == 500:
                writer.writerows(batch)
                batch.clear()
                ticker.step(500)
        writer.writerows(batch)
        text.flush()
        text.detach()
    ticker.finish()
    return ExportResult(target, "csv", counted.codings, counted.documents, counted.codes)


def write_xlsx(
    project: Project,
    target: Path | str,
    selection: Selection,
    *,
    raw: bool = False,
    group_by: GroupBy = GroupBy.CODE,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportResult:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    target = Path(target)
    codes = exported_codes(project, selection)
    counted = count(project, selection)
    ticker = Ticker(target, counted.codings, progress, cancelled)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Codings")
    sheet.freeze_panes = "A2"
    for index, width in _COLUMN_WIDTHS.items():
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    bold = Font(bold=True)
    header = []
    for name in COLUMNS:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    truncated = 0
    rows = 0
    for row in excerpt_rows(project, selection, group_by, codes):
        values = row_values(row)
        if not raw:
            _neutralised(values)
        cells: list[Any] = []
        for i, value in enumerate(values):
            if i in _TEXT_INDEXES and value:
                cell, cut = _text_cell(sheet, value)
                cells.append(cell)
                truncated += cut
            else:
                cells.append(value)
        sheet.append(cells)
        rows += 1
        ticker.step()
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{rows + 1}"
    with safe_write(target) as stream:
        workbook.save(stream)
    ticker.finish()
    return ExportResult(
        target,
        "xlsx",
        counted.codings,
        counted.documents,
        counted.codes,
        truncated_cells=truncated,
    )


def _text_cell(sheet: Any, value: str) -> tuple[Any, bool]:
    """A text value XLSX can hold, and whether it had to be cut to the cell limit."""
    from openpyxl.cell import WriteOnlyCell

    value = xml_safe(value)
    cut = len(value) > XLSX_CELL_LIMIT
    if cut:
        value = value[: XLSX_CELL_LIMIT - 1] + "\u2026"
    if value.startswith("="):  # openpyxl would store it as a formula
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell, cut
    return value, cut


_COLUMN_WIDTHS = {0: 28, 1: 80, 2: 40, 3: 30, 4: 20, 5: 20, 13: 16, 14: 40, 15: 20}
