"""A passage in its context on one line: the words before, the passage, the words after.

Search results, auto-coding previews and excerpt lists all show a match this way. The
model gives a `(before, passage, after)` triple under `SNIPPET_ROLE`; the delegate
paints the passage bold on a highlighter tint, with as much context either side as
fits (the words before are cut at the left, those after at the right).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 40
MATCH_BACKGROUND = QColor("#FFE08A")  # a highlighter yellow that keeps black text readable
# The passage starts about a third of the way in, so there is room to read before it.
BEFORE_SHARE = 0.34


def one_line(text: str) -> str:
    """Line breaks become spaces: a snippet is one line of a list."""
    return " ".join(text.split("\n"))


class SnippetDelegate(QStyledItemDelegate):
    """Paints a `(before, passage, after)` triple; other cells as usual."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        parts = index.data(SNIPPET_ROLE)
        if not parts:
            super().paint(painter, option, index)
            return
        before, passage, after = (one_line(p) for p in parts)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        rect = option.rect.adjusted(4, 0, -4, 0)
        normal = QFont(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        plain, strong = QFontMetrics(normal), QFontMetrics(bold)
        width = rect.width()
        passage_text = strong.elidedText(passage, Qt.TextElideMode.ElideRight, int(width * 0.6))
        passage_width = strong.horizontalAdvance(passage_text)
        room = max(0, width - passage_width)
        before_room = min(plain.horizontalAdvance(before), int(room * BEFORE_SHARE) + 1)
        if plain.horizontalAdvance(after) < room - before_room:
            before_room = room - plain.horizontalAdvance(after)
        before_text = plain.elidedText(before, Qt.TextElideMode.ElideLeft, before_room)
        x = rect.left()
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.setFont(normal)
        painter.drawText(QRect(x, rect.top(), before_room, rect.height()), flags, before_text)
        x += plain.horizontalAdvance(before_text)
        box = QRect(x, rect.top() + 2, passage_width, rect.height() - 4)
        if not selected:
            painter.fillRect(box, MATCH_BACKGROUND)
            painter.setPen(QColor("#000000"))
        painter.setFont(bold)
        painter.drawText(QRect(x, rect.top(), passage_width, rect.height()), flags, passage_text)
        x += passage_width
        painter.setPen(option.palette.color(role))
        painter.setFont(normal)
        after_text = plain.elidedText(after, Qt.TextElideMode.ElideRight, rect.right() - x)
        painter.drawText(QRect(x, rect.top(), rect.right() - x, rect.height()), flags, after_text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(SNIPPET_ROLE):
            size.setWidth(max(size.width(), 420))
        return size
