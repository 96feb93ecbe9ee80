"""The document list's data: one row per document, sorted by key, filtered by typing.

A table model over the core's document summaries (never the texts). A Change
refreshes only the rows it names; sorting is the model's own, by key in Python,
because a proxy sorting 10,000 rows asks for a million cells.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from annotator.core import coded_spans, coders, documents
from annotator.core.changes import Change
from annotator.core.documents import DocumentSummary
from annotator.core.ids import DocumentId
from annotator.ui.session import ProjectSession
from annotator.ui.table_model import AnyIndex, TableModel

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# More changed documents than this (a merge, a big delete) reload the whole list.
ROW_REFRESH_LIMIT = 50

TITLE, DATE, PUBLISHER, CODINGS, FINISHED = range(5)
COLUMNS = 5
PUBLISHER_WIDTH = 90


class DocumentTableModel(TableModel):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._rows: list[DocumentSummary] = []
        self._row_of: dict[str, int] = {}
        self._finished: set[str] = set()
        self._sort_column, self._descending = DATE, False
        # worded once: the language is fixed for the run, and headers are asked for on
        # every paint
        self.headers = (
            self.tr("Title"),
            self.tr("Date"),
            self.tr("Publisher"),
            "#",
            self.tr("Done"),
        )
        self.header_tips = (
            self.tr("Title"),
            self.tr("Date published"),
            self.tr("Publisher"),
            self.tr("Number of codings (all coders)"),
            self.tr("You have finished coding this document"),
        )
        self.reload()
        session.changed.connect(self.on_change)

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = documents.list_documents(self._session.project)
        self._rows.sort(key=self._sort_key(self._sort_column), reverse=self._descending)
        self._reindex()
        self._load_finished()
        self.endResetModel()

    def _reindex(self) -> None:
        self._row_of = {summary.id: row for row, summary in enumerate(self._rows)}

    def _load_finished(self) -> None:
        coder_id = self._session.coder_id
        self._finished = coders.finished_by(self._session.project, coder_id) if coder_id else set()

    def on_change(self, change: Change) -> None:
        if not change.documents:
            return
        if len(change.documents) > ROW_REFRESH_LIMIT:
            self.reload()
            return
        if not change.codings:  # a mark, a memo or new provenance: not the count
            self._load_finished()
        counts = coded_spans.coding_counts_of_documents(self._session.project, change.documents)
        for document_id, count in counts.items():
            if count is None:
                self._remove_row(document_id)
            elif document_id not in self._row_of or not change.codings:
                self._put_row(document_id, count)
            else:
                self._set_count(document_id, count)

    def _remove_row(self, document_id: DocumentId) -> None:
        row = self._row_of.get(document_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._reindex()
            self.endRemoveRows()

    def _set_count(self, document_id: DocumentId, count: int) -> None:
        row = self._row_of[document_id]
        self._rows[row] = dataclasses.replace(self._rows[row], coding_count=count)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))

    def _put_row(self, document_id: DocumentId, count: int) -> None:
        """A new document's row, or a row whose provenance changed, from the core."""
        document = documents.get_document(self._session.project, document_id)
        summary = DocumentSummary(
            **{
                f.name: getattr(document, f.name)
                for f in dataclasses.fields(DocumentSummary)
                if f.name != "coding_count"
            },
            coding_count=count,
        )
        row = self._row_of.get(document_id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(summary)
            self._row_of[document_id] = len(self._rows) - 1
            self.endInsertRows()
        else:
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))

    # -- sorting: in Python, by key, not by a proxy asking for every cell -------------

    def _sort_key(self, column: int):  # type: ignore[no-untyped-def]
        finished = self._finished
        return {
            TITLE: lambda s: (s.title.casefold(), s.published_date),
            DATE: lambda s: (s.published_date, s.title.casefold()),
            PUBLISHER: lambda s: (s.publisher.casefold(), s.published_date, s.title.casefold()),
            CODINGS: lambda s: (s.coding_count, s.title.casefold()),
            FINISHED: lambda s: (s.id in finished, s.title.casefold()),
        }[column]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMNS:
            return
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        where = [(self._rows[i.row()].id, i.column()) for i in kept]
        self._sort_column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=self._sort_key(column), reverse=self._descending)
        self._reindex()
        self.changePersistentIndexList(
            kept, [self.index(self._row_of[doc], col) for doc, col in where]
        )
        self.layoutChanged.emit()

    # -- Qt model interface --------------------------------------------------------

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == DOCUMENT_ID_ROLE:
            return summary.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                summary.title,
                summary.published_date,
                summary.publisher,
                summary.coding_count,
                "",
            )[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == FINISHED:
            finished = summary.id in self._finished
            return Qt.CheckState.Checked if finished else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [summary.title]
            lines += [
                v for v in (summary.publisher, summary.published_date, summary.source_url) if v
            ]
            lines.append(
                self.tr("{codings} codings, {characters} characters").format(
                    codings=summary.coding_count, characters=f"{summary.char_count:,}"
                )
            )
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CODINGS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.AccessibleTextRole and column == FINISHED:
            return self.tr("finished") if summary.id in self._finished else self.tr("not finished")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == FINISHED and self._session.coder_id:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != FINISHED:
            return False
        coder_id = self._session.coder_id
        if coder_id is None:
            return False
        finished = Qt.CheckState(value) == Qt.CheckState.Checked
        document_id = self._rows[index.row()].id
        done = self._session.run(
            lambda p: coders.set_finished(p, document_id, coder_id, finished),
        )
        return done is not None

    # -- for the panel ---------------------------------------------------------------

    def row_of(self, document_id: DocumentId) -> int | None:
        return self._row_of.get(document_id)

    def is_finished(self, document_id: DocumentId) -> bool:
        return document_id in self._finished

    def can_mark(self) -> bool:
        return self._session.coder_id is not None and not self._session.project.read_only

    def summary(self, document_id: DocumentId) -> DocumentSummary:
        return self._rows[self._row_of[document_id]]

    def delete_document(self, document_id: DocumentId) -> bool:
        coder_id = self._session.coder_id
        done = self._session.run(
            lambda p: documents.delete_document(p, document_id, coder_id=coder_id),
        )
        return done is not None


class DocumentFilter(QSortFilterProxyModel):
    """Typing filters on title, date and publisher; sorting is the list model's own.

    A proxy sorts by asking for two cells per comparison, a million Python calls for
    10,000 documents; the model sorts its rows by key instead, and the proxy keeps
    that order. The order is set when the researcher sorts (or the list reloads), not
    after every coding, which would cost more than the coding.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self._words: list[str] = []

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def set_filter_text(self, text: str) -> None:
        """Rows must contain every typed word, in any order, ignoring case."""
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        words = self._words
        if not words:
            return True
        model = self.sourceModel()
        haystack = " ".join(
            str(model.data(model.index(source_row, column, source_parent)) or "")
            for column in (TITLE, DATE, PUBLISHER)
        ).casefold()
        return all(word in haystack for word in words)
