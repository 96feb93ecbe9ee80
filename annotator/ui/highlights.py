"""How a stretch of coded text looks: one tint per code, diagonal stripes for several.

A segment coded once gets its code's tint. A segment several codes share gets
diagonal stripes of each code's tint, so overlaps stay distinguishable (a blend of
three colours is just brown). Text on every highlight is black or white, whichever
contrasts better with all of its stripes. Formats are cached per set of colours.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor, QImage, QPixmap, QTextCharFormat

from annotator.ui import colors

STRIPE_WIDTH = 7  # pixels across one diagonal band


def striped_image(tints: Sequence[str], width: int = STRIPE_WIDTH) -> QImage:
    """A tile of diagonal bands, one per colour, that repeats without seams."""
    size = width * len(tints)
    image = QImage(size, size, QImage.Format.Format_RGB32)
    rgbs = [QColor(c).rgb() for c in tints]
    for y in range(size):
        for x in range(size):
            image.setPixel(x, y, rgbs[((x + y) // width) % len(rgbs)])
    return image


class HighlightStyles:
    """Text formats for coded segments, keyed by the ordered colours of their codes."""

    def __init__(self) -> None:
        self._formats: dict[tuple[str, ...], QTextCharFormat] = {}

    def format_for(self, code_colors: Sequence[str]) -> QTextCharFormat:
        key = tuple(dict.fromkeys(c.upper() for c in code_colors))
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = self._make(key)
        return found

    @staticmethod
    def _make(code_colors: tuple[str, ...]) -> QTextCharFormat:
        tints = [colors.tint(c) for c in code_colors]
        fmt = QTextCharFormat()
        if len(tints) == 1:
            fmt.setBackground(QColor(tints[0]))
        else:
            fmt.setBackground(QBrush(QPixmap.fromImage(striped_image(tints))))
        fmt.setForeground(QColor(colors.readable_text(tints)))
        return fmt
