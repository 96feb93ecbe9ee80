"""CSV and XLSX exports, read back with their own readers and compared with the project."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from annotator.core import events
from annotator.core.codebook import code_path
from annotator.core.coders import get_coder
from annotator.core.coding import get_coding
from annotator.core.documents import get_document
from annotator.core.exports.formats import ExportOptions, write_export
from annotator.core.exports.rows import ExportContext
from annotator.core.exports.table import COLUMNS, neutralise, write_csv, write_xlsx
from annotator.core.selection import Selection
from tests.core.exports.conftest import ReportProject


def read_csv(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def expected_row(report: ReportProject, coding_id: str) -> list[str]:
    """What the row of one coding should hold, read with the core's plain getters."""
    project = report.project
    coding = get_coding(project, coding_id)
    document = get_document(project, coding.document_id)
    return [
        code_path(project, coding.code_id),
        coding.quote,
        document.title,
        document.source_url,
        document.publisher,
        document.author,
        document.published_date,
        document.accessed_date,
        document.language,
        str(document.text[: coding.start].count("\n\n") + 1),
        str(document.text[: coding.end - 1].count("\n\n") + 1),
        str(coding.start),
        str(coding.end),
        get_coder(project, coding.coder_id).name,
        coding.memo,
        coding.created_at,
        document.text_sha256,
        document.original_sha256,
        coding.id,
    ]


def expected_rows(report: ReportProject, selection: Selection | None = None) -> list[list[str]]:
    """Every selected coding's row, in the order ExportContext.rows gives (tested elsewhere)."""
    rows = ExportContext(report.project, selection or Selection()).rows()
    return [expected_row(report, r.coding_id) for r in rows]


def test_csv_holds_one_row_per_coding_with_every_column(
    report: ReportProject, tmp_path: Path
) -> None:
    target = tmp_path / "codings.csv"
    result = write_csv(report.project, target, Selection(), raw=True)
    rows = read_csv(target)
    assert result.codings == len(rows) == len(report.codings)
    assert list(rows[0]) == list(COLUMNS)
    assert [list(r.values()) for r in rows] == expected_rows(report)
    assert {r["coding_id"] for r in rows} == set(report.codings)


def test_csv_values_agree_with_the_stored_documents(report: ReportProject, tmp_path: Path) -> None:
    target = tmp_path / "codings.csv"
    write_csv(report.project, target, Selection(), raw=True)
    by_hash = {d.text_sha256: d for d in report.docs.values()}
    for row in read_csv(target):
        document = by_hash[row["document_sha256"]]
        start, end = int(row["start"]), int(row["end"])
        assert document.text[start:end] == row["quote"]
        assert row["document_title"] == document.title
        assert row["original_sha256"] == document.original_sha256
        assert row["publisher"] == document.publisher
        assert int(row["paragraph"]) == document.text[:start].count("\n\n") + 1


def test_quotes_with_commas_quotes_and_newlines_survive(
    report: ReportProject, tmp_path: Path
) -> None:
    target = tmp_path / "codings.csv"
    write_csv(report.project, target, Selection(), raw=True)
    quotes = {r["quote"] for r in read_csv(target)}
    assert (
        '=SUM(A1:A3) was painted on a wall near the gate, "as a joke", said one trader.\n'
        "Another line" in quotes
    )
    assert "officials said on Tuesday.\n\n=SUM(A1:A3)" in quotes
    assert "乘客说：😟 我们不知道数据存放在哪里。" in quotes
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == len(report.codings) + 1  # RFC 4180 rows; "\n" stays inside quotes


def test_csv_with_bom_for_excel(report: ReportProject, tmp_path: Path) -> None:
    target = tmp_path / "codings.csv"
    write_csv(report.project, target, Selection(), bom=True)
    assert target.read_bytes().startswith(b'\xef\xbb\xbf"code_path","quote",')
    assert len(read_csv(target, "utf-8-sig")) == len(report.codings)


def test_formulas_are_neutralised_by_default(report: ReportProject, tmp_path: Path) -> None:
    target = tmp_path / "codings.csv"
    write_csv(report.project, target, Selection())
    rows = read_csv(target)
    quotes = [r["quote"] for r in rows]
    assert "'=SUM(A1:A3) was painted" in "\n".join(quotes)
    assert "'-- Traders were not asked" in quotes
    assert "'@border_watch posted photos of the scanners.\x0cNext page." in quotes
    for row in rows:
        for name, value in row.items():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (name, value)
    # numbers and ordinary text are untouched
    assert "The city council installed forty new cameras" in quotes


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-5", "'-5"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise(value: str, shown: str) -> None:
    assert neutralise(value) == shown


def test_xlsx_round_trip_with_text_cells_only(report: ReportProject, tmp_path: Path) -> None:
    target = tmp_path / "codings.xlsx"
    result = write_xlsx(report.project, target, Selection(), raw=True)
    assert result.truncated_cells == 0
    sheet = openpyxl.load_workbook(target).active
    assert sheet.title == "Codings"
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == list(COLUMNS)
    expected = expected_rows(report)
    got = [["" if v is None else str(v) for v in row] for row in values[1:]]
    # XLSX cannot hold a form feed: it becomes a line break, as in the Word export
    assert got == [[v.replace("\x0c", "\n") for v in row] for row in expected]
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.coordinate  # raw "=SUM(...)" is text, not a formula
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:S{len(report.codings) + 1}"


def test_xlsx_neutralised_by_default(report: ReportProject, tmp_path: Path) -> None:
    target = tmp_path / "codings.xlsx"
    write_xlsx(report.project, target, Selection())
    sheet = openpyxl.load_workbook(target).active
    quotes = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert any(q.startswith("'=SUM(A1:A3)") for q in quotes)


def test_a_filtered_export_holds_exactly_the_selection(
    report: ReportProject, tmp_path: Path
) -> None:
    selection = Selection(coder_ids=(report.coders["tomas"],), date_from="2024")
    target = tmp_path / "tomas.csv"
    write_csv(report.project, target, selection, raw=True)
    assert [list(r.values()) for r in read_csv(target)] == expected_rows(report, selection)
    assert {r["coder"] for r in read_csv(target)} == {"Tomás Ortega"}


def test_an_empty_selection_writes_the_header_only(report: ReportProject, tmp_path: Path) -> None:
    target = tmp_path / "none.csv"
    result = write_csv(report.project, target, Selection(code_ids=()))
    assert result.codings == 0
    assert target.read_bytes().decode("utf-8") == ",".join(f'"{c}"' for c in COLUMNS) + "\r\n"


def test_every_export_is_logged(report: ReportProject, tmp_path: Path) -> None:
    target = tmp_path / "codings.csv"
    write_export(
        report.project,
        "csv",
        target,
        ExportOptions(selection=Selection(coder_ids=(report.coders["amina"],)), bom=True),
        coder_id=report.coders["amina"],
    )
    logged = events.history(report.project, action="export written")[0]
    assert logged.coder_id == report.coders["amina"]
    assert logged.details["file"] == str(target)
    assert logged.details["format"] == "csv"
    assert logged.details["codings"] == 8
    assert logged.details["selection"]["coder_ids"] == [report.coders["amina"]]
    assert logged.details["options"]["bom"] is True


def test_progress_reaches_the_total(report: ReportProject, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_csv(
        report.project, tmp_path / "c.csv", Selection(), progress=lambda d, t: seen.append((d, t))
    )
    assert seen[0] == (0, 11)
    assert seen[-1] == (11, 11)


def test_pandas_style_reading_gets_exact_values(report: ReportProject, tmp_path: Path) -> None:
    """With raw values, a plain CSV reader gets back what is stored, byte for byte."""
    target = tmp_path / "raw.csv"
    write_csv(report.project, target, Selection(), raw=True)
    text = target.read_text("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    quotes = {r[1] for r in rows[1:]}
    stored = {r.quote for r in ExportContext(report.project, Selection()).rows()}
    assert quotes == stored


def test_text_holding_control_characters_still_comes_out_exactly(
    report: ReportProject, tmp_path: Path
) -> None:
    """PDF text can carry control characters; the fast CSV path steps aside for them."""
    from annotator.core.documents import NewDocument, store_document

    text = "Scanned page\n\nA stray \x01 SOH in a sentence."
    report.docs["scan"] = store_document(report.project, NewDocument(title="Scan", text=text))
    report.code("scan", "legal", "A stray \x01 SOH")
    target = tmp_path / "codings.csv"
    write_csv(report.project, target, Selection(), raw=True)
    rows = read_csv(target)
    assert [list(r.values()) for r in rows] == expected_rows(report)
    assert "A stray \x01 SOH" in {r["quote"] for r in rows}


@pytest.mark.parametrize("raw", [True, False])
def test_each_csv_line_is_its_row_quoted(report: ReportProject, raw: bool) -> None:
    from annotator.core.exports import csv_text
    from annotator.core.exports.table import TableRows

    context = ExportContext(report.project, Selection())
    rows = TableRows(context, raw=raw)
    for coding in context.codings():
        assert rows.csv_line(coding) == csv_text.line(rows.row(coding))
