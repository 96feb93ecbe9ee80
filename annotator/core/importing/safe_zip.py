"""Check an office file's zip before any parser opens it.

.docx and .odt files are zip archives of XML written by whoever sent them. Before
python-docx or odfpy touches one, we refuse archives that would unpack to absurd
sizes (zip bombs) and XML parts that declare a DTD or entities (billion laughs,
external entities), using defusedxml on each part's prolog.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree
from defusedxml import DefusedXmlException

from annotator.core.importing import errors
from annotator.core.importing.reading import MB

MAX_PARTS = 5_000
MAX_UNPACKED = 300 * MB
MAX_RATIO = 200  # deflate rarely does better than ~20:1 on real documents
_RATIO_FROM = 1 * MB  # tiny parts may compress absurdly well (runs of spaces)


def check_archive(data: bytes, source: str, kind: str, required: str, xml_limit: int) -> None:
    """Raise DamagedFile, UnsafeFile or TooLarge unless `data` is a sane zip holding
    `required`, whose XML parts unpack to `xml_limit` bytes at most."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise errors.DamagedFile(source, kind, str(exc)) from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise errors.UnsafeFile(source, errors.Unsafe.TOO_MANY_PARTS, count=len(parts))
        unpacked = sum(part.file_size for part in parts)
        if unpacked > MAX_UNPACKED:
            raise errors.UnsafeFile(source, errors.Unsafe.UNPACKS_TOO_LARGE, size=unpacked)
        for part in parts:
            ratio = part.file_size / max(1, part.compress_size)
            if part.file_size > _RATIO_FROM and ratio > MAX_RATIO:
                raise errors.UnsafeFile(
                    source,
                    errors.Unsafe.COMPRESSED_TOO_MUCH,
                    part=part.filename,
                    count=round(ratio),
                )
        names = {part.filename for part in parts}
        if required not in names:
            raise errors.DamagedFile(source, kind, part=required, missing=True)
        xml_parts = [part for part in parts if _is_xml(part.filename)]
        xml_size = sum(part.file_size for part in xml_parts)
        if xml_size > xml_limit:
            raise errors.TooLarge(source, xml_size, xml_limit, xml=True)
        for part in xml_parts:
            _check_prolog(archive, part.filename, source, kind)


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _check_prolog(archive: zipfile.ZipFile, name: str, source: str, kind: str) -> None:
    """A DTD can only come before the root element, so reading up to it is enough."""
    try:
        with archive.open(name) as stream:
            for _event, _element in defusedxml.ElementTree.iterparse(
                stream, events=("start",), forbid_dtd=True
            ):
                return
    except DefusedXmlException:
        raise errors.UnsafeFile(source, errors.Unsafe.XML_DECLARATIONS, part=name) from None
    except (ParseError, zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError) as exc:
        raise errors.DamagedFile(source, kind, str(exc), part=name) from None
