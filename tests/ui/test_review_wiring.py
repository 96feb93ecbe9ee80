"""The review area in the real window: search, find, auto-code, excerpts, overviews,
agreement; each opens passages in the viewer and follows the researcher's codings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core import codebook, coders, coding, documents, excerpts
from annotator.core.project import open_project
from annotator.core.selection import Selection
from annotator.ui.agreement_view import AgreementView
from annotator.ui.autocode_dialog import AutocodeDialog
from annotator.ui.excerpts_view import ExcerptsView
from annotator.ui.main_window import MainWindow
from annotator.ui.overviews import OverviewsView
from annotator.ui.search_panel import SearchPanel
from annotator.ui.tick_lists import ID_ROLE
from tests.ui.conftest import bench, select_quote, show_document

# the offscreen platform says this of every dialog shown on top of the window
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def _code_id(window: MainWindow, name: str) -> str:
    assert window.project is not None
    return codebook.find_code(window.project, name).id


def _search(qtbot: QtBot, window: MainWindow, query: str) -> SearchPanel:
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.review.view("search")
    assert isinstance(panel, SearchPanel)
    assert window.review["search"].isVisible()
    qtbot.waitUntil(panel.query.hasFocus)
    panel.query.clear()
    qtbot.keyClicks(panel.query, query)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    return panel


def test_a_search_result_opens_its_document_with_the_match_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_document(window, "Mixed scripts at the border")
    panel = _search(qtbot, window, "drones")
    assert panel.model.rowCount() == 1
    index = panel.model.index(0, 2)
    qtbot.mouseClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(index).center()
    )
    viewer = bench(window).viewer
    assert viewer.current_document is not None
    assert viewer.current_document.title == "Sensors on the river"
    assert viewer.selected_text() == "drones"
    assert bench(window).documents.current_document_id() == viewer.current_document.id


def test_a_search_hit_after_an_emoji_selects_the_right_characters(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = _search(qtbot, window, "bridge")
    panel.view.activated.emit(panel.model.index(0, 0))
    viewer = bench(window).viewer
    assert viewer.current_document is not None
    assert viewer.current_document.title == "Mixed scripts at the border"
    assert viewer.selected_text() == "bridge"  # the 📷 before it is two UTF-16 units


def test_selected_words_become_the_search(qtbot: QtBot, window: MainWindow) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "thermal sensors")
    window.menus.review.search_action.trigger()
    panel = window.review.view("search")
    assert isinstance(panel, SearchPanel)
    assert panel.query.text() == "thermal sensors"


def test_ctrl_f_opens_the_find_bar_over_the_text_from_anywhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_document(window, "Sensors on the river")
    window.activateWindow()
    bench(window).documents.table.setFocus()
    find_bar = bench(window).find_bar
    assert not find_bar.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert find_bar.isVisible() and find_bar.field.hasFocus()
    qtbot.keyClicks(find_bar.field, "the")
    qtbot.keyClick(find_bar.field, Qt.Key.Key_Return)
    assert bench(window).viewer.selected_text().lower() == "the"
    qtbot.keyClick(find_bar.field, Qt.Key.Key_Escape)
    assert not find_bar.isVisible() and bench(window).viewer.hasFocus()


def _answer_autocode(qtbot: QtBot, code_id: str, seen: dict[str, object]) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AutocodeDialog):
            QTimer.singleShot(10, answer)
            return
        seen["query"] = dialog.query.text()
        dialog.code.setCurrentIndex(dialog.code.findData(code_id))
        dialog.preview_button.click()
        seen["passages"] = len(dialog.model.passages)
        dialog.ok_button.click()

    QTimer.singleShot(0, answer)


def test_auto_code_from_the_codes_menu_codes_every_match_and_one_undo_removes_them(
    qtbot: QtBot, window: MainWindow, workbench_path: Path
) -> None:
    _search(qtbot, window, "the")
    code_id = _code_id(window, "CCTV")
    seen: dict[str, object] = {}
    _answer_autocode(qtbot, code_id, seen)
    assert window.menus.review.autocode_action in window.menus.codes_menu.actions()
    window.menus.review.autocode_action.trigger()
    assert seen["query"] == "the"
    assert window.project is not None
    coded = excerpts.excerpts(window.project, Selection(code_ids=[code_id]))
    assert len(coded) == seen["passages"] and len(coded) >= 3
    assert bench(window).codebook.model.count(code_id) == len(coded)
    window.menus.undo_action.trigger()
    assert excerpts.excerpts(window.project, Selection(code_ids=[code_id])) == []
    assert bench(window).codebook.model.count(code_id) == 0
    window.menus.redo_action.trigger()
    assert len(excerpts.excerpts(window.project, Selection(code_ids=[code_id]))) == len(coded)


def test_the_search_panels_code_all_matches_opens_auto_code_with_its_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = _search(qtbot, window, "cameras")
    seen: dict[str, object] = {}
    _answer_autocode(qtbot, _code_id(window, "CCTV"), seen)
    panel.autocode_button.click()
    assert seen["query"] == "cameras"
    assert window.project is not None
    quotes = [e.quote for e in excerpts.excerpts(window.project)]
    assert quotes == ["cameras"] * int(seen["passages"])  # type: ignore[call-overload]


def _excerpts(window: MainWindow) -> ExcerptsView:
    window.menus.review.excerpts_action.trigger()
    view = window.review.view("excerpts")
    assert isinstance(view, ExcerptsView)
    return view


def test_an_open_excerpts_view_shows_a_coding_made_in_the_viewer(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = _excerpts(window)
    code_id = _code_id(window, "CCTV")
    view.show_selection(Selection(code_ids=(code_id,)))
    assert view.model.total == 0
    show_document(window, "Sensors on the river")
    select_quote(window, "thermal sensors")
    bench(window).coding.apply_code(code_id)
    qtbot.waitUntil(lambda: view.model.total == 1)
    assert view.model.excerpt(0).quote == "thermal sensors"
    window.menus.undo_action.trigger()
    qtbot.waitUntil(lambda: view.model.total == 0)


def test_a_hidden_view_waits_until_it_is_shown_to_catch_up(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = _excerpts(window)
    code_id = _code_id(window, "CCTV")
    view.show_selection(Selection(code_ids=(code_id,)))
    dock = window.review["excerpts"]
    dock.hide()
    show_document(window, "Sensors on the river")
    select_quote(window, "drones")
    bench(window).coding.apply_code(code_id)
    assert dock.stale and view.model.total == 0  # nothing re-read while hidden
    window.menus.review.excerpts_action.trigger()
    qtbot.waitUntil(lambda: view.model.total == 1)
    assert not dock.stale


def test_an_excerpt_opens_at_its_place(qtbot: QtBot, window: MainWindow) -> None:
    show_document(window, "Mixed scripts at the border")
    select_quote(window, "天眼系统")
    code_id = _code_id(window, "CCTV")
    bench(window).coding.apply_code(code_id)
    show_document(window, "Sensors on the river")
    view = _excerpts(window)
    view.show_selection(Selection(code_ids=(code_id,)))
    view.view.activated.emit(view.model.index(0, 0))
    viewer = bench(window).viewer
    assert viewer.current_document is not None
    assert viewer.current_document.title == "Mixed scripts at the border"
    assert viewer.selected_text() == "天眼系统"


def test_overviews_open_count_the_codings_and_a_bar_lists_its_excerpts(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_document(window, "Sensors on the river")
    select_quote(window, "drones")
    code_id = _code_id(window, "CCTV")
    bench(window).coding.apply_code(code_id)
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    view = window.review.view("overviews")
    assert isinstance(view, OverviewsView)
    assert window.review["overviews"].isVisible()
    counts = {f.code.id: f.codings for f in view.frequencies.shown()}
    assert counts[code_id] == 1
    assert view.matrix.matrix.counts == [[1]]
    select_quote(window, "villages")
    bench(window).coding.apply_code(code_id)
    qtbot.waitUntil(lambda: view.matrix.matrix.counts == [[2]])
    bar = [f.code.id for f in view.frequencies.shown()].index(code_id)
    view.frequencies.bars.bar_clicked.emit(bar)  # a click on the CCTV bar
    listing = window.review.view("excerpts")
    assert isinstance(listing, ExcerptsView) and window.review["excerpts"].isVisible()
    quotes = [listing.model.excerpt(row).quote for row in range(listing.model.rowCount())]
    assert sorted(quotes) == ["drones", "villages"]


@pytest.fixture
def two_coders(workbench_path: Path) -> Path:
    """The workbench project where a second coder coded one passage differently."""
    with open_project(workbench_path) as project:
        amina = coders.find_coder(project, "Amina Rasheed")
        omar = coders.add_coder(project, "Omar Haddad")
        document = documents.find_document(project, "Sensors on the river")
        code_id = codebook.find_code(project, "CCTV").id
        start = document.text.index("drones")
        coding.add_coding(project, document.id, code_id, start, start + 6, amina.id)
        for coder in (amina, omar):
            coders.set_finished(project, document.id, coder.id, True)
    return workbench_path


def test_agreement_opens_and_a_disagreement_opens_with_every_coder_shown(
    qtbot: QtBot, make_window: Callable[[], MainWindow], two_coders: Path
) -> None:
    window = make_window()
    assert window.open_project(two_coders)
    assert window.project is not None
    omar = coders.find_coder(window.project, "Omar Haddad")
    bench(window).viewer.set_hidden(coders_=frozenset({omar.id}))
    window.menus.review.agreement_action.trigger()
    view = window.review.view("agreement")
    assert isinstance(view, AgreementView)
    ids = [view.picker.coders.item(i).data(ID_ROLE) for i in range(view.picker.coders.count())]
    view.picker.tick_exactly("coders", ids)
    assert view.report is not None and len(view.report.disagreements) == 1
    view.disagreements.itemClicked.emit(view.disagreements.item(0, 0))
    viewer = bench(window).viewer
    assert viewer.current_document is not None
    assert viewer.current_document.title == "Sensors on the river"
    assert viewer.selected_text() == "drones"
    assert viewer.hidden_coders == frozenset()


def test_agreement_keeps_its_ticks_when_a_coder_is_renamed(
    qtbot: QtBot, make_window: Callable[[], MainWindow], two_coders: Path
) -> None:
    window = make_window()
    assert window.open_project(two_coders)
    window.menus.review.agreement_action.trigger()
    view = window.review.view("agreement")
    assert isinstance(view, AgreementView)
    ids = [view.picker.coders.item(i).data(ID_ROLE) for i in range(view.picker.coders.count())]
    view.picker.tick_exactly("coders", ids)
    assert window.project is not None and window.session is not None
    omar = coders.find_coder(window.project, "Omar Haddad")
    window.session.run(lambda p: coders.rename_coder(p, omar.id, "Omar H."))
    qtbot.waitUntil(lambda: window.review.view("agreement") is not view)
    fresh = window.review.view("agreement")
    assert isinstance(fresh, AgreementView)
    names = sorted(fresh.picker.coders.item(i).text() for i in range(fresh.picker.coders.count()))
    assert names == ["Amina Rasheed", "Omar H."]
    assert fresh.report is not None  # the two ticked coders are still compared


def test_docks_shown_at_quit_come_back_in_their_place(
    qtbot: QtBot, make_window: Callable[[], MainWindow], workbench_path: Path
) -> None:
    first = make_window()
    assert first.open_project(workbench_path)
    first.menus.review.overviews_action.trigger()
    first.removeDockWidget(first.review["overviews"])
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, first.review["overviews"])
    first.review["overviews"].show()
    assert first.close()

    second = make_window()
    assert second.open_project(workbench_path)
    dock = second.review["overviews"]
    assert second.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    qtbot.waitUntil(lambda: isinstance(second.review.view("overviews"), OverviewsView))
    assert not second.review["search"].isVisible()


def test_help_lists_the_review_shortcuts(window: MainWindow) -> None:
    dialog = window.menus.shortcuts_dialog()
    rows = {
        dialog.table.item(r, 2).text(): (
            dialog.table.item(r, 0).text(),
            dialog.table.item(r, 1).text(),
        )
        for r in range(dialog.table.rowCount())
    }
    assert rows["Search all documents"] == ("Review", "Ctrl+Shift+F")
    assert rows["Excerpts by code"] == ("Review", "Ctrl+Shift+E")
    assert rows["Agreement between coders"] == ("Review", "Ctrl+Shift+A")
    assert rows["Find in document"] == ("Edit", "Ctrl+F")
    assert rows["Auto-code all matches of a search"] == ("Codes", "Ctrl+Shift+K")
    assert rows["Document finished"] == ("Edit", "Ctrl+Shift+D")
    dialog.deleteLater()


def test_without_a_project_the_docks_say_what_they_are_for(window: MainWindow) -> None:
    window.menus.review.search_action.trigger()
    assert isinstance(window.review.view("search"), SearchPanel)
    window.close_project()
    dock = window.review["search"]
    assert window.review.view("search") is None
    assert "Open a project to search" in dock.widget().text()  # type: ignore[attr-defined]


def test_a_run_of_codings_recounts_a_shown_overview_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.menus.review.overviews_action.trigger()
    view = window.review.view("overviews")
    assert isinstance(view, OverviewsView)
    recounts: list[int] = []
    real = OverviewsView.refresh
    monkeypatch.setattr(OverviewsView, "refresh", lambda self: recounts.append(1) or real(self))
    show_document(window, "Sensors on the river")
    code_id = _code_id(window, "CCTV")
    for quote in ("thermal sensors", "drones", "villages"):
        select_quote(window, quote)
        bench(window).coding.apply_code(code_id)
    assert recounts == []  # coding did not wait for the charts
    qtbot.waitUntil(lambda: view.matrix.matrix.counts == [[3]])
    assert recounts == [1]
