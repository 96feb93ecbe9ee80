"""The scaling plot: how each figure grows with the project, drawn with QPainter.

Log-log axes: documents across, each figure's value divided by its value at the
smallest scale up. On such axes a flat figure is a horizontal line and a linear one
has slope 1 (both drawn dashed for reference); anything steeper than the linear
line is growing faster than the project, which the budgets cannot afford.
"""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

WIDTH, HEIGHT = 1100, 700
PLOT = QRectF(90, 60, 640, 560)
PALETTE = (
    "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948",
    "#B07AA1", "#FF9DA7", "#9C755F", "#222222", "#17BECF", "#7F7F7F",
)  # fmt: skip


def growth(series: Sequence[float]) -> list[float]:
    """Each value over the first (how many times the smallest scale's figure)."""
    first = series[0]
    return [value / first if first > 0 else float("nan") for value in series]


def draw(
    scales: Sequence[int],
    series: Mapping[str, Sequence[float]],
    target: Path,
    *,
    title: str = "How each figure grows with the project",
) -> Path:
    """Write the PNG; `series` maps a label to one value per scale (any unit)."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
        _app = QGuiApplication([])  # lives while the image is drawn
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        _frame(painter, scales, series, title)
    finally:
        painter.end()
    if not image.save(str(target), "PNG"):
        raise OSError(f"could not write {target}")
    return target


def _frame(
    painter: QPainter, scales: Sequence[int], series: Mapping[str, Sequence[float]], title: str
) -> None:
    grown = {label: growth(values) for label, values in series.items()}
    finite = [g for values in grown.values() for g in values if g > 0 and math.isfinite(g)]
    x_low, x_high = math.log10(scales[0]), math.log10(scales[-1])
    span = scales[-1] / scales[0]
    y_low = math.log10(min([0.5, *finite]))
    y_high = math.log10(max([span * 2, *finite]))

    def at(documents: float, factor: float) -> QPointF:
        x = (math.log10(documents) - x_low) / ((x_high - x_low) or 1)
        y = (math.log10(factor) - y_low) / ((y_high - y_low) or 1)
        return QPointF(PLOT.left() + x * PLOT.width(), PLOT.bottom() - y * PLOT.height())

    painter.setFont(QFont("DejaVu Sans", 11, QFont.Weight.Bold))
    painter.drawText(QRectF(0, 12, WIDTH, 30), Qt.AlignmentFlag.AlignHCenter, title)
    painter.setFont(QFont("DejaVu Sans", 9))
    _axes(painter, scales, y_low, y_high, at)
    dashed = QPen(QColor("#888888"), 1.5, Qt.PenStyle.DashLine)
    painter.setPen(dashed)
    painter.drawLine(at(scales[0], 1), at(scales[-1], 1))
    painter.drawLine(at(scales[0], 1), at(scales[-1], span))
    painter.drawText(at(scales[-1], span) + QPointF(-60, -8), "linear")
    painter.drawText(at(scales[-1], 1) + QPointF(-40, -8), "flat")
    for n, (label, values) in enumerate(grown.items()):
        color = QColor(PALETTE[n % len(PALETTE)])
        painter.setPen(QPen(color, 2.2))
        points = [
            at(s, v) for s, v in zip(scales, values, strict=True) if v > 0 and math.isfinite(v)
        ]
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(color)
        for point in points:
            painter.drawEllipse(point, 3.5, 3.5)
        legend_y = PLOT.top() + 8 + n * 22
        painter.drawLine(QPointF(PLOT.right() + 30, legend_y), QPointF(PLOT.right() + 55, legend_y))
        painter.setPen(QColor("#202124"))
        last = values[-1]
        painter.drawText(QPointF(PLOT.right() + 62, legend_y + 4), f"{label}  (x{last:.1f})")


def _axes(painter: QPainter, scales: Sequence[int], y_low: float, y_high: float, at) -> None:  # type: ignore[no-untyped-def]
    grid = QPen(QColor("#DADCE0"), 1)
    ink = QColor("#202124")
    for documents in scales:
        painter.setPen(grid)
        painter.drawLine(at(documents, 10**y_low), at(documents, 10**y_high))
        painter.setPen(ink)
        point = at(documents, 10**y_low)
        painter.drawText(QRectF(point.x() - 50, point.y() + 6, 100, 20),
                         Qt.AlignmentFlag.AlignHCenter, f"{documents:,}")  # fmt: skip
    for power in range(math.floor(y_low), math.ceil(y_high) + 1):
        for factor in (1, 2, 5):
            value = factor * 10.0**power
            if not (10**y_low <= value <= 10**y_high):
                continue
            painter.setPen(grid)
            painter.drawLine(at(scales[0], value), at(scales[-1], value))
            painter.setPen(ink)
            point = at(scales[0], value)
            painter.drawText(QRectF(point.x() - 80, point.y() - 10, 72, 20),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"x{value:g}")  # fmt: skip
    painter.setPen(ink)
    painter.drawRect(PLOT)
    painter.drawText(QRectF(PLOT.left(), PLOT.bottom() + 28, PLOT.width(), 20),
                     Qt.AlignmentFlag.AlignHCenter,
                     "documents in the project (codings: 20 per document)")  # fmt: skip
    painter.save()
    painter.translate(22, PLOT.center().y())
    painter.rotate(-90)
    painter.drawText(QRectF(-200, -10, 400, 20), Qt.AlignmentFlag.AlignHCenter,
                     f"figure / figure at {scales[0]:,} documents (log)")  # fmt: skip
    painter.restore()
