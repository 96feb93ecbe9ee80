"""The main window: quit and relaunch, bad files, menus, read-only projects, copies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core import codebook, coders, errors, events, excerpts, user_settings
from annotator.core.project import open_project
from annotator.core.project_memo import project_memo
from annotator.ui import messages
from annotator.ui.code_dialogs import TextDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import WindowSettings
from tests.ui.conftest import bench, select_quote, show_document


def test_quitting_and_relaunching_shows_the_same_codings_layout_and_document(
    qtbot: QtBot, make_window: Callable[[], MainWindow], workbench_path: Path
) -> None:
    first = make_window()
    assert first.open_project(workbench_path)
    show_document(first, "Sensors on the river")
    select_quote(first, "drones")
    assert first.project is not None
    bench(first).coding.apply_code(codebook.find_code(first.project, "CCTV").id)
    first.resize(780, 560)  # inside the offscreen screen, which restoring clamps to
    qtbot.waitUntil(lambda: bench(first).width() == 780)
    bench(first).setSizes([200, 380, 200])
    sizes = bench(first).sizes()
    first.zoom(3)
    assert first.close()

    second = make_window()
    last = WindowSettings().last_project()
    assert last == workbench_path.resolve()
    assert second.open_project(last)
    viewer = bench(second).viewer
    assert viewer.current_document is not None
    assert viewer.current_document.title == "Sensors on the river"
    assert [viewer.quote(c) for c in viewer.shown_codings] == ["drones"]
    assert viewer.painted_segment_count() == 1
    qtbot.waitUntil(lambda: bench(second).width() == 780)
    assert bench(second).sizes() == sizes
    assert viewer.font_size() == WindowSettings().font_size == 15
    assert (second.width(), second.height()) == (780, 560)


def test_a_file_that_is_not_a_project_gets_a_clear_message(
    tmp_path: Path, make_window: Callable[[], MainWindow], shown_errors: list[Exception]
) -> None:
    bogus = tmp_path / "notes.annotator"
    bogus.write_bytes(b"these are my notes, not a database" * 10)
    window = make_window()
    assert not window.open_project(bogus)
    (error,) = shown_errors
    assert isinstance(error, errors.NotAProject)
    text = messages.describe(error)
    assert "notes.annotator" in text
    assert "not changed" in text
    assert window.workbench is None
    assert window.stack.currentWidget() is window.welcome
    assert bogus.read_bytes().startswith(b"these are my notes")


def test_the_welcome_page_starts_the_sample_project(
    make_window: Callable[[], MainWindow], identity: user_settings.CoderIdentity
) -> None:
    window = make_window()
    assert window.stack.currentWidget() is window.welcome
    window.welcome.sample_button.click()
    assert window.project is not None and window.workbench is not None
    assert window.stack.currentWidget() is window.workbench


def test_closing_keeps_everything_without_asking(window: MainWindow, workbench_path: Path) -> None:
    show_document(window, "Sensors on the river")
    details = bench(window).details
    details.setCurrentIndex(1)
    details.document_memo.setPlainText("Check the contract date with the ministry.")
    assert window.close()  # no question: a memo being typed is saved too
    with open_project(workbench_path, read_only=True) as project:
        memos = {d.title: d.memo for d in (project and _documents(project))}
    assert memos["Sensors on the river"] == "Check the contract date with the ministry."


def _documents(project):  # type: ignore[no-untyped-def]
    from annotator.core.documents import get_document, list_documents

    return [get_document(project, s.id) for s in list_documents(project)]


def test_file_menu_entries_follow_the_open_project(window: MainWindow) -> None:
    menus = window.menus
    assert menus.merge_action.isEnabled()
    assert menus.import_action.isEnabled()
    assert menus.export_action.isEnabled()
    titles = [a.text() for a in menus.file_menu.actions()]
    assert "&Import documents…" in titles
    assert "Save a &copy…" in titles
    assert "Restore from &backup…" in titles
    assert "Share a re&dacted copy…" in titles
    assert menus.file.encrypt_action.isEnabled()  # a plain project can be encrypted
    assert not menus.file.decrypt_action.isEnabled()
    window.close_project()
    assert not menus.import_action.isEnabled()
    assert not menus.file.restore_action.isEnabled()


def test_help_lists_every_shortcut_from_the_live_actions(window: MainWindow) -> None:
    dialog = window.menus.shortcuts_dialog()
    keys = {
        dialog.table.item(r, 2).text(): dialog.table.item(r, 1).text().split(", ")
        for r in range(dialog.table.rowCount())
    }
    assert keys["Quick code"] == ["Ctrl+K"]
    assert keys["Code in vivo"] == ["Ctrl+I"]
    assert keys["Undo"][0] == "Ctrl+Z"
    assert keys["Rename"] == ["F2"]
    assert keys["Go to text"] == ["Ctrl+2"]
    dialog.deleteLater()


def test_the_main_widgets_have_accessible_names(window: MainWindow) -> None:
    b = bench(window)
    names = {
        b.documents.table.accessibleName(),
        b.documents.filter_edit.accessibleName(),
        b.viewer.accessibleName(),
        b.viewer.margin.accessibleName(),
        b.codebook.tree.accessibleName(),
        b.details.accessibleName(),
        b.details.document_memo.accessibleName(),
    }
    assert names == {
        "Documents",
        "Filter documents",
        "Document text",
        "Coding stripes",
        "Codebook",
        "Details",
        "Document memo",
    }


def test_zoom_keys_change_the_text_size_and_it_is_remembered(
    qtbot: QtBot, window: MainWindow
) -> None:
    viewer = bench(window).viewer
    before = viewer.font_size()
    window.menus.zoom_in_action.trigger()
    window.menus.zoom_in_action.trigger()
    assert viewer.font_size() == before + 2
    window.menus.zoom_out_action.trigger()
    assert WindowSettings().font_size == before + 1


def test_a_project_in_a_read_only_place_opens_read_only_with_a_banner(
    monkeypatch: pytest.MonkeyPatch,
    make_window: Callable[[], MainWindow],
    workbench_path: Path,
) -> None:
    monkeypatch.setattr("annotator.core.read_only._writable", lambda _path: False)
    window = make_window()
    assert window.open_project(workbench_path)
    assert window.banner.isVisible()
    assert "write-protected" in window.banner.text()
    assert "(read-only)" in window.windowTitle()
    assert not window.menus.quick_code_action.isEnabled()
    assert window.menus.save_copy_action.isEnabled()
    b = bench(window)
    assert not b.codebook.delete_action.isEnabled()
    assert b.details.fields["title"].isReadOnly()
    select_quote(window, "drones" if "drones" in b.viewer.current_document.text else "📷")  # type: ignore[union-attr]
    assert not b.coding.apply_code(b.codebook.model.nodes()[1].code.id)
    assert "read-only" in window.statusBar().currentMessage()


def test_save_a_copy_writes_a_project_that_opens_with_the_same_codings(
    tmp_path: Path, window: MainWindow
) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "villages")
    assert window.project is not None
    bench(window).coding.apply_code(codebook.find_code(window.project, "General public").id)
    target = tmp_path / "for partners.annotator"
    assert window.save_copy(target)
    with open_project(target, read_only=True) as copy:
        assert [e.quote for e in excerpts.excerpts(copy)] == ["villages"]


def test_save_a_copy_over_the_open_project_is_refused(
    window: MainWindow, shown_errors: list[Exception]
) -> None:
    assert window.project is not None
    path = window.project.path
    assert not window.save_copy(path)
    (error,) = shown_errors
    assert messages.describe(error).startswith(f"Did not write “{path}”: it is the open project")
    assert window.project.conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    with open_project(path, read_only=True) as again:
        assert excerpts.excerpts(again) == excerpts.excerpts(window.project)


def test_new_project_opens_empty_with_the_default_codebook(
    tmp_path: Path, window: MainWindow
) -> None:
    assert window.create_project(tmp_path / "fresh")
    assert window.project is not None
    assert window.project.path.name == "fresh.annotator"
    assert bench(window).documents.model.rowCount() == 0
    assert bench(window).viewer.current_document is None
    assert len(bench(window).codebook.model.nodes()) > 50
    assert WindowSettings().last_project() == (tmp_path / "fresh.annotator").resolve()


def test_recent_projects_are_listed(
    tmp_path: Path, window: MainWindow, workbench_path: Path
) -> None:
    window.create_project(tmp_path / "second")
    window.menus.file.fill_recent()
    labels = [a.text() for a in window.menus.file.recent_menu.actions()]
    assert labels[0].startswith("second")
    assert labels[1].startswith("workbench")


def write_project_memo(monkeypatch: pytest.MonkeyPatch, window: MainWindow, text: str) -> None:
    """Edit › Project memo…, the researcher typing `text` and pressing OK."""
    monkeypatch.setattr(TextDialog, "exec", lambda dialog: dialog.editor.setPlainText(text) or 1)
    window.menus.project_memo_action.trigger()


def test_project_memo_is_kept_in_the_project(
    window: MainWindow, workbench_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_project_memo(monkeypatch, window, "Research question: who supplies the cameras?")
    assert window.close()
    with open_project(workbench_path, read_only=True) as project:
        assert project_memo(project) == "Research question: who supplies the cameras?"
        (event,) = events.history(project, action="project memo edited")
        assert event.details["after"] == "Research question: who supplies the cameras?"


def test_editing_the_project_memo_can_be_undone(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_project_memo(monkeypatch, window, "First question")
    write_project_memo(monkeypatch, window, "Second question")
    assert "Edit project memo" in window.menus.undo_action.text()
    window.menus.undo_action.trigger()
    assert window.project is not None
    assert project_memo(window.project) == "First question"
    window.menus.redo_action.trigger()
    assert project_memo(window.project) == "Second question"
    write_project_memo(monkeypatch, window, "Second question")  # unchanged: no new step
    window.menus.undo_action.trigger()
    assert project_memo(window.project) == "First question"


def test_renaming_yourself_keeps_your_codings_yours(
    window: MainWindow, workbench_path: Path, identity: user_settings.CoderIdentity
) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "drones")
    assert window.project is not None
    bench(window).coding.apply_code(codebook.find_code(window.project, "CCTV").id)
    window.apply_preferences("Amina R.", 13)
    assert window.coder_label.text() == "Coding as Amina R."
    assert user_settings.configured_coder().id == identity.id  # type: ignore[union-attr]
    assert window.close()
    with open_project(workbench_path, read_only=True) as project:
        assert [c.name for c in coders.list_coders(project)] == ["Amina R."]
        assert [e.coder_name for e in excerpts.excerpts(project)] == ["Amina R."]


def test_keyboard_moves_between_panes_and_documents(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert bench(window).codebook.tree.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert bench(window).documents.filter_edit.hasFocus()
    titles = []
    for _ in range(2):
        window.menus.next_action.trigger()
        titles.append(bench(window).viewer.current_document.title)  # type: ignore[union-attr]
    window.menus.previous_action.trigger()
    titles.append(bench(window).viewer.current_document.title)  # type: ignore[union-attr]
    assert titles == ["Mixed scripts at the border"] * 2 + ["Sensors on the river"]
