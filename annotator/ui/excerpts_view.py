"""Getting back what was coded: tick codes (and coders, documents, dates, memo text),
see every excerpt in its context, jump to it.

`ExcerptsView(project)` is self-contained; the window wires:
- `open_requested(document_id: DocumentId, start: int, end: int)`: show the document with the
  excerpt selected (code-point offsets) — on click or Enter;
- `refresh()` after a Change (codes, codings, documents or coders changed);
- `show_selection(selection, match=...)` to open it on a selection, e.g. from a cell
  of the code-by-document matrix.
The filters are the one `SelectionPicker`. "Any" lists every excerpt of the ticked
codes; "all at once" only passages where all of them overlap. Excerpts load 100 at a
time as the list scrolls.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.core import excerpts
from annotator.core.errors import AnnotatorError
from annotator.core.ids import CodeId
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.ui.excerpts_model import ExcerptsModel
from annotator.ui.search_panel import results_table
from annotator.ui.selection_picker import Parts, SelectionPicker, problem_text

ERROR_STYLE = "color: #B00020;"
PARTS = Parts(memo=True, none_ticked_is_all=frozenset({"coders", "documents"}))


class ExcerptsView(QWidget):
    """Filters on the left, excerpts on the right; see the module docstring."""

    open_requested = Signal(str, int, int)

    def __init__(self, project: Project | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self.picker = SelectionPicker(project, PARTS)
        self.match = QComboBox()
        self.match.addItem(self.tr("Coded with any ticked code"), "any")
        self.match.addItem(self.tr("Coded with all ticked codes at once"), "all")
        # the full wording is in the open list; closed, it need not widen the filters
        self.match.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.match.setMinimumContentsLength(16)
        self.picker.codes_column.addWidget(self.match)
        self.status = QLabel(self.tr("Tick one or more codes."))
        self.status.setWordWrap(True)
        self.model = ExcerptsModel()
        self.view = results_table(self.model, self)
        self.view.setAccessibleName(self.tr("Excerpts"))
        self.reading = QTextBrowser()
        self.reading.setAccessibleName(self.tr("Selected excerpt"))
        self.reading.setPlaceholderText(self.tr("Select an excerpt to read it here."))

        self._lay_out()
        self.picker.changed.connect(self._reload)
        self.match.currentIndexChanged.connect(self._reload)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.view.selectionModel().currentChanged.connect(self._show_reading)
        self.model.modelReset.connect(self._show_reading)
        self._reload()

    def _lay_out(self) -> None:
        filters = QWidget()
        column = QVBoxLayout(filters)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.picker)
        header = self.view.horizontalHeader()
        for section, width in ((3, 140), (4, 90), (5, 140)):
            header.resizeSection(section, width)
        results = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_column = QVBoxLayout(top)
        top_column.setContentsMargins(4, 4, 4, 0)
        top_column.addWidget(self.status)
        top_column.addWidget(self.view, 1)
        results.addWidget(top)
        results.addWidget(self.reading)
        results.setSizes([420, 160])
        splitter = QSplitter()
        splitter.addWidget(filters)
        splitter.addWidget(results)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 740])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _show_reading(self) -> None:
        """The selected excerpt in full, to read: its context, citation, code and memo."""
        index = self.view.currentIndex()
        if not index.isValid():
            self.reading.clear()
            return
        e = self.model.excerpt(index.row())
        date = f", {html.escape(e.published_date)}" if e.published_date else ""
        label = html.escape(self.tr("Memo:"))
        memo = f"<p><i>{label}</i> {html.escape(e.memo)}</p>" if e.memo else ""
        self.reading.setHtml(
            f"<p><b>{html.escape(e.document_title)}</b>{date} · {html.escape(e.code_name)}"
            f" · {html.escape(e.coder_name)}</p>"
            f"<p>…{html.escape(e.before)}<span style='background:#FFE08A'><b>"
            f"{html.escape(e.quote)}</b></span>{html.escape(e.after)}…</p>{memo}"
        )

    def refresh(self) -> None:
        """Re-read codes, coders and documents (keeping what is ticked) and the excerpts."""
        self.picker.refresh()
        self._reload()

    def show_selection(self, selection: Selection, *, match: excerpts.Match = "any") -> None:
        """Tick exactly what the selection holds and list its excerpts."""
        self.match.blockSignals(True)
        self.match.setCurrentIndex(max(0, self.match.findData(match)))
        self.match.blockSignals(False)
        self.picker.set_selection(selection)  # its `changed` reloads once

    def _reload(self) -> None:
        match: excerpts.Match = self.match.currentData()
        try:
            chosen = self.picker.selection()
        except AnnotatorError as exc:
            self.model.load(None, None)
            self.status.setText(problem_text(exc))
            self.status.setStyleSheet(ERROR_STYLE)
            return
        self.status.setStyleSheet("")
        if chosen.code_ids == ():
            self.model.load(None, None)
            self.status.setText(self.tr("Tick one or more codes."))
            return
        if match == "all" and chosen.code_ids is None:  # every code ticked, each counts
            ticked = self.picker.ticked("codes")
            chosen = replace(chosen, code_ids=tuple(CodeId(c) for c in ticked))
        self.model.load(self._project, chosen, match)
        if match == "all" and len(chosen.code_ids or ()) < 2:
            self.status.setText(
                self.tr("{count} excerpts. Tick a second code to see where codes overlap.").format(
                    count=self.model.total
                )
            )
        else:
            total = self.model.total
            self.status.setText(
                self.tr("1 excerpt.")
                if total == 1
                else self.tr("{count:,} excerpts.").format(count=total)
            )

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            e = self.model.excerpt(index.row())
            self.open_requested.emit(e.document_id, e.start, e.end)
