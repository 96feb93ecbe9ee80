"""The menu bar: every action reachable by mouse and keyboard, named for what it does.

Actions that need an open project are disabled without one, and those that write
are disabled in a read-only project. The File and Review menus have modules of their
own (`menu_file`, `menu_review`); Edit, Codes, View and Help are built here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup

from annotator.core import coders
from annotator.core.ids import CoderId
from annotator.ui import project_dialogs
from annotator.ui.guide_window import GuideWindow
from annotator.ui.help_dialogs import ShortcutsDialog, shortcut_rows, show_about
from annotator.ui.i18n import translate
from annotator.ui.menu_file import FileMenu
from annotator.ui.menu_review import ReviewMenu

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.session import ProjectSession
    from annotator.ui.workbench import Workbench

Keys = str | QKeySequence.StandardKey | list[QKeySequence]


class WindowMenus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.undo_group = QUndoGroup(self)
        self._session: ProjectSession | None = None
        self._workbench: Workbench | None = None
        self._project_actions: list[QAction] = []
        self._coding_actions: list[QAction] = []
        self.file = FileMenu(self)
        self.file_menu = self.file.menu
        self.import_action = self.file.import_action  # the actions other modules reach for
        self.export_action = self.file.export_action
        self.merge_action = self.file.merge_action
        self.save_copy_action = self.file.save_copy_action
        self._build_edit_menu()
        self.codes_menu = window.menuBar().addMenu(translate("MainWindow", "&Codes"))
        self._build_view_menu()
        self.review = ReviewMenu(self)
        self._build_help_menu()
        self.edit_menu.insertAction(self.quick_code_action, self.review.find_action)
        self.edit_menu.insertSeparator(self.quick_code_action)

    @property
    def session(self) -> ProjectSession | None:
        return self._session

    @property
    def workbench(self) -> Workbench | None:
        return self._workbench

    def action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: Keys = "",
        *,
        needs_project: bool = True,
        writes: bool = False,
    ) -> QAction:
        made = QAction(text, self.window)
        if isinstance(keys, list):
            made.setShortcuts(keys)
        elif keys:
            made.setShortcut(QKeySequence(keys))
        made.triggered.connect(lambda _=False: slot())
        self.window.addAction(made)
        if needs_project:
            self._project_actions.append(made)
        if writes:
            self._coding_actions.append(made)
        return made

    # -- Edit ------------------------------------------------------------------------------

    def _build_edit_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(translate("MainWindow", "&Edit"))
        self.undo_action = self.undo_group.createUndoAction(w, translate("MainWindow", "&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(w, translate("MainWindow", "&Redo"))
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.redo_action.setShortcuts(redo_keys)
        w.addActions([self.undo_action, self.redo_action])
        menu.addActions([self.undo_action, self.redo_action])
        menu.addSeparator()
        self.quick_code_action = self.action(
            translate("MainWindow", "&Quick code…"),
            self._on_workbench(lambda b: b.coding.quick_code()),
            "Ctrl+K",
            writes=True,
        )
        self.in_vivo_action = self.action(
            translate("MainWindow", "Code in &vivo"),
            self._on_workbench(lambda b: b.coding.code_in_vivo()),
            "Ctrl+I",
            writes=True,
        )
        self.remove_action = self.action(
            translate("MainWindow", "&Remove codings at the cursor"),
            self._on_workbench(lambda b: b.coding.remove(b.viewer.codings_at_cursor())),
            "Ctrl+Shift+Backspace",
            writes=True,
        )
        self.coding_memo_action = self.action(
            translate("MainWindow", "Coding &memo…"), self._coding_memo, "Ctrl+M", writes=True
        )
        menu.addActions(
            [
                self.quick_code_action,
                self.in_vivo_action,
                self.remove_action,
                self.coding_memo_action,
            ]
        )
        menu.addSeparator()
        self.finished_action = self.action(
            translate("MainWindow", "Document &finished"),
            self._toggle_finished,
            "Ctrl+Shift+D",
            writes=True,
        )
        self.finished_action.setCheckable(True)
        self.document_memo_action = self.action(
            translate("MainWindow", "&Document memo"),
            self._document_memo,
            "Ctrl+Shift+M",
            writes=True,
        )
        self.project_memo_action = self.action(
            translate("MainWindow", "&Project memo…"),
            self._project_memo,
            writes=True,
        )
        menu.addActions([self.finished_action, self.document_memo_action, self.project_memo_action])
        menu.addSeparator()
        self.preferences_action = self.action(
            translate("MainWindow", "Pre&ferences…"),
            lambda: project_dialogs.ask_preferences(w),
            QKeySequence.StandardKey.Preferences,
            needs_project=False,
        )
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        menu.addAction(self.preferences_action)
        self.edit_menu = menu

    def _on_workbench(self, call: Callable[[Workbench], object]) -> Callable[[], None]:
        def run() -> None:
            if self._workbench is not None:
                call(self._workbench)

        return run

    def _coding_memo(self) -> None:
        bench = self._workbench
        if bench is None:
            return
        here = bench.viewer.codings_at_cursor()
        chosen = bench.details.current_coding()
        target = (
            chosen if chosen and chosen.id in {c.id for c in here} else (here[0] if here else None)
        )
        if target is None:
            self.window.statusBar().showMessage(
                translate("MainWindow", "Put the cursor in a coded passage first."), 6000
            )
            return
        bench.coding.ask_memo(target)

    def _project_memo(self) -> None:
        if self._session is not None:
            project_dialogs.ask_project_memo(self._session, self.window)

    def _toggle_finished(self) -> None:
        bench = self._workbench
        if bench is None or bench.viewer.current_document is None:
            return
        bench.details.finished_box.click()

    def _document_memo(self) -> None:
        bench = self._workbench
        if bench is not None:
            bench.details.setCurrentIndex(1)
            bench.details.document_memo.setFocus()

    # -- View --------------------------------------------------------------------------------

    def _build_view_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(translate("MainWindow", "&View"))
        self.zoom_in_action = self.action(
            translate("MainWindow", "Zoom &in"),
            lambda: w.zoom(1),
            [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")],
        )
        self.zoom_out_action = self.action(
            translate("MainWindow", "Zoom &out"),
            lambda: w.zoom(-1),
            QKeySequence.StandardKey.ZoomOut,
        )
        self.zoom_reset_action = self.action(
            translate("MainWindow", "&Actual size"), lambda: w.set_font_size(12), "Ctrl+0"
        )
        menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        menu.addSeparator()
        self.coders_menu = menu.addMenu(translate("MainWindow", "Show &coders"))
        self.show_all_codes_action = self.action(
            translate("MainWindow", "Show all &codes"),
            self._on_workbench(lambda b: b.codebook.show_all()),
        )
        menu.addAction(self.show_all_codes_action)
        menu.addSeparator()
        panes = [
            (translate("MainWindow", "Go to &documents"), "documents", "Ctrl+1"),
            (translate("MainWindow", "Go to &text"), "text", "Ctrl+2"),
            (translate("MainWindow", "Go to code&book"), "codebook", "Ctrl+3"),
            (translate("MainWindow", "Go to de&tails"), "details", "Ctrl+4"),
            (translate("MainWindow", "&Filter documents"), "filter", "Ctrl+L"),
        ]
        for text, pane, keys in panes:
            menu.addAction(self.action(text, lambda p=pane: self.focus_pane(p), keys))
        menu.addSeparator()
        self.next_action = self.action(
            translate("MainWindow", "&Next document"),
            self._on_workbench(lambda b: b.documents.step(1)),
            "Ctrl+PgDown",
        )
        self.previous_action = self.action(
            translate("MainWindow", "&Previous document"),
            self._on_workbench(lambda b: b.documents.step(-1)),
            "Ctrl+PgUp",
        )
        menu.addActions([self.next_action, self.previous_action])
        self.view_menu = menu

    def focus_pane(self, name: str) -> None:
        bench = self._workbench
        if bench is None:
            return
        target = {
            "documents": bench.documents.table,
            "filter": bench.documents.filter_edit,
            "text": bench.viewer,
            "codebook": bench.codebook.tree,
            "details": bench.details,
        }[name]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if name == "filter":
            bench.documents.filter_edit.selectAll()

    def refresh_coders(self) -> None:
        """One check per coder: whose highlights the text shows."""
        self.coders_menu.clear()
        session, bench = self._session, self._workbench
        if session is None or bench is None:
            self.coders_menu.setEnabled(False)
            return
        self.coders_menu.setEnabled(True)
        hidden = bench.viewer.hidden_coders
        for coder in coders.list_coders(session.project):
            action = self.coders_menu.addAction(coder.name)
            action.setCheckable(True)
            action.setChecked(coder.id not in hidden)
            action.toggled.connect(lambda shown, c=coder.id: self._show_coder(c, shown))

    def _show_coder(self, coder_id: CoderId, shown: bool) -> None:
        bench = self._workbench
        if bench is not None:
            hidden = bench.viewer.hidden_coders
            bench.viewer.set_hidden(coders_=hidden - {coder_id} if shown else hidden | {coder_id})

    # -- Help ------------------------------------------------------------------------------

    def _build_help_menu(self) -> None:
        menu = self.window.menuBar().addMenu(translate("MainWindow", "&Help"))
        self.guide_action = self.action(
            translate("MainWindow", "&User guide"),
            lambda: GuideWindow.open("", self.window),
            needs_project=False,
        )
        menu.addAction(self.guide_action)
        self.shortcuts_help_action = self.action(
            translate("MainWindow", "&Keyboard shortcuts"),
            self.show_shortcuts,
            ["F1", "Ctrl+/"],
            needs_project=False,
        )
        menu.addAction(self.shortcuts_help_action)
        menu.addAction(
            self.action(
                translate("MainWindow", "&About Annotator"),
                lambda: show_about(self.window),
                needs_project=False,
            )
        )

    def shortcuts_dialog(self) -> ShortcutsDialog:
        menus = [self.file_menu, self.edit_menu, self.codes_menu, self.view_menu, self.review.menu]
        groups = [(m.title().replace("&", ""), m.actions()) for m in menus]
        return ShortcutsDialog(shortcut_rows(groups), self.window)

    def show_shortcuts(self) -> None:
        self.shortcuts_dialog().exec()

    # -- following the open project -----------------------------------------------------------

    def project_changed(self, session: ProjectSession | None, workbench: Workbench | None) -> None:
        self._session, self._workbench = session, workbench
        if session is not None:
            if session.undo_stack not in self.undo_group.stacks():
                self.undo_group.addStack(session.undo_stack)
            self.undo_group.setActiveStack(session.undo_stack)
        writable = session is not None and not session.project.read_only
        for action in self._project_actions:
            action.setEnabled(session is not None)
        for action in self._coding_actions:
            action.setEnabled(writable)
        self.file.project_changed()
        self.codes_menu.clear()
        if workbench is not None:
            workbench.codebook.fill_menu(self.codes_menu)
            self.codes_menu.addSeparator()
            self.codes_menu.addAction(self.review.autocode_action)
            workbench.document_opened.connect(self._document_opened)
            workbench.details.finished_box.toggled.connect(self.finished_action.setChecked)
            self.codes_menu.setEnabled(True)
        else:
            self.codes_menu.setEnabled(False)
        self.refresh_coders()
        self._document_opened()

    def _document_opened(self, _document_id: str = "") -> None:
        bench = self._workbench
        if bench is not None:
            self.finished_action.setChecked(bench.details.finished_box.isChecked())

    def forget_session(self, session: ProjectSession) -> None:
        if session.undo_stack in self.undo_group.stacks():
            self.undo_group.removeStack(session.undo_stack)
