"""File > Export: choose what to export and how, see how much it is, write it.

The count and the export itself run off the GUI thread as background operations, each
on its own connection to the project file (only core calls there).
The export can be cancelled, and leaves no file behind when it is; when it is done,
"Open the file" hands it to the system's Word processor or spreadsheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.exports.errors import ExportCancelled
from annotator.core.exports.formats import FORMATS, ExportOptions
from annotator.core.exports.outcome import ExportResult
from annotator.core.exports.selection import GroupBy, SelectionCount, exported_codes
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.ui.background import Background, Operation, stopped_by_bug
from annotator.ui.export_wording import ExportWording
from annotator.ui.export_work import count_selection, export
from annotator.ui.selection_picker import Parts, SelectionPicker, problem_text
from annotator.ui.sizing import fit_to_screen


@dataclass(frozen=True)
class _Choice:
    format_name: str
    label: str


class ExportDialog(QDialog):
    """Export coded excerpts (Word, CSV, XLSX) or the codebook (CSV, Word)."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.result: ExportResult | None = None
        self._job: Operation | None = None
        self._count_request = 0
        self.background = Background(self, workers=None)  # a count beside the export
        self.words = ExportWording(self)
        self._recount = QTimer(self, singleShot=True, interval=150)
        self._recount.timeout.connect(self._start_count)
        self.setWindowTitle(self.tr("Export"))
        self.setObjectName("exportDialog")
        self._choices = [
            _Choice("docx", self.tr("Word report with citations (.docx)")),
            _Choice("csv", self.tr("Table, one row per coding (.csv)")),
            _Choice("xlsx", self.tr("Excel workbook, one row per coding (.xlsx)")),
            _Choice("codebook-csv", self.tr("Codebook for Taguette and others (.csv)")),
            _Choice("codebook-docx", self.tr("Codebook as a Word annex (.docx)")),
        ]
        self._build()
        self._format_changed()

    # -- building --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format_box = QComboBox()
        self.format_box.setAccessibleName(self.tr("Export format"))
        for choice in self._choices:
            self.format_box.addItem(choice.label, choice.format_name)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        form.addRow(self.tr("&Format:"), self.format_box)
        layout.addLayout(form)
        layout.addWidget(self._what_box(), 1)
        layout.addWidget(self._options_box())
        self.count_label = QLabel()
        self.count_label.setObjectName("exportCount")
        layout.addWidget(self.count_label)
        target_row = QHBoxLayout()
        self.target_edit = QLineEdit()
        self.target_edit.setAccessibleName(self.tr("File to write"))
        self.target_edit.textChanged.connect(self._update_buttons)
        browse = QPushButton(self.tr("C&hoose…"))
        browse.clicked.connect(self._choose_target)
        target_row.addWidget(QLabel(self.tr("Save as:")))
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(browse)
        layout.addLayout(target_row)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open the file"))
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self._open_file)
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("&Cancel export"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for button in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        fit_to_screen(self, 720, 760)

    def _what_box(self) -> QGroupBox:
        # everything starts ticked, and all ticked means all
        parts = Parts(subcodes=False, start_ticked=True, side_by_side=True)
        self.picker = SelectionPicker(self.project, parts)
        self.picker.changed.connect(self._selection_changed)
        box = QGroupBox(self.tr("What to export"))
        QVBoxLayout(box).addWidget(self.picker)
        return box

    def _options_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Options"))
        form = QFormLayout(box)
        self.group_box = QComboBox()
        self.group_box.addItem(self.tr("by code, in codebook order"), GroupBy.CODE.value)
        self.group_box.addItem(self.tr("by document, in date order"), GroupBy.DOCUMENT.value)
        form.addRow(self.tr("&Group excerpts:"), self.group_box)
        self.empty_check = QCheckBox(self.tr("Include codes without excerpts"))
        self.memo_check = QCheckBox(self.tr("Include coding memos"))
        self.raw_check = QCheckBox(self.tr("Raw values for analysis (R, pandas)"))
        self.raw_check.setToolTip(
            self.tr(
                "Write every value exactly as stored. Without this, a cell that starts "
                "with = + - or @ gets a leading apostrophe, so a spreadsheet shows it "
                "as text and never runs it as a formula."
            )
        )
        self.bom_check = QCheckBox(self.tr("Mark the file as UTF-8 for Excel (BOM)"))
        for widget in (self.empty_check, self.memo_check, self.raw_check, self.bom_check):
            form.addRow(widget)
        return box

    # -- what the user chose ---------------------------------------------------------

    @property
    def format_name(self) -> str:
        return str(self.format_box.currentData())

    def set_format(self, format_name: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(format_name))

    def options(self) -> ExportOptions:
        return ExportOptions(
            selection=self.picker.selection(),
            group_by=GroupBy(self.group_box.currentData()),
            include_empty_codes=self.empty_check.isChecked(),
            include_memos=self.memo_check.isChecked(),
            raw=self.raw_check.isChecked(),
            bom=self.bom_check.isChecked(),
            wording=self.words.report(),
        )

    # -- reacting ----------------------------------------------------------------------

    def _format_changed(self) -> None:
        name = self.format_name
        export_format = FORMATS[name]
        word, table = name == "docx", name in ("csv", "xlsx")
        self.picker.set_codes_only(not export_format.uses_selection)
        self.group_box.setEnabled(word or table)
        self.empty_check.setEnabled(word)
        self.memo_check.setEnabled(word)
        self.raw_check.setEnabled(table)
        self.bom_check.setEnabled(name == "csv")
        self._suggest_target(export_format.suffix)
        self._selection_changed()

    def _suggest_target(self, suffix: str) -> None:
        current = self.target_edit.text().strip()
        if current:
            self.target_edit.setText(str(Path(current).with_suffix(suffix)))
            return
        if "codebook" in self.format_name:
            stem = self.tr("{project} codebook").format(project=self.project.name)
        else:
            stem = self.tr("{project} excerpts").format(project=self.project.name)
        self.target_edit.setText(str(self.project.path.with_name(stem + suffix)))

    def _selection_changed(self, *_: object) -> None:
        self.count_label.setText(self.tr("Counting…"))
        self._recount.start()

    def _start_count(self) -> None:
        self._count_request += 1
        try:
            chosen = self.picker.selection()
        except AnnotatorError as exc:  # e.g. a from date after the to date
            self._show_count(self._count_request, exc)
            return
        if not FORMATS[self.format_name].uses_selection:
            # a codebook file holds the ticked codes: the tree alone tells how many
            codes = exported_codes(self.project, Selection(code_ids=chosen.code_ids))
            self.count_label.setText(self.words.codebook_count(len(codes)))
            self._update_buttons()
            return
        project, request = self.project, self._count_request
        self.background.run(
            lambda _task: count_selection(project, chosen),
            lambda counted: self._show_count(request, counted),
            lambda exc: self._show_count(request, exc),
        )

    def _show_count(self, request: int, result: SelectionCount | AnnotatorError) -> None:
        if request != self._count_request:
            return  # an older count, overtaken by a newer choice
        if isinstance(result, AnnotatorError):
            self.count_label.setText(problem_text(result))
        else:
            self.count_label.setText(self.words.count(result))
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self._job is not None
        self.export_button.setEnabled(not running and bool(self.target_edit.text().strip()))
        self.export_button.setVisible(not running)
        self.cancel_button.setVisible(running)
        self.close_button.setEnabled(not running)

    def _choose_target(self) -> None:
        suffix = FORMATS[self.format_name].suffix
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.target_edit.text(), f"*{suffix}"
        )
        if chosen:
            self.target_edit.setText(chosen if chosen.endswith(suffix) else chosen + suffix)

    # -- exporting ---------------------------------------------------------------------

    def start_export(self) -> None:
        try:
            options = self.options()
        except AnnotatorError as exc:
            self._say_error(problem_text(exc))
            return
        target = Path(self.target_edit.text().strip()).expanduser()
        project, format_name = self.project, self.format_name
        self._job = self.background.run(
            lambda task: export(task, project, format_name, target, options),
            self._finished,
            self._refused,
            progress=self._show_progress,
            ended=self._export_ended,
        )
        self.open_button.setVisible(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Exporting to {name}…").format(name=target.name))
        self._update_buttons()

    def cancel_export(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _show_progress(self, step: tuple[int, int]) -> None:
        done, total = step
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, result: ExportResult) -> None:
        self.result = result
        self.status.setText(self.words.done(result))
        self.open_button.setVisible(True)
        self.open_button.setFocus()

    def _refused(self, exc: AnnotatorError) -> None:
        if isinstance(exc, ExportCancelled):
            self.status.setText(self.tr("Export cancelled. Nothing was written."))
        else:
            self._say_error(self.words.failure(exc))

    def _export_ended(self) -> None:
        """After the file, a refusal or a bug (shown in the error report)."""
        if self._job is not None and self._job.crashed:
            self._say_error(stopped_by_bug())
        self._job = None
        self.progress.setVisible(False)
        self._update_buttons()

    def _say_error(self, text: str) -> None:
        self.status.setStyleSheet("color: #B00020;")
        self.status.setText(text)

    def _open_file(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path)))

    # -- closing -----------------------------------------------------------------------

    def reject(self) -> None:
        if self._job is not None:
            return  # Cancel the export first; closing mid-write would hide what happened
        self._recount.stop()
        self.background.wait()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._job is not None:
            event.ignore()
            return
        self.background.wait()
        super().closeEvent(event)
