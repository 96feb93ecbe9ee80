"""Overviews people would rather look at than read: frequencies, the code-by-document
matrix and co-occurrence, each as a chart and as a table.

`OverviewsView(project)` holds three tabs beside the one `SelectionPicker`, which
narrows what they count to some coders, documents and published dates. Each tab can
copy its table (CSV text on the clipboard), save it as CSV, and save its chart as PNG.
Clicking a cell of the matrix or of the co-occurrence map lists the excerpts behind it
underneath. The window wires:
- `open_requested(document_id: DocumentId, start: int, end: int)`: an excerpt was clicked;
- `excerpts_requested(selection: Selection, match: str)`: "Show in Excerpts" (pass
  them to `ExcerptsView.show_selection`);
- `refresh()` after any Change.
The numbers come from `core.overviews`, the same as `annotator report` prints.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core import overviews
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.ui.charts import BarChart, HeatMap
from annotator.ui.overview_tab import ID_ROLE, CellExcerpts, OverviewTab, scrolled
from annotator.ui.selection_picker import Parts, SelectionPicker, problem_text

ERROR_STYLE = "color: #B00020;"
# the codes are the rows: the picker narrows the coders, documents and dates counted
PARTS = Parts(codes=False, none_ticked_is_all=frozenset({"coders", "documents"}))


class FrequenciesTab(OverviewTab):
    """Codings and documents per code: a bar chart beside a sortable table."""

    name = "code-frequencies"

    def __init__(self, view: OverviewsView) -> None:
        super().__init__(view)
        self.found: list[overviews.CodeFrequency] = []
        self.measure = QComboBox()
        self.measure.addItem(self.tr("Count codings"), "codings")
        self.measure.addItem(self.tr("Count documents"), "documents")
        self.with_subcodes = QCheckBox(self.tr("Include sub-codes"))
        self.hide_unused = QCheckBox(self.tr("Hide unused codes"))
        self.hide_unused.setChecked(True)
        for box in (self.measure, self.with_subcodes, self.hide_unused):
            self.option(box)
        self.options.addStretch(1)
        self.bars = BarChart()
        headers = [
            self.tr("Code"),
            self.tr("Codings"),
            self.tr("Documents"),
            self.tr("Codings with sub-codes"),
            self.tr("Documents with sub-codes"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        splitter = QSplitter()
        splitter.addWidget(scrolled(self.bars, fit_width=True))
        splitter.addWidget(self.table)
        splitter.setSizes([560, 440])
        self.column.insertWidget(1, splitter, 1)
        self.bars.bar_clicked.connect(self._bar_clicked)

    def shown(self) -> list[overviews.CodeFrequency]:
        if not self.hide_unused.isChecked():
            return self.found
        return [f for f in self.found if f.codings_with_subcodes]

    def _value(self, f: overviews.CodeFrequency) -> int:
        sub = self.with_subcodes.isChecked()
        if self.measure.currentData() == "documents":
            return f.documents_with_subcodes if sub else f.documents
        return f.codings_with_subcodes if sub else f.codings

    def reload(self) -> None:
        chosen = self.view.chosen()
        self.found = overviews.frequencies(self.project, chosen) if self.project and chosen else []
        shown = self.shown()
        self.bars.set_data(
            [f.code.name for f in shown],
            [self._value(f) for f in shown],
            [f.code.color for f in shown],
            title=self._title(),
            indents=[f.code.depth for f in shown],
        )
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(shown))
        for row, f in enumerate(shown):
            values = (f.codings, f.documents, f.codings_with_subcodes, f.documents_with_subcodes)
            path = QTableWidgetItem(f.code.path)
            path.setData(ID_ROLE, f.code.id)
            self.table.setItem(row, 0, path)
            for column, value in enumerate(values, start=1):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        # codebook order until the researcher clicks a heading
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    def _title(self) -> str:
        documents = self.measure.currentData() == "documents"
        if self.with_subcodes.isChecked():
            if documents:
                return self.tr("Documents per code, with sub-codes")
            return self.tr("Codings per code, with sub-codes")
        return self.tr("Documents per code") if documents else self.tr("Codings per code")

    def rows(self) -> list[overviews.Row]:
        return overviews.frequency_rows(self.shown())

    def chart(self) -> QWidget:
        return self.bars

    def _bar_clicked(self, row: int) -> None:
        code = self.shown()[row].code
        chosen = self.view.chosen() or Selection()
        wanted = replace(chosen, code_ids=(code.id,), with_subcodes=self.with_subcodes.isChecked())
        self.view.excerpts_requested.emit(wanted, "any")


class MatrixTab(OverviewTab):
    """Codings per code (rows) and document (columns) as a heat map."""

    name = "codes-by-documents"

    def __init__(self, view: OverviewsView) -> None:
        super().__init__(view)
        self.matrix = overviews.Matrix([], [], [])
        self.with_subcodes = QCheckBox(self.tr("Include sub-codes"))
        self.hide_unused = QCheckBox(self.tr("Hide unused codes and uncoded documents"))
        self.hide_unused.setChecked(True)
        for box in (self.with_subcodes, self.hide_unused):
            self.option(box)
        self.options.addStretch(1)
        self.heat = HeatMap()
        self.cell = CellExcerpts(view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scrolled(self.heat))
        splitter.addWidget(self.cell)
        splitter.setSizes([420, 160])
        self.column.insertWidget(1, splitter, 1)
        self.heat.cell_clicked.connect(self._cell_clicked)

    def reload(self) -> None:
        chosen = self.view.chosen()
        if self.project is None or chosen is None:
            self.matrix = overviews.Matrix([], [], [])
        else:
            rolled_up = replace(chosen, with_subcodes=self.with_subcodes.isChecked())
            full = overviews.code_document_matrix(self.project, rolled_up)
            self.matrix = _trimmed(full) if self.hide_unused.isChecked() else full
        m = self.matrix
        self.heat.set_data(
            [c.name for c in m.codes],
            [d.title for d in m.documents],
            m.counts,
            title=self.tr("Codings per code and document"),
        )
        self.cell.clear()

    def rows(self) -> list[overviews.Row]:
        return overviews.matrix_rows(self.matrix)

    def chart(self) -> QWidget:
        return self.heat

    def _cell_clicked(self, row: int, column: int) -> None:
        code, document = self.matrix.codes[row], self.matrix.documents[column]
        behind = replace(
            self.view.chosen() or Selection(),
            code_ids=(code.id,),
            with_subcodes=self.with_subcodes.isChecked(),
            document_ids=(document.id,),
        )
        title = self.tr("{code} in “{document}”").format(code=code.name, document=document.title)
        self.cell.show_cell(title, behind, "any")


def _trimmed(matrix: overviews.Matrix) -> overviews.Matrix:
    """Without rows and columns that are all zero."""
    rows = [i for i, r in enumerate(matrix.counts) if any(r)]
    columns = [j for j in range(len(matrix.documents)) if any(r[j] for r in matrix.counts)]
    return overviews.Matrix(
        [matrix.codes[i] for i in rows],
        [matrix.documents[j] for j in columns],
        [[matrix.counts[i][j] for j in columns] for i in rows],
    )


class CooccurrenceTab(OverviewTab):
    """Which codes overlap in the same passages: pairs of codings per pair of codes."""

    name = "code-co-occurrence"

    def __init__(self, view: OverviewsView) -> None:
        super().__init__(view)
        self.found = overviews.Cooccurrence([], [])
        self.hide_alone = QCheckBox(self.tr("Hide codes that overlap with none"))
        self.hide_alone.setChecked(True)
        self.option(self.hide_alone)
        self.options.addStretch(1)
        self.heat = HeatMap()
        self.cell = CellExcerpts(view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scrolled(self.heat))
        splitter.addWidget(self.cell)
        splitter.setSizes([420, 160])
        self.column.insertWidget(1, splitter, 1)
        self.heat.cell_clicked.connect(self._cell_clicked)

    def reload(self) -> None:
        chosen = self.view.chosen()
        found = (
            overviews.cooccurrence(self.project, chosen)
            if self.project and chosen
            else overviews.Cooccurrence([], [])
        )
        if self.hide_alone.isChecked():
            keep = [i for i, row in enumerate(found.counts) if any(row)]
            found = overviews.Cooccurrence(
                [found.codes[i] for i in keep], [[found.counts[i][j] for j in keep] for i in keep]
            )
        self.found = found
        names = [c.name for c in found.codes]
        self.heat.set_data(
            names,
            names,
            found.counts,
            title=self.tr("Overlapping codings per pair of codes"),
            unit=self.tr("overlaps"),
        )
        self.cell.clear()

    def rows(self) -> list[overviews.Row]:
        return overviews.cooccurrence_rows(self.found)

    def chart(self) -> QWidget:
        return self.heat

    def _cell_clicked(self, row: int, column: int) -> None:
        first, second = self.found.codes[row], self.found.codes[column]
        if first.id == second.id:
            return
        title = self.tr("{code} with {other}").format(code=first.name, other=second.name)
        behind = replace(self.view.chosen() or Selection(), code_ids=(first.id, second.id))
        self.cell.show_cell(title, behind, "all")


class OverviewsView(QWidget):
    """Three overviews in tabs; see the module docstring for the signals."""

    open_requested = Signal(str, int, int)
    excerpts_requested = Signal(object, str)

    def __init__(self, project: Project | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.picker = SelectionPicker(project, PARTS)
        self.picker.setContentsMargins(4, 4, 4, 4)
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.tabs = QTabWidget()
        self.frequencies = FrequenciesTab(self)
        self.matrix = MatrixTab(self)
        self.cooccurrence = CooccurrenceTab(self)
        self.tabs.addTab(self.frequencies, self.tr("Code frequencies"))
        self.tabs.addTab(self.matrix, self.tr("Codes × documents"))
        self.tabs.addTab(self.cooccurrence, self.tr("Co-occurrence"))
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.problem)
        column.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(self.picker)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 780])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.picker.changed.connect(self.recount)
        self.recount()

    def refresh(self) -> None:
        """Re-read the lists and recount (cheap next to reading: one pass over the codings each)."""
        self.picker.refresh()
        self.recount()

    def recount(self) -> None:
        self._chosen = self._read_choice()
        for tab in (self.frequencies, self.matrix, self.cooccurrence):
            tab.reload()

    def chosen(self) -> Selection | None:
        """What the picker narrows the overviews to; None while a date is malformed."""
        return self._chosen

    def _read_choice(self) -> Selection | None:
        try:
            chosen = self.picker.selection()
        except AnnotatorError as exc:
            self.problem.setText(problem_text(exc))
            self.problem.show()
            return None
        self.problem.hide()
        return chosen
