"""XML bytes in the REFI-QDA standard's form.

The files themselves are written whole or not at all by `storage.atomic_write`, so an
interrupted export never leaves half a file under the name someone will send to a partner.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET


def xml_bytes(root: ET.Element, default_ns: str) -> bytes:
    """UTF-8 XML with a declaration, no byte-order mark, the namespace as default."""
    ET.register_namespace("", default_ns)
    ET.indent(root, space=" ")
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))
