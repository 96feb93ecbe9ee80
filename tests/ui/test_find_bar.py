"""Find in the open document: next/previous, code points vs UTF-16, patterns."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from annotator.core import patterns
from annotator.core.positions import Utf16Map
from annotator.ui.find_bar import FindBar

TEXT = "📷 Camera one.\n\n👁️ camera two; CAMERA three.\n\nCameras everywhere."

# The offscreen platform cannot resize a top-level window to a label's new height.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def editor_and_bar(qtbot: QtBot) -> Iterator[tuple[QPlainTextEdit, FindBar]]:
    holder = QWidget()
    editor = QPlainTextEdit()
    editor.setReadOnly(True)
    editor.setPlainText(TEXT)
    bar = FindBar(editor)
    layout = QVBoxLayout(holder)
    layout.addWidget(editor)
    layout.addWidget(bar)
    qtbot.addWidget(holder)
    holder.resize(500, 300)
    holder.show()
    qtbot.waitExposed(holder)
    yield editor, bar  # the holder stays alive until the test ends


def selected_span(editor: QPlainTextEdit) -> tuple[int, int]:
    cursor = editor.textCursor()
    utf16 = Utf16Map(editor.toPlainText())
    return utf16.to_code_point(cursor.selectionStart()), utf16.to_code_point(cursor.selectionEnd())


def test_ctrl_f_opens_the_bar_with_the_selection(
    qtbot: QtBot, editor_and_bar: tuple[QPlainTextEdit, FindBar]
) -> None:
    editor, bar = editor_and_bar
    cursor = editor.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(9, cursor.MoveMode.KeepAnchor)  # "Camera" after the 2-unit emoji
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keySequence(editor, QKeySequence.StandardKey.Find)
    assert bar.isVisible()
    assert bar.field.text() == "Camera"
    assert bar.count.text() == "4 matches"


def test_enter_steps_through_matches_and_wraps(
    qtbot: QtBot, editor_and_bar: tuple[QPlainTextEdit, FindBar]
) -> None:
    editor, bar = editor_and_bar
    bar.open("camera")
    spans: list[tuple[int, int]] = []
    bar.match_selected.connect(lambda start, end: spans.append((start, end)))
    for _ in range(5):
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    starts = [TEXT.index(w) for w in ("Camera one", "camera two", "CAMERA", "Cameras")]
    assert [s for s, _ in spans] == [*starts, starts[0]]  # code points, then wrap
    assert selected_span(editor) == (starts[0], starts[0] + 6)
    assert bar.count.text() == "1 of 4"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert selected_span(editor) == (starts[3], starts[3] + 6)
    assert bar.count.text() == "4 of 4"


def test_case_whole_words_and_regex(editor_and_bar: tuple[QPlainTextEdit, FindBar]) -> None:
    _, bar = editor_and_bar
    bar.open("camera")
    bar.case_sensitive.setChecked(True)
    assert len(bar.matches) == 1
    bar.case_sensitive.setChecked(False)
    bar.whole_words.setChecked(True)
    assert len(bar.matches) == 3  # not "Cameras"
    bar.whole_words.setChecked(False)
    bar.regex.setChecked(True)
    bar.field.setText(r"camera \w+")
    assert [TEXT[s:e] for s, e in bar.matches] == ["Camera one", "camera two", "CAMERA three"]
    bar.field.setText("camera (")
    assert bar.matches == []
    assert bar.count.text() == "Broken pattern"
    assert "not a valid pattern" in bar.count.toolTip()


def test_a_regex_too_slow_is_stopped(
    editor_and_bar: tuple[QPlainTextEdit, FindBar], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "TIME_LIMIT", 0.2)
    editor, bar = editor_and_bar
    editor.setPlainText("a" * 40 + "!")
    bar.open("")
    bar.regex.setChecked(True)
    bar.field.setText("(a|aa)+$")
    assert bar.matches == []
    assert bar.count.text() == "Too slow"
    assert "was stopped after 0.2 seconds" in bar.count.toolTip()


def test_new_text_in_the_editor_is_searched_again(
    editor_and_bar: tuple[QPlainTextEdit, FindBar],
) -> None:
    editor, bar = editor_and_bar
    bar.open("camera")
    assert len(bar.matches) == 4
    editor.setPlainText("No such word here.")
    assert bar.matches == []
    assert bar.count.text() == "No matches"


def test_escape_closes_and_gives_focus_back(
    qtbot: QtBot, editor_and_bar: tuple[QPlainTextEdit, FindBar]
) -> None:
    editor, bar = editor_and_bar
    bar.open("camera")
    with qtbot.waitSignal(bar.closed):
        qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert editor.hasFocus()
