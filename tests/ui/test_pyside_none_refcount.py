"""PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void method call,
until Python aborts with `Fatal Python error: none_dealloc`. pyproject.toml pins
PySide6 below 6.12 on Python < 3.12; this test fails if a broken build comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

CALLS = 20_000


def test_void_methods_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    document = QTextDocument("Police expanded facial recognition across the capital.")
    cursor = QTextCursor(document)
    fmt = QTextCharFormat()
    brush = QBrush(QColor("#4E79A7"))
    before = sys.getrefcount(None)
    for i in range(CALLS // 3):
        editor.setReadOnly(i % 2 == 0)
        cursor.setPosition(i % 10)
        fmt.setBackground(brush)
    after = sys.getrefcount(None)
    # Other code may take a few references meanwhile; the bug loses one per call.
    assert after >= before - 100, (before, after)
