"""Two charts drawn with QPainter alone: a bar chart and a heat map.

No plotting library and no web view: both are plain widgets whose size follows their
data (put them in a QScrollArea), so `grab()` gives the whole chart as a PNG
(`png_bytes`, which the caller writes through `storage.atomic_write`). Clicking a bar
or a cell emits its row (and column).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.ui import colors

PAPER = QColor("#FFFFFF")
INK = QColor("#202124")
GRID = QColor("#DADCE0")
HEAT = "#1F4E79"  # the colour of the largest count; zero is white paper
MARGIN = 12
LABEL_MAX = 260
COLUMN_LABEL_MAX = 180  # slanted labels above a heat map: longer ones are elided


def png_bytes(widget: QWidget) -> bytes:
    """The whole chart as PNG bytes (not the empty room below it)."""
    height = min(widget.height(), widget.sizeHint().height())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab(QRect(0, 0, widget.width(), height)).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class BarChart(QWidget):
    """Horizontal bars, one per row, with the label on the left and the count after."""

    bar_clicked = Signal(int)

    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.labels: list[str] = []
        self.values: list[int] = []
        self.bar_colors: list[str] = []
        self.indents: list[int] = []
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Bar chart"))

    def set_data(
        self,
        labels: Sequence[str],
        values: Sequence[int],
        bar_colors: Sequence[str],
        *,
        title: str = "",
        indents: Sequence[int] | None = None,
    ) -> None:
        self.title = title
        self.labels, self.values, self.bar_colors = list(labels), list(values), list(bar_colors)
        self.indents = list(indents) if indents is not None else [0] * len(self.labels)
        # as wide as there is room for (bars scale), never shorter than all its rows
        self.setMinimumSize(self._label_width() + 200, self.sizeHint().height())
        self.resize(self.sizeHint())
        self.updateGeometry()
        self.update()

    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        widest = max(
            (
                metrics.horizontalAdvance(t) + 14 * i
                for t, i in zip(self.labels, self.indents, strict=True)
            ),
            default=0,
        )
        return min(LABEL_MAX, widest + 8)

    def _top(self) -> int:
        return MARGIN + (QFontMetrics(self._title_font()).height() + 8 if self.title else 0)

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def sizeHint(self) -> QSize:
        return QSize(self._label_width() + 420, self._top() + self.ROW * len(self.labels) + MARGIN)

    def row_at(self, point: QPoint) -> int:
        row = (point.y() - self._top()) // self.ROW
        return row if 0 <= row < len(self.labels) and point.y() >= self._top() else -1

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), PAPER)
        metrics = QFontMetrics(self.font())
        if self.title:
            painter.setFont(self._title_font())
            painter.setPen(INK)
            painter.drawText(MARGIN, MARGIN + metrics.ascent(), self.title)
            painter.setFont(self.font())
        label_width = self._label_width()
        left = MARGIN + label_width
        room = max(10, self.width() - left - MARGIN - metrics.horizontalAdvance("000000"))
        largest = max(self.values, default=0) or 1
        top = self._top()
        for row, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            y = top + row * self.ROW
            indent = 14 * self.indents[row]
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - indent - 8)
            painter.setPen(INK)
            painter.drawText(
                QRect(MARGIN + indent, y, label_width - indent - 8, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )
            width = round(room * value / largest)
            bar = QRect(left, y + 4, width, self.ROW - 8)
            painter.fillRect(bar, QColor(self.bar_colors[row]))
            painter.drawText(
                QRect(left + width + 6, y, 80, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                str(value),
            )
        painter.setPen(GRID)
        painter.drawLine(left, top, left, top + self.ROW * len(self.labels))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().toPoint())
        if row >= 0:
            self.bar_clicked.emit(row)
        super().mousePressEvent(event)


class HeatMap(QWidget):
    """A grid of counts: the darker the cell, the larger its count; numbers in the cells."""

    cell_clicked = Signal(int, int)

    CELL = 30

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.row_labels: list[str] = []
        self.column_labels: list[str] = []
        self.values: list[list[int]] = []
        self.unit = self.tr("codings")
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Heat map"))

    def set_data(
        self,
        row_labels: Sequence[str],
        column_labels: Sequence[str],
        values: Sequence[Sequence[int]],
        *,
        title: str = "",
        unit: str | None = None,
    ) -> None:
        """`title` and `unit` (a plural, as in "3 codings") come worded by the caller."""
        self.title = title
        self.unit = unit if unit is not None else self.tr("codings")
        self.row_labels, self.column_labels = list(row_labels), list(column_labels)
        self.values = [list(row) for row in values]
        self.resize(self.sizeHint())
        self.updateGeometry()
        self.update()

    def _metrics(self) -> QFontMetrics:
        return QFontMetrics(self.font())

    def _left(self) -> int:
        widest = max((self._metrics().horizontalAdvance(t) for t in self.row_labels), default=0)
        return MARGIN + min(LABEL_MAX, widest + 10)

    def _top(self) -> int:
        """Room for the title and the column labels, written at 45 degrees."""
        widest = max((self._metrics().horizontalAdvance(t) for t in self.column_labels), default=0)
        title = self._metrics().height() + 8 if self.title else 0
        slant = round(min(COLUMN_LABEL_MAX, widest) * math.sin(math.radians(45)))
        return MARGIN + title + slant + 12

    def sizeHint(self) -> QSize:
        width = self._left() + self.CELL * len(self.column_labels) + COLUMN_LABEL_MAX // 2 + MARGIN
        return QSize(width, self._top() + self.CELL * len(self.row_labels) + MARGIN)

    def cell_at(self, point: QPoint) -> tuple[int, int]:
        column = (point.x() - self._left()) // self.CELL
        row = (point.y() - self._top()) // self.CELL
        inside = point.x() >= self._left() and point.y() >= self._top()
        if inside and 0 <= row < len(self.row_labels) and 0 <= column < len(self.column_labels):
            return row, column
        return -1, -1

    def cell_color(self, value: int) -> str:
        largest = max((max(r, default=0) for r in self.values), default=0) or 1
        # square root: a few big counts must not wash out all the small ones
        return colors.mix("#FFFFFF", HEAT, math.sqrt(value / largest)) if value else "#FFFFFF"

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), PAPER)
        metrics = self._metrics()
        left, top = self._left(), self._top()
        painter.setPen(INK)
        if self.title:
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(MARGIN, MARGIN + metrics.ascent(), self.title)
            painter.setFont(self.font())
        for column, label in enumerate(self.column_labels):
            painter.save()
            painter.translate(left + column * self.CELL + self.CELL // 2 + 4, top - 6)
            painter.rotate(-45)
            painter.drawText(
                0, 0, metrics.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_MAX)
            )
            painter.restore()
        for row, label in enumerate(self.row_labels):
            y = top + row * self.CELL
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, left - MARGIN - 10)
            painter.setPen(INK)
            painter.drawText(
                QRect(MARGIN, y, left - MARGIN - 10, self.CELL),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                text,
            )
            for column, value in enumerate(self.values[row]):
                cell = QRect(left + column * self.CELL, y, self.CELL, self.CELL)
                fill = self.cell_color(value)
                painter.fillRect(cell, QColor(fill))
                painter.setPen(GRID)
                painter.drawRect(cell)
                if value:
                    painter.setPen(QColor(colors.readable_text(fill)))
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(value))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row, column = self.cell_at(event.pos())
            if row >= 0:
                value = self.values[row][column]
                QToolTip.showText(
                    event.globalPos(),
                    f"{self.row_labels[row]}\n{self.column_labels[column]}\n{value} {self.unit}",
                    self,
                )
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row, column = self.cell_at(event.position().toPoint())
        if row >= 0:
            self.cell_clicked.emit(row, column)
        super().mousePressEvent(event)
