"""Window sizing shared by every dialog and window."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_MARGIN = 48
"""Pixels left free around a window for its title bar and frame, which Qt does not count."""


def pin_minimum_size(window: QWidget) -> None:
    """Fix a window's minimum size once, before it is shown.

    Otherwise each layout change re-sends the minimum to the window system, which
    some platforms (the offscreen one our tests and smoke runs use) warn about.
    """
    window.setMinimumSize(window.minimumSizeHint())


def fit_to_screen(window: QWidget, width: int, height: int, available: QRect | None = None) -> None:
    """Open at the size the layout was drawn for, but never taller or wider than the screen.

    A 1366x768 laptop leaves about 720 pixels under the taskbar; a dialog sized for a
    bigger screen would hide its buttons below the edge.
    """
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
    if available is not None:
        width = min(width, available.width() - SCREEN_MARGIN)
        height = min(height, available.height() - SCREEN_MARGIN)
    hint = window.minimumSizeHint()
    window.resize(max(width, hint.width()), max(height, hint.height()))
