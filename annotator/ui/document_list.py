"""The document list: a filter field over a table of documents; says which one is chosen.

Title, date, publisher, number of codings and the current coder's finished mark;
sortable by any column, filtered by typing, deleted or marked from its menu.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.ids import DocumentId
from annotator.ui.document_table import (
    CODINGS,
    DATE,
    DOCUMENT_ID_ROLE,
    FINISHED,
    PUBLISHER,
    PUBLISHER_WIDTH,
    TITLE,
    DocumentFilter,
    DocumentTableModel,
)
from annotator.ui.session import ProjectSession


class DocumentListPanel(QWidget):
    """The filter field and the table; says which document the researcher chose."""

    document_chosen = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentTableModel(session, self)
        self.proxy = DocumentFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter documents…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter documents"))
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.returnPressed.connect(self._choose_first_match)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PUBLISHER, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PUBLISHER, PUBLISHER_WIDTH)
        # Fixed widths from the font: sizing to contents reads every row on each change.
        metrics = self.fontMetrics()
        done = self.model.header_text(FINISHED)
        for column, sample in ((DATE, "2024-12-31 "), (CODINGS, "9999"), (FINISHED, done)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)

        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.delete_action = QAction(self.tr("&Delete document…"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.ask_delete)
        self.table.addAction(self.delete_action)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        self.setFocusProxy(self.table)

    def _show_menu(self, point: QPoint) -> None:
        document_id = self.current_document_id()
        if document_id is None:
            return
        menu = QMenu(self)
        finished = self.model.is_finished(document_id)
        mark = menu.addAction(
            self.tr("Mark as not finished") if finished else self.tr("Mark as finished")
        )
        mark.triggered.connect(lambda: self.set_finished(document_id, not finished))
        mark.setEnabled(self.model.can_mark())
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.table.viewport().mapToGlobal(point))
        menu.deleteLater()

    def set_finished(self, document_id: DocumentId, finished: bool) -> bool:
        row = self.model.row_of(document_id)
        if row is None:
            return False
        state = Qt.CheckState.Checked if finished else Qt.CheckState.Unchecked
        index = self.model.index(row, FINISHED)
        return self.model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)

    def ask_delete(self) -> None:
        document_id = self.current_document_id()
        if document_id is None:
            return
        summary = self.model.summary(document_id)
        question = self.tr(
            "Delete “{title}” and its %n codings from the project? Edit › Undo brings them back.",
            "",
            summary.coding_count,
        ).format(title=summary.title)
        answer = QMessageBox.question(self, self.tr("Delete document"), question)
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_document(document_id)

    def delete_document(self, document_id: DocumentId) -> bool:
        return self.model.delete_document(document_id)

    def _filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)

    def _choose_first_match(self) -> None:
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, TITLE))
            self.table.setFocus()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.document_chosen.emit(current.data(DOCUMENT_ID_ROLE))

    def current_document_id(self) -> DocumentId | None:
        index = self.table.currentIndex()
        return index.data(DOCUMENT_ID_ROLE) if index.isValid() else None

    def select_document(self, document_id: DocumentId) -> bool:
        """Make a document current (clearing a filter that hides it)."""
        row = self.model.row_of(document_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        if not index.isValid():
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) document in the list's order."""
        count = self.proxy.rowCount()
        if not count:
            return
        current = self.table.currentIndex()
        row = current.row() + delta if current.isValid() else 0
        row = max(0, min(count - 1, row))
        self.table.setCurrentIndex(self.proxy.index(row, TITLE))

    def last_visible_document_id(self) -> str | None:
        count = self.proxy.rowCount()
        return self.proxy.index(count - 1, TITLE).data(DOCUMENT_ID_ROLE) if count else None
