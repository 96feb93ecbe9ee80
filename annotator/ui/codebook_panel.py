"""The codebook panel: the code tree and every codebook action, by mouse or keyboard.

Clicking a code (or pressing Enter on it) asks to code the selected text with it;
the context menu and the Codes menu create, rename, recolour, define, key, nest,
reorder, merge and delete codes. Each action is one core call through the session;
those needing a decision ask in a dialog first (`code_questions`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.core import codebook, codebook_edits
from annotator.core.codebook_edits import CodingsPolicy
from annotator.core.ids import CodeId, new_id
from annotator.ui import code_questions, colors
from annotator.ui.codebook_model import COUNT, KEY, NAME, SHOWN, CodebookModel
from annotator.ui.session import ProjectSession


class CodeTree(QTreeView):
    """A tree that treats Enter on a code as "code the selection with it"."""

    code_entered = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not editing and self.currentIndex().isValid():
            self.code_entered.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CodebookPanel(QWidget):
    code_clicked = Signal(str)  # the researcher picked this code for the selected text

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = CodebookModel(session, self)
        self._collapsed: set[str] = set()
        self._current_before_reset: str | None = None

        self.tree = CodeTree(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Codebook"))
        self.tree.setHeaderHidden(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font: sizing to contents reads every row on each change.
        metrics = self.fontMetrics()
        for column in (KEY, COUNT, SHOWN):
            sample = "9999" if column == COUNT else self.model.header_text(column)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        header.setSectionResizeMode(KEY, QHeaderView.ResizeMode.Interactive)  # for long keys
        self.tree.clicked.connect(self._clicked)
        self.tree.code_entered.connect(self._clicked)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        self.tree.collapsed.connect(lambda i: self._collapsed.add(self.model.code_id(i) or ""))
        self.tree.expanded.connect(lambda i: self._collapsed.discard(self.model.code_id(i) or ""))
        self.model.modelAboutToBeReset.connect(self._remember_view)
        self.model.modelReset.connect(self._restore_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.setFocusProxy(self.tree)
        self._make_actions()
        if session.project.read_only:  # look, filter and show, but change nothing
            self.tree.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
            self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            for item in self.code_actions:
                if item is not None and item not in (self.show_only_action, self.show_all_action):
                    item.setEnabled(False)
        self._restore_view()

    # -- actions ---------------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(text: str, slot: object, keys: str | QKeySequence.StandardKey = "") -> QAction:
            made = QAction(text, self)
            if keys:
                made.setShortcut(QKeySequence(keys))
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.new_code_action = action(
            self.tr("&New code…"), lambda: code_questions.ask_create_code(self), "Ins"
        )
        self.new_sub_code_action = action(
            self.tr("New &sub-code…"), lambda: code_questions.ask_create_sub_code(self), "Shift+Ins"
        )
        self.rename_action = action(self.tr("&Rename"), self.start_rename, "F2")
        self.recolour_action = action(
            self.tr("Change &colour…"), lambda: code_questions.ask_recolour(self)
        )
        self.definition_action = action(
            self.tr("Edit &definition…"), lambda: code_questions.ask_definition(self)
        )
        self.shortcut_action = action(
            self.tr("Set &key…"), lambda: code_questions.ask_shortcut(self)
        )
        self.memo_action = action(self.tr("Code &memo…"), lambda: code_questions.ask_memo(self))
        self.move_up_action = action(self.tr("Move &up"), lambda: self.move_by(-1), "Alt+Up")
        self.move_down_action = action(self.tr("Move do&wn"), lambda: self.move_by(1), "Alt+Down")
        self.outdent_action = action(self.tr("Move &out of parent"), self.move_out, "Alt+Left")
        self.indent_action = action(self.tr("Move i&nto the code above"), self.move_in, "Alt+Right")
        self.merge_action = action(self.tr("Mer&ge into…"), lambda: code_questions.ask_merge(self))
        self.delete_action = action(
            self.tr("&Delete code…"), lambda: code_questions.ask_delete(self), "Del"
        )
        self.show_only_action = action(self.tr("Show &only this code"), self.show_only)
        self.show_all_action = action(self.tr("Show &all codes"), self.show_all)
        self.new_code_action.setObjectName("new_code")
        self.code_actions = [
            self.new_code_action,
            self.new_sub_code_action,
            None,
            self.rename_action,
            self.recolour_action,
            self.definition_action,
            self.shortcut_action,
            self.memo_action,
            None,
            self.move_up_action,
            self.move_down_action,
            self.outdent_action,
            self.indent_action,
            self.merge_action,
            self.delete_action,
            None,
            self.show_only_action,
            self.show_all_action,
        ]

    def fill_menu(self, menu: QMenu) -> None:
        for item in self.code_actions:
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(item)

    def _show_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        self.fill_menu(menu)
        menu.exec(self.tree.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _clicked(self, index: QModelIndex) -> None:
        code_id = self.model.code_id(index)
        if code_id and index.column() != SHOWN:
            self.code_clicked.emit(code_id)

    # -- keeping the view steady while the tree is rebuilt ----------------------------

    def _remember_view(self) -> None:
        self._current_before_reset = self.current_code_id()

    def _restore_view(self) -> None:
        for node in self.model.nodes():
            if node.code.id not in self._collapsed:
                self.tree.setExpanded(self.model.index_of(node.code.id), True)
        if self._current_before_reset:
            self.select_code(self._current_before_reset)

    # -- what is selected -----------------------------------------------------------------

    def current_code_id(self) -> CodeId | None:
        return self.model.code_id(self.tree.currentIndex())

    def select_code(self, code_id: CodeId) -> None:
        index = self.model.index_of(code_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # -- the actions themselves (one core call each) -------------------------------------

    def create_code(
        self, name: str, *, parent_id: CodeId | None = None, color: str | None = None
    ) -> str | None:
        code_id = new_id()
        used = [node.code.color for node in self.model.nodes()]
        chosen = color or colors.next_code_color(used)
        coder_id = self._session.coder_id
        done = self._session.run(
            lambda p: codebook.create_code(
                p, name, parent_id=parent_id, color=chosen, coder_id=coder_id, code_id=code_id
            ),
        )
        if done is None:
            return None
        self.select_code(code_id)
        return code_id

    def edit_code(self, code_id: CodeId, **values: str) -> bool:
        coder_id = self._session.coder_id
        done = self._session.run(
            lambda p: codebook.update_code(p, code_id, coder_id=coder_id, **values),
        )
        return done is not None

    def move(self, code_id: CodeId, parent_id: CodeId | None, row: int | None) -> bool:
        return self.model.move(code_id, parent_id, row)

    def move_by(self, delta: int) -> None:
        code_id = self.current_code_id()
        node = self.model.node(code_id) if code_id else None
        if node is None or code_id is None:
            return
        siblings = self.model.siblings(node.code.parent_id)
        at = siblings.index(code_id) + delta
        if 0 <= at < len(siblings):
            coder_id = self._session.coder_id
            parent_id = node.code.parent_id
            self._session.run(
                lambda p: codebook.move_code(p, code_id, parent_id, at, coder_id=coder_id),
            )

    def move_out(self) -> None:
        """Lift the current code one level up, just after its old parent."""
        code_id = self.current_code_id()
        node = self.model.node(code_id) if code_id else None
        if node is None or code_id is None or node.code.parent_id is None:
            return
        parent = self.model.node(node.code.parent_id)
        if parent is None:
            return
        grandparent = parent.code.parent_id
        at = self.model.siblings(grandparent).index(parent.code.id) + 1
        coder_id = self._session.coder_id
        self._session.run(
            lambda p: codebook.move_code(p, code_id, grandparent, at, coder_id=coder_id),
        )

    def move_in(self) -> None:
        """Nest the current code, as the last sub-code, in the sibling above it."""
        code_id = self.current_code_id()
        node = self.model.node(code_id) if code_id else None
        if node is None or code_id is None:
            return
        siblings = self.model.siblings(node.code.parent_id)
        at = siblings.index(code_id)
        if at == 0:
            return
        new_parent = siblings[at - 1]
        coder_id = self._session.coder_id
        self._session.run(
            lambda p: codebook.move_code(p, code_id, new_parent, None, coder_id=coder_id),
        )
        self.tree.setExpanded(self.model.index_of(new_parent), True)
        self.select_code(code_id)

    def merge(self, source_id: CodeId, target_id: CodeId) -> bool:
        coder_id = self._session.coder_id
        done = self._session.run(
            lambda p: codebook_edits.merge_codes(p, source_id, target_id, coder_id=coder_id),
        )
        return done is not None

    def delete(self, code_id: CodeId, policy: CodingsPolicy) -> bool:
        coder_id = self._session.coder_id
        done = self._session.run(
            lambda p: codebook_edits.delete_code(p, code_id, policy, coder_id=coder_id),
        )
        return done is not None

    def show_only(self) -> None:
        code_id = self.current_code_id()
        if code_id:
            keep = set(self.subtree(code_id))
            self.model.set_hidden(frozenset(n.code.id for n in self.model.nodes()) - keep)

    def show_all(self) -> None:
        self.model.set_hidden(frozenset())

    def subtree(self, code_id: CodeId) -> list[CodeId]:
        """The code and every code below it, by path."""
        path = self.path_of(code_id)
        return [
            n.code.id for n in self.model.nodes() if n.path == path or n.path.startswith(path + "/")
        ]

    def path_of(self, code_id: CodeId) -> str:
        node = self.model.node(code_id)
        return node.path if node else ""

    def current_node(self) -> codebook.CodeNode | None:
        code_id = self.current_code_id()
        return self.model.node(code_id) if code_id else None

    def start_rename(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index.siblingAtColumn(NAME))
