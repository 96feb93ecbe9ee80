"""Parsing untrusted REFI-QDA XML, and finding things in it leniently.

defusedxml refuses DTDs, entity declarations and external references, so neither a
billion-laughs expansion nor a reference to a local file can reach us. Lookups ignore
namespaces and letter case: files from other tools vary in both.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Protocol, cast

import defusedxml
import defusedxml.ElementTree

from annotator.core.exchange.errors import ExchangeFileError, FileProblem


def parse(data: bytes, path: Path, member: str = "") -> ET.Element:
    """The root element of `data`, or an ExchangeFileError naming the file."""
    where = f"{member}: " if member else ""
    try:
        return cast(ET.Element, defusedxml.ElementTree.fromstring(data, forbid_dtd=True))
    except defusedxml.DefusedXmlException as exc:
        raise ExchangeFileError(path, FileProblem.FORBIDDEN_XML, f"{where}{exc}") from exc
    except (ET.ParseError, LookupError, ValueError) as exc:  # also: an unknown encoding
        raise ExchangeFileError(path, FileProblem.MALFORMED_XML, f"{where}{exc}") from exc


def local_name(element: ET.Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].casefold()


def children(element: ET.Element, name: str) -> Iterator[ET.Element]:
    wanted = name.casefold()
    for child in element:
        if local_name(child) == wanted:
            yield child


def child(element: ET.Element | None, name: str) -> ET.Element | None:
    return None if element is None else next(children(element, name), None)


def attr(element: ET.Element, name: str, default: str = "") -> str:
    wanted = name.casefold()
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1].casefold() == wanted:
            return value
    return default


def text_of(element: ET.Element | None) -> str:
    """An element's whole text content (a Description may hold mixed content)."""
    if element is None:
        return ""
    return "".join(element.itertext()).strip()


def contents(
    element: ET.Element | None, container: str, name: str | None = None
) -> list[ET.Element]:
    """The children of `element`'s `container` child (of one name, if given); [] if absent."""
    found = child(element, container) if element is not None else None
    if found is None:
        return []
    return list(found) if name is None else list(children(found, name))


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...
    def close(self) -> None: ...


# A whole document in memory, or a way to open it as a stream (read twice: once for
# everything but the sources, once for the sources one at a time).
XmlSource = bytes | Callable[[], Readable]


def _events(data: XmlSource, path: Path, member: str) -> Iterator[tuple[str, ET.Element]]:
    where = f"{member}: " if member else ""
    try:
        with closing(io.BytesIO(data) if isinstance(data, bytes) else data()) as stream:
            yield from defusedxml.ElementTree.iterparse(
                stream, events=("start", "end"), forbid_dtd=True
            )
    except defusedxml.DefusedXmlException as exc:
        raise ExchangeFileError(path, FileProblem.FORBIDDEN_XML, f"{where}{exc}") from exc
    except (ET.ParseError, LookupError, ValueError) as exc:  # also: an unknown encoding
        raise ExchangeFileError(path, FileProblem.MALFORMED_XML, f"{where}{exc}") from exc


def parse_without(data: XmlSource, path: Path, member: str, container: str) -> ET.Element:
    """The whole document but the children of the root's `container` (read those later).

    A project's sources hold nearly all of its size; the rest (users, codes, notes,
    sets) is small, so it can stay in memory while sources are read one at a time.
    """
    stack: list[ET.Element] = []
    root: ET.Element | None = None
    wanted = container.casefold()
    for event, element in _events(data, path, member):
        if event == "start":
            stack.append(element)
            root = root if root is not None else element
            continue
        stack.pop()
        if len(stack) == 2 and local_name(stack[1]) == wanted:
            stack[1].remove(element)
    assert root is not None  # a parse that ended without error had a root
    return root


def stream_children(
    data: XmlSource, path: Path, member: str, container: str
) -> Iterator[ET.Element]:
    """Each child of the root's `container`, whole, then dropped: memory stays flat."""
    stack: list[ET.Element] = []
    wanted = container.casefold()
    for event, element in _events(data, path, member):
        if event == "start":
            stack.append(element)
            continue
        stack.pop()
        if len(stack) == 2 and local_name(stack[1]) == wanted:
            yield element
            stack[1].remove(element)
        elif len(stack) == 1:
            stack[0].remove(element)  # anything else at the top level was read already
