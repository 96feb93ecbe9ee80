"""A foreign source's text, decoded and normalised, with its positions re-mapped.

REFI-QDA positions are code points in the source file's text, not counting a leading
byte-order mark (QualCoder writes one its positions ignore). Our frozen text has `\\n`
newlines, so a position in a text with Windows line endings moves back by one for
every `\\r\\n` before it. ATLAS.ti counts `\\r\\n` as one character already: when a
source's selection names (peers write the quoted text there) fit that reading
better, it is used instead.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import charset_normalizer

from annotator.core.documents import normalise_text

_BOMS = (("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"))


class UndecodableText(Exception):
    pass


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name of a source file; UTF-8 expected, others detected."""
    for encoding, bom in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableText(str(exc)) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise UndecodableText("not UTF-8, and no other encoding fits") from None
        return str(best), best.encoding


@dataclass(frozen=True)
class SourceText:
    """A source's frozen text and the way positions in the file map onto it."""

    text: str
    _crlf_ends: tuple[int, ...]  # raw offsets of the '\n' of each '\r\n'
    collapsed: bool = False  # positions already count '\r\n' as one character

    @classmethod
    def of(cls, raw: str) -> SourceText:
        raw = raw.removeprefix("\ufeff")
        ends = []
        at = raw.find("\r\n")
        while at != -1:
            ends.append(at + 1)
            at = raw.find("\r\n", at + 2)
        return cls(normalise_text(raw), tuple(ends))

    def position(self, raw_position: int) -> int:
        if self.collapsed or not self._crlf_ends:
            return raw_position
        return raw_position - bisect.bisect_right(self._crlf_ends, raw_position)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span on the frozen text, or None if it lies outside it or is empty."""
        if start < 0 or end <= start:
            return None
        mapped = self.position(start), self.position(end)
        if mapped[1] > len(self.text) or mapped[1] <= mapped[0]:
            return None
        return mapped

    def fitting_names(self, selections: list[tuple[int, int, str]]) -> SourceText:
        """This text, reading positions the way the selections' names fit best."""
        if not self._crlf_ends or not selections:
            return self
        other = SourceText(self.text, self._crlf_ends, not self.collapsed)

        def fits(source: SourceText) -> int:
            count = 0
            for start, end, name in selections:
                span = source.span(start, end)
                if span and name and self.text[span[0] : span[1]].startswith(name[:50]):
                    count += 1
            return count

        return other if fits(other) > fits(self) else self
