"""Build small REFI-QDA archives for tests, the way other tools write them."""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = 'xmlns="urn:QDA-XML:project:1.0"'
USER = "6D7A1C2E-1111-4A4A-8B8B-000000000001"
CODE = "6D7A1C2E-2222-4A4A-8B8B-000000000002"
OTHER_CODE = "6D7A1C2E-2222-4A4A-8B8B-000000000003"


def make_qdpx(
    path: Path,
    qde: str | bytes,
    files: dict[str, bytes] | None = None,
    *,
    qde_name: str = "project.qde",
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(qde_name, qde.encode("utf-8") if isinstance(qde, str) else qde)
        for name, data in (files or {}).items():
            zf.writestr(name, data)
    return path


def project_xml(sources: str, *, extra: str = "", codes: str = "") -> str:
    codes = codes or (
        f'<Code guid="{{{CODE}}}" name="Cameras" isCodable="true" color="#abc"/>'
        f'<Code guid="{OTHER_CODE.lower()}" name="Phones" isCodable="true"/>'
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><Project {NS} name="peer" origin="PeerTool 1">'
        f'<Users><User guid="{USER}" name="kim"/></Users>'
        f"<CodeBook><Codes>{codes}</Codes></CodeBook>"
        f"<Sources>{sources}</Sources>{extra}</Project>"
    )


def text_source(
    guid: str, name: str, path: str | None, selections: str = "", inline: str | None = None
) -> str:
    attrs = f' plainTextPath="{path}"' if path is not None else ""
    body = f"<PlainTextContent>{inline}</PlainTextContent>" if inline is not None else ""
    return f'<TextSource guid="{guid}" name="{name}"{attrs}>{body}{selections}</TextSource>'


def selection(
    start: int, end: int, code: str = CODE, *, name: str = "", guid: str = "", user: str = USER
) -> str:
    guid = guid or f"{start:08x}-0000-4000-8000-{end:012x}"
    named = f' name="{name}"' if name else ""
    return (
        f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}"{named}>'
        f'<Coding guid="{end:08x}-1111-4000-8000-{start:012x}" creatingUser="{user}">'
        f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
    )
