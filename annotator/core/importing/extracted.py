"""What an extractor hands back: text with blank lines between paragraphs, and metadata."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class Extracted:
    """The text of one source before normalisation and clean-up."""

    text: str
    metadata: Mapping[str, str] = field(default_factory=dict)  # provenance fields
    encoding: str = ""  # for text formats: the codec that read the bytes
    encoding_detected: bool = False  # guessed, rather than chosen or declared
    outside_main_content: tuple[str, ...] = ()  # web pages: lines left out
    main_content_found: bool = True


def tidy_line(line: str) -> str:
    """One line with runs of spaces (and no-break spaces) as single spaces."""
    return _SPACES.sub(" ", line).strip()


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Paragraphs separated by one blank line, as DESIGN.md numbers them."""
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())
