"""What the window shows with no project open: three ways to start, asked for by signal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    sample_requested = Signal()
    new_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Start"))
        title = QLabel(self.tr("<h2>No project is open</h2>"), self)
        text = QLabel(
            self.tr(
                "A project is one file holding your documents, codebook and codings. "
                "Every action is saved the moment you do it."
            ),
            self,
        )
        text.setWordWrap(True)
        self.sample_button = QPushButton(self.tr("Try the &sample project"), self)
        self.new_button = QPushButton(self.tr("&New project…"), self)
        self.open_button = QPushButton(self.tr("&Open a project…"), self)
        self.sample_button.clicked.connect(self.sample_requested)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text, self.sample_button, self.new_button, self.open_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        text.setMaximumWidth(520)
