"""The preview of one source before its text is frozen: encoding, details, clean-up, text.

It edits the Draft in place (the details, and which clean-up removals apply); the
encoding and "whole page" choices need the source read again, which the dialog does
when `reread_requested` fires.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.importing import Draft, Removal
from annotator.core.positions import Utf16Map
from annotator.ui.import_wording import reason_label

_SHOWN_CHARS = 90  # of a removal's text in the list; the tooltip has it all

# Offered in the encoding box; any codec name may also be typed.
COMMON_ENCODINGS = (
    "utf-8", "utf-8-sig", "utf-16", "cp1252", "iso8859-1", "iso8859-15", "cp1250", "cp1251",
    "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "koi8-r", "gb18030", "big5", "cp932",
    "euc-jp", "euc-kr", "cp874",
)  # fmt: skip


class DraftPreview(QWidget):
    reread_requested = Signal()  # the encoding or the whole-page choice changed
    field_edited = Signal(str, str)  # a detail the researcher typed: field, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draft: Draft | None = None
        self._filling = False
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.encoding = QComboBox()
        self.encoding.setEditable(True)
        self.encoding.addItems(COMMON_ENCODINGS)
        self.encoding.setToolTip(self.tr("Choose or type the encoding to read the file with"))
        self.encoding_note = QLabel()
        self.whole_page = QCheckBox(self.tr("Keep the whole page, not only the article"))
        self.fields: dict[str, QLineEdit] = {}
        self.removals = QListWidget()
        self.removals.setToolTip(self.tr("Ticked lines are dropped; untick a line to keep it"))
        self.outside = QListWidget()
        self.outside.setToolTip(self.tr("Text of the page that is not part of the article"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.drop_button = QPushButton(self.tr("&Drop the selected lines"))
        self.drop_button.setToolTip(
            self.tr("Select any run of lines in the text and drop it; it is listed under "
                    "Clean-up, where you can restore it")
        )  # fmt: skip
        self.drop_button.setEnabled(False)
        self.drop_button.clicked.connect(self.drop_selected_lines)
        self.text.selectionChanged.connect(self._selection_changed)
        self._build()
        self.encoding.activated.connect(lambda _index: self.reread_requested.emit())
        self.encoding.lineEdit().returnPressed.connect(self.reread_requested.emit)
        self.whole_page.toggled.connect(lambda _on: self._filling or self.reread_requested.emit())
        self.removals.itemChanged.connect(self._removal_toggled)
        self.show_message(self.tr("Choose a file on the left to see what will be imported."))

    def _build(self) -> None:
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(QLabel(self.tr("Encoding:")))
        encoding_row.addWidget(self.encoding, 1)
        encoding_row.addWidget(self.encoding_note, 2)
        details = QGroupBox(self.tr("Details (editable later too)"))
        form = QFormLayout(details)
        labels = {
            "title": self.tr("Title"),
            "author": self.tr("Author"),
            "publisher": self.tr("Publisher"),
            "published_date": self.tr("Published (YYYY-MM-DD)"),
            "source_url": self.tr("Source URL"),
            "accessed_date": self.tr("Accessed (YYYY-MM-DD)"),
            "language": self.tr("Language"),
            "notes": self.tr("Notes"),
        }
        for field, label in labels.items():
            edit = QLineEdit()
            edit.textEdited.connect(lambda value, f=field: self._field_edited(f, value))
            self.fields[field] = edit
            form.addRow(label, edit)
        cleanup = QGroupBox(self.tr("Clean-up: what will be dropped"))
        cleanup_layout = QVBoxLayout(cleanup)
        cleanup_layout.addWidget(self.removals)
        self.outside_label = QLabel(self.tr("Left out by main-content detection:"))
        cleanup_layout.addWidget(self.outside_label)
        cleanup_layout.addWidget(self.outside)
        resulting = QGroupBox(self.tr("Text that will be frozen"))
        resulting_layout = QVBoxLayout(resulting)
        resulting_layout.addWidget(self.text)
        resulting_layout.addWidget(self.drop_button, 0, Qt.AlignmentFlag.AlignRight)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(cleanup)
        lower.addWidget(resulting)
        lower.setStretchFactor(0, 4)
        lower.setStretchFactor(1, 5)  # reasons are read as closely as the text
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(encoding_row)
        layout.addWidget(self.whole_page)
        layout.addWidget(details)
        layout.addWidget(lower, 1)
        self.body = [details, lower, self.encoding, self.whole_page]

    @property
    def draft(self) -> Draft | None:
        return self._draft

    def chosen_encoding(self) -> str | None:
        """The encoding in the box if the researcher picked one other than the detected."""
        value = self.encoding.currentText().strip()
        if self._draft is not None and value == self._draft.encoding:
            return None
        return value or None

    def show_message(self, message: str) -> None:
        self._draft = None
        self.status.setText(message)
        for widget in self.body:
            widget.setEnabled(False)
        self.encoding_note.clear()
        self.removals.clear()
        self.outside.clear()
        self.text.clear()
        for edit in self.fields.values():
            edit.clear()

    def show_draft(self, draft: Draft, *, whole_page: bool) -> None:
        self._filling = True
        self._draft = draft
        for widget in self.body:
            widget.setEnabled(True)
        self.status.setText(self._summary(draft))
        has_encoding = draft.kind.is_text
        self.encoding.setEnabled(has_encoding)
        self.encoding.setEditText(draft.encoding if has_encoding else "")
        self.encoding_note.setText(self._encoding_note(draft))
        self.whole_page.setVisible(draft.kind.media_type == "text/html")
        self.whole_page.setChecked(whole_page)
        for field, edit in self.fields.items():
            edit.setText(draft.provenance.get(field, ""))
        self.removals.clear()
        for index, removal in enumerate(draft.removals):
            item = QListWidgetItem(self._removal_label(removal))
            item.setToolTip(removal.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if index in draft.chosen else Qt.CheckState.Unchecked
            )
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.removals.addItem(item)
        self.outside.clear()
        self.outside.addItems(list(draft.outside_main_content))
        self.outside.setVisible(bool(draft.outside_main_content))
        self.outside_label.setVisible(bool(draft.outside_main_content))
        self.text.setPlainText(draft.text)
        self._filling = False

    def _removal_label(self, removal: Removal) -> str:
        lines = [line for line in removal.text.split("\n") if line.strip()]
        shown = " ⏎ ".join(lines)
        if len(shown) > _SHOWN_CHARS:
            shown = shown[:_SHOWN_CHARS].rstrip() + "…"
        return self.tr("{reason}: {text}").format(reason=reason_label(removal.reason), text=shown)

    def _selection_changed(self) -> None:
        self.drop_button.setEnabled(
            self._draft is not None and self.text.textCursor().hasSelection()
        )

    def drop_selected_lines(self) -> None:
        """Drop the lines the selection touches ("dropped by hand"), restorable in the list."""
        cursor = self.text.textCursor()
        if self._draft is None or not cursor.hasSelection():
            return
        shown = Utf16Map(self.text.toPlainText())
        start = shown.to_code_point(cursor.selectionStart())
        end = shown.to_code_point(cursor.selectionEnd())
        if self._draft.drop_by_hand(start, end) is not None:
            self.show_draft(self._draft, whole_page=self.whole_page.isChecked())

    def _summary(self, draft: Draft) -> str:
        parts = [
            self.tr("%n clean-up proposal(s)", "", len(draft.removals)),
            self.tr("%n characters", "", len(draft.text)),
        ]
        if draft.controls_removed:
            parts.append(
                self.tr("%n invisible control character(s) removed", "", draft.controls_removed)
            )
        if not draft.main_content_found:
            parts.append(self.tr("no article found on the page: its whole text is kept"))
        return "; ".join(parts)

    def _encoding_note(self, draft: Draft) -> str:
        if not draft.kind.is_text:
            return self.tr("not needed for this kind of file")
        if draft.encoding_detected:
            return self.tr("detected; choose another if the text looks wrong")
        return self.tr("as declared by the file or chosen by you")

    def _field_edited(self, field: str, value: str) -> None:
        if self._draft is not None and not self._filling:
            self._draft.provenance[field] = value
            self.field_edited.emit(field, value)

    def _removal_toggled(self, item: QListWidgetItem) -> None:
        if self._draft is None or self._filling:
            return
        index = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._draft.chosen.add(index)
        else:
            self._draft.chosen.discard(index)
        self.text.setPlainText(self._draft.text)
        self.status.setText(self._summary(self._draft))
