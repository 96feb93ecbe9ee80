"""The excerpts list behind `ExcerptsView`: a model that pages through a selection's excerpts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from annotator.core import excerpts
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.ui.snippets import SNIPPET_ROLE, one_line
from annotator.ui.table_model import AnyIndex, TableModel

PAGE = 100


class ExcerptsModel(TableModel):
    """Excerpts of one filter, read a page at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.headers = (
            self.tr("Document"),
            self.tr("Date"),
            self.tr("Excerpt"),
            self.tr("Code"),
            self.tr("Coder"),
            self.tr("Memo"),
        )
        self._project: Project | None = None
        self._selection: Selection | None = None
        self._match: excerpts.Match = "any"
        self._rows: list[excerpts.Excerpt] = []
        self.total = 0

    def load(
        self, project: Project | None, selection: Selection | None, match: excerpts.Match = "any"
    ) -> None:
        """Show the first page of the selection's excerpts (None: show nothing)."""
        rows: list[excerpts.Excerpt] = []
        total = 0
        if project is not None and selection is not None:
            total = excerpts.count_excerpts(project, selection, match=match)
            rows = excerpts.excerpts(
                project, selection, match=match, limit=PAGE, context=excerpts.CONTEXT_WIDTH
            )
        self.beginResetModel()
        self._project, self._selection, self._match = project, selection, match
        self._rows, self.total = rows, total
        self.endResetModel()

    def excerpt(self, row: int) -> excerpts.Excerpt:
        return self._rows[row]

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                e.document_title,
                e.published_date,
                one_line(f"{e.before}{e.quote}{e.after}"),
                e.code_name,
                e.coder_name,
                one_line(e.memo),
            )
            return values[column]
        if role == SNIPPET_ROLE and column == 2:
            return (e.before, e.quote, e.after)
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 5):
            return e.quote if column == 2 else e.memo or None
        return None

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self._project is None or self._selection is None:
            return
        more = excerpts.excerpts(
            self._project,
            self._selection,
            match=self._match,
            limit=PAGE,
            offset=len(self._rows),
            context=excerpts.CONTEXT_WIDTH,
        )
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        else:
            self.total = len(self._rows)  # the project changed underneath
