"""The notice above the workbench: why the project is read-only, and what damage was found.

Shown until the project closes, so a researcher who cannot code sees why at once
and how to get a copy they can code in. When the schema or stored values are not what
Annotator writes, a Repair button beside it offers the way out (`repair_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from annotator.core.project import Project
from annotator.core.read_only import ReadOnlyReason
from annotator.ui.schema_wording import describe_difference, listed

# pale amber with dark text (contrast 12:1): a notice, not an error
NOTICE_STYLE = "background: #FFF4CE; color: #3B2F00; padding: 6px;"


class ProjectBanner(QWidget):
    repair_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectBanner")
        self.setStyleSheet(f"#projectBanner {{ {NOTICE_STYLE} }}")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Read-only notice"))
        self.repair_button = QPushButton(self.tr("Repair…"), self)
        self.repair_button.setToolTip(
            self.tr("Take a backup, then make the project what Annotator writes")
        )
        self.repair_button.clicked.connect(self.repair_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.repair_button)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # paint the style
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def show_for(self, project: Project, damage: str = "", *, repairable: bool = False) -> None:
        """Say why `project` is read-only (if it is) and `damage` (if any); else hide.

        The Repair button shows when the schema differs or `repairable` (the check found
        values a repair turns back into text).
        """
        lines = []
        if project.read_only:
            lines.append(self._read_only_text(project))
        if damage:
            lines.append(damage)
        self.label.setText("\n".join(lines))
        self.repair_button.setVisible(bool(project.schema_differences) or repairable)
        self.setVisible(bool(lines))

    def _read_only_text(self, project: Project) -> str:
        # whole sentences per reason, so each language can word the cause its own way
        reason = project.read_only_reason
        if reason == ReadOnlyReason.UNTRUSTED_SCHEMA:
            parts = listed(describe_difference(d) for d in project.schema_differences)
            return self.tr(
                "This project is open read-only because it is not as Annotator writes it: "
                "{parts}. Nothing is written to it until it is repaired: Repair… takes a "
                "backup, removes what Annotator never writes and restores what is missing."
            ).format(parts=parts)
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
