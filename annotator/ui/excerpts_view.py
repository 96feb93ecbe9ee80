"""Getting back what was coded: tick codes (and coders, documents, dates, memo text),
see every excerpt in its context, jump to it.

`ExcerptsView(project)` is self-contained; the window wires:
- `open_requested(document_id: str, start: int, end: int)`: show the document with the
  excerpt selected (code-point offsets) — on click or Enter;
- `refresh()` after a Change (codes, codings, documents or coders changed);
- `show_codes(code_ids, match=..., document_ids=...)` to open it on a selection, e.g.
  from a cell of the code-by-document matrix.
"Any" lists every excerpt of the ticked codes; "all at once" only passages where all
of them overlap. Excerpts load 100 at a time as the list scrolls.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import codebook, coders, documents, excerpts
from annotator.core.errors import AnnotatorError, InvalidValue
from annotator.core.project import Project
from annotator.ui.excerpts_model import ExcerptFilter, ExcerptsModel
from annotator.ui.i18n import translate
from annotator.ui.messages import describe
from annotator.ui.search_panel import results_table

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_STYLE = "color: #B00020;"


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def _ticked_ids(items: Iterable[QListWidgetItem | QTreeWidgetItem]) -> list[str]:
    found = []
    for item in items:
        state = item.checkState(0) if isinstance(item, QTreeWidgetItem) else item.checkState()
        if state == Qt.CheckState.Checked:
            found.append(
                item.data(0, ID_ROLE) if isinstance(item, QTreeWidgetItem) else item.data(ID_ROLE)
            )
    return found


def _word(exc: AnnotatorError) -> str:
    if isinstance(exc, InvalidValue) and exc.field == "date_from":
        return translate(
            "ExcerptsView", "Published from “{value}”: write a date as YYYY, YYYY-MM or YYYY-MM-DD."
        ).format(value=exc.value)
    if isinstance(exc, InvalidValue) and exc.field == "date_to":
        return translate(
            "ExcerptsView", "Published to “{value}”: write a date as YYYY, YYYY-MM or YYYY-MM-DD."
        ).format(value=exc.value)
    return describe(exc)


class ExcerptsView(QWidget):
    """Filters on the left, excerpts on the right; see the module docstring."""

    open_requested = Signal(str, int, int)

    def __init__(self, project: Project | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._loading = False

        self.codes = QTreeWidget()
        self.codes.setHeaderHidden(True)
        self.codes.setAccessibleName(self.tr("Codes"))
        self.with_subcodes = QCheckBox(self.tr("Include sub-codes"))
        self.match = QComboBox()
        self.match.addItem(self.tr("Coded with any ticked code"), "any")
        self.match.addItem(self.tr("Coded with all ticked codes at once"), "all")
        self.coders = QListWidget()
        self.coders.setAccessibleName(self.tr("Coders"))
        self.document_filter = QLineEdit()
        self.document_filter.setPlaceholderText(self.tr("Filter documents by title"))
        self.documents = QListWidget()
        self.documents.setAccessibleName(self.tr("Documents"))
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.memo = QLineEdit()
        self.memo.setPlaceholderText(self.tr("Words in the coding memo"))
        self.status = QLabel(self.tr("Tick one or more codes."))
        self.status.setWordWrap(True)
        self.model = ExcerptsModel()
        self.view = results_table(self.model, self)
        self.view.setAccessibleName(self.tr("Excerpts"))
        self.reading = QTextBrowser()
        self.reading.setAccessibleName(self.tr("Selected excerpt"))
        self.reading.setPlaceholderText(self.tr("Select an excerpt to read it here."))

        self._lay_out()
        self.codes.itemChanged.connect(self._reload)
        self.coders.itemChanged.connect(self._reload)
        self.documents.itemChanged.connect(self._reload)
        self.with_subcodes.toggled.connect(self._reload)
        self.match.currentIndexChanged.connect(self._reload)
        for edit in (self.date_from, self.date_to, self.memo):
            edit.editingFinished.connect(self._reload)
        self.document_filter.textChanged.connect(self._filter_documents)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.view.selectionModel().currentChanged.connect(self._show_reading)
        self.model.modelReset.connect(self._show_reading)
        self.refresh()

    def _lay_out(self) -> None:
        filters = QWidget()
        column = QVBoxLayout(filters)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(QLabel(self.tr("Codes")))
        column.addWidget(self.codes, 3)
        column.addWidget(self.with_subcodes)
        column.addWidget(self.match)
        column.addWidget(QLabel(self.tr("Coders (none ticked: all)")))
        self.coders.setMaximumHeight(90)
        column.addWidget(self.coders)
        column.addWidget(QLabel(self.tr("Documents (none ticked: all)")))
        column.addWidget(self.document_filter)
        column.addWidget(self.documents, 2)
        form = QFormLayout()
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.date_to)
        form.addRow(self.tr("Published"), dates)
        form.addRow(self.tr("Memo"), self.memo)
        column.addLayout(form)
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

    def set_project(self, project: Project | None) -> None:
        self._project = project
        self.refresh()

    def refresh(self) -> None:
        """Re-read codes, coders and documents (keeping what is ticked) and the excerpts."""
        chosen = self.current_filter()
        self._loading = True
        try:
            self._fill_codes(set(chosen.code_ids or ()))
            self._fill_list(self.coders, self._coder_rows(), set(chosen.coder_ids or ()))
            self._fill_list(self.documents, self._document_rows(), set(chosen.document_ids or ()))
            self._filter_documents()
        finally:
            self._loading = False
        self._reload()

    def _fill_codes(self, ticked: set[str]) -> None:
        self.codes.clear()
        if self._project is None:
            return
        items: dict[str, QTreeWidgetItem] = {}
        for node in codebook.codebook_tree(self._project):
            parent = items.get(node.code.parent_id or "")
            item = QTreeWidgetItem([node.code.name])
            item.setData(0, ID_ROLE, node.code.id)
            item.setToolTip(0, node.path)
            item.setIcon(0, _swatch(node.code.color))
            item.setCheckState(
                0, Qt.CheckState.Checked if node.code.id in ticked else Qt.CheckState.Unchecked
            )
            if parent is None:
                self.codes.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[node.code.id] = item
        self.codes.expandAll()

    def _coder_rows(self) -> list[tuple[str, str]]:
        if self._project is None:
            return []
        return [(c.id, c.name) for c in coders.list_coders(self._project)]

    def _document_rows(self) -> list[tuple[str, str]]:
        if self._project is None:
            return []
        return [
            (d.id, f"{d.title} ({d.published_date})" if d.published_date else d.title)
            for d in documents.list_documents(self._project)
        ]

    @staticmethod
    def _fill_list(widget: QListWidget, rows: list[tuple[str, str]], ticked: set[str]) -> None:
        widget.clear()
        for key, label in rows:
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, key)
            item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
            widget.addItem(item)

    def _code_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.codes.topLevelItem(i) for i in range(self.codes.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            found.append(item)
            stack[0:0] = [item.child(i) for i in range(item.childCount())]
        return found

    def current_filter(self) -> ExcerptFilter:
        """The filter the ticks and fields make up now."""
        coders_ = _ticked_ids(self.coders.item(i) for i in range(self.coders.count()))
        docs = _ticked_ids(self.documents.item(i) for i in range(self.documents.count()))
        return ExcerptFilter(
            code_ids=_ticked_ids(self._code_items()),
            with_subcodes=self.with_subcodes.isChecked(),
            match=self.match.currentData(),
            coder_ids=coders_ or None,
            document_ids=docs or None,
            date_from=self.date_from.text().strip() or None,
            date_to=self.date_to.text().strip() or None,
            memo_contains=self.memo.text().strip() or None,
        )

    def show_codes(
        self,
        code_ids: Iterable[str],
        *,
        match: excerpts.Match = "any",
        document_ids: Iterable[str] | None = None,
    ) -> None:
        """Tick exactly these codes (and documents, if given) and list their excerpts."""
        wanted, docs = set(code_ids), set(document_ids or ())
        self._loading = True
        try:
            for item in self._code_items():
                on = item.data(0, ID_ROLE) in wanted
                item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            for i in range(self.documents.count()):
                item = self.documents.item(i)
                on = item.data(ID_ROLE) in docs
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.match.setCurrentIndex(max(0, self.match.findData(match)))
        finally:
            self._loading = False
        self._reload()

    def _reload(self) -> None:
        if self._loading:
            return
        chosen = self.current_filter()
        try:
            self.model.load(self._project, chosen)
        except AnnotatorError as exc:
            self.model.load(None, ExcerptFilter())
            self.status.setText(_word(exc))
            self.status.setStyleSheet(ERROR_STYLE)
            return
        self.status.setStyleSheet("")
        if not chosen.code_ids:
            self.status.setText(self.tr("Tick one or more codes."))
        elif chosen.match == "all" and len(chosen.code_ids) < 2:
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

    def _filter_documents(self) -> None:
        needle = self.document_filter.text().casefold()
        for i in range(self.documents.count()):
            item = self.documents.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            e = self.model.excerpt(index.row())
            self.open_requested.emit(e.document_id, e.start, e.end)
