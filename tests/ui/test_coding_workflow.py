"""Coding in the real window: by key, click, drop, palette and in vivo; undo and redo.

Every check of what was stored re-opens the project file through the core.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from annotator.core import codebook, excerpts
from annotator.core.project import open_project
from annotator.ui.codebook_model import NAME
from annotator.ui.main_window import MainWindow
from annotator.ui.quick_code import QuickCodePalette
from tests.ui.conftest import MIXED_TEXT, bench, select_quote, show_document


def stored(path: Path) -> list[tuple[str, str, str]]:
    """(code, quote, coder) of every coding in the file, read afresh from disk."""
    with open_project(path, read_only=True) as project:
        return sorted((e.code_name, e.quote, e.coder_name) for e in excerpts.excerpts(project))


def code_id(window: MainWindow, name: str) -> str:
    assert window.project is not None
    return codebook.find_code(window.project, name).id


def click_code(qtbot: QtBot, window: MainWindow, name: str) -> None:
    tree = bench(window).codebook.tree
    index = bench(window).codebook.model.index_of(code_id(window, name), NAME)
    tree.scrollTo(index)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )


def answer_palette(qtbot: QtBot, typed: str) -> None:
    """When the palette opens, type into it and press Enter (it is modal)."""

    def answer() -> None:
        palette = QApplication.activeModalWidget()
        assert isinstance(palette, QuickCodePalette)
        qtbot.keyClicks(palette.query, typed)
        qtbot.keyClick(palette.query, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_a_passage_is_coded_with_the_keyboard_alone(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Mixed scripts at the border")
    viewer = bench(window).viewer
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # go to the text
    assert viewer.hasFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    cctv = code_id(window, "CCTV")
    assert bench(window).codebook.model.key_of(cctv) == "2"
    qtbot.keyClick(viewer, Qt.Key.Key_2)
    line = MIXED_TEXT.splitlines()[0]
    assert stored(workbench_path) == [("CCTV", line, "Amina Rasheed")]
    assert viewer.painted_segment_count() == 1


def test_clicking_a_code_codes_the_selection(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "thermal sensors")
    click_code(qtbot, window, "Electronic border monitoring")
    assert stored(workbench_path) == [
        ("Electronic border monitoring", "thermal sensors", "Amina Rasheed")
    ]
    assert "Coded as" in window.statusBar().currentMessage()


def test_clicking_a_code_without_a_selection_only_explains(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    bench(window).viewer.moveCursor(QTextCursor.MoveOperation.Start)
    click_code(qtbot, window, "CCTV")
    assert stored(workbench_path) == []
    assert "Select a passage" in window.statusBar().currentMessage()


def test_undo_and_redo_take_a_coding_back_and_forth(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    viewer = bench(window).viewer
    select_quote(window, "drones")
    assert bench(window).coding.apply_code(code_id(window, "Drones and aerial surveillance"))
    menus = window.menus
    assert "Code passage as Drones and aerial surveillance" in menus.undo_action.text()
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(workbench_path) == []
    assert viewer.painted_segment_count() == 0
    assert "Code passage as" in menus.redo_action.text()
    qtbot.keyClick(
        viewer,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert stored(workbench_path) == [("Drones and aerial surveillance", "drones", "Amina Rasheed")]
    assert viewer.painted_segment_count() == 1


def test_overlapping_codings_show_as_stripes_and_lanes(
    window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Mixed scripts at the border")
    actions = bench(window).coding
    select_quote(window, "Checkpoint cameras 📷 watch")
    actions.apply_code(code_id(window, "CCTV"))
    select_quote(window, "cameras 📷 watch the bridge")
    actions.apply_code(code_id(window, "Checkpoints"))
    select_quote(window, "📷")
    actions.apply_code(code_id(window, "Photographs"))
    viewer = bench(window).viewer
    selections = viewer.extraSelections()
    textured = [
        s.cursor.selectedText() for s in selections if not s.format.background().texture().isNull()
    ]
    assert textured == ["cameras ", "📷", " watch"]
    assert sorted(s.lane for s in viewer.visible_stripes()) == [0, 1, 2]
    assert len(stored(workbench_path)) == 3


def test_emoji_and_arabic_selected_by_keyboard_are_stored_exactly(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Mixed scripts at the border")
    viewer = bench(window).viewer
    start = MIXED_TEXT.index("📷")
    viewer.select_span(start, start)
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.selected_text() == "📷"
    bench(window).coding.apply_code(code_id(window, "Photographs"))
    select_quote(window, "الكاميرات")
    bench(window).coding.apply_code(code_id(window, "CCTV"))
    select_quote(window, "天眼系统")
    bench(window).coding.apply_code(code_id(window, "Facial recognition"))
    assert stored(workbench_path) == [
        ("CCTV", "الكاميرات", "Amina Rasheed"),
        ("Facial recognition", "天眼系统", "Amina Rasheed"),
        ("Photographs", "📷", "Amina Rasheed"),
    ]


def test_in_vivo_names_a_new_code_after_the_words_and_undoes_as_one_step(
    window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "thermal sensors along the river.")
    window.menus.in_vivo_action.trigger()
    assert stored(workbench_path) == [
        ("thermal sensors along the river", "thermal sensors along the river.", "Amina Rasheed")
    ]
    assert bench(window).codebook.model.node(code_id(window, "thermal sensors along the river"))
    window.menus.undo_action.trigger()
    assert stored(workbench_path) == []
    assert all(
        n.code.name != "thermal sensors along the river"
        for n in bench(window).codebook.model.nodes()
    )
    window.menus.redo_action.trigger()
    assert len(stored(workbench_path)) == 1


def test_quick_code_palette_finds_a_code_by_fuzzy_typing(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "declined to comment")
    answer_palette(qtbot, "absen safeg")
    window.menus.quick_code_action.trigger()
    assert stored(workbench_path) == [
        ("Absence of safeguards", "declined to comment", "Amina Rasheed")
    ]


def test_quick_code_palette_creates_a_code_that_does_not_exist(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "ministry spokesperson")
    answer_palette(qtbot, "Official statements")
    window.menus.quick_code_action.trigger()
    assert stored(workbench_path) == [
        ("Official statements", "ministry spokesperson", "Amina Rasheed")
    ]


def test_text_dropped_on_a_code_is_coded(window: MainWindow, workbench_path: Path) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "villages")
    model = bench(window).codebook.model
    data = bench(window).viewer.createMimeDataFromSelection()
    target = model.index_of(code_id(window, "General public"))
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, 0, target)
    assert stored(workbench_path) == [("General public", "villages", "Amina Rasheed")]


def coding_menu(window: MainWindow, quote: str) -> QMenu:
    viewer = bench(window).viewer
    start = viewer.current_document.text.index(quote)  # type: ignore[union-attr]
    cursor = QTextCursor(viewer.document())
    cursor.setPosition(start + 1)
    point: QPoint = viewer.cursorRect(cursor).center()
    return viewer.build_context_menu(point)


def menu_action(menu: QMenu, *path: str):  # type: ignore[no-untyped-def]
    for action in menu.actions():
        if action.text() == path[0]:
            return action if len(path) == 1 else menu_action(action.menu(), *path[1:])
    raise AssertionError(f"no {path[0]!r} in {[a.text() for a in menu.actions()]}")


def test_the_context_menu_removes_the_coding_clicked_on(
    window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "Border guards")
    bench(window).coding.apply_code(code_id(window, "Security agents"))
    select_quote(window, "Border guards installed")
    bench(window).coding.apply_code(code_id(window, "Border fences and walls"))
    menu = coding_menu(window, "guards")
    menu_action(
        menu, "Human surveillance networks/Security agents — Amina Rasheed", "Remove this coding"
    ).trigger()
    assert stored(workbench_path) == [
        ("Border fences and walls", "Border guards installed", "Amina Rasheed")
    ]
    assert "Remove coding" in window.menus.undo_action.text()


def test_recoding_keeps_the_span_and_undoes(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "drones")
    bench(window).coding.apply_code(code_id(window, "CCTV"))
    answer_palette(qtbot, "Drones and aerial")
    menu_action(
        coding_menu(window, "drones"), "Video surveillance/CCTV — Amina Rasheed", "Recode as…"
    ).trigger()
    assert stored(workbench_path) == [("Drones and aerial surveillance", "drones", "Amina Rasheed")]
    window.menus.undo_action.trigger()
    assert stored(workbench_path) == [("CCTV", "drones", "Amina Rasheed")]


def test_coding_the_same_passage_twice_is_refused_quietly(
    window: MainWindow, workbench_path: Path, shown_errors: list[Exception]
) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "drones")
    assert bench(window).coding.apply_code(code_id(window, "CCTV"))
    assert not bench(window).coding.apply_code(code_id(window, "CCTV"))
    assert shown_errors == []
    assert "already coded" in window.statusBar().currentMessage()
    assert len(stored(workbench_path)) == 1


def test_hiding_a_coder_hides_their_highlights(window: MainWindow) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "drones")
    bench(window).coding.apply_code(code_id(window, "CCTV"))
    viewer = bench(window).viewer
    assert viewer.painted_segment_count() == 1
    (coder_action,) = window.menus.coders_menu.actions()
    assert coder_action.text() == "Amina Rasheed"
    coder_action.setChecked(False)
    assert viewer.painted_segment_count() == 0
    coder_action.setChecked(True)
    assert viewer.painted_segment_count() == 1


def test_hiding_a_code_in_the_codebook_hides_its_highlights(window: MainWindow) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "drones")
    bench(window).coding.apply_code(code_id(window, "CCTV"))
    model = bench(window).codebook.model
    from annotator.ui.codebook_model import SHOWN

    shown = model.index_of(code_id(window, "CCTV"), SHOWN)
    assert model.setData(shown, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert bench(window).viewer.painted_segment_count() == 0
    bench(window).codebook.show_all()
    assert bench(window).viewer.painted_segment_count() == 1
