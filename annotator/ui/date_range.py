"""Published from / until: a year, a month or a day typed, or a day picked on a calendar.

Part of `SelectionPicker`. The text is checked by the core when the selection is made
(`core.selection.check_date`), so `2021` keeps all of 2021 here as on the command line.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

_FORMAT = "yyyy-MM-dd"


def _day_of(text: str) -> QDate:
    """The first day a typed date stands for (`2021` -> 2021-01-01), or an invalid date."""
    parts = [*text.strip().split("-"), "01", "01"][:3]
    return QDate.fromString("-".join(p.zfill(2) for p in parts), _FORMAT)


class DateRange(QWidget):
    """Two date fields; `changed` fires when one is edited or picked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.date_from = self._row(form, self.tr("Published from:"))
        self.date_to = self._row(form, self.tr("Published until:"))
        self.set_bounds("", "")

    def _row(self, form: QFormLayout, label: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(label.rstrip(":"))
        edit.setToolTip(self.tr("A year, a month or a day: 2024, 2024-04 or 2024-04-16."))
        edit.editingFinished.connect(self.changed)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(self._calendar_button(edit))
        form.addRow(label, row)
        return edit

    def _calendar_button(self, edit: QLineEdit) -> QToolButton:
        button = QToolButton()
        button.setText("…")
        button.setToolTip(self.tr("Pick a day on a calendar"))
        button.setAccessibleName(self.tr("Pick a day on a calendar"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        calendar = QCalendarWidget()
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(lambda: self._show_day(calendar, edit))
        calendar.clicked.connect(lambda day: self._picked(menu, edit, day))
        button.setMenu(menu)
        return button

    @staticmethod
    def _show_day(calendar: QCalendarWidget, edit: QLineEdit) -> None:
        day = _day_of(edit.text() or edit.placeholderText())
        calendar.setSelectedDate(day if day.isValid() else QDate.currentDate())

    def _picked(self, menu: QMenu, edit: QLineEdit, day: QDate) -> None:
        menu.hide()
        edit.setText(day.toString(_FORMAT))
        self.changed.emit()

    def set_bounds(self, first: str, last: str) -> None:
        """Show the project's own range in the empty fields, ready to be narrowed."""
        self.date_from.setPlaceholderText(first or self.tr("YYYY-MM-DD"))
        self.date_to.setPlaceholderText(last or self.tr("YYYY-MM-DD"))

    def values(self) -> tuple[str | None, str | None]:
        return self.date_from.text().strip() or None, self.date_to.text().strip() or None

    def set_values(self, date_from: str | None, date_to: str | None) -> None:
        self.date_from.setText(date_from or "")
        self.date_to.setText(date_to or "")
