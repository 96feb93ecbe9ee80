"""What the window's file helpers may ask of it, and nothing more.

The helpers that look after the project's file (what the care of an open project
found, restoring a backup, encryption, the schema repair) close the project for work
on its file and open it again, say how it went in the status bar, and show their
dialogs over the window. `ProjectHost` is that much of the main window; a helper that
needs more names it in its own protocol, so a reader sees every way back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

from annotator.core.project import Project


class ProjectHost(Protocol):
    @property
    def project(self) -> Project | None: ...

    def put_away(self) -> tuple[Path, str | None] | None:
        """Close the project for work on its file; its path and passphrase to reopen it."""
        ...

    def open_project(
        self, path: Path | str, *, passphrase: str | None = None, health_check: bool = True
    ) -> bool: ...

    def statusBar(self) -> QStatusBar: ...

    def window(self) -> QWidget:
        """The window itself (Qt's QWidget.window()): the parent of the helpers' dialogs."""
        ...
