"""The document viewer: the frozen text, read-only, with its codings highlighted.

Overlaps are cut into segments once per change (`core.overlaps`, one sweep), and only
the segments near the visible part of the text become Qt extra selections, so a
document with thousands of codings paints as fast as one with ten. Positions cross
from the core's code points to Qt's UTF-16 units here, through `Utf16Map`, and
nowhere else.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QResizeEvent,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core.changes import Change
from annotator.core.coded_spans import CodedSpan, coded_spans, coded_spans_by_id
from annotator.core.coding import Span
from annotator.core.documents import Document
from annotator.core.ids import CodeId, CoderId, CodingId, DocumentId
from annotator.core.positions import Utf16Map
from annotator.ui.code_looks import CodeLooks
from annotator.ui.coding_layout import CodingLayout
from annotator.ui.coding_margin import CodingMargin, Stripe
from annotator.ui.highlights import HighlightStyles
from annotator.ui.session import ProjectSession

SPAN_MIME = "application/x-annotator-span"
# An action touching more of this document's codings than this (a merge, deleting a
# much-used code) lays the document out again instead of patching the layout.
PATCH_LIMIT = 200


class DocumentViewer(QPlainTextEdit):
    """Shows one document; tells who listens which codings lie under the cursor."""

    codings_at_cursor_changed = Signal(list)  # list[CodedSpan]
    context_menu_about_to_show = Signal(QMenu, list)  # the menu, the codings clicked on

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._document: Document | None = None
        self._map = Utf16Map("")
        self.looks = CodeLooks(session.project)
        self._all: dict[str, CodedSpan] = {}  # every coding of the document, by id
        self._layout = CodingLayout()  # the shown ones
        self._painted: tuple[int, int] | None = None
        self._at_cursor: list[CodedSpan] = []
        self.hidden_codes: frozenset[str] = frozenset()
        self.hidden_coders: frozenset[str] = frozenset()
        self._styles = HighlightStyles()

        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setAccessibleName(self.tr("Document text"))
        self.setPlaceholderText(
            self.tr("No document open. Choose one in the list, or import some.")
        )
        self.document().setDocumentMargin(10)
        self.document().setUndoRedoEnabled(False)

        self.margin = CodingMargin(self)
        self.set_margin_width(self.margin.width())
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.updateRequest.connect(self._update_requested)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.selectionChanged.connect(self._cursor_moved)
        session.changed.connect(self.on_change)

    # -- what is shown -------------------------------------------------------------

    @property
    def current_document(self) -> Document | None:
        return self._document

    @property
    def shown_codings(self) -> list[CodedSpan]:
        return self._layout.shown()

    def quote(self, span: CodedSpan) -> str:
        return self._document.text[span.start : span.end] if self._document else ""

    def show_document(self, document: Document | None) -> None:
        self._document = document
        text = document.text if document else ""
        self._map = Utf16Map(text)
        self._painted = None
        self._all = {}
        self._layout.rebuild(())  # before the new text: setting it scrolls, which paints
        self.setExtraSelections([])
        self.setPlainText(text)
        self.reload_codings()

    def set_hidden(
        self, *, codes: frozenset[str] | None = None, coders_: frozenset[str] | None = None
    ) -> None:
        """Show only some codes or coders (view state; nothing in the project changes)."""
        if codes is not None:
            self.hidden_codes = codes
        if coders_ is not None:
            self.hidden_coders = coders_
        self._layout.rebuild(s for s in self._all.values() if self._is_shown(s))
        self._laid_out()

    def set_font_size(self, points: int) -> None:
        font = QFont(self.font())
        font.setPointSize(points)
        self.setFont(font)
        self._painted = None
        self._refresh_visible()

    def font_size(self) -> int:
        return self.font().pointSize()

    def on_change(self, change: Change) -> None:
        if change.codebook_changed or change.coders:
            self.looks.reload()
        document = self._document
        if document is None:
            return
        if change.codebook_changed or (change.documents and not change.codings):
            if document.id in change.documents or change.codebook_changed:
                self.reload_codings()
            return
        if document.id not in change.documents:
            return
        if len(change.codings) > PATCH_LIMIT:
            self.reload_codings()
            return
        self._patch(change.codings)

    def _patch(self, coding_ids: frozenset[CodingId]) -> None:
        """Re-read only the codings an action touched and re-cut only their text."""
        assert self._document is not None
        fresh = coded_spans_by_id(self._session.project, self._document.id, coding_ids)
        for coding_id in coding_ids:
            if coding_id in fresh:
                self._all[coding_id] = fresh[coding_id]
            else:
                self._all.pop(coding_id, None)
        shown = [s for s in fresh.values() if self._is_shown(s)]
        self._layout.update(removed=coding_ids, upserted=shown)
        self._laid_out()

    def reload_codings(self) -> None:
        """Read all of the document's codings and lay them out in one sweep."""
        if self._document is None:
            self._all = {}
        else:
            spans = coded_spans(self._session.project, self._document.id)
            self._all = {s.id: s for s in spans}
        self._layout.rebuild(s for s in self._all.values() if self._is_shown(s))
        self._laid_out()

    def _is_shown(self, span: CodedSpan) -> bool:
        return (
            span.code_id in self.looks
            and span.code_id not in self.hidden_codes
            and span.coder_id not in self.hidden_coders
        )

    def _laid_out(self) -> None:
        self.margin.set_lane_count(self._layout.lane_count())
        self._painted = None
        self._refresh_visible()
        self.margin.update()
        self._cursor_moved()

    # -- painting only what is visible ----------------------------------------------

    def visible_range(self) -> tuple[int, int]:
        """Code-point range of the text blocks on screen."""
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        height = self.viewport().height()
        first = last = block.position() if block.isValid() else 0
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > height:
                break
            last = block.position() + block.length()
            block = block.next()
        return self._map.to_code_point(first), self._map.to_code_point(last)

    def _refresh_visible(self) -> None:
        first, last = self.visible_range()
        painted = self._painted
        if painted and painted[0] <= first and last <= painted[1]:
            return
        # Paint a screenful beyond each edge, so small scrolls need no new work.
        reach = max(last - first, 2000)
        low, high = max(0, first - reach), last + reach
        document = self.document()
        selections = []
        by_id = self._layout.by_id
        for segment in self._layout.index.within(low, high):
            looks = sorted(
                {self.looks[by_id[m].code_id] for m in segment.members},  # type: ignore[index]
                key=lambda look: look.rank,
            )
            cursor = QTextCursor(document)
            cursor.setPosition(self._map.to_utf16(segment.start))
            cursor.setPosition(self._map.to_utf16(segment.end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = self._styles.format_for([look.color for look in looks])
            selections.append(selection)
        self.setExtraSelections(selections)
        self._painted = (low, high)

    def painted_segment_count(self) -> int:
        return len(self.extraSelections())

    def _scrolled(self, _value: int) -> None:
        self._refresh_visible()

    def _update_requested(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self.margin.setGeometry(QRect(area.left(), area.top(), self.margin.width(), area.height()))
        self._painted = None
        self._refresh_visible()

    def set_margin_width(self, width: int) -> None:
        self.setViewportMargins(width, 0, 0, 0)
        area = self.contentsRect()
        self.margin.setGeometry(QRect(area.left(), area.top(), width, area.height()))

    def visible_stripes(self) -> list[Stripe]:
        """Margin stripes of the codings on screen, in viewport coordinates."""
        first, last = self.visible_range()
        height = self.viewport().height()
        stripes = []
        for span in self._layout.overlapping(first, last):
            top = self._line_rect(span.start).top() if span.start >= first else -2.0
            bottom = self._line_rect(span.end - 1).bottom() if span.end <= last else height + 2.0
            look = self.looks[span.code_id]
            stripes.append(Stripe(self._layout.lanes[span.id], top, bottom, look.color, span))
        return stripes

    def _line_rect(self, code_point: int) -> QRectF:
        position = self._map.to_utf16(code_point)
        block = self.document().findBlock(position)
        geometry = self.blockBoundingGeometry(block).translated(self.contentOffset())
        line = block.layout().lineForTextPosition(position - block.position())
        if not line.isValid():
            return geometry
        return QRectF(geometry.left(), geometry.top() + line.y(), geometry.width(), line.height())

    # -- selection and positions -------------------------------------------------------

    def selected_span(self) -> Span | None:
        cursor = self.textCursor()
        if self._document is None or not cursor.hasSelection():
            return None
        start = self._map.to_code_point(cursor.selectionStart())
        end = self._map.to_code_point(cursor.selectionEnd())
        return Span(self._document.id, start, end) if end > start else None

    def selected_text(self) -> str:
        span = self.selected_span()
        return self._document.text[span.start : span.end] if span and self._document else ""

    def select_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def code_point_at(self, point: QPoint) -> int:
        """The character under a viewport point (not the gap nearest to it)."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        left_of_cursor = point.x() < self.cursorRect(cursor).x()
        if cursor.block().textDirection() == Qt.LayoutDirection.RightToLeft:
            left_of_cursor = not left_of_cursor
        if left_of_cursor and position > cursor.block().position():
            position -= 1
        return self._map.to_code_point(position)

    def codings_at(self, code_point: int) -> list[CodedSpan]:
        return self._layout.at(code_point)

    def codings_at_cursor(self) -> list[CodedSpan]:
        """Codings in the selection, or covering the characters either side of the cursor."""
        span = self.selected_span()
        if span:
            return self._layout.overlapping(span.start, span.end)
        at = self._map.to_code_point(self.textCursor().position())
        return self._layout.overlapping(max(0, at - 1), at + 1)

    def _cursor_moved(self) -> None:
        found = self.codings_at_cursor()
        if found != self._at_cursor:  # a new memo or code counts as a change too
            self._at_cursor = found
            self.codings_at_cursor_changed.emit(found)

    # -- telling the researcher what a highlight is ------------------------------------------

    def describe(self, codings: list[CodedSpan]) -> str:
        return self.looks.describe(codings)

    def code_path(self, code_id: CodeId) -> str:
        return self.looks.path(code_id)

    def code_color(self, code_id: CodeId) -> str:
        return self.looks.color(code_id)

    def coder_name(self, coder_id: CoderId) -> str:
        return self.looks.coder_name(coder_id)

    def viewportEvent(self, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == event.Type.ToolTip:
            found = self.codings_at(self.code_point_at(event.pos()))
            if found:
                QToolTip.showText(event.globalPos(), self.describe(found), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def build_context_menu(self, point: QPoint | None = None) -> QMenu:
        """The text's context menu, with coding entries added by whoever listens.

        `point` is where the mouse clicked; without one (the menu key) the codings
        are those at the cursor.
        """
        if point is None:
            menu = self.createStandardContextMenu()
            found = self.codings_at_cursor()
        else:
            menu = self.createStandardContextMenu(point)
            found = self.codings_at(self.code_point_at(point))
        menu.setParent(self, menu.windowFlags())
        self.context_menu_about_to_show.emit(menu, found)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            point = self.cursorRect().center()
            menu = self.build_context_menu()
        else:
            point = event.pos()
            menu = self.build_context_menu(point)
        menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()

    def createMimeDataFromSelection(self) -> QMimeData:
        """Text dragged onto a code carries its span, so dropping it codes it."""
        # Qt's own selection data lists fixed formats only, so build a plain one.
        data = QMimeData()
        data.setText(self.textCursor().selection().toPlainText())
        span = self.selected_span()
        if span:
            payload = {"document_id": span.document_id, "start": span.start, "end": span.end}
            data.setData(SPAN_MIME, json.dumps(payload).encode("utf-8"))
        return data


def span_from_mime(data: QMimeData) -> Span | None:
    if not data.hasFormat(SPAN_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(SPAN_MIME).data()).decode("utf-8"))
        document_id = DocumentId(str(payload["document_id"]))
        return Span(document_id, int(payload["start"]), int(payload["end"]))
    except (ValueError, KeyError, TypeError):
        return None
