"""Dialogs open within the screen of an ordinary laptop."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

from annotator.core.project import Project
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.sizing import SCREEN_MARGIN, fit_to_screen

LAPTOP = QRect(0, 0, 1366, 728)  # 1366x768 less a 40-pixel taskbar


def test_a_dialog_drawn_for_a_big_screen_fits_a_laptop_screen(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, 1100, 760, LAPTOP)
    assert dialog.width() == 1100
    assert dialog.height() == LAPTOP.height() - SCREEN_MARGIN


def test_a_dialog_is_never_made_smaller_than_its_layout_needs(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    label = QLabel("x")
    label.setMinimumSize(500, 400)
    QVBoxLayout(dialog).addWidget(label)
    fit_to_screen(dialog, 900, 900, QRect(0, 0, 300, 300))
    assert dialog.width() >= 500 and dialog.height() >= 400


def test_the_export_dialog_fits_the_screen_it_opens_on(qtbot: QtBot, project: Project) -> None:
    dialog = ExportDialog(project)
    qtbot.addWidget(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= max(
        screen.height() - SCREEN_MARGIN, dialog.minimumSizeHint().height()
    )
    assert dialog.minimumSizeHint().height() <= LAPTOP.height() - SCREEN_MARGIN
