"""Help › User guide: the shipped Markdown guide, readable offline, opened at a section."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from annotator.core import resources
from annotator.core.project import Project
from annotator.ui import guide_window
from annotator.ui.agreement_view import AgreementView
from annotator.ui.guide_links import (
    AGREEMENT,
    IMPORT_CLEAN_UP,
    MERGE_CONFLICTS,
    SECTIONS,
    what_is_this_link,
)
from annotator.ui.guide_window import IMAGE_WIDTH, GuideWindow, slug, split_section
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.merge_dialog import MergeDialog
from annotator.ui.sizing import pin_minimum_size

GUIDE = resources.guide_path().parent


@pytest.fixture
def guide(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> GuideWindow:
    monkeypatch.setattr(GuideWindow, "_shared", None)  # the last test's awaits deletion
    window = GuideWindow.open()
    qtbot.addWidget(window)
    return window


def page_of(window: GuideWindow) -> str:
    return Path(window.browser.source().toLocalFile()).name


def test_slugs_are_the_anchors_a_code_hosting_site_gives_headings() -> None:
    assert slug("Hashes: what they prove") == "hashes-what-they-prove"
    assert slug("The clean-up preview: what will be dropped") == (
        "the-clean-up-preview-what-will-be-dropped"
    )
    assert slug("A project for a partner using another tool (.qdpx)") == (
        "a-project-for-a-partner-using-another-tool-qdpx"
    )
    assert slug("Codes × documents") == "codes--documents"
    assert slug("Café: Ümlaut") == "café-ümlaut"
    assert split_section("importing#duplicates") == ("importing.md", "duplicates")
    assert split_section("") == ("README.md", "")


def test_the_guide_opens_on_its_contents(guide: GuideWindow) -> None:
    assert page_of(guide) == "README.md"
    assert "Annotator user guide" in guide.windowTitle()
    assert "Getting started" in guide.browser.toPlainText()
    assert not guide.back_button.isEnabled()


def test_a_section_opens_its_page_scrolled_to_the_heading(qtbot: QtBot, guide: GuideWindow) -> None:
    guide.resize(700, 400)
    assert guide.show_section(IMPORT_CLEAN_UP)
    assert page_of(guide) == "importing.md"
    assert "the-clean-up-preview-what-will-be-dropped" in guide.browser.anchors
    qtbot.waitUntil(lambda: guide.browser.verticalScrollBar().value() > 0)
    top = guide.browser.cursorForPosition(guide.browser.viewport().rect().topLeft())
    assert "clean-up preview" in top.block().text().lower() or (
        "what will be dropped" in top.block().next().text().lower()
    )


def test_every_page_shows_in_the_app_with_the_anchors_its_links_name(qtbot: QtBot) -> None:
    window = GuideWindow()
    qtbot.addWidget(window)
    for page in sorted(GUIDE.glob("*.md")):
        assert window.show_section(page.name)
        assert page_of(window) == page.name
        assert window.browser.anchors, page.name
        assert window.browser.toPlainText().strip()
    for section in SECTIONS:
        window.show_section(section)
        assert split_section(section)[1] in window.browser.anchors


def test_links_go_to_other_pages_and_back_keeps_the_anchors(guide: GuideWindow) -> None:
    guide.browser.follow(QUrl("coding-and-memos.md#marking-a-document-finished"))
    assert page_of(guide) == "coding-and-memos.md"
    assert guide.back_button.isEnabled()
    guide.browser.follow(QUrl("../methods.md#intercoder-agreement"))
    assert page_of(guide) == "methods.md"
    assert "intercoder-agreement" in guide.browser.anchors
    guide.back_button.click()
    assert page_of(guide) == "coding-and-memos.md"
    assert "marking-a-document-finished" in guide.browser.anchors
    guide.contents_button.click()
    assert page_of(guide) == "README.md"


def test_web_links_go_to_the_browser_and_never_load_here(
    guide: GuideWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    guide.browser.follow(QUrl("https://www.qdasoftware.org/"))
    assert [u.toString() for u in opened] == ["https://www.qdasoftware.org/"]
    assert page_of(guide) == "README.md"
    guide.browser.follow(QUrl("missing-page.md"))
    assert page_of(guide) == "README.md"


def test_screenshots_are_shown_scaled_to_the_window(guide: GuideWindow) -> None:
    guide.show_section("getting-started.md")
    document = guide.browser.document()
    widths = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            shape = fragments.fragment().charFormat()
            if shape.isImageFormat():
                widths.append(shape.toImageFormat().width())
            fragments += 1
        block = block.next()
    assert widths
    assert max(widths) <= IMAGE_WIDTH
    assert IMAGE_WIDTH in widths  # the 1400-pixel window screenshot, scaled down


def test_find_in_the_page(guide: GuideWindow) -> None:
    guide.find_edit.setText("afternoon")
    assert guide.find_next()
    assert guide.browser.textCursor().selectedText().lower() == "afternoon"
    guide.find_edit.setText("no such words anywhere")
    assert not guide.find_next()


def test_one_guide_window_is_reused(guide: GuideWindow) -> None:
    again = GuideWindow.open("codebook.md")
    assert again is guide
    assert page_of(guide) == "codebook.md"


def test_a_missing_guide_says_so(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(_page: str = "README.md") -> Path:
        raise FileNotFoundError("Annotator's user guide is missing from this installation")

    monkeypatch.setattr(guide_window, "guide_path", missing)
    window = GuideWindow()
    qtbot.addWidget(window)
    assert not window.show_section("importing.md")
    assert "not installed" in window.browser.toPlainText()


def test_what_is_this_opens_the_guide_inside_the_dialog_that_asked(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    link = what_is_this_link(IMPORT_CLEAN_UP, dialog)
    QVBoxLayout(dialog).addWidget(link)
    pin_minimum_size(dialog)
    dialog.show()
    assert "What is this?" in link.text()
    link.linkActivated.emit(IMPORT_CLEAN_UP)
    opened = dialog.findChild(GuideWindow)
    assert opened is not None and opened.isVisible()
    assert opened.window() is opened  # its own window, owned by the dialog
    assert page_of(opened) == "importing.md"
    assert isinstance(opened.parent(), QWidget) and opened.parent() is dialog


def test_text_after_a_table_is_laid_out_and_shown(qtbot: QtBot, guide: GuideWindow) -> None:
    """Qt once left the paragraphs after the methods page's tables blank after our
    heading anchors were added one by one; they are added in one edit block now."""
    guide.resize(1000, 800)
    qtbot.waitExposed(guide)
    guide.show_section("../methods.md#worked-example")
    qtbot.wait(50)
    block = guide.browser.document().begin()
    while block.isValid() and not block.text().startswith("Two documents and two codes"):
        block = block.next()
    assert block.isValid()
    assert block.layout().lineCount() > 0


def opened_from(qtbot: QtBot, dialog: QWidget, section: str) -> GuideWindow:
    """Activate the dialog's "What is this?" link; the guide window it opened."""
    links = [
        label for label in dialog.findChildren(QLabel, "whatIsThis") if section in label.text()
    ]
    assert len(links) == 1, f"no link to {section}"
    links[0].linkActivated.emit(section)
    guide = dialog.window().findChild(GuideWindow)
    assert guide is not None
    qtbot.addWidget(guide)
    return guide


def test_the_import_dialog_explains_its_clean_up(qtbot: QtBot, project: Project) -> None:
    dialog = ImportDialog(project, "")
    qtbot.addWidget(dialog)
    guide = opened_from(qtbot, dialog, IMPORT_CLEAN_UP)
    assert page_of(guide) == "importing.md"
    assert "the-clean-up-preview-what-will-be-dropped" in guide.browser.anchors


def test_the_merge_dialog_explains_conflicts(qtbot: QtBot, project: Project) -> None:
    dialog = MergeDialog(project)
    qtbot.addWidget(dialog)
    guide = opened_from(qtbot, dialog, MERGE_CONFLICTS)
    assert page_of(guide) == "working-as-a-team.md"


def test_help_user_guide_opens_the_guide_with_or_without_a_project(
    qtbot: QtBot, make_window: Callable[[], MainWindow], workbench_path: Path
) -> None:
    window = make_window()
    help_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Help")
    assert help_menu.actions()[0] is window.menus.guide_action
    assert window.menus.guide_action.isEnabled()  # no project open: still there
    window.menus.guide_action.trigger()
    guide = window.findChild(GuideWindow)
    assert guide is not None and guide.isVisible()
    assert page_of(guide) == "README.md"
    assert window.open_project(workbench_path)
    guide.show_section("codebook.md")
    window.menus.guide_action.trigger()
    assert window.findChildren(GuideWindow) == [guide]  # the same window, back at the start
    assert page_of(guide) == "README.md"


def test_the_agreement_view_explains_its_figures(qtbot: QtBot, project: Project) -> None:
    view = AgreementView(project)
    qtbot.addWidget(view)
    guide = opened_from(qtbot, view, AGREEMENT)
    assert page_of(guide) == "working-as-a-team.md"
    assert "intercoder-agreement" in guide.browser.anchors
