"""The agreement view: how consistently coders applied the codes, and where they differ.

API for the main window::

    view = AgreementView(project)            # a plain QWidget: a tab, dock or window
    view.open_requested.connect(open_side_by_side)   # (document_id, start, end)
    view.refresh()                           # after a Change that touched codings

The researcher ticks two or more coders (and, optionally, codes, documents and published
dates in the one `SelectionPicker`; no code ticked means every code they used), chooses
whether unfinished documents count, and reads a table
per code (characters, agreement %, Cohen's kappa, Krippendorff's alpha, plus the
pooled figures) and a table of the passages where they disagree. Activating a
disagreement emits `open_requested` so the window can show the passage with every
compared coder's codings side by side. The method is in docs/methods-agreement.md.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.exchange.agreement import AgreementReport, CodeAgreement, agreement
from annotator.core.project import Project
from annotator.ui.guide_links import AGREEMENT, what_is_this_link
from annotator.ui.selection_picker import Parts, SelectionPicker, problem_text
from annotator.ui.sizing import pin_minimum_size

_ID = Qt.ItemDataRole.UserRole


def figure(value: float | None, digits: int = 3) -> str:
    """A figure for people: “—” when it is not defined (see the methods page)."""
    if value is None:
        return "—"
    shown = f"{value:.{digits}f}"
    return shown.removeprefix("-") if float(shown) == 0 else shown  # no "-0.000"


def _table(parent: QWidget, headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class AgreementView(QWidget):
    """Coders and codes to compare, the figures per code, and the disagreements."""

    open_requested = Signal(str, int, int)  # document id, start, end (code points)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self.report: AgreementReport | None = None
        parts = Parts(none_ticked_is_all=frozenset({"codes", "documents"}))
        self.picker = SelectionPicker(project, parts, self)
        self.picker.set_title("coders", self.tr("Coders (two or more)"))
        self.picker.set_title("codes", self.tr("Codes (none ticked: every code used)"))
        self.include_unfinished = QCheckBox(self.tr("Count unfinished documents too"), self)
        self.include_unfinished.setToolTip(
            self.tr("By default only documents every compared coder marked finished are counted.")
        )
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        figure_headers = [
            self.tr("Code"),
            self.tr("Characters"),
            self.tr("Agreement %"),
            self.tr("Kappa"),
            self.tr("Alpha"),
        ]
        disagreement_headers = [
            self.tr("Document"),
            self.tr("Where"),
            self.tr("Code"),
            self.tr("Coded by"),
            self.tr("Not coded by"),
            self.tr("Text"),
        ]
        self.figures = _table(self, figure_headers, stretch=0)
        self.disagreements = _table(self, disagreement_headers, stretch=5)
        self.disagreements.itemClicked.connect(self._activated)
        single_click = self.style().styleHint(
            QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick
        )
        if not single_click:  # Enter on a row; where a click activates, it is handled above
            self.disagreements.itemActivated.connect(self._activated)

        choices = QVBoxLayout()
        choices.addWidget(self.picker, 1)
        choices.addWidget(self.include_unfinished)
        choices.addWidget(what_is_this_link(AGREEMENT, self))
        chooser = QWidget(self)
        chooser.setLayout(choices)
        results = QSplitter(Qt.Orientation.Vertical, self)
        results.addWidget(self.figures)
        results.addWidget(self.disagreements)
        right = QVBoxLayout()
        right.addWidget(self.status)
        right.addWidget(results, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(chooser, 1)
        layout.addLayout(right, 3)
        self.picker.changed.connect(self.recount)
        self.include_unfinished.toggled.connect(self.recount)
        self.recount()
        pin_minimum_size(self)

    def refresh(self) -> None:
        """Re-read coders, codes and documents (keeping what was ticked, after a merge too)
        and recount (call it after a Change touched codings)."""
        self.picker.refresh()
        self.recount()

    def recount(self) -> None:
        """The figures for the current choices."""
        self.figures.setRowCount(0)
        self.disagreements.setRowCount(0)
        self.report = None
        if len(self.picker.ticked("coders")) < 2:
            self.status.setText(self.tr("Tick two or more coders to compare."))
            return
        try:
            report = agreement(
                self._project,
                self.picker.selection(),
                include_unfinished=self.include_unfinished.isChecked(),
            )
        except AnnotatorError as exc:
            self.status.setText(problem_text(exc))
            return
        self.report = report
        self._show(report)

    def _show(self, report: AgreementReport) -> None:
        count = len(report.document_ids)
        if not count:
            self.status.setText(
                self.tr(
                    "No documents they coded yet. Mark documents finished in the document "
                    "list, or count unfinished documents too."
                )
                if report.include_unfinished
                else self.tr(
                    "No documents all of them marked finished yet. Mark documents finished in "
                    "the document list, or count unfinished documents too."
                )
            )
            return
        self.status.setText(
            self._basis(count, report.include_unfinished)
            + " "
            + self.tr(
                "Each character counts as coded or not coded by each coder; kappa is shown "
                "for two coders, alpha for any number."
            )
        )
        rows = [*report.codes, report.overall]
        self.figures.setRowCount(len(rows))
        for row, figures in enumerate(rows):
            self._figure_row(row, figures, pooled=figures is report.overall)
        names = report.coder_names
        self.disagreements.setRowCount(len(report.disagreements))
        for row, item in enumerate(report.disagreements):
            cells = [
                item.document_title,
                f"{item.start}–{item.end}",
                item.code_path,
                ", ".join(names[c] for c in item.coded_by),
                ", ".join(names[c] for c in item.not_coded_by),
                item.quote,
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(_ID, row)
                self.disagreements.setItem(row, column, cell)

    def _basis(self, count: int, include_unfinished: bool) -> str:
        """Which documents were compared, one sentence per plural case."""
        if include_unfinished:
            if count == 1:
                return self.tr("1 document they coded.")
            return self.tr("{count} documents they coded.").format(count=count)
        if count == 1:
            return self.tr("1 document all of them marked finished.")
        return self.tr("{count} documents all of them marked finished.").format(count=count)

    def _figure_row(self, row: int, figures: CodeAgreement, *, pooled: bool) -> None:
        cells = [
            figures.code_path or self.tr("All compared codes (pooled)"),
            str(figures.characters),
            figure(figures.percent, 1),
            figure(figures.kappa),
            figure(figures.alpha),
        ]
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            if column:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if pooled:
                font = QFont(cell.font())
                font.setBold(True)
                cell.setFont(font)
            self.figures.setItem(row, column, cell)

    def _activated(self, cell: QTableWidgetItem) -> None:
        if self.report is None:
            return
        item = self.report.disagreements[cell.data(_ID)]
        self.open_requested.emit(item.document_id, item.start, item.end)
