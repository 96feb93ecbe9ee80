"""The Export dialog's "What to export": codes, documents, coders, published dates.

Everything starts ticked, and all ticked means all (so codes or documents added
later are included too); `selection()` turns the ticks into the core's Selection.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import codebook_tree
from annotator.core.coders import list_coders
from annotator.core.documents import list_documents
from annotator.core.exports.selection import Selection
from annotator.core.project import Project

ID_ROLE = Qt.ItemDataRole.UserRole


class SelectionPicker(QGroupBox):
    """Tick what to export; `changed` fires on every change of the ticks or dates."""

    changed = Signal()

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What to export"))
        self.project = project
        self._build()
        self._fill_lists()

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        self.code_tree = QTreeWidget()
        self.code_tree.setHeaderLabel(self.tr("Codes"))
        self.code_tree.setAccessibleName(self.tr("Codes to export"))
        self.code_tree.itemChanged.connect(self._changed)
        self.document_list = self._checklist(self.tr("Documents to export"))
        self.coder_list = self._checklist(self.tr("Coders to export"))
        right = QVBoxLayout()
        right.addLayout(self._list_header(self.tr("Documents"), self.document_list))
        right.addWidget(self.document_list, 2)
        right.addLayout(self._list_header(self.tr("Coders"), self.coder_list))
        right.addWidget(self.coder_list, 1)
        dates = QFormLayout()
        self.from_check, self.from_date = self._date_row(dates, self.tr("Published from:"))
        self.to_check, self.to_date = self._date_row(dates, self.tr("Published until:"))
        right.addLayout(dates)
        layout.addWidget(self.code_tree, 1)
        layout.addLayout(right, 1)

    def _list_header(self, title: str, widget: QListWidget) -> QHBoxLayout:
        """The list's name, with buttons that tick or untick all of it at once."""
        row = QHBoxLayout()
        row.addWidget(QLabel(title), 1)
        for text, state in (
            (self.tr("All"), Qt.CheckState.Checked),
            (self.tr("None"), Qt.CheckState.Unchecked),
        ):
            button = QPushButton(text)
            button.setAccessibleName(self.tr("{list}: {button}").format(list=title, button=text))
            button.clicked.connect(lambda _=False, s=state: self._tick_all(widget, s))
            row.addWidget(button)
        return row

    def _tick_all(self, widget: QListWidget, state: Qt.CheckState) -> None:
        widget.blockSignals(True)
        for row in range(widget.count()):
            widget.item(row).setCheckState(state)
        widget.blockSignals(False)
        self._changed()

    def _checklist(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.itemChanged.connect(self._changed)
        return widget

    def _date_row(self, form: QFormLayout, label: str) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(label)
        edit = QDateEdit(QDate.currentDate())
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        check.toggled.connect(self._changed)
        edit.dateChanged.connect(self._changed)
        form.addRow(check, edit)
        return check, edit

    def _fill_lists(self) -> None:
        self.code_tree.blockSignals(True)
        items: dict[str, QTreeWidgetItem] = {}
        for node in codebook_tree(self.project):
            parent = items.get(node.code.parent_id or "")
            item = QTreeWidgetItem(parent if parent is not None else self.code_tree)
            item.setText(0, node.code.name)
            item.setToolTip(0, node.code.definition)
            item.setData(0, ID_ROLE, node.code.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            items[node.code.id] = item
        self.code_tree.expandAll()
        self.code_tree.blockSignals(False)
        dates = []
        for summary in list_documents(self.project):
            self._add_check(self.document_list, summary.title, summary.id)
            day = QDate.fromString(summary.published_date[:10], "yyyy-MM-dd")
            if day.isValid():
                dates.append(day)
        if dates:  # the range starts as the project's own, ready to be narrowed
            self.from_date.setDate(min(dates))
            self.to_date.setDate(max(dates))
        for coder in list_coders(self.project):
            self._add_check(self.coder_list, coder.name, coder.id)

    def _add_check(self, widget: QListWidget, text: str, key: str) -> None:
        widget.blockSignals(True)
        item = QListWidgetItem(text, widget)
        item.setData(ID_ROLE, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        widget.blockSignals(False)

    def selection(self) -> Selection:
        """The codes, documents, coders and dates as checked; all checked means all."""
        codes = []
        every_code = True
        iterator = QTreeWidgetItemIterator(self.code_tree)
        while item := iterator.value():
            if item.checkState(0) == Qt.CheckState.Checked:
                codes.append(str(item.data(0, ID_ROLE)))
            else:
                every_code = False
            iterator += 1
        return Selection(
            code_ids=None if every_code else tuple(codes),
            document_ids=self._checked(self.document_list),
            coder_ids=self._checked(self.coder_list),
            date_from=self.from_date.date().toString("yyyy-MM-dd")
            if self.from_check.isChecked()
            else None,
            date_to=self.to_date.date().toString("yyyy-MM-dd")
            if self.to_check.isChecked()
            else None,
        )

    def _checked(self, widget: QListWidget) -> tuple[str, ...] | None:
        items = [widget.item(row) for row in range(widget.count())]
        checked = tuple(
            str(i.data(ID_ROLE)) for i in items if i.checkState() == Qt.CheckState.Checked
        )
        return None if len(checked) == len(items) else checked

    def set_dates_enabled(self, enabled: bool) -> None:
        """Documents, coders and dates only matter to exports of codings."""
        for widget in (self.document_list, self.coder_list, self.from_check, self.to_check):
            widget.setEnabled(enabled)
        self.from_date.setEnabled(enabled and self.from_check.isChecked())
        self.to_date.setEnabled(enabled and self.to_check.isChecked())

    def _changed(self, *_: object) -> None:
        self.changed.emit()
