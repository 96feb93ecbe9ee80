"""Coding stripes in a margin beside the text, one lane per overlapping coding.

Like MAXQDA's coding stripes: each coding is a bar in its code's colour from its
first to its last line, so nested and overlapping codings read at a glance even
where their highlights share a background. Hovering names the codings; clicking a
stripe selects its passage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.core.coded_spans import CodedSpan

if TYPE_CHECKING:
    from annotator.ui.viewer import DocumentViewer

STRIPE = 6
GAP = 3
PADDING = 5
MAX_LANES = 12  # deeper overlaps share the last lane; their highlights still show


@dataclass(frozen=True)
class Stripe:
    lane: int
    top: float
    bottom: float
    color: str
    coding: CodedSpan


def lane_x(lane: int) -> float:
    return PADDING + min(lane, MAX_LANES - 1) * (STRIPE + GAP)


def margin_width(lanes: int) -> int:
    return 2 * PADDING + max(1, min(lanes, MAX_LANES)) * (STRIPE + GAP) - GAP


class CodingMargin(QWidget):
    def __init__(self, viewer: DocumentViewer) -> None:
        super().__init__(viewer)
        self._viewer = viewer
        self._lanes = 0
        self.setAccessibleName(self.tr("Coding stripes"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedWidth(margin_width(0))

    def set_lane_count(self, lanes: int) -> None:
        if lanes != self._lanes:
            self._lanes = lanes
            self.setFixedWidth(margin_width(lanes))
            self._viewer.set_margin_width(self.width())

    def sizeHint(self) -> QSize:
        return QSize(self.width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Window))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for stripe in self._viewer.visible_stripes():
            rect = QRectF(
                lane_x(stripe.lane), stripe.top + 1, STRIPE, stripe.bottom - stripe.top - 2
            )
            painter.setBrush(QColor(stripe.color))
            painter.drawRoundedRect(rect, 2, 2)
        painter.end()

    def stripes_at(self, point: QPoint) -> list[Stripe]:
        return [
            s
            for s in self._viewer.visible_stripes()
            if lane_x(s.lane) - GAP / 2 <= point.x() <= lane_x(s.lane) + STRIPE + GAP / 2
            and s.top <= point.y() <= s.bottom
        ]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            found = [s.coding for s in self.stripes_at(event.pos())]  # type: ignore[attr-defined]
            if found:
                QToolTip.showText(event.globalPos(), self._viewer.describe(found), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self.stripes_at(event.position().toPoint())
        if found:
            chosen = found[-1].coding  # the innermost, drawn rightmost
            self._viewer.select_span(chosen.start, chosen.end)
            self._viewer.setFocus()
        super().mousePressEvent(event)
