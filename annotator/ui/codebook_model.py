"""The codebook as a Qt tree: swatch, name, key, number of codings, shown or hidden.

A thin adapter over `codebook.codebook_tree`. Renames and drag-and-drop nesting go
straight to core actions through the session; the tree is rebuilt from the core
when the codebook changes, never edited in place.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from annotator.core import codebook, coded_spans, excerpts
from annotator.core.changes import Change
from annotator.core.codebook import CodeNode
from annotator.core.ids import CodeId
from annotator.ui.code_shortcuts import assign_shortcuts, native
from annotator.ui.session import ProjectSession
from annotator.ui.table_model import TOP, AnyIndex, header_data
from annotator.ui.viewer import SPAN_MIME, span_from_mime

CODE_MIME = "application/x-annotator-code"
CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, KEY, COUNT, SHOWN = range(4)
COLUMNS = 4


class CodebookModel(QAbstractItemModel):
    hidden_codes_changed = Signal(frozenset)
    span_dropped = Signal(str, object)  # code id, Span: text dragged onto a code

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._nodes: list[CodeNode] = []
        self._number: dict[str, int] = {}  # code id -> index in _nodes (the internal id)
        self._children: dict[str | None, list[str]] = {}
        self._counts: dict[str, int] = {}
        self._keys: dict[CodeId, str] = {}  # code id -> portable key sequence
        self.shortcuts: dict[str, CodeId] = {}  # portable key sequence -> code id
        self.hidden: frozenset[str] = frozenset()
        # worded once: the language is fixed for the run, and headers are asked for on
        # every paint
        self._headers = (self.tr("Code"), self.tr("Key"), "#", self.tr("Show"))
        self._header_tips = (
            self.tr("Code (drag to nest or reorder)"),
            self.tr("Key that codes the selected text"),
            self.tr("Number of codings (all coders)"),
            self.tr("Show this code's highlights"),
        )
        self.reload()
        session.changed.connect(self.on_change)

    def reload(self) -> None:
        self.beginResetModel()
        self._nodes = codebook.codebook_tree(self._session.project)
        self._number = {node.code.id: n for n, node in enumerate(self._nodes)}
        self._children = {}
        for node in self._nodes:
            parent = node.code.parent_id if node.code.parent_id in self._number else None
            self._children.setdefault(parent, []).append(node.code.id)
        self._counts = excerpts.coding_counts_per_code(self._session.project)
        self.shortcuts = assign_shortcuts(self._nodes)
        self._keys = {code_id: keys for keys, code_id in self.shortcuts.items()}
        self.hidden = frozenset(h for h in self.hidden if h in self._number)
        self.endResetModel()

    def on_change(self, change: Change) -> None:
        if change.codebook_changed:
            self.reload()
        elif change.codes:
            fresh = coded_spans.coding_counts_of_codes(self._session.project, change.codes)
            self._counts.update(fresh)
            for code_id in fresh:
                index = self.index_of(code_id, COUNT)
                if index.isValid():
                    self.dataChanged.emit(index, index)

    # -- looking codes up ------------------------------------------------------------------

    def nodes(self) -> list[CodeNode]:
        return list(self._nodes)

    def node(self, code_id: CodeId) -> CodeNode | None:
        number = self._number.get(code_id)
        return self._nodes[number] if number is not None else None

    def code_id(self, index: AnyIndex) -> CodeId | None:
        return self._nodes[index.internalId()].code.id if index.isValid() else None

    def index_of(self, code_id: CodeId, column: int = NAME) -> QModelIndex:
        node = self.node(code_id)
        if node is None:
            return QModelIndex()
        siblings = self._children[self._parent_key(node)]
        return self.createIndex(siblings.index(code_id), column, self._number[code_id])

    def count(self, code_id: CodeId) -> int:
        return self._counts.get(code_id, 0)

    def key_of(self, code_id: CodeId) -> str:
        return self._keys.get(code_id, "")

    def siblings(self, parent_id: CodeId | None) -> list[str]:
        return list(self._children.get(parent_id, []))

    def _parent_key(self, node: CodeNode) -> str | None:
        return node.code.parent_id if node.code.parent_id in self._number else None

    def set_hidden(self, hidden: frozenset[str]) -> None:
        self.hidden = frozenset(hidden)
        if self._nodes:
            self._emit_all(SHOWN)
        self.hidden_codes_changed.emit(self.hidden)

    def _emit_all(self, column: int) -> None:
        for code_id in self._number:
            index = self.index_of(code_id, column)
            self.dataChanged.emit(index, index)

    # -- the tree shape --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = TOP) -> QModelIndex:
        if parent.isValid() and parent.column() != NAME:
            return QModelIndex()
        children = self._children.get(self.code_id(parent), [])
        if not (0 <= row < len(children) and 0 <= column < COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, self._number[children[row]])

    def parent(self, child: AnyIndex | None = None) -> Any:  # type: ignore[override]
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        parent_id = self._parent_key(self._nodes[child.internalId()])
        return self.index_of(parent_id) if parent_id else QModelIndex()

    def rowCount(self, parent: AnyIndex = TOP) -> int:
        if parent.isValid() and parent.column() != NAME:
            return 0
        return len(self._children.get(self.code_id(parent), []))

    def columnCount(self, parent: AnyIndex = TOP) -> int:
        return COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(self._headers, self._header_tips, section, orientation, role)

    def header_text(self, section: int) -> str:
        return self._headers[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        code = node.code
        column = index.column()
        if role == CODE_ID_ROLE:
            return code.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return code.name
            if column == KEY and role == Qt.ItemDataRole.DisplayRole:
                return native(self._keys[code.id]) if code.id in self._keys else ""
            if column == COUNT and role == Qt.ItemDataRole.DisplayRole:
                return self.count(code.id)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return QColor(code.color)
        if role == Qt.ItemDataRole.CheckStateRole and column == SHOWN:
            hidden = code.id in self.hidden
            return Qt.CheckState.Unchecked if hidden else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (KEY, COUNT):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.AccessibleTextRole and column == NAME:
            return self.tr("{name}, %n codings", "", self.count(code.id)).format(name=code.name)
        return None

    def _tooltip(self, node: CodeNode) -> str:
        lines = [f"<b>{_escape(node.path)}</b>"]
        if node.code.definition:
            lines.append(_escape(node.code.definition).replace("\n", "<br/>"))
        else:
            lines.append(self.tr("<i>No definition yet (Codes › Edit definition…)</i>"))
        if node.code.memo:
            lines.append(self.tr("<i>Memo:</i> {memo}").format(memo=_escape(node.code.memo)))
        key = self._keys.get(node.code.id)
        if key:
            lines.append(self.tr("Key: {key}").format(key=_escape(native(key))))
        return "<p>" + "</p><p>".join(lines) + "</p>"

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if index.column() == NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == SHOWN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        code_id = self.code_id(index)
        if code_id is None:
            return False
        if index.column() == SHOWN and role == Qt.ItemDataRole.CheckStateRole:
            shown = Qt.CheckState(value) == Qt.CheckState.Checked
            self.set_hidden(self.hidden - {code_id} if shown else self.hidden | {code_id})
            return True
        if index.column() == NAME and role == Qt.ItemDataRole.EditRole:
            name = str(value)
            if " ".join(name.split()) == self._nodes[index.internalId()].code.name:
                return False
            coder_id = self._session.coder_id
            done = self._session.run(
                lambda p: codebook.update_code(p, code_id, coder_id=coder_id, name=name),
            )
            return done is not None
        return False

    # -- drag and drop -------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CODE_MIME, SPAN_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = list(dict.fromkeys(self.code_id(i) for i in indexes if i.isValid()))
        data.setData(CODE_MIME, json.dumps(ids).encode("utf-8"))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if data.hasFormat(SPAN_MIME):
            return parent.isValid()
        dragged = _dragged_codes(data)
        if len(dragged) != 1:
            return False
        target = self.code_id(parent)
        if target is None:
            return True
        # never into itself or below itself
        current: str | None = target
        while current:
            if current == dragged[0]:
                return False
            node = self.node(current)
            current = self._parent_key(node) if node else None
        return True

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        span = span_from_mime(data)
        if span is not None:
            code_id = self.code_id(parent)
            self.span_dropped.emit(code_id, span)
            return True
        (code_id,) = _dragged_codes(data)
        return self.move(code_id, self.code_id(parent), None if row < 0 else row)

    def move(self, code_id: CodeId, parent_id: CodeId | None, row: int | None) -> bool:
        """Nest `code_id` under `parent_id` at `row` of its children as shown (None: last)."""
        node = self.node(code_id)
        if node is None:
            return False
        index = row
        siblings = self._children.get(parent_id, [])
        if row is not None and code_id in siblings and siblings.index(code_id) < row:
            index = row - 1  # the row counted the code itself, which leaves its place
        same_place = self._parent_key(node) == parent_id and index is not None
        if same_place and siblings.index(code_id) == index:
            return False
        coder_id = self._session.coder_id
        done = self._session.run(
            lambda p: codebook.move_code(p, code_id, parent_id, index, coder_id=coder_id),
        )
        return done is not None


def _dragged_codes(data: QMimeData) -> list[str]:
    if not data.hasFormat(CODE_MIME):
        return []
    try:
        ids = json.loads(bytes(data.data(CODE_MIME).data()).decode("utf-8"))
    except ValueError:
        return []
    return [str(i) for i in ids] if isinstance(ids, list) else []


def _escape(text: str) -> str:
    return html.escape(text, quote=False)
