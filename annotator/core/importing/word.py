"""Word (.docx) files: body paragraphs and tables in document order, and core properties.

A table row becomes one paragraph with one line per cell, so a row can be coded
as a unit and cells never run into each other.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from annotator.core.importing import safe_zip
from annotator.core.importing.extracted import Extracted, join_paragraphs
from annotator.core.importing.provenance import iso_date
from annotator.core.importing.reading import XML_PARTS_LIMITS, Kind, Source

KIND = "Word (.docx)"


def extract(source: Source) -> Extracted:
    limit = XML_PARTS_LIMITS[Kind.DOCX]
    safe_zip.check_archive(
        source.data, source.name, KIND, required="word/document.xml", xml_limit=limit
    )
    document = docx.Document(io.BytesIO(source.data))
    text = join_paragraphs(_blocks(document.iter_inner_content()))
    props = document.core_properties
    metadata = {
        "title": props.title or "",
        "author": props.author or "",
        "language": props.language or "",
        "published_date": iso_date(props.created),
    }
    return Extracted(text=text, metadata=metadata)


def _blocks(content: Iterator[Paragraph | Table]) -> Iterator[str]:
    for block in content:
        if isinstance(block, Paragraph):
            yield block.text
        else:
            for row in block.rows:
                yield _row_text(row.cells)


def _row_text(cells: list[_Cell]) -> str:
    """Each cell once (merged cells repeat in python-docx's list), one line each."""
    seen: set[int] = set()
    lines: list[str] = []
    for cell in cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        for part in _blocks(cell.iter_inner_content()):
            lines.extend(line for line in part.split("\n") if line.strip())
    return "\n".join(lines)
