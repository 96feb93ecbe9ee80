"""The panes of one open project, side by side: documents, text, codebook, details.

Built for a session and thrown away with it, so no pane ever shows another
project's data. Panes talk through signals; each refreshes itself from the Changes
the session broadcasts. The text pane has a find bar under it (Ctrl+F).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from annotator.core import documents, errors
from annotator.core.ids import CodeId, DocumentId
from annotator.ui.code_shortcuts import CodeShortcuts
from annotator.ui.codebook_panel import CodebookPanel
from annotator.ui.coding_actions import CodingActions
from annotator.ui.details_pane import DetailsPane
from annotator.ui.document_list import DocumentListPanel
from annotator.ui.document_table import DOCUMENT_ID_ROLE
from annotator.ui.find_bar import FindBar
from annotator.ui.session import ProjectSession
from annotator.ui.viewer import DocumentViewer

log = logging.getLogger(__name__)


class Workbench(QSplitter):
    document_opened = Signal(str)  # "" when no document is shown
    status = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.session = session
        self.documents = DocumentListPanel(session, self)
        self.text_pane = QWidget(self)
        self.viewer = DocumentViewer(session, self.text_pane)
        self.find_bar = FindBar(self.viewer, self.text_pane)
        self._leave_find_key_to_the_window()
        column = QVBoxLayout(self.text_pane)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.viewer, 1)
        column.addWidget(self.find_bar)
        self.side = QSplitter(Qt.Orientation.Vertical, self)
        self.codebook = CodebookPanel(session, self.side)
        self.coding = CodingActions(session, self.viewer, self.codebook.model, self)
        self.details = DetailsPane(session, self.viewer, self.coding, self.side)
        self.side.addWidget(self.codebook)
        self.side.addWidget(self.details)
        self.addWidget(self.documents)
        self.addWidget(self.text_pane)
        self.addWidget(self.side)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 5)
        self.setStretchFactor(2, 2)
        self.side.setStretchFactor(0, 3)
        self.side.setStretchFactor(1, 2)
        self.setSizes([430, 600, 370])
        self.side.setSizes([480, 320])

        self.code_keys = CodeShortcuts(self.viewer, self.coding.apply_code)
        self._install_code_keys()
        self.codebook.model.modelReset.connect(self._install_code_keys)
        self.codebook.model.hidden_codes_changed.connect(
            lambda hidden: self.viewer.set_hidden(codes=hidden)
        )
        self.codebook.code_clicked.connect(self._code_clicked)
        self.documents.document_chosen.connect(self.open_document)
        self.coding.status.connect(self.status)

    def _leave_find_key_to_the_window(self) -> None:
        """Edit › Find in document owns Ctrl+F everywhere in the window; the find bar's
        own Ctrl+F on the text would make the key ambiguous (and do nothing)."""
        find = QKeySequence(QKeySequence.StandardKey.Find)
        for action in self.viewer.actions():
            if action.shortcut() == find:
                self.viewer.removeAction(action)

    def _install_code_keys(self) -> None:
        names = {node.code.id: node.path for node in self.codebook.model.nodes()}
        self.code_keys.install(self.codebook.model.shortcuts, names)

    def _code_clicked(self, code_id: CodeId) -> None:
        if self.viewer.selected_span() is None:
            path = self.viewer.code_path(code_id)
            self.status.emit(
                self.tr("Select a passage in the text to code it as {path}.").format(path=path)
            )
            return
        self.coding.apply_code(code_id)

    def open_document(self, document_id: DocumentId | None) -> None:
        """Show a document in the viewer and details (none for None or "")."""
        current = self.viewer.current_document
        if current is not None and current.id == document_id:
            return
        self.details.commit_pending()
        document = None
        if document_id:
            try:
                document = documents.get_document(self.session.project, document_id)
            except errors.NotFound:
                log.info("document %s vanished before it could be shown", document_id)
        self.viewer.show_document(document)
        self.details.show_document(document)
        if document and self.documents.current_document_id() != document.id:
            self.documents.select_document(document.id)
        self.document_opened.emit(document.id if document else "")

    def show_passage(self, document_id: DocumentId, start: int, end: int) -> bool:
        """Open a document with a passage selected and in view; False if it is gone."""
        self.open_document(document_id)
        current = self.viewer.current_document
        if current is None or current.id != document_id:
            return False
        self.viewer.select_span(start, end)
        self.viewer.centerCursor()
        return True

    def listed_document_ids(self) -> frozenset[DocumentId]:
        model = self.documents.model
        return frozenset(
            model.index(row, 0).data(DOCUMENT_ID_ROLE) for row in range(model.rowCount())
        )

    def document_exists(self, document_id: DocumentId) -> bool:
        """Whether the document list (kept up to date by Changes) still has it."""
        return self.documents.model.row_of(document_id) is not None

    def state(self) -> tuple[QByteArray, QByteArray]:
        return self.saveState(), self.side.saveState()

    def restore(self, main: QByteArray | None, side: QByteArray | None) -> None:
        if main is not None:
            self.restoreState(main)
        if side is not None:
            self.side.restoreState(side)
