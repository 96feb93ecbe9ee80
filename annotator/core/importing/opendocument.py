"""OpenDocument text (.odt): paragraphs, headings, lists and tables, and metadata.

odfpy parses with defusedxml; the archive is checked first like a .docx.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from odf import opendocument, teletype
from odf.namespaces import DCNS, METANS, TABLENS, TEXTNS

from annotator.core.importing import safe_zip
from annotator.core.importing.extracted import Extracted, join_paragraphs
from annotator.core.importing.provenance import iso_date
from annotator.core.importing.reading import XML_PARTS_LIMITS, Kind, Source

KIND = "OpenDocument text (.odt)"
_PARAGRAPHS = {(TEXTNS, "p"), (TEXTNS, "h")}
_ROW = (TABLENS, "table-row")
_SKIPPED = {(TEXTNS, "tracked-changes"), (TEXTNS, "sequence-decls")}


def extract(source: Source) -> Extracted:
    safe_zip.check_archive(
        source.data, source.name, KIND, required="content.xml", xml_limit=XML_PARTS_LIMITS[Kind.ODT]
    )
    document = opendocument.load(io.BytesIO(source.data))
    text = join_paragraphs(_blocks(document.text))
    return Extracted(text=text, metadata=_metadata(document))


def _blocks(element: Any) -> Iterator[str]:
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname in _PARAGRAPHS:
            yield teletype.extractText(child)
        elif qname == _ROW:
            yield "\n".join(
                line for block in _blocks(child) for line in block.split("\n") if line.strip()
            )
        elif qname not in _SKIPPED and getattr(child, "childNodes", None):
            yield from _blocks(child)


def _metadata(document: Any) -> dict[str, str]:
    values: dict[tuple[str, str], str] = {}
    for child in document.meta.childNodes:
        qname = getattr(child, "qname", None)
        if qname:
            values[qname] = teletype.extractText(child).strip()
    return {
        "title": values.get((DCNS, "title"), ""),
        "author": values.get((METANS, "initial-creator")) or values.get((DCNS, "creator"), ""),
        "language": values.get((DCNS, "language"), ""),
        "published_date": iso_date(values.get((METANS, "creation-date"), "")),
    }
