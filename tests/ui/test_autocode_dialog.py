"""The auto-code dialog: a preview with tick boxes, coding exactly the ticked passages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from annotator.core import codebook, coders, coding, documents, patterns
from annotator.core.codebook_file import new_project
from annotator.core.project import Project
from annotator.ui import change_wording
from annotator.ui.autocode_dialog import AutocodeDialog
from annotator.ui.undo import ChangeCommand

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

BORDER = (
    "Thermal cameras watch the fence at night. The thermal feed goes to a control room.\n\n"
    "A guard said the thermal cameras never sleep."
)
MARKET = "Traders said thermal imaging was tested at the market gate."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    project = new_project(tmp_path / "autocode.annotator")
    for title, text in (("Border", BORDER), ("Market", MARKET)):
        documents.store_document(project, documents.NewDocument(title=title, text=text))
    yield project
    project.close()


@pytest.fixture
def coder(project: Project) -> coders.Coder:
    return coders.add_coder(project, "Amina")


def code_id(project: Project) -> str:
    return codebook.find_code(project, "Electronic border monitoring").id


@pytest.fixture
def dialog(qtbot: QtBot, project: Project, coder: coders.Coder) -> AutocodeDialog:
    widget = AutocodeDialog(project, coder.id, query="thermal", code_id=code_id(project))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def untick(qtbot: QtBot, dialog: AutocodeDialog, row: int) -> None:
    """Space on the row's tick box, as a keyboard user would."""
    index = dialog.model.index(row, 0)
    dialog.view.scrollTo(index)
    dialog.view.setCurrentIndex(index)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)


def test_nothing_can_be_coded_before_a_preview(dialog: AutocodeDialog) -> None:
    assert not dialog.ok_button.isEnabled()
    assert dialog.model.rowCount() == 0


def test_codes_exactly_the_ticked_passages_and_one_undo_removes_them(
    qtbot: QtBot, dialog: AutocodeDialog, project: Project
) -> None:
    dialog.scope.setCurrentIndex(dialog.scope.findData("sentence"))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    shown = [p.text for p in dialog.model.passages]
    assert shown == [
        "Thermal cameras watch the fence at night.",
        "The thermal feed goes to a control room.",
        "A guard said the thermal cameras never sleep.",
        "Traders said thermal imaging was tested at the market gate.",
    ]
    assert dialog.ok_button.text() == "Code 4 passages"
    untick(qtbot, dialog, 1)
    assert dialog.ok_button.text() == "Code 3 passages"
    assert dialog.status.text() == "3 of 4 passages ticked."
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    change = dialog.change
    assert change is not None and len(change.codings) == 3

    stored = project.conn.execute("SELECT quote FROM codings ORDER BY quote").fetchall()
    assert [r[0] for r in stored] == sorted([shown[0], shown[2], shown[3]])
    change.undo(project)
    assert project.conn.execute("SELECT count(*) FROM codings").fetchone()[0] == 0


def test_already_coded_passages_start_unticked(
    qtbot: QtBot, project: Project, coder: coders.Coder
) -> None:
    border = documents.find_document(project, "Border")
    start = BORDER.index("thermal feed")
    coding.add_coding(project, border.id, code_id(project), start, start + 7, coder.id)
    dialog = AutocodeDialog(project, coder.id, query="thermal", code_id=code_id(project))
    qtbot.addWidget(dialog)
    dialog.preview()
    states = [dialog.model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) for r in range(4)]
    assert states[1] == Qt.CheckState.Unchecked
    assert dialog.model.index(1, 3).data() == "already coded"
    assert dialog.status.text() == "3 of 4 passages ticked; 1 already coded by you."


def test_changing_the_search_after_a_preview_needs_a_new_preview(
    qtbot: QtBot, dialog: AutocodeDialog
) -> None:
    dialog.preview()
    assert dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.query, " cameras")
    assert not dialog.ok_button.isEnabled()
    assert dialog.model.rowCount() == 0
    assert dialog.status.text() == "The search changed: press Preview again."
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    # both words in the document: Border only; side by side they are one passage
    assert [p.text for p in dialog.model.passages] == [
        "Thermal cameras",
        "thermal",
        "thermal cameras",
    ]


def test_a_bad_pattern_is_explained(qtbot: QtBot, dialog: AutocodeDialog) -> None:
    dialog.mode.setCurrentIndex(dialog.mode.findData("regex"))
    dialog.query.setText("thermal (")
    dialog.preview()
    assert dialog.status.text().startswith("Check the search: not a valid pattern")
    assert not dialog.ok_button.isEnabled()


def test_a_pattern_too_slow_is_explained(
    qtbot: QtBot, dialog: AutocodeDialog, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "TIME_LIMIT", 0.2)
    documents.store_document(project, documents.NewDocument(title="Run", text="a" * 40 + "!"))
    dialog.mode.setCurrentIndex(dialog.mode.findData("regex"))
    dialog.query.setText("(a|aa)+$")
    dialog.preview()
    assert "was stopped after 0.2 seconds" in dialog.status.text()
    assert dialog.model.passages == [] and not dialog.ok_button.isEnabled()


def test_untick_all_then_cancel_codes_nothing(
    qtbot: QtBot, dialog: AutocodeDialog, project: Project
) -> None:
    dialog.preview()
    dialog._tick_all(False)
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
    assert dialog.change is None
    assert project.conn.execute("SELECT count(*) FROM codings").fetchone()[0] == 0


def test_a_refusal_keeps_the_dialog_open(
    qtbot: QtBot, dialog: AutocodeDialog, project: Project
) -> None:
    dialog.preview()
    documents.delete_document(project, documents.find_document(project, "Market").id)
    dialog.accept()  # one passage now points into a deleted document
    assert dialog.change is None
    assert dialog.isVisible()
    assert dialog.status.text() == "That document no longer exists (it may have been deleted)."
    assert project.conn.execute("SELECT count(*) FROM codings").fetchone()[0] == 0


def test_clicking_a_tick_box_unticks_it(qtbot: QtBot, dialog: AutocodeDialog) -> None:
    dialog.preview()
    rect = dialog.view.visualRect(dialog.model.index(0, 0))
    box = QPoint(rect.left() + rect.height() // 2, rect.center().y())  # the indicator
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert dialog.ok_button.text() == "Code 3 passages"  # of the four "thermal"


def test_one_undo_on_the_stack_removes_the_whole_run(
    qtbot: QtBot, dialog: AutocodeDialog, project: Project
) -> None:
    dialog.preview()
    dialog.accept()
    assert dialog.change is not None
    stack = QUndoStack()
    broadcast: list[object] = []
    command = ChangeCommand(
        project,
        [dialog.change],
        text=change_wording.describe(dialog.change),
        broadcast=broadcast.append,
        report=print,
    )
    stack.push(command)
    count = "SELECT count(*) FROM codings"
    assert project.conn.execute(count).fetchone()[0] == 4
    assert stack.undoText() == "Auto-code 4 passages as Electronic border monitoring"
    stack.undo()
    assert project.conn.execute(count).fetchone()[0] == 0
    assert len(broadcast) == 1  # one Change for the views: the whole run went
    stack.redo()
    assert project.conn.execute(count).fetchone()[0] == 4
