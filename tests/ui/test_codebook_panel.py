"""The codebook panel: create, rename, recolour, key, nest by drag and drop, merge, delete."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core import codebook, errors, excerpts
from annotator.core.codebook_edits import CodingsPolicy
from annotator.core.project import open_project
from annotator.ui.code_dialogs import DeleteCodeDialog, ShortcutDialog
from annotator.ui.codebook_model import COUNT, KEY, NAME
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import bench, select_quote, show_document


def code_id(window: MainWindow, name: str) -> str:
    assert window.project is not None
    return codebook.find_code(window.project, name).id


def stored_code(path: Path, name: str) -> tuple[str, str | None, str]:
    """(path, parent name, colour) of a code, read afresh from the file."""
    with open_project(path, read_only=True) as project:
        code = codebook.find_code(project, name)
        parent = codebook.get_code(project, code.parent_id).name if code.parent_id else None
        return codebook.code_path(project, code.id), parent, code.color


def test_dragging_a_code_onto_another_nests_it_and_undo_puts_it_back(
    window: MainWindow, workbench_path: Path
) -> None:
    model = bench(window).codebook.model
    dragged = model.index_of(code_id(window, "Fingerprints"))
    data = model.mimeData([dragged])
    target = model.index_of(code_id(window, "CCTV"))
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    assert stored_code(workbench_path, "Fingerprints")[:2] == (
        "Video surveillance/CCTV/Fingerprints",
        "CCTV",
    )
    moved = model.index_of(code_id(window, "Fingerprints"))
    assert model.code_id(moved.parent()) == code_id(window, "CCTV")
    assert "Move code Fingerprints" in window.menus.undo_action.text()
    window.menus.undo_action.trigger()
    assert stored_code(workbench_path, "Fingerprints")[1] == "Biometric collection"


def test_dropping_between_codes_reorders_them(window: MainWindow, workbench_path: Path) -> None:
    model = bench(window).codebook.model
    legal = code_id(window, "Legal basis and oversight")
    data = model.mimeData([model.index_of(legal)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1))
    assert model.nodes()[0].code.id == legal
    with open_project(workbench_path, read_only=True) as project:
        assert codebook.codebook_tree(project)[0].code.name == "Legal basis and oversight"


def test_a_code_cannot_be_dropped_into_its_own_branch(window: MainWindow) -> None:
    model = bench(window).codebook.model
    data = model.mimeData([model.index_of(code_id(window, "Biometric collection"))])
    below = model.index_of(code_id(window, "Iris scans"))
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, below)


def test_new_codes_get_a_distinct_colour_and_are_selected(window: MainWindow) -> None:
    panel = bench(window).codebook
    new = panel.create_code("Predictive policing", parent_id=code_id(window, "Video surveillance"))
    assert new is not None
    assert panel.current_code_id() == new
    assert panel.model.node(new).path == "Video surveillance/Predictive policing"  # type: ignore[union-attr]
    window.menus.undo_action.trigger()
    assert panel.model.node(new) is None


def test_renaming_in_place_is_saved_and_a_taken_name_is_refused(
    window: MainWindow, workbench_path: Path, shown_errors: list[Exception]
) -> None:
    model = bench(window).codebook.model
    index = model.index_of(code_id(window, "CCTV"))
    assert model.setData(index, "Street cameras", Qt.ItemDataRole.EditRole)
    assert stored_code(workbench_path, "Street cameras")[0] == "Video surveillance/Street cameras"
    index = model.index_of(code_id(window, "Street cameras"))
    assert not model.setData(index, "facial RECOGNITION", Qt.ItemDataRole.EditRole)
    (error,) = shown_errors
    assert isinstance(error, errors.DuplicateCodeName)


def test_recolour_definition_and_memo_show_in_the_tree(
    window: MainWindow, workbench_path: Path
) -> None:
    panel = bench(window).codebook
    cctv = code_id(window, "CCTV")
    assert panel.edit_code(cctv, color="#123456")
    assert panel.edit_code(cctv, definition="Fixed cameras filming public space.")
    assert stored_code(workbench_path, "CCTV")[2] == "#123456"
    index = panel.model.index_of(cctv)
    assert index.data(Qt.ItemDataRole.DecorationRole).name().upper() == "#123456"
    assert "Fixed cameras filming public space." in index.data(Qt.ItemDataRole.ToolTipRole)


def test_a_key_of_ones_own_codes_the_selection(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    panel = bench(window).codebook
    dialog = ShortcutDialog("Informants", "", window)
    dialog.editor.setKeySequence("Ctrl+Shift+J")
    keys = dialog.keys()
    assert keys == "Ctrl+Shift+J"
    informants = code_id(window, "Informants")
    assert panel.edit_code(informants, shortcut=keys)
    assert panel.model.index_of(informants, KEY).data() == "Ctrl+Shift+J"
    show_document(window, "Sensors on the river")
    select_quote(window, "Residents")
    viewer = bench(window).viewer
    viewer.setFocus()
    qtbot.keyClick(
        viewer,
        Qt.Key.Key_J,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    with open_project(workbench_path, read_only=True) as project:
        assert [(e.code_name, e.quote) for e in excerpts.excerpts(project)] == [
            ("Informants", "Residents")
        ]


def test_counts_follow_coding_and_merging_moves_the_codings(
    window: MainWindow, workbench_path: Path
) -> None:
    panel = bench(window).codebook
    cctv, drones = code_id(window, "CCTV"), code_id(window, "Drones and aerial surveillance")
    show_document(window, "Sensors on the river")
    select_quote(window, "drones")
    bench(window).coding.apply_code(cctv)
    assert panel.model.index_of(cctv, COUNT).data() == 1
    assert panel.merge(cctv, drones)
    assert panel.model.node(cctv) is None
    assert panel.model.index_of(drones, COUNT).data() == 1
    assert [c.code_id for c in bench(window).viewer.shown_codings] == [drones]
    window.menus.undo_action.trigger()
    assert panel.model.index_of(cctv, COUNT).data() == 1


def test_deleting_asks_what_happens_to_the_codings(
    window: MainWindow, workbench_path: Path
) -> None:
    child = DeleteCodeDialog("CCTV", codings=3, sub_codes=0, parent_name="Video surveillance")
    assert child.policy() is CodingsPolicy.MOVE_TO_PARENT
    child.delete_codings.setChecked(True)
    assert child.policy() is CodingsPolicy.DELETE
    top = DeleteCodeDialog("Video surveillance", codings=3, sub_codes=6, parent_name=None)
    assert not top.move_codings.isEnabled()
    assert top.policy() is CodingsPolicy.DELETE
    for dialog in (child, top):
        dialog.deleteLater()

    panel = bench(window).codebook
    show_document(window, "Sensors on the river")
    select_quote(window, "thermal sensors")
    bench(window).coding.apply_code(code_id(window, "CCTV"))
    assert panel.delete(code_id(window, "CCTV"), CodingsPolicy.MOVE_TO_PARENT)
    with open_project(workbench_path, read_only=True) as project:
        assert [e.code_name for e in excerpts.excerpts(project)] == ["Video surveillance"]


def test_reordering_and_lifting_codes_with_the_keyboard(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    panel = bench(window).codebook
    panel.select_code(code_id(window, "Facial recognition"))
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    siblings = panel.model.siblings(code_id(window, "Video surveillance"))
    assert siblings[0] == code_id(window, "Facial recognition")
    assert panel.current_code_id() == code_id(window, "Facial recognition")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert stored_code(workbench_path, "Facial recognition")[1] is None
    top = [n.code.name for n in panel.model.nodes() if n.depth == 0]
    assert top[:2] == ["Video surveillance", "Facial recognition"]
    qtbot.keyClick(panel.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert stored_code(workbench_path, "Facial recognition")[1] == "Video surveillance"
    assert panel.current_code_id() == code_id(window, "Facial recognition")


def test_enter_on_a_code_codes_the_selection(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "contract")
    panel = bench(window).codebook
    panel.select_code(code_id(window, "Vendors and contractors"))
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    with open_project(workbench_path, read_only=True) as project:
        assert [e.code_name for e in excerpts.excerpts(project)] == ["Vendors and contractors"]
    assert panel.model.index_of(code_id(window, "Vendors and contractors"), NAME).isValid()


def test_show_only_one_code_hides_the_others(window: MainWindow) -> None:
    show_document(window, "Sensors on the river")
    actions = bench(window).coding
    select_quote(window, "drones")
    actions.apply_code(code_id(window, "Drones and aerial surveillance"))
    select_quote(window, "villages")
    actions.apply_code(code_id(window, "General public"))
    panel = bench(window).codebook
    panel.select_code(code_id(window, "Video surveillance"))
    panel.show_only_action.trigger()
    viewer = bench(window).viewer
    assert [viewer.quote(c) for c in viewer.shown_codings] == ["drones"]
