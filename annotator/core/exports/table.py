"""CSV and XLSX: one row per coding, for a spreadsheet or for analysis in R/pandas.

Columns (in this order): code_path, quote, document_title, source_url, publisher,
author, published_date, accessed_date, language, paragraph and paragraph_end (the
paragraphs the quote starts and ends in, as numbers, so a spreadsheet never reads
`3-5` as a date), start, end (code-point offsets), coder, memo, created_at,
document_sha256 (of the frozen text the offsets count in), original_sha256 (of the
imported file, empty for pasted text) and coding_id.

Spreadsheets run a cell that starts with `= + - @`, a tab or a carriage return as a
formula, so by default such text cells get a leading `'` (OWASP's advice) and a quote
such as `=HYPERLINK(...)` stays text. `raw=True` ("raw values for analysis") writes
every value exactly as stored, for `pandas.read_csv` or R's `read.csv`; in XLSX a raw
value is still stored as a text cell, never as a formula.

CSV is RFC 4180 (`,` separated, every field in `"` with inner `"` doubled, CRLF
after each row), UTF-8, or UTF-8 with a byte-order mark (`bom=True`) so Excel
detects the encoding. Quoted numbers still read as numbers in Excel, LibreOffice,
pandas and R.
"""

from __future__ import annotations

import contextlib
import io
from bisect import bisect_right
from pathlib import Path
from typing import Any, NamedTuple

from annotator.core.exports import csv_text
from annotator.core.exports.outcome import ExportResult
from annotator.core.exports.progress import CancelCheck, ProgressCallback, Ticker
from annotator.core.exports.rows import ExportContext, RawCoding
from annotator.core.exports.selection import GroupBy, count_codings
from annotator.core.ids import DocumentId
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.core.storage.atomic_write import atomic_write, write_from_memory
from annotator.core.xml_text import xml_safe

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
)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CELL_LIMIT = 32_767
_NUMBER_COLUMNS = frozenset({"paragraph", "paragraph_end", "start", "end"})
_TEXT_INDEXES = frozenset(i for i, name in enumerate(COLUMNS) if name not in _NUMBER_COLUMNS)
_BATCH = 500


def neutralise(value: str) -> str:
    """Text a spreadsheet will show, never run: `=1+1` becomes `'=1+1`."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def _exact(value: str) -> str:
    return value


class _DocumentCells(NamedTuple):
    breaks: tuple[int, ...]  # paragraph starts: a bisect gives the paragraph number
    details: list[str]
    hashes: list[str]
    csv_details: str  # the same, as quoted CSV fields
    csv_hashes: str


class TableRows:
    """Turns codings into rows of COLUMNS, preparing each document's cells only once."""

    def __init__(self, context: ExportContext, *, raw: bool) -> None:
        self.context = context
        self.cell = _exact if raw else neutralise
        self.code_paths = {c.id: self.cell(c.node.path) for c in context.codes}
        self.coders = {i: self.cell(name) for i, name in context.coder_names.items()}
        self.csv_code_paths = {i: csv_text.field(path) for i, path in self.code_paths.items()}
        self.csv_coders = {i: csv_text.field(name) for i, name in self.coders.items()}
        self._documents: dict[str, _DocumentCells] = {}
        self.codes_seen: set[str] = set()
        self.codings = 0

    def _document(self, document_id: DocumentId) -> _DocumentCells:
        found = self._documents.get(document_id)
        if found is None:
            source = self.context.source(document_id)
            cell = self.cell
            details = [
                cell(source.title),
                cell(source.source_url),
                cell(source.publisher),
                cell(source.author),
                cell(source.published_date),
                cell(source.accessed_date),
                cell(source.language),
            ]
            hashes = [source.text_sha256, source.original_sha256]
            found = _DocumentCells(
                source.paragraphs.starts,
                details,
                hashes,
                csv_text.fields(details),
                csv_text.fields(hashes),
            )
            self._documents[document_id] = found
        return found

    def row(self, coding: RawCoding) -> list[Any]:
        """The cells of one coding, in COLUMNS order."""
        coding_id, code_id, document_id, coder_id, start, end, quote, memo, created_at = coding
        breaks, details, hashes, _, _ = self._document(document_id)
        self.codes_seen.add(code_id)
        self.codings += 1
        cell = self.cell
        # paragraph numbers as Paragraphs.number_at counts them (end > start >= 0)
        return [
            self.code_paths[code_id],
            cell(quote),
            *details,
            bisect_right(breaks, start),
            bisect_right(breaks, end - 1),
            start,
            end,
            self.coders[coder_id],
            cell(memo),
            created_at,
            *hashes,
            coding_id,
        ]

    def csv_line(self, coding: RawCoding) -> str:
        """`csv_text.line(self.row(coding))`, built from cells quoted in advance."""
        coding_id, code_id, document_id, coder_id, start, end, quote, memo, created_at = coding
        breaks, _, _, details, hashes = self._document(document_id)
        self.codes_seen.add(code_id)
        self.codings += 1
        cell = self.cell
        quote = cell(quote).replace('"', '""')
        memo = cell(memo).replace('"', '""') if memo else ""
        stamp, key = created_at.replace('"', '""'), coding_id.replace('"', '""')
        return (
            f'{self.csv_code_paths[code_id]},"{quote}",{details},'
            f'"{bisect_right(breaks, start)}","{bisect_right(breaks, end - 1)}",'
            f'"{start}","{end}",{self.csv_coders[coder_id]},"{memo}",'
            f'"{stamp}",{hashes},"{key}"\r\n'
        )

    def result(self, target: Path, format_name: str, truncated_cells: int = 0) -> ExportResult:
        return ExportResult(
            target,
            format_name,
            codings=self.codings,
            documents=len(self._documents),
            codes=len(self.codes_seen),
            truncated_cells=truncated_cells,
        )


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
    ticker = Ticker(target, count_codings(project, selection), progress, cancelled)
    context = ExportContext(project, selection)
    rows = TableRows(context, raw=raw)
    with atomic_write(target) as stream:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig" if bom else "utf-8", newline="")
        text.write(csv_text.line(COLUMNS))
        lines: list[str] = []
        for coding in context.codings(group_by):
            lines.append(rows.csv_line(coding))
            if len(lines) == _BATCH:
                text.write("".join(lines))
                lines.clear()
                ticker.step(_BATCH)
        text.write("".join(lines))
        text.flush()
        text.detach()
        ticker.check()
    ticker.finish()
    return rows.result(target, "csv")


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
    ticker = Ticker(target, count_codings(project, selection), progress, cancelled)
    context = ExportContext(project, selection)
    rows = TableRows(context, raw=raw)
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
    try:
        for coding in context.codings(group_by):
            cells: list[Any] = []
            for i, value in enumerate(rows.row(coding)):
                if i in _TEXT_INDEXES and value:
                    text_cell, cut = _text_cell(sheet, value)
                    cells.append(text_cell)
                    truncated += cut
                else:
                    cells.append(value)
            sheet.append(cells)
            ticker.step()
        ticker.check()
    except BaseException:
        # finish openpyxl's row writer now, or it fails noisily when collected
        with contextlib.suppress(Exception):
            sheet.close()
        raise
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{rows.codings + 1}"
    write_from_memory(target, workbook.save)
    ticker.finish()
    return rows.result(target, "xlsx", truncated)


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
