"""Highlight colours that keep text readable: tints, blends and WCAG contrast.

Plain functions over `#RRGGBB` strings, so they are tested without a display.
"""

from __future__ import annotations

from collections.abc import Iterable

WHITE = "#FFFFFF"
BLACK = "#000000"
# How much of a code's colour a highlight keeps (the rest is white paper): light
# enough that black text stays readable, strong enough that codes stay apart.
HIGHLIGHT_STRENGTH = 0.55

# Colours offered to new codes: distinct, mid-light, and fine under black text.
NEW_CODE_COLORS = (
    "#4E79A7",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#BAB0AC",
)

Rgb = tuple[int, int, int]


def parse(color: str) -> Rgb:
    value = color.strip().lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #RRGGBB colour: {color!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def to_hex(rgb: Rgb) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(max(0, min(255, round(c))) for c in rgb))


def mix(color: str, other: str, amount: float) -> str:
    """`color` moved `amount` (0..1) of the way towards `other`."""
    a, b = parse(color), parse(other)
    return to_hex(tuple(x + (y - x) * amount for x, y in zip(a, b, strict=True)))  # type: ignore[arg-type]


def tint(color: str, strength: float = HIGHLIGHT_STRENGTH) -> str:
    """A lighter version of `color` keeping `strength` of it, as a highlighter would."""
    return mix(color, WHITE, 1.0 - strength)


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = parse(color)
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white); 4.5 is readable text."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_text(background: str | Iterable[str]) -> str:
    """Black or white, whichever reads better on every one of the given backgrounds."""
    backgrounds = [background] if isinstance(background, str) else list(background)
    worst_black = min(contrast_ratio(BLACK, c) for c in backgrounds)
    worst_white = min(contrast_ratio(WHITE, c) for c in backgrounds)
    return BLACK if worst_black >= worst_white else WHITE


def next_code_color(used: Iterable[str]) -> str:
    """The offered colour fewest codes use yet, so a new code stands apart."""
    counts = dict.fromkeys(NEW_CODE_COLORS, 0)
    for color in used:
        if color.upper() in counts:
            counts[color.upper()] += 1
    return min(NEW_CODE_COLORS, key=lambda c: counts[c])
