"""Window sizing shared by every dialog and window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def pin_minimum_size(window: QWidget) -> None:
    """Fix a window's minimum size once, before it is shown.

    Otherwise each layout change re-sends the minimum to the window system, which
    some platforms (the offscreen one our tests and smoke runs use) warn about.
    """
    window.setMinimumSize(window.minimumSizeHint())
