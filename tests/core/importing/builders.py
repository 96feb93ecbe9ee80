"""Small files of every format, written by the tests themselves (no binary fixtures).

The texts are invented for the tests; none is a published article.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "importing"
SCRAPE = FIXTURES / "harbour-cameras-scrape.txt"
LATIN1_PAGE = FIXTURES / "saltmere-budget-latin1.html"

PARAGRAPHS = [
    "Inspectors counted forty cameras along the harbour road in March.",
    "A second survey in May found sixty, most of them pointed at the ferry gates.",
    "The harbour authority said the cameras were needed to manage crowds.",
]


def write_docx(path: Path, *, title: str = "Harbour camera survey", table: bool = True) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Saltmere Watch"
    document.core_properties.created = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)
    document.core_properties.language = "en-GB"
    document.add_heading("Harbour camera survey", level=1)
    document.add_paragraph(PARAGRAPHS[0])
    if table:
        grid = document.add_table(rows=3, cols=2)
        for r, row in enumerate([("Month", "Cameras"), ("March", "40"), ("May", "60")]):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
        merged = document.add_table(rows=1, cols=2)
        merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Both surveys by volunteers"
    document.add_paragraph(PARAGRAPHS[1])
    paragraph = document.add_paragraph("First line")
    paragraph.add_run().add_break()
    paragraph.add_run("second line of the same paragraph")
    document.save(path)
    return path


def write_odt(path: Path) -> Path:
    from odf import meta, table, text
    from odf.dc import Creator, Language, Title
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.meta.addElement(Title(text="Ferry gate log"))
    document.meta.addElement(Creator(text="Saltmere Watch"))
    document.meta.addElement(Language(text="en"))
    document.meta.addElement(meta.CreationDate(text="2024-02-01T09:00:00"))
    document.text.addElement(text.H(outlinelevel=1, text="Ferry gate log"))
    document.text.addElement(text.P(text=PARAGRAPHS[0]))
    grid = table.Table(name="Counts")
    grid.addElement(table.TableColumn(numbercolumnsrepeated=2))
    for values in [("Gate", "Cameras"), ("Four", "6")]:
        row = table.TableRow()
        for value in values:
            cell = table.TableCell()
            cell.addElement(text.P(text=value))
            row.addElement(cell)
        grid.addElement(row)
    document.text.addElement(grid)
    items = text.List()
    for value in ("first item", "second item"):
        item = text.ListItem()
        item.addElement(text.P(text=value))
        items.addElement(item)
    document.text.addElement(items)
    document.text.addElement(text.P(text=PARAGRAPHS[2]))
    document.save(str(path))
    return path


def pdf_bytes(paragraphs: list[str] | None = None, *, title: str = "Harbour brief") -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author("Saltmere Watch")
    pdf.set_creation_date(datetime(2024, 1, 9, 8, 0, tzinfo=UTC))
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs or PARAGRAPHS:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    return bytes(pdf.output())


def write_pdf(path: Path, paragraphs: list[str] | None = None) -> Path:
    path.write_bytes(pdf_bytes(paragraphs))
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF holding only a picture, as a scanner makes it."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(200, 200, 200)
    pdf.rect(20, 20, 100, 60, style="F")
    path.write_bytes(bytes(pdf.output()))
    return path


def zip_bytes(parts: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()
