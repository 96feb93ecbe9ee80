"""PDF files: the text layer page by page, with paragraphs kept, and the document info.

pypdf's layout mode keeps vertical gaps, so a paragraph gap in the PDF becomes a
blank line here; the spaces it adds to place words horizontally are collapsed. A
PDF with no text at all is a scanned image and needs OCR elsewhere.
"""

from __future__ import annotations

import io
import logging
import re

import pypdf
from pypdf.errors import DependencyError, FileNotDecryptedError

from annotator.core.importing import errors
from annotator.core.importing.extracted import Extracted, tidy_line
from annotator.core.importing.provenance import iso_date
from annotator.core.importing.reading import Source

log = logging.getLogger(__name__)

KIND = "PDF"
_BLANK_RUNS = re.compile(r"\n{3,}")


def extract(source: Source) -> Extracted:
    try:
        reader = pypdf.PdfReader(io.BytesIO(source.data))
        _unlock(reader, source.name)
        pages = [_page_text(page) for page in reader.pages]
        metadata = _metadata(reader)
    except errors.ImportFailed:
        raise
    except (DependencyError, FileNotDecryptedError):
        raise errors.PasswordProtected(source.name) from None
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise errors.DamagedFile(source.name, KIND, f"{type(exc).__name__}: {exc}") from None
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise errors.NoTextLayer(source.name)
    return Extracted(text=text, metadata=metadata)


def _unlock(reader: pypdf.PdfReader, name: str) -> None:
    if reader.is_encrypted and not reader.decrypt(""):
        raise errors.PasswordProtected(name)


def _page_text(page: pypdf.PageObject) -> str:
    try:
        raw = page.extract_text(extraction_mode="layout")
    except Exception:  # layout mode is stricter about odd fonts; plain mode copes
        log.info("layout extraction failed on a page; using plain extraction", exc_info=True)
        raw = page.extract_text()
    lines = "\n".join(tidy_line(line) for line in raw.split("\n"))
    return _BLANK_RUNS.sub("\n\n", lines).strip()


def _metadata(reader: pypdf.PdfReader) -> dict[str, str]:
    info = reader.metadata
    found: dict[str, str] = {}
    if info is not None:
        found["title"] = str(info.title or "")
        found["author"] = str(info.author or "")
        try:
            found["published_date"] = iso_date(info.creation_date)
        except (ValueError, TypeError):
            found["published_date"] = ""
    language = reader.root_object.get("/Lang")
    if language:
        found["language"] = str(language)
    return found
