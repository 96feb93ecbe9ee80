"""Find in the open document (Ctrl+F): next and previous over the editor given to it.

`FindBar(editor)` works on any QPlainTextEdit or QTextEdit; it adds a Ctrl+F action to
that editor, so the shortcut works wherever the editor has focus, and the window can
also call `open()`. It selects each match in the editor (scrolling to it) and tells:
- `match_selected(start: int, end: int)`: code-point offsets of the selected match;
- `closed()`: Escape or the close button; focus is back in the editor.
Exact text (optionally case-sensitive, whole words) or a regular expression; a broken
pattern is explained in the bar. Matches are found again when the editor's text
changes (another document shown).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from annotator.core.patterns import PatternError
from annotator.core.positions import Utf16Map
from annotator.core.search import find_in_text
from annotator.core.search_syntax import SearchSyntaxError
from annotator.ui.messages import describe

Editor = QPlainTextEdit | QTextEdit
ERROR_STYLE = "color: #B00020;"


def _toggle(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setCheckable(True)
    return button


class FindBar(QWidget):
    """A slim bar under the document; see the module docstring for its signals."""

    match_selected = Signal(int, int)
    closed = Signal()

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self._stale = True
        self._map = Utf16Map("")

        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find in document"))
        self.field.setAccessibleName(self.tr("Find in document"))
        self.field.setClearButtonEnabled(True)
        self.case_sensitive = _toggle(self.tr("Aa"), self.tr("Match case"))
        self.whole_words = _toggle(self.tr("“W”"), self.tr("Whole words only"))
        self.regex = _toggle(".*", self.tr("Regular expression"))
        self.previous_button = QToolButton()
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next_button = QToolButton()
        self.next_button.setText("▼")
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.count = QLabel()
        self.count.setMinimumWidth(110)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAccessibleName(self.tr("Close find bar"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.field, self.case_sensitive, self.whole_words, self.regex):
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        for widget in (self.previous_button, self.next_button, self.count, close):
            layout.addWidget(widget)

        self.field.textChanged.connect(self._options_changed)
        for toggle in (self.case_sensitive, self.whole_words, self.regex):
            toggle.toggled.connect(self._options_changed)
        self.field.returnPressed.connect(self.find_next)
        self.field.installEventFilter(self)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        close.clicked.connect(self.close_bar)
        editor.textChanged.connect(self._text_changed)
        self._add_shortcuts()
        self.hide()

    def _add_shortcuts(self) -> None:
        """Ctrl+F in the editor opens the bar; F3 / Shift+F3 step in the editor or the bar."""
        open_action = QAction(self.tr("Find in document"), self._editor)
        open_action.setShortcut(QKeySequence.StandardKey.Find)
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        open_action.triggered.connect(self._open_from_shortcut)
        self._editor.addAction(open_action)
        for key, slot in (
            (QKeySequence.StandardKey.FindNext, self.find_next),
            (QKeySequence.StandardKey.FindPrevious, self.find_previous),
        ):
            for owner in (self._editor, self):
                action = QAction(owner)
                action.setShortcut(key)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.triggered.connect(slot)
                owner.addAction(action)

    def _open_from_shortcut(self) -> None:
        self.open()

    @property
    def matches(self) -> list[tuple[int, int]]:
        """Every match in the editor's text, as code-point spans."""
        self._refresh()
        return list(self._matches)

    @property
    def current(self) -> int:
        """Index of the selected match in `matches`, or -1."""
        return self._current

    def open(self, text: str | None = None) -> None:
        """Show the bar with the editor's selection (or `text`) to find."""
        if text is None:
            selected = self._editor.textCursor().selectedText()
            text = selected if selected and "\u2029" not in selected else None
        if text is not None:
            self.field.setText(text)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._editor.setFocus()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Shift+Enter in the field goes back (plain Enter goes on: `returnPressed`)."""
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_previous()
            return True
        return super().eventFilter(watched, event)

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        self._refresh()
        if not self._matches:
            return
        if self._current == -1:
            cursor_at = self._map.to_code_point(self._editor.textCursor().selectionStart())
            after = [i for i, (start, _) in enumerate(self._matches) if start >= cursor_at]
            self._current = (after[0] if after else 0) if direction > 0 else len(self._matches) - 1
            if direction < 0:
                before = [i for i, (start, _) in enumerate(self._matches) if start < cursor_at]
                self._current = before[-1] if before else len(self._matches) - 1
        else:
            self._current = (self._current + direction) % len(self._matches)
        self._select(*self._matches[self._current])

    def _select(self, start: int, end: int) -> None:
        cursor = self._editor.textCursor()
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()
        self._show_count()
        self.match_selected.emit(start, end)

    def _options_changed(self) -> None:
        self._stale = True
        self._current = -1
        self._refresh()

    def _text_changed(self) -> None:
        self._stale = True
        self._current = -1
        if self.isVisible():
            self._refresh()

    def _refresh(self) -> None:
        if not self._stale:
            return
        self._stale = False
        text = self._editor.toPlainText()
        self._map = Utf16Map(text)
        self.count.setStyleSheet("")
        try:
            self._matches = find_in_text(
                text,
                self.field.text(),
                regex=self.regex.isChecked(),
                case_sensitive=self.case_sensitive.isChecked(),
                whole_words=self.whole_words.isChecked(),
            )
        except (SearchSyntaxError, PatternError) as exc:
            self._matches = []
            broken = isinstance(exc, SearchSyntaxError)
            self.count.setText(self.tr("Broken pattern") if broken else self.tr("Too slow"))
            self.count.setToolTip(describe(exc))
            self.count.setStyleSheet(ERROR_STYLE)
            return
        self.count.setToolTip("")
        self._show_count()

    def _show_count(self) -> None:
        if not self.field.text():
            self.count.setText("")
        elif not self._matches:
            self.count.setText(self.tr("No matches"))
        elif self._current == -1:
            total = len(self._matches)
            self.count.setText(
                self.tr("1 match") if total == 1 else self.tr("{count} matches").format(count=total)
            )
        else:
            self.count.setText(
                self.tr("{number} of {count}").format(
                    number=self._current + 1, count=len(self._matches)
                )
            )
