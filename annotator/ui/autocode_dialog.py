"""Auto-code: preview every match of a search, untick the wrong ones, code the rest.

`AutocodeDialog(project, coder_id, parent, query=..., mode=...)` asks for a code, a
search and how far to widen each match (the match, its sentence or its paragraph),
lists every passage with a tick box, and codes exactly the ticked ones in one core
call. After `exec()` returns Accepted, `change` holds that `Change`: push it on the
undo stack, and one undo removes every coding it added. Passages this coder already
coded with this code start unticked. Any edit of the search clears the preview, so
what is coded is always what was shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core import autocode, codebook, search
from annotator.core.changes import Change
from annotator.core.errors import AnnotatorError
from annotator.core.ids import CodeId, CoderId
from annotator.core.patterns import PatternError
from annotator.core.project import Project
from annotator.core.search_syntax import SearchSyntaxError
from annotator.ui.i18n import translate
from annotator.ui.messages import describe
from annotator.ui.search_panel import mode_labels, placeholder
from annotator.ui.snippets import SNIPPET_ROLE, SnippetDelegate, one_line
from annotator.ui.table_model import AnyIndex, TableModel


def scope_labels() -> dict[autocode.Scope, str]:
    """How far each match is widened, as the scope box lists it."""
    return {
        "match": translate("AutocodeDialog", "Only the match"),
        "sentence": translate("AutocodeDialog", "The sentence around each match"),
        "paragraph": translate("AutocodeDialog", "The paragraph around each match"),
    }


ERROR_STYLE = "color: #B00020;"


@dataclass(frozen=True)
class _Inputs:
    """What the preview was made from: coding must use exactly the same."""

    code_id: CodeId
    query: str
    mode: search.Mode
    case_sensitive: bool
    scope: autocode.Scope


class PassagesModel(TableModel):
    """The proposed passages, each with a tick box (column 0)."""

    def __init__(self) -> None:
        super().__init__()
        self.headers = ("", self.tr("Document"), self.tr("Passage"), "")
        self._already_coded = self.tr("already coded")
        self.passages: list[autocode.Passage] = []
        self._ticked: list[bool] = []

    def set_passages(self, passages: list[autocode.Passage]) -> None:
        self.beginResetModel()
        self.passages = passages
        self._ticked = [not p.already_coded for p in passages]
        self.endResetModel()

    def ticked(self) -> list[autocode.Passage]:
        return [p for p, on in zip(self.passages, self._ticked, strict=True) if on]

    def tick_all(self, on: bool) -> None:
        self._ticked = [on] * len(self.passages)
        if self.passages:
            last = self.index(len(self.passages) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.CheckStateRole])

    def row_total(self) -> int:
        return len(self.passages)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        passage = self.passages[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if self._ticked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 1:
                return passage.document_title
            if column == 2:
                return one_line(f"{passage.before}{passage.text}{passage.after}")
            if column == 3:
                return self._already_coded if passage.already_coded else ""
        if role == SNIPPET_ROLE and column == 2:
            return (passage.before, passage.text, passage.after)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return passage.text
        return None

    def setData(
        self,
        index: AnyIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        self._ticked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked  # type: ignore[call-overload]
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class AutocodeDialog(QDialog):
    """Preview and apply auto-coding; see the module docstring."""

    def __init__(
        self,
        project: Project,
        coder_id: CoderId,
        parent: QWidget | None = None,
        *,
        query: str = "",
        mode: search.Mode = "words",
        case_sensitive: bool = False,
        code_id: CodeId | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Code all matches"))
        self._project = project
        self._coder_id = coder_id
        self._previewed: _Inputs | None = None
        self.change: Change | None = None

        self.code = QComboBox()
        for node in codebook.codebook_tree(project):
            self.code.addItem("    " * node.depth + node.code.name, node.code.id)
            self.code.setItemData(self.code.count() - 1, node.path, Qt.ItemDataRole.ToolTipRole)
        if code_id is not None:
            self.code.setCurrentIndex(max(0, self.code.findData(code_id)))
        self.query = QLineEdit(query)
        self.mode = QComboBox()
        for value, label in mode_labels().items():
            self.mode.addItem(label, value)
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        self.case_sensitive = QCheckBox(self.tr("Match case"))
        self.case_sensitive.setChecked(case_sensitive)
        self.scope = QComboBox()
        for value, label in scope_labels().items():
            self.scope.addItem(label, value)
        self.preview_button = QPushButton(self.tr("Preview"))

        self.model = PassagesModel()
        self.view = self._passages_view()
        self.status = QLabel(self.tr("Press Preview to see every passage that would be coded."))
        self.status.setWordWrap(True)
        tick_all, tick_none = QPushButton(self.tr("Tick all")), QPushButton(self.tr("Untick all"))
        tick_all.clicked.connect(lambda: self._tick_all(True))
        tick_none.clicked.connect(lambda: self._tick_all(False))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        self._lay_out(tick_all, tick_none)
        self.preview_button.clicked.connect(self.preview)
        self.query.returnPressed.connect(self.preview)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.dataChanged.connect(self._update_ok)
        for combo in (self.code, self.mode, self.scope):
            combo.currentIndexChanged.connect(self._inputs_changed)
        self.query.textChanged.connect(self._inputs_changed)
        self.case_sensitive.toggled.connect(self._inputs_changed)
        self._inputs_changed()
        self.resize(860, 560)

    def _passages_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setItemDelegateForColumn(2, SnippetDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.setAccessibleName(self.tr("Passages to code"))
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 170)
        return view

    def _lay_out(self, tick_all: QPushButton, tick_none: QPushButton) -> None:
        find_row = QHBoxLayout()
        find_row.addWidget(self.query, 1)
        find_row.addWidget(self.mode)
        find_row.addWidget(self.case_sensitive)
        form = QFormLayout()
        form.addRow(self.tr("Code with:"), self.code)
        form.addRow(self.tr("Find:"), find_row)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope, 1)
        scope_row.addWidget(self.preview_button)
        form.addRow(self.tr("Passage to code:"), scope_row)
        ticks = QHBoxLayout()
        ticks.addWidget(self.status, 1)
        ticks.addWidget(tick_all)
        ticks.addWidget(tick_none)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(ticks)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)

    def _inputs(self) -> _Inputs:
        return _Inputs(
            self.code.currentData(),
            self.query.text(),
            self.mode.currentData(),
            self.case_sensitive.isChecked() and self.mode.currentData() != "words",
            self.scope.currentData(),
        )

    def _inputs_changed(self) -> None:
        self.case_sensitive.setEnabled(self.mode.currentData() != "words")
        self.query.setPlaceholderText(placeholder(self.mode.currentData()))
        if self._previewed is not None and self._previewed != self._inputs():
            self._previewed = None
            self.model.set_passages([])
            self._say(self.tr("The search changed: press Preview again."))
        self._update_ok()

    def preview(self) -> None:
        """List the passages the current inputs would code; problems are explained."""
        inputs = self._inputs()
        if not inputs.query.strip():
            self._say(self.tr("Type what to find first."), error=True)
            return
        try:
            passages = autocode.preview(
                self._project,
                inputs.code_id,
                inputs.query,
                self._coder_id,
                mode=inputs.mode,
                case_sensitive=inputs.case_sensitive,
                scope=inputs.scope,
            )
        except (SearchSyntaxError, PatternError) as exc:
            self.model.set_passages([])
            self._previewed = None
            self._say(describe(exc), error=True)
            self._update_ok()
            return
        self.model.set_passages(passages)
        self._previewed = inputs
        self._update_ok()

    def _tick_all(self, on: bool) -> None:
        self.model.tick_all(on)
        self._update_ok()

    def _update_ok(self) -> None:
        ticked = len(self.model.ticked())
        self.ok_button.setEnabled(self._previewed is not None and ticked > 0)
        self.ok_button.setText(
            self.tr("Code 1 passage")
            if ticked == 1
            else self.tr("Code {count} passages").format(count=ticked)
        )
        if self._previewed is not None:
            total = len(self.model.passages)
            if not total:
                self._say(self.tr("No matches: nothing to code."))
                return
            coded = sum(p.already_coded for p in self.model.passages)
            if coded:
                text = self.tr("{ticked} of {total} passages ticked; {coded} already coded by you.")
            else:
                text = self.tr("{ticked} of {total} passages ticked.")
            self._say(text.format(ticked=ticked, total=total, coded=coded))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")

    def accept(self) -> None:
        """Code the ticked passages in one core call; stay open if it is refused."""
        ticked = self.model.ticked()
        previewed = self._previewed
        if previewed is None or not ticked:
            return
        try:
            self.change = autocode.apply(
                self._project,
                previewed.code_id,
                ticked,
                self._coder_id,
                query=previewed.query,
                scope=previewed.scope,
            )
        except AnnotatorError as exc:
            self._say(describe(exc), error=True)
            return
        super().accept()
