"""Pick the extractor for a source's kind; a crash inside one is that file's problem.

Parsers of untrusted files raise all sorts of exceptions on damaged input (KeyError
from a zip without its manifest, lxml errors, RecursionError, ...). Each becomes a
DamagedFile for that source, with the traceback in the log (shown with --verbose),
so one bad file never stops a bulk import.
"""

from __future__ import annotations

import logging

from annotator.core.importing import encodings, errors, opendocument, pdf, web_page, word
from annotator.core.importing.extracted import Extracted
from annotator.core.importing.reading import Kind, Source

log = logging.getLogger(__name__)

_KIND_NAMES = {
    Kind.TEXT: "text",
    Kind.MARKDOWN: "Markdown",
    Kind.HTML: "web page (HTML)",
    Kind.DOCX: word.KIND,
    Kind.ODT: opendocument.KIND,
    Kind.PDF: pdf.KIND,
}


def extract(source: Source, *, encoding: str | None = None, whole_page: bool = False) -> Extracted:
    try:
        return _extract(source, encoding, whole_page)
    except errors.ImportFailed:
        raise
    except MemoryError:
        raise errors.OutOfMemory(source.name) from None
    except Exception as exc:  # parsers of untrusted files fail in endless ways
        log.info("could not extract %s", source.name, exc_info=True)
        detail = f"{type(exc).__name__}: {exc}"
        raise errors.DamagedFile(source.name, _KIND_NAMES[source.kind], detail) from None


def _extract(source: Source, encoding: str | None, whole_page: bool) -> Extracted:
    if source.kind is Kind.HTML:
        return web_page.extract(source, encoding=encoding, whole_page=whole_page)
    if source.kind is Kind.DOCX:
        return word.extract(source)
    if source.kind is Kind.ODT:
        return opendocument.extract(source)
    if source.kind is Kind.PDF:
        return pdf.extract(source)
    decoded = encodings.decode(source.data, source.name, override=encoding)
    return Extracted(
        text=decoded.text, encoding=decoded.encoding, encoding_detected=decoded.detected
    )
