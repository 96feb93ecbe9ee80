"""File › Merge: bring another copy or a partner's REFI-QDA file into the open project.

API for the main window::

    dialog = MergeDialog(project, parent, coder_id=session.coder_id)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        session.record(dialog.change)

The dialog reads the chosen file (.annotator, .qdpx or .qdc), shows what the merge would
add and match, lists every conflict with a choice for each (none is made for the
user), lists what the file holds that cannot be imported, and merges only when every
conflict has a choice. The merge itself has already run when the dialog is accepted:
`change` is its core Change, whose undo restores the pre-merge backup (`backup`).
`set_file(path)` loads a file without the file picker (tests, drag and drop).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Change
from annotator.core.errors import AnnotatorError
from annotator.core.exchange.conflicts import Choice, Conflict, MergePlan
from annotator.core.exchange.incoming import IncomingProject
from annotator.core.exchange.merge import apply_merge, load_incoming, plan_merge
from annotator.core.ids import CoderId
from annotator.core.project import Project
from annotator.ui import messages
from annotator.ui.guide_links import MERGE_CONFLICTS, what_is_this_link
from annotator.ui.merge_wording import (
    conflict_text,
    ours_text,
    skip_text,
    theirs_text,
)
from annotator.ui.sizing import pin_minimum_size

log = logging.getLogger(__name__)


CELL_TEXT = 160  # longer values (definitions, memos) are shortened; the tooltip has all


def _values(values: dict[str, str]) -> str:
    return "\n".join(f"{key}: {value}" for key, value in values.items())


def _cell(text: str) -> QTableWidgetItem:
    shown = text if len(text) <= CELL_TEXT else text[: CELL_TEXT - 1] + "…"
    item = QTableWidgetItem(shown)
    item.setToolTip(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return item


class MergeDialog(QDialog):
    """Choose a file, review the plan and its conflicts, choose for each, merge."""

    def __init__(
        self, project: Project, parent: QWidget | None = None, *, coder_id: CoderId | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge into this project"))
        self._project = project
        self._coder_id = coder_id
        self._path: Path | None = None
        self._incoming: IncomingProject | None = None
        self._choices: dict[str, Choice] = {}
        self._shown_keys: list[str] = []
        self.plan: MergePlan | None = None
        self.change: Change | None = None
        self.backup: Path | None = None

        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(
            self.tr("A copy of this project, a .qdpx project or a .qdc codebook")
        )
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self._choose)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflicts = QTableWidget(0, 4, self)
        self.conflicts.setHorizontalHeaderLabels(
            [
                self.tr("Conflict"),
                self.tr("In this project"),
                self.tr("In the file"),
                self.tr("Keep"),
            ]
        )
        header = self.conflicts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.conflicts.verticalHeader().setVisible(False)
        self.conflicts.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().lineSpacing() * 4 + 8
        )
        self.conflicts.setWordWrap(True)
        self.conflicts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.not_imported = QListWidget(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = QPushButton(self.tr("Merge"), self)
        self.merge_button.setEnabled(False)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._merge)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Conflicts: choose what to keep for each"), self))
        layout.addWidget(what_is_this_link(MERGE_CONFLICTS, self))
        layout.addWidget(self.conflicts, 2)
        layout.addWidget(QLabel(self.tr("Not imported, and notes"), self))
        layout.addWidget(self.not_imported, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 560)
        pin_minimum_size(self)

    # -- choosing and planning ------------------------------------------------------
    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Merge which file?"),
            "",
            self.tr("Projects and REFI-QDA files (*.annotator *.qdpx *.qdc);;All files (*)"),
        )
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> bool:
        """Read and plan `path`; False (with the reason shown) if it cannot be merged."""
        self._path, self._incoming, self.plan = path, None, None
        self._choices.clear()
        self._shown_keys = []
        self.file_edit.setText(str(path))
        try:
            self._incoming = load_incoming(path)
        except AnnotatorError as exc:
            log.info("merge refused: %s", exc)
            self._show_refusal(exc)
            return False
        self._replan(from_choice=False)
        return True

    def _show_refusal(self, exc: AnnotatorError) -> None:
        self.summary.setText(messages.describe(exc))
        self.conflicts.setRowCount(0)
        self._shown_keys = []
        self.not_imported.clear()
        self.merge_button.setEnabled(False)

    def _replan(self, *, from_choice: bool) -> None:
        assert self._incoming is not None
        try:
            self.plan = plan_merge(self._project, self._incoming, self._choices)
        except AnnotatorError as exc:
            self._show_refusal(exc)
            return
        self._show_plan(self.plan, from_choice=from_choice)

    def _show_plan(self, plan: MergePlan, *, from_choice: bool) -> None:
        new_docs, matched_docs = len(plan.new_documents), len(plan.document_matches)
        new_coders = len(plan.new_coders)
        lines = [
            self.tr("From “{file}”:").format(file=plan.source_name),
            self.tr("• {new} new documents, {matched} already here").format(
                new=new_docs, matched=matched_docs
            )
            if new_docs or matched_docs
            else self.tr("• no documents"),
            self.tr("• {new} new codes, {matched} matched").format(
                new=len(plan.new_codes), matched=len(plan.code_matches)
            ),
            self.tr("• {new} new codings, {matched} already here").format(
                new=len(plan.new_codings), matched=plan.duplicate_codings
            ),
            self.tr("• 1 new coder")
            if new_coders == 1
            else self.tr("• {new} new coders").format(new=new_coders),
        ]
        if plan.finished:
            lines.append(
                self.tr("• {count} documents marked finished").format(count=len(plan.finished))
            )
        if not plan.changes_anything and not plan.conflicts:
            lines.append(self.tr("Nothing new: your project already has all of it."))
        self.summary.setText("\n".join(lines))
        keys = [c.key for c in plan.conflicts]
        if keys != self._shown_keys:
            self._shown_keys = keys
            if from_choice:  # the combo box that chose is still emitting: rebuild after it
                QTimer.singleShot(0, lambda: self._show_conflicts(plan.conflicts))
            else:
                self._show_conflicts(plan.conflicts)
        self.not_imported.clear()
        for item in plan.report.not_imported:
            why = skip_text(item.reason) + (f" ({item.detail})" if item.detail else "")
            self.not_imported.addItem(
                self.tr("Not imported: {kind} “{name}”: {why}").format(
                    kind=item.kind, name=item.name, why=why
                )
            )
        for warning in plan.report.warnings:
            self.not_imported.addItem(self.tr("Note: {warning}").format(warning=warning))
        if plan.report.controls_removed:
            self.not_imported.addItem(
                self.tr(
                    "Note: invisible control characters removed from names, titles and "
                    "memos: {count}"
                ).format(count=plan.report.controls_removed)
            )
        self.merge_button.setEnabled(not plan.unresolved and plan.changes_anything)

    def _show_conflicts(self, conflicts: list[Conflict]) -> None:
        self.conflicts.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            what = conflict_text(conflict)
            for column, text in enumerate((what, _values(conflict.ours), _values(conflict.theirs))):
                self.conflicts.setItem(row, column, _cell(text))
            choice = QComboBox(self.conflicts)
            choice.addItem(ours_text(conflict.kind), Choice.OURS.value)
            choice.addItem(theirs_text(conflict.kind), Choice.THEIRS.value)
            choice.setPlaceholderText(self.tr("Choose…"))
            chosen = self._choices.get(conflict.key)
            choice.setCurrentIndex(-1 if chosen is None else choice.findData(chosen.value))
            choice.currentIndexChanged.connect(
                lambda _index, key=conflict.key, box=choice: self._chosen(key, box)
            )
            self.conflicts.setCellWidget(row, 3, choice)

    def _chosen(self, key: str, box: QComboBox) -> None:
        self._choices[key] = Choice(box.currentData())
        self._replan(from_choice=True)  # a choice may change the plan, or reveal conflicts

    def choose(self, key: str, choice: Choice) -> None:
        """Make a choice for one conflict, as its combo box does."""
        row = self._shown_keys.index(key)
        box = self.conflicts.cellWidget(row, 3)
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findData(choice.value))

    # -- merging --------------------------------------------------------------------
    def _merge(self) -> None:
        if self.plan is None or self.plan.unresolved:
            return
        try:
            result = apply_merge(
                self._project, self.plan, coder_id=self._coder_id, source=self._path
            )
        except AnnotatorError as exc:
            log.info("merge failed: %s", exc)
            self._show_refusal(exc)
            return
        self.change, self.backup = result.change, result.backup
        self.accept()
