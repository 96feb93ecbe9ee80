"""The real-page corpus (../shared/corpora/web-pages.tar.xz), unpacked to a temporary folder.

Nothing of it is ever copied into the repository: the benchmark and the quality gate
unpack it where the system keeps temporary files and read it from there. The pages
reach the importer the two ways the corpus README describes: the saved `.html` as it
is, and the text a browser's select-all and copy gives (rendered with inscriptis).

`ANNOTATOR_CORPORA` names another corpora folder; without one we look beside the
checkout (`../shared/corpora`), then in `/work/shared/corpora`.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
import re
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARCHIVE = "web-pages.tar.xz"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
# WHATWG: browsers read these labels as windows-1252.
_READ_AS_1252 = {"ascii", "iso8859-1"}


@dataclass(frozen=True)
class Page:
    """One page of the corpus and its gold annotations."""

    name: str
    data: bytes
    url: str
    with_snippets: tuple[str, ...]
    without_snippets: tuple[str, ...]
    gold: dict[str, str] = field(default_factory=dict)  # title, author, date when given

    @property
    def half(self) -> str:
        """`even` or `odd` by the page's id: our own held-out split of the visible half."""
        return "even" if int(self.name[:16], 16) % 2 == 0 else "odd"


def corpora_folder() -> Path | None:
    candidates = [
        Path(os.environ["ANNOTATOR_CORPORA"]) if os.environ.get("ANNOTATOR_CORPORA") else None,
        ROOT.parent / "shared" / "corpora",
        Path("/work/shared/corpora"),
    ]
    for candidate in candidates:
        if candidate is not None and (candidate / ARCHIVE).is_file():
            return candidate
    return None


def unpacked(folder: Path) -> Path:
    """The corpus unpacked once per archive version in the temporary folder."""
    archive = folder / ARCHIVE
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"annotator-web-pages-{digest}"
    if not (target / "web-pages" / "annotations.json").is_file():
        partial = Path(tempfile.mkdtemp(prefix="annotator-web-pages-"))
        with tarfile.open(archive) as tar:
            tar.extractall(partial, filter="data")
        with contextlib.suppress(OSError):  # another process unpacked it meanwhile
            partial.replace(target)
    return target / "web-pages"


def pages(folder: Path) -> Iterator[Page]:
    root = unpacked(folder)
    annotations = json.loads((root / "annotations.json").read_text("utf-8"))
    for name in sorted(annotations):
        gold = annotations[name]
        yield Page(
            name=name,
            data=(root / "pages" / name).read_bytes(),
            url=gold.get("url", ""),
            with_snippets=tuple(gold.get("with", ())),
            without_snippets=tuple(gold.get("without", ())),
            gold={k: gold[k] for k in ("title", "author", "date") if (gold.get(k) or "").strip()},
        )


def browser_html(data: bytes) -> str:
    """The page decoded as a browser would: its declared charset, bad bytes replaced."""
    from annotator.core.importing import encodings

    declared = _META_CHARSET.search(data[:4096])
    encoding = None
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii", "replace")).name
        except LookupError:
            encoding = None
    if encoding in _READ_AS_1252:
        encoding = "cp1252"
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    if encoding:
        return data.decode(encoding, "replace")
    return encodings.decode(data, "page").text


def pasted_text(data: bytes) -> str:
    """What a browser's select-all and copy gives, as the corpus README renders it."""
    from inscriptis import get_text
    from inscriptis.model.config import ParserConfig

    return get_text(browser_html(data), ParserConfig(display_links=False))


def page_language(page: Page, text: str) -> str:
    """The page's `<html lang>`, else the language its words are in."""
    from annotator.core.importing import languages

    found = _HTML_LANG.search(browser_html(page.data)[:20000])
    if found:
        return found.group(1).lower()
    return languages.detect(text).code or "?"
