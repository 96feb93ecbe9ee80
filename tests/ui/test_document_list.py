"""The document list: columns, sorting, filtering by typing, counts and finished marks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core import codebook, coders, documents
from annotator.core.changes import Change, ChangeKind
from annotator.core.project import open_project
from annotator.ui.document_table import CODINGS, DATE, FINISHED, PUBLISHER, TITLE
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import bench, select_quote, show_document


def rows(window: MainWindow) -> list[tuple[str, str, str, int]]:
    proxy = bench(window).documents.proxy
    return [
        tuple(proxy.index(r, c).data() for c in (TITLE, DATE, PUBLISHER, CODINGS))  # type: ignore[misc]
        for r in range(proxy.rowCount())
    ]


def test_documents_are_listed_by_date_and_sort_by_any_column(window: MainWindow) -> None:
    assert rows(window) == [
        ("Sensors on the river", "2024-01-15", "Daily Ledger", 0),
        ("Mixed scripts at the border", "2024-03-02", "Field notes", 0),
    ]
    bench(window).documents.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert [r[0] for r in rows(window)] == ["Mixed scripts at the border", "Sensors on the river"]


def test_typing_filters_and_enter_opens_the_first_match(qtbot: QtBot, window: MainWindow) -> None:
    panel = bench(window).documents
    qtbot.keyClicks(panel.filter_edit, "ledger river")
    assert [r[0] for r in rows(window)] == ["Sensors on the river"]
    qtbot.keyClicks(panel.filter_edit, " nowhere")
    assert rows(window) == []
    panel.filter_edit.clear()
    qtbot.keyClicks(panel.filter_edit, "MIXED")
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Return)
    assert bench(window).viewer.current_document.title == "Mixed scripts at the border"  # type: ignore[union-attr]


def test_counts_follow_coding_and_undo(window: MainWindow) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "drones")
    assert window.project is not None
    bench(window).coding.apply_code(codebook.find_code(window.project, "CCTV").id)
    assert rows(window)[0][3] == 1
    window.menus.undo_action.trigger()
    assert rows(window)[0][3] == 0


def test_the_finished_mark_is_the_current_coders_and_is_stored(
    window: MainWindow, workbench_path: Path
) -> None:
    model = bench(window).documents.model
    sensors = model.index(model.row_of(_id(window, "Sensors on the river")), FINISHED)  # type: ignore[arg-type]
    assert sensors.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(sensors, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert sensors.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    with open_project(workbench_path, read_only=True) as project:
        (coder,) = coders.list_coders(project)
        assert coders.finished_by(project, coder.id) == {_id(window, "Sensors on the river")}
    window.menus.undo_action.trigger()
    assert sensors.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_new_and_deleted_documents_come_and_go(window: MainWindow) -> None:
    assert window.project is not None
    added = documents.store_document(
        window.project, documents.NewDocument(title="Later report", text="Cameras again.")
    )
    assert window.session is not None
    window.session.notify(Change(ChangeKind.IMPORT_DOCUMENTS, documents=frozenset({added.id})))
    assert "Later report" in [r[0] for r in rows(window)]
    show_document(window, "Later report")
    assert bench(window).documents.delete_document(added.id)
    assert "Later report" not in [r[0] for r in rows(window)]
    assert "Delete document Later report" in window.menus.undo_action.text()
    shown = bench(window).viewer.current_document
    assert shown is None or shown.id != added.id
    window.menus.undo_action.trigger()
    assert "Later report" in [r[0] for r in rows(window)]


def test_the_menu_marks_a_document_finished(window: MainWindow) -> None:
    show_document(window, "Sensors on the river")
    panel = bench(window).documents
    sensors = _id(window, "Sensors on the river")
    assert panel.set_finished(sensors, True)
    assert panel.model.is_finished(sensors)
    assert bench(window).details.finished_box.isChecked()  # the details pane follows
    assert window.menus.finished_action.isChecked()  # and so does Edit › Document finished
    window.menus.finished_action.trigger()
    assert not panel.model.is_finished(sensors)


def _id(window: MainWindow, title: str) -> str:
    assert window.project is not None
    return documents.find_document(window.project, title).id
