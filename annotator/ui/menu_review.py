"""The Review menu, find in document, auto-coding, and what the review views ask for.

Each review view asks the window to open a passage (`open_requested`); search asks to
auto-code its matches, overviews to list a cell's excerpts. The answers live here, so
no view knows another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from annotator.core import excerpts, search
from annotator.core.ids import DocumentId
from annotator.core.selection import Selection
from annotator.ui.agreement_view import AgreementView
from annotator.ui.excerpts_view import ExcerptsView
from annotator.ui.i18n import translate
from annotator.ui.overviews import OverviewsView
from annotator.ui.search_panel import SearchPanel
from annotator.ui.sizing import pin_minimum_size

if TYPE_CHECKING:
    from annotator.ui.window_menus import WindowMenus

PREFILL_LIMIT = 120  # a longer selection is a passage, not something to search for


class ReviewMenu:
    def __init__(self, menus: WindowMenus) -> None:
        self.menus = menus
        self.window = menus.window
        action = menus.action
        menu = self.window.menuBar().addMenu(translate("MainWindow", "&Review"))
        self.search_action = action(
            translate("MainWindow", "&Search all documents…"),
            lambda: self.show("search"),
            "Ctrl+Shift+F",
        )
        self.excerpts_action = action(
            translate("MainWindow", "&Excerpts by code"),
            lambda: self.show("excerpts"),
            "Ctrl+Shift+E",
        )
        self.overviews_action = action(
            translate("MainWindow", "&Overviews: frequencies, codes × documents, co-occurrence"),
            lambda: self.show("overviews"),
            "Ctrl+Shift+O",
        )
        self.agreement_action = action(
            translate("MainWindow", "&Agreement between coders"),
            lambda: self.show("agreement"),
            "Ctrl+Shift+A",
        )
        menu.addActions(
            [self.search_action, self.excerpts_action, self.overviews_action, self.agreement_action]
        )
        menu.addSeparator()
        self.panels_menu = menu.addMenu(translate("MainWindow", "Show &panels"))
        self.panels_menu.addActions(self.window.review.toggle_actions())
        self.menu = menu

        self.find_action = action(
            translate("MainWindow", "&Find in document…"),
            self.find_in_document,
            QKeySequence.StandardKey.Find,
        )
        self.autocode_action = action(
            translate("MainWindow", "&Auto-code all matches of a search…"),
            self.autocode,
            "Ctrl+Shift+K",
            writes=True,
        )
        for dock in self.window.review.docks.values():
            dock.built.connect(self._wire)

    # -- showing the views ----------------------------------------------------------------

    def show(self, key: str) -> QWidget | None:
        view = self.window.review.show(key)
        if isinstance(view, SearchPanel):
            self._prefill(view)
            view.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
            view.query.selectAll()
        elif view is not None:
            view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return view

    def _prefill(self, panel: SearchPanel) -> None:
        """Words selected in the text become the search, as in most editors."""
        bench = self.menus.workbench
        selected = bench.viewer.selected_text().strip() if bench else ""
        if selected and "\n" not in selected and len(selected) <= PREFILL_LIMIT:
            panel.query.setText(selected)

    def find_in_document(self) -> None:
        bench = self.menus.workbench
        if bench is not None and bench.viewer.current_document is not None:
            bench.find_bar.open()

    def _wire(self, view: QWidget) -> None:
        window = self.window
        if isinstance(view, SearchPanel):
            view.open_requested.connect(window.show_passage)
            view.autocode_requested.connect(self.autocode_search)
        elif isinstance(view, ExcerptsView):
            view.open_requested.connect(window.show_passage)
        elif isinstance(view, OverviewsView):
            view.open_requested.connect(window.show_passage)
            view.excerpts_requested.connect(self.show_excerpts)
        elif isinstance(view, AgreementView):
            view.open_requested.connect(self.open_disagreement)

    def show_excerpts(self, selection: Selection, match: excerpts.Match) -> None:
        view = self.window.review.show("excerpts")
        if isinstance(view, ExcerptsView):
            view.show_selection(selection, match=match)

    def open_disagreement(self, document_id: DocumentId, start: int, end: int) -> None:
        """Every coder's codings are shown, so the passage reads side by side."""
        bench = self.menus.workbench
        if bench is not None and bench.viewer.hidden_coders:
            bench.viewer.set_hidden(coders_=frozenset())
            self.menus.refresh_coders()
        self.window.show_passage(document_id, start, end)

    # -- auto-coding ------------------------------------------------------------------------

    def autocode(self) -> None:
        """Codes › Auto-code: with the search panel's search, else the selected words."""
        panel = self.window.review.view("search")
        if isinstance(panel, SearchPanel) and panel.query.text().strip():
            self.autocode_search(
                panel.query.text(), panel.current_mode, panel.case_sensitive.isChecked()
            )
            return
        bench = self.menus.workbench
        selected = bench.viewer.selected_text().strip() if bench else ""
        if selected and "\n" not in selected and len(selected) <= PREFILL_LIMIT:
            self.autocode_search(selected, "exact", False)
        else:
            self.autocode_search("", "words", False)

    def autocode_search(self, query: str, mode: search.Mode, case_sensitive: bool) -> None:
        """Preview the matches, code the ticked ones; one undo takes them all back."""
        from annotator.ui.autocode_dialog import AutocodeDialog

        session, bench = self.menus.session, self.menus.workbench
        if session is None or bench is None or session.project.read_only:
            return
        if session.coder_id is None:
            self.window.statusBar().showMessage(
                translate(
                    "MainWindow",
                    "Set your name in Edit › Preferences first: every coding records its coder.",
                ),
                8000,
            )
            return
        dialog = AutocodeDialog(
            session.project,
            session.coder_id,
            self.window,
            query=query,
            mode=mode,
            case_sensitive=case_sensitive,
            code_id=bench.codebook.current_code_id(),
        )
        pin_minimum_size(dialog)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.change is not None:
            change = dialog.change
            session.record(change)
        dialog.deleteLater()
