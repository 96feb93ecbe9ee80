"""The details pane: provenance and memos save themselves; codings under the cursor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core import codebook, documents, errors
from annotator.core.project import open_project
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import bench, select_quote, show_document


def stored_document(path: Path, title: str) -> documents.Document:
    with open_project(path, read_only=True) as project:
        return documents.find_document(project, title)


def test_a_provenance_field_is_saved_when_left(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    field = bench(window).details.fields["author"]
    field.setFocus()
    qtbot.keyClicks(field, "Rasa Petraite")  # QTest types ASCII only
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert stored_document(workbench_path, "Sensors on the river").author == "Rasa Petraite"
    assert "Edit details of Sensors on the river" in window.menus.undo_action.text()


def test_an_empty_title_is_refused_and_the_stored_one_comes_back(
    window: MainWindow, workbench_path: Path, shown_errors: list[Exception]
) -> None:
    show_document(window, "Sensors on the river")
    title = bench(window).details.fields["title"]
    title.setText("   ")
    title.commit()
    assert isinstance(shown_errors[0], errors.InvalidValue)
    assert title.text() == "Sensors on the river"
    assert stored_document(workbench_path, "Sensors on the river").title == "Sensors on the river"


def test_a_renamed_document_is_renamed_in_the_list(window: MainWindow) -> None:
    show_document(window, "Sensors on the river")
    title = bench(window).details.fields["title"]
    title.setText("Thermal sensors on the river")
    title.commit()
    proxy = bench(window).documents.proxy
    assert "Thermal sensors on the river" in [proxy.index(r, 0).data() for r in range(2)]


def test_the_document_memo_is_saved_when_switching_documents(
    window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    bench(window).details.document_memo.setPlainText("Ask the river guard union.")
    show_document(window, "Mixed scripts at the border")
    assert (
        stored_document(workbench_path, "Sensors on the river").memo == "Ask the river guard union."
    )
    assert bench(window).details.document_memo.toPlainText() == ""
    window.menus.undo_action.trigger()
    assert stored_document(workbench_path, "Sensors on the river").memo == ""


def test_codings_under_the_cursor_are_listed_with_memos(
    window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    assert window.project is not None
    actions = bench(window).coding
    select_quote(window, "Border guards installed")
    actions.apply_code(codebook.find_code(window.project, "Security agents").id)
    select_quote(window, "guards")
    actions.apply_code(codebook.find_code(window.project, "Border fences and walls").id)
    details = bench(window).details
    labels = [details.codings_list.item(r).text() for r in range(details.codings_list.count())]
    assert labels == [
        "Human surveillance networks/Security agents — Amina Rasheed",
        "Borders and movement control/Border fences and walls — Amina Rasheed",
    ]
    details.codings_list.setCurrentRow(1)
    details.coding_memo.setPlainText("Guards or soldiers? Check.")
    details.coding_memo.commit()
    with open_project(workbench_path, read_only=True) as project:
        from annotator.core.excerpts import excerpts

        memos = {e.quote: e.memo for e in excerpts(project)}
    assert memos == {"Border guards installed": "", "guards": "Guards or soldiers? Check."}
    assert details.codings_list.item(1).text().endswith("✎")
