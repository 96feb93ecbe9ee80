"""The notice above the workbench: why the project is read-only, and what damage was found.

Shown until the project closes, so a researcher who cannot code sees why at once
and how to get a copy they can code in.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from annotator.core.project import Project
from annotator.core.read_only import ReadOnlyReason

# pale amber with dark text (contrast 12:1): a notice, not an error
NOTICE_STYLE = "background: #FFF4CE; color: #3B2F00; padding: 6px;"


class ProjectBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(NOTICE_STYLE)
        self.setAccessibleName(self.tr("Read-only notice"))
        self.hide()

    def show_for(self, project: Project, damage: str = "") -> None:
        """Say why `project` is read-only (if it is) and `damage` (if any); else hide."""
        lines = []
        if project.read_only:
            lines.append(self._read_only_text(project.read_only_reason))
        if damage:
            lines.append(damage)
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))

    def _read_only_text(self, reason: ReadOnlyReason | None) -> str:
        # whole sentences per reason, so each language can word the cause its own way
        if reason == ReadOnlyReason.REQUESTED:
            return self.tr(
                "This project is open read-only because it was opened read-only. You can "
                "read and export, but not code. To code, use File › Save a Copy… and open "
                "the copy."
            )
        if reason == ReadOnlyReason.FILE_READ_ONLY:
            return self.tr(
                "This project is open read-only because the file is write-protected. You can "
                "read and export, but not code. To code, use File › Save a Copy… and open "
                "the copy."
            )
        if reason == ReadOnlyReason.FOLDER_READ_ONLY:
            return self.tr(
                "This project is open read-only because its folder cannot be written (a "
                "locked USB stick?). You can read and export, but not code. To code, use "
                "File › Save a Copy… and open the copy."
            )
        return self.tr(
            "This project is open read-only because it cannot be written. You can read and "
            "export, but not code. To code, use File › Save a Copy… and open the copy."
        )
