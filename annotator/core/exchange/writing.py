"""Writing exchange files: XML bytes in the standard's form, and files replaced whole.

A file is written under a hidden temporary name beside the target and renamed only
when complete, so an interrupted export never leaves half a file under the name
someone will send to a partner.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from annotator.core.errors import ProjectUnwritable


def xml_bytes(root: ET.Element, default_ns: str) -> bytes:
    """UTF-8 XML with a declaration, no byte-order mark, the namespace as default."""
    ET.register_namespace("", default_ns)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@contextlib.contextmanager
def atomic_file(target: Path) -> Iterator[BinaryIO]:
    """A binary file that becomes `target` on success and vanishes on failure."""
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    done = False
    try:
        with partial.open("xb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, target)
        done = True
    except OSError as exc:
        raise ProjectUnwritable(target, exc.strerror or str(exc)) from exc
    finally:
        if not done:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)


def write_atomically(target: Path, data: bytes) -> Path:
    with atomic_file(target) as stream:
        stream.write(data)
    return target
