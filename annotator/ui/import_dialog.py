"""File > Import: choose files, folders or pasted text, preview each, import in the background.

The researcher sees, per source, the detected encoding (and can choose another), the
pre-filled details (editable), and every line the clean-up would drop (each can be
kept), with the resulting text. Import runs off the GUI thread with a progress bar
and Cancel; the report at the end lists what was imported, what was a duplicate and
what failed, with the reason. After `exec()`, `imported_document_ids` lists the new
documents and `change` undoes the whole import.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Change
from annotator.core.errors import AnnotatorError
from annotator.core.ids import CoderId
from annotator.core.importing import (
    SUPPORTED_SUFFIXES,
    Draft,
    ImportOptions,
    ImportReport,
    Progress,
    collect,
    prepare_pasted,
)
from annotator.core.input_files import shown_name
from annotator.core.project import Project
from annotator.ui import messages
from annotator.ui.background import Background, Operation, stopped_by_bug
from annotator.ui.guide_links import IMPORT_CLEAN_UP, what_is_this_link
from annotator.ui.import_preview import DraftPreview
from annotator.ui.import_wording import (
    describe_failure,
    report_summary,
    report_text,
    source_label,
)
from annotator.ui.import_work import prepare, run_import
from annotator.ui.sizing import fit_to_screen

log = logging.getLogger(__name__)


@dataclass
class _Entry:
    """One source in the list, and what the researcher decided about it."""

    path: Path | None = None
    pasted: str | None = None
    encoding: str | None = None
    whole_page: bool = False
    draft: Draft | None = None
    error: AnnotatorError | None = None
    request: int = 0  # the preview request whose answer we wait for (0: none)
    edits: dict[str, str] = field(default_factory=dict)  # details typed by the researcher

    @property
    def source(self) -> Path | str:
        return self.path if self.path is not None else self.pasted or ""


class ImportDialog(QDialog):
    def __init__(self, project: Project, coder_id: CoderId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import documents"))
        self.project = project
        self.coder_id = coder_id
        self.imported_document_ids: list[str] = []
        self.change: Change | None = None
        self.report: ImportReport | None = None
        self._entries: list[_Entry] = []
        self._requests = 0
        self._import: Operation | None = None
        self.background = Background(self, workers=None)  # previews side by side
        self._build()
        fit_to_screen(self, 1100, 760)

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.clean = QCheckBox(self.tr("&Clean up web-scrape junk (review it file by file)"))
        self.clean.toggled.connect(self._clean_toggled)
        self.preview = DraftPreview()
        self.preview.reread_requested.connect(self._reread_current)
        self.preview.field_edited.connect(self._field_edited)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.preview)
        self.pages.addWidget(self.report_view)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_sources())
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 3)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.clean)
        layout.addWidget(what_is_this_link(IMPORT_CLEAN_UP, self))
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress)
        layout.addLayout(self._build_buttons())
        self._update_buttons()

    def _build_sources(self) -> QWidget:
        self.sources = QListWidget()
        self.sources.currentRowChanged.connect(self._show_entry)
        self.add_files_button = QPushButton(self.tr("Add &files…"))
        self.add_folder_button = QPushButton(self.tr("Add f&older…"))
        self.paste_button = QPushButton(self.tr("&Paste text…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.add_files_button.clicked.connect(self._ask_files)
        self.add_folder_button.clicked.connect(self._ask_folder)
        self.paste_button.clicked.connect(self._ask_paste)
        self.remove_button.clicked.connect(self._remove_current)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addWidget(QLabel(self.tr("Sources")))
        layout.addWidget(self.sources, 1)
        for button in (
            self.add_files_button,
            self.add_folder_button,
            self.paste_button,
            self.remove_button,
        ):
            layout.addWidget(button)
        return panel

    def _build_buttons(self) -> QHBoxLayout:
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        return buttons

    # -- choosing sources ----------------------------------------------------------------

    def _ask_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import files"),
            "",
            self.tr("Documents ({patterns});;All files (*)").format(patterns=patterns),
        )
        self.add_paths([Path(p) for p in paths])

    def _ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.add_paths([Path(folder)])

    def _ask_paste(self) -> None:
        clipboard = QGuiApplication.clipboard().text()
        text, accepted = QInputDialog.getMultiLineText(
            self, self.tr("Paste text"), self.tr("The text to import:"), clipboard
        )
        if accepted and text.strip():
            self.add_pasted(text)

    def add_paths(self, paths: list[Path]) -> None:
        """Add files, and the supported files of folders (searched recursively)."""
        files, ignored = collect(paths)
        known = {e.path for e in self._entries}
        for path in files:
            if isinstance(path, Path) and path not in known:
                self._add_entry(_Entry(path=path))
        if ignored:
            self.status.setText(
                self.tr("%n file(s) left out (other formats, notes)", "", len(ignored))
            )
        self._update_buttons()

    def add_pasted(self, text: str) -> None:
        self._add_entry(_Entry(pasted=text))
        self.sources.setCurrentRow(self.sources.count() - 1)
        self._update_buttons()

    def _add_entry(self, entry: _Entry) -> None:
        self._entries.append(entry)
        item = QListWidgetItem(self._label(entry))
        if entry.path is not None:
            item.setToolTip(shown_name(entry.path))
        self.sources.addItem(item)
        if self.sources.currentRow() < 0:
            self.sources.setCurrentRow(0)

    def _label(self, entry: _Entry) -> str:
        name = source_label(shown_name(entry.path)) if entry.path else self.tr("Pasted text")
        if entry.error is not None:
            return self.tr("{name} — cannot be imported").format(name=name)
        return name

    def _remove_current(self) -> None:
        row = self.sources.currentRow()
        if row >= 0:
            del self._entries[row]
            self.sources.takeItem(row)
            self._show_entry(self.sources.currentRow())
            self._update_buttons()

    # -- previews ------------------------------------------------------------------------

    def _options(self, entry: _Entry) -> ImportOptions:
        return ImportOptions(
            clean=self.clean.isChecked(), encoding=entry.encoding, whole_page=entry.whole_page
        )

    def _show_entry(self, row: int) -> None:
        if self._running or self.report is not None:
            return
        self.pages.setCurrentWidget(self.preview)
        if not 0 <= row < len(self._entries):
            self.preview.show_message(self.tr("Add files, a folder or pasted text to import."))
            return
        entry = self._entries[row]
        if entry.draft is not None:
            self.preview.show_draft(entry.draft, whole_page=entry.whole_page)
        elif entry.error is not None:
            self.preview.show_message(describe_failure(entry.error))
        else:
            self._prepare(entry)

    def _prepare(self, entry: _Entry) -> None:
        self._requests += 1
        entry.request = self._requests
        self.preview.show_message(self.tr("Reading {name}…").format(name=self._label(entry)))
        request, source, options = entry.request, entry.source, self._options(entry)
        self.background.run(
            lambda _task: prepare(source, options),
            lambda draft: self._prepared(request, draft),
            lambda exc: self._prepared(request, exc),
        )

    def _prepared(self, request: int, result: Draft | AnnotatorError) -> None:
        entry = next((e for e in self._entries if e.request == request), None)
        if entry is None:
            return  # removed, or asked again meanwhile
        entry.request = 0
        if isinstance(result, Draft):
            entry.draft, entry.error = result, None
            result.provenance.update(entry.edits)
        else:
            entry.draft, entry.error = None, result
        row = self._entries.index(entry)
        self.sources.item(row).setText(self._label(entry))
        if row == self.sources.currentRow():
            self._show_entry(row)

    def _reread_current(self) -> None:
        row = self.sources.currentRow()
        if not 0 <= row < len(self._entries):
            return
        entry = self._entries[row]
        entry.encoding = self.preview.chosen_encoding()
        entry.whole_page = self.preview.whole_page.isChecked()
        entry.draft = entry.error = None
        self._prepare(entry)

    def _field_edited(self, name: str, value: str) -> None:
        """Remember typed details, so reading the file again does not lose them."""
        row = self.sources.currentRow()
        if 0 <= row < len(self._entries):
            self._entries[row].edits[name] = value

    def _clean_toggled(self, on: bool) -> None:
        for entry in self._entries:
            if entry.draft is not None:
                entry.draft.choose_all(on)
        self._show_entry(self.sources.currentRow())

    # -- importing -----------------------------------------------------------------------

    @property
    def _running(self) -> bool:
        return self._import is not None

    def _update_buttons(self) -> None:
        idle = not self._running
        for button in (self.add_files_button, self.add_folder_button, self.paste_button):
            button.setEnabled(idle and self.report is None)
        self.remove_button.setEnabled(idle and self.report is None and bool(self._entries))
        self.import_button.setEnabled(idle and self.report is None and bool(self._entries))
        self.clean.setEnabled(idle and self.report is None)
        self.sources.setEnabled(idle)
        self.preview.setEnabled(idle)
        self.cancel_button.setVisible(self._running)
        self.close_button.setEnabled(idle)

    def start_import(self) -> None:
        if self._running or not self._entries:
            return
        items: list[Path | Draft] = []
        for entry in self._entries:
            if entry.draft is not None:
                items.append(entry.draft)
            elif entry.path is not None:
                items.append(entry.path)
            elif entry.pasted is not None and entry.error is None:
                items.append(self._pasted_draft(entry))
        path, coder_id, options = self.project.path, self.coder_id, self._options(_Entry())
        passphrase = self.project.passphrase
        self._import = self.background.run(
            lambda task: run_import(task, path, items, coder_id, options, passphrase),
            self._finished,
            self._finished,
            progress=self._progressed,
            ended=self._import_ended,
        )
        self.progress.setRange(0, len(items))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Importing…"))
        self._update_buttons()

    def _pasted_draft(self, entry: _Entry) -> Draft:
        return prepare_pasted(entry.pasted or "", self._options(entry))

    def cancel_import(self) -> None:
        if self._import is not None:
            self._import.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling after the current file…"))

    def _progressed(self, step: Progress) -> None:
        self.progress.setMaximum(step.total)
        self.progress.setValue(step.done)
        self.status.setText(
            self.tr("{done} of {total}: {imported} imported, {duplicates} duplicates, "
                    "{failed} failed").format(
                done=step.done, total=step.total, imported=step.imported,
                duplicates=step.duplicates, failed=step.failed,
            )
        )  # fmt: skip

    def _finished(self, result: ImportReport | AnnotatorError) -> None:
        if isinstance(result, ImportReport):
            self.report = result
            self.change = result.change
            self.imported_document_ids = [item.document_id for item in result.imported]
            self.report_view.setPlainText(report_text(result))
            self.status.setText(report_summary(result))
        else:
            said = self.tr("The import could not run: {reason}")
            self.report_view.setPlainText(said.format(reason=messages.describe(result)))
            self.status.setText(self.tr("Nothing was imported."))
        self.pages.setCurrentWidget(self.report_view)

    def _import_ended(self) -> None:
        """After the report, a refusal or a bug (shown in the error report)."""
        crashed = self._import is not None and self._import.crashed
        self._import = None
        self.cancel_button.setEnabled(True)
        if crashed:
            self.status.setText(stopped_by_bug())
        self._update_buttons()

    # -- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        self._stop_work()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_work()
        super().closeEvent(event)

    def _stop_work(self) -> None:
        """Cancel a running import and wait for the file in hand (never half a document)."""
        self.cancel_import()
        self.background.wait_and_deliver()  # the final report, now
