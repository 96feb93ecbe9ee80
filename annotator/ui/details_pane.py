"""The details pane: the codings under the cursor, and the document's provenance and memo.

Edits are saved when a field is left (or Enter is pressed), each as one undoable
action; there is no Save button to forget.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core import coders, documents, errors
from annotator.core.changes import Change
from annotator.core.coded_spans import CodedSpan
from annotator.core.documents import Document
from annotator.ui.coding_actions import CodingActions
from annotator.ui.quick_code import swatch
from annotator.ui.session import ProjectSession
from annotator.ui.viewer import DocumentViewer

CODING_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MemoEdit(QPlainTextEdit):
    """A memo that saves itself when the researcher leaves it."""

    committed = Signal(str)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved = ""
        self.setTabChangesFocus(True)
        self.setAccessibleName(accessible_name)
        self.setPlaceholderText(self.tr("Write a memo…"))

    def show_memo(self, text: str) -> None:
        self._saved = text
        self.setPlainText(text)

    def commit(self) -> None:
        text = self.toPlainText().strip()
        if text != self._saved:
            self._saved = text
            self.committed.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)


class FieldEdit(QLineEdit):
    """One provenance field that saves itself on Enter or when left."""

    committed = Signal(str, str)  # field, value

    def __init__(self, field: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._saved = ""
        self.setAccessibleName(label)
        self.editingFinished.connect(self.commit)

    def show_value(self, text: str) -> None:
        self._saved = text
        self.setText(text)
        self.setCursorPosition(0)

    def commit(self) -> None:
        if self.text() != self._saved:
            self._saved = self.text()
            self.committed.emit(self.field, self.text())


class DetailsPane(QTabWidget):
    def __init__(
        self,
        session: ProjectSession,
        viewer: DocumentViewer,
        actions: CodingActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._viewer = viewer
        self._actions = actions
        self._document: Document | None = None
        self._listed: dict[str, CodedSpan] = {}  # the codings in the list, by id
        self.setAccessibleName(self.tr("Details"))
        self.addTab(self._make_codings_tab(), self.tr("Codings here"))
        self.addTab(self._make_document_tab(), self.tr("Document"))
        viewer.codings_at_cursor_changed.connect(self.show_codings)
        session.changed.connect(self.on_change)
        self.show_document(None)

    # -- codings under the cursor ---------------------------------------------------

    def _make_codings_tab(self) -> QWidget:
        page = QWidget(self)
        self.codings_list = QListWidget(page)
        self.codings_list.setAccessibleName(self.tr("Codings under the cursor"))
        self.codings_list.setWordWrap(True)
        self.codings_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.codings_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.codings_list.customContextMenuRequested.connect(self._coding_menu)
        self.codings_list.currentItemChanged.connect(self._coding_chosen)
        self.codings_list.itemActivated.connect(self._select_passage)
        self.coding_memo = MemoEdit(self.tr("Memo on the chosen coding"), page)
        self.coding_memo.setEnabled(False)
        self.coding_memo.committed.connect(self._save_coding_memo)
        self.empty_hint = QLabel(self.tr("Click in a highlight to see its codings."), page)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setEnabled(False)
        layout = QVBoxLayout(page)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.codings_list, 3)
        memo_label = QLabel(self.tr("&Memo on the chosen coding:"), page)
        memo_label.setBuddy(self.coding_memo)
        layout.addWidget(memo_label)
        layout.addWidget(self.coding_memo, 2)
        return page

    def show_codings(self, codings: list[CodedSpan]) -> None:
        self.coding_memo.commit()
        chosen = self.current_coding()
        self.codings_list.clear()
        self._listed = {item.id: item for item in codings}
        for item in codings:
            path = self._viewer.code_path(item.code_id)
            coder = self._viewer.coder_name(item.coder_id)
            label = f"{path} — {coder}"
            if item.memo:
                label += "  ✎"
            entry = QListWidgetItem(swatch(self._viewer.code_color(item.code_id)), label)
            entry.setData(CODING_ID_ROLE, item.id)
            quote = html.escape(_short(self._viewer.quote(item)))
            entry.setToolTip(self.tr("“{quote}”").format(quote=quote))
            self.codings_list.addItem(entry)
            if chosen and chosen.id == item.id:
                self.codings_list.setCurrentItem(entry)
        self.empty_hint.setVisible(not codings)
        if self.codings_list.currentItem() is None and codings:
            self.codings_list.setCurrentRow(0)
        self._coding_chosen(self.codings_list.currentItem())

    def current_coding(self) -> CodedSpan | None:
        item = self.codings_list.currentItem()
        return self._listed.get(item.data(CODING_ID_ROLE)) if item else None

    def _coding_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        coding_ = self._listed.get(item.data(CODING_ID_ROLE)) if item else None
        self.coding_memo.setEnabled(coding_ is not None)
        self.coding_memo.show_memo(coding_.memo if coding_ else "")

    def _save_coding_memo(self, memo: str) -> None:
        chosen = self.current_coding()
        if chosen is not None:
            self._actions.set_memo(chosen.id, memo)

    def _select_passage(self, item: QListWidgetItem) -> None:
        chosen = self._listed[item.data(CODING_ID_ROLE)]
        self._viewer.select_span(chosen.start, chosen.end)

    def _coding_menu(self, point: QPoint) -> None:
        chosen = self.current_coding()
        if chosen is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Remove this coding"), lambda: self._actions.remove([chosen]))
        menu.addAction(self.tr("Recode as…"), lambda: self._actions.ask_recode(chosen))
        menu.addAction(
            self.tr("Select its passage"),
            lambda: self._viewer.select_span(chosen.start, chosen.end),
        )
        menu.exec(self.codings_list.viewport().mapToGlobal(point))
        menu.deleteLater()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.matches(QKeySequence.StandardKey.Delete) and self.codings_list.hasFocus():
            chosen = self.current_coding()
            if chosen:
                self._actions.remove([chosen])
                return
        super().keyPressEvent(event)

    # -- the document --------------------------------------------------------------------

    def _make_document_tab(self) -> QWidget:
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        page = QWidget(scroller)
        form = QFormLayout(page)
        self.fields: dict[str, FieldEdit] = {}
        for field, caption_text, label in self._editable_fields():
            edit = FieldEdit(field, label, page)
            edit.committed.connect(self._save_field)
            self.fields[field] = edit
            caption = QLabel(caption_text, page)
            caption.setBuddy(edit)
            form.addRow(caption, edit)
        self.finished_box = QCheckBox(self.tr("I have &finished coding this document"), page)
        self.finished_box.clicked.connect(self._save_finished)
        form.addRow(self.finished_box)
        self.document_memo = MemoEdit(self.tr("Document memo"), page)
        self.document_memo.committed.connect(self._save_document_memo)
        memo_label = QLabel(self.tr("Document &memo:"), page)
        memo_label.setBuddy(self.document_memo)
        form.addRow(memo_label)
        form.addRow(self.document_memo)
        self.facts = QLabel(page)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAccessibleName(self.tr("Import record"))
        form.addRow(self.facts)
        scroller.setWidget(page)
        return scroller

    def _editable_fields(self) -> list[tuple[str, str, str]]:
        """(field, caption, accessible name) of the provenance one may correct after import."""
        return [
            ("title", self.tr("&Title:"), self.tr("Title")),
            ("publisher", self.tr("&Publisher:"), self.tr("Publisher")),
            ("author", self.tr("&Author:"), self.tr("Author")),
            ("published_date", self.tr("&Published:"), self.tr("Published")),
            ("source_url", self.tr("&Source URL:"), self.tr("Source URL")),
            ("accessed_date", self.tr("&Accessed:"), self.tr("Accessed")),
            ("language", self.tr("&Language:"), self.tr("Language")),
            ("notes", self.tr("&Notes:"), self.tr("Notes")),
        ]

    def show_document(self, document: Document | None) -> None:
        self.commit_pending()
        self._document = document
        enabled = document is not None
        writable = not self._session.project.read_only
        for field, edit in self.fields.items():
            edit.show_value(getattr(document, field) if document else "")
            edit.setEnabled(enabled)
            edit.setReadOnly(not writable)
        self.document_memo.show_memo(document.memo if document else "")
        self.document_memo.setEnabled(enabled)
        self.document_memo.setReadOnly(not writable)
        self.coding_memo.setReadOnly(not writable)
        self._show_finished()
        if document is None:
            self.facts.setText("")
            return
        imported = document.imported_at.replace("T", " ").replace("Z", " UTC")
        lines = [self.tr("Imported {when}").format(when=imported)]
        if document.original_filename:
            name = html.escape(document.original_filename)
            lines.append(
                self.tr("from {file}", "the line under 'Imported {when}'").format(file=name)
            )
        lines.append(self.tr("{count} characters").format(count=f"{document.char_count:,}"))
        if document.encoding:
            encoding = html.escape(document.encoding)
            lines.append(self.tr("encoding {encoding}").format(encoding=encoding))
        sha = document.text_sha256
        lines.append(self.tr("text SHA-256 <code>{sha}</code>").format(sha=sha))
        if document.original_sha256:
            sha = document.original_sha256
            lines.append(self.tr("original SHA-256 <code>{sha}</code>").format(sha=sha))
        self.facts.setText("<br/>".join(lines))

    def _show_finished(self) -> None:
        coder = self._session.coder
        document = self._document
        writable = not self._session.project.read_only
        self.finished_box.setEnabled(coder is not None and document is not None and writable)
        finished = bool(
            coder
            and document
            and document.id in coders.finished_by(self._session.project, coder.id)
        )
        self.finished_box.setChecked(finished)

    def commit_pending(self) -> None:
        """Save a memo or field still being typed (before switching or closing)."""
        self.coding_memo.commit()
        self.document_memo.commit()
        for edit in self.fields.values():
            edit.commit()

    def _save_field(self, field: str, value: str) -> None:
        document = self._document
        if document is None:
            return
        coder_id = self._session.coder_id
        done = self._session.run(
            lambda p: documents.update_provenance(
                p, document.id, coder_id=coder_id, **{field: value}
            ),
        )
        if done is None:  # refused (an empty title): show what is stored
            self.fields[field].show_value(getattr(document, field))

    def _save_document_memo(self, memo: str) -> None:
        document = self._document
        if document is not None:
            coder_id = self._session.coder_id
            self._session.run(
                lambda p: documents.update_provenance(p, document.id, coder_id=coder_id, memo=memo),
            )

    def _save_finished(self, checked: bool) -> None:
        document, coder_id = self._document, self._session.coder_id
        if document is not None and coder_id is not None:
            self._session.run(
                lambda p: coders.set_finished(p, document.id, coder_id, checked),
            )

    def on_change(self, change: Change) -> None:
        document = self._document
        if document is None or document.id not in change.documents:
            return
        if change.codings and not change.codebook_changed:
            return  # codings are the viewer's business; provenance did not change
        try:
            fresh = documents.get_document(self._session.project, document.id)
        except errors.NotFound:
            self.show_document(None)
            return
        self._document = fresh
        for field, edit in self.fields.items():
            if getattr(fresh, field) != getattr(document, field):
                edit.show_value(getattr(fresh, field))
        if fresh.memo != document.memo:
            self.document_memo.show_memo(fresh.memo)
        self._show_finished()


def _short(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
