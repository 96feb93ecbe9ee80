"""The excerpts list behind `ExcerptsView`: a filter, and a model that pages through it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt

from annotator.core import excerpts
from annotator.core.project import Project
from annotator.ui.snippets import SNIPPET_ROLE, one_line
from annotator.ui.table_model import AnyIndex, TableModel

PAGE = 100


@dataclass
class ExcerptFilter:
    """What the view asks `excerpts.excerpts` for; None means "all"."""

    code_ids: list[str] | None = None
    with_subcodes: bool = False
    match: excerpts.Match = "any"
    coder_ids: list[str] | None = None
    document_ids: list[str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    memo_contains: str | None = None

    def arguments(self) -> dict[str, object]:
        return {
            "with_subcodes": self.with_subcodes,
            "match": self.match,
            "coder_ids": self.coder_ids,
            "document_ids": self.document_ids,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "memo_contains": self.memo_contains,
        }


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
        self._filter = ExcerptFilter()
        self._rows: list[excerpts.Excerpt] = []
        self.total = 0

    def load(self, project: Project | None, chosen: ExcerptFilter) -> None:
        """Show the first page of `chosen`; raises AnnotatorError (a bad date) untouched."""
        rows: list[excerpts.Excerpt] = []
        total = 0
        if project is not None and chosen.code_ids:
            args = chosen.arguments()
            total = excerpts.count_excerpts(project, chosen.code_ids, **args)  # type: ignore[arg-type]
            rows = excerpts.excerpts(
                project,
                chosen.code_ids,
                limit=PAGE,
                context=excerpts.CONTEXT_WIDTH,
                **args,  # type: ignore[arg-type]
            )
        self.beginResetModel()
        self._project, self._filter, self._rows, self.total = project, chosen, rows, total
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
        if parent.isValid() or self._project is None or not self._filter.code_ids:
            return
        more = excerpts.excerpts(
            self._project,
            self._filter.code_ids,
            limit=PAGE,
            offset=len(self._rows),
            context=excerpts.CONTEXT_WIDTH,
            **self._filter.arguments(),  # type: ignore[arg-type]
        )
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        else:
            self.total = len(self._rows)  # the project changed underneath
