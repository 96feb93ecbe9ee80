"""The search panel: results with context, opening a match, bad queries, paging."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core import documents, patterns
from annotator.core.codebook_file import new_project
from annotator.core.project import Project
from annotator.core.resources import resource_path
from annotator.ui.search_panel import ERROR_STYLE, SearchPanel
from annotator.ui.snippets import SNIPPET_ROLE

TEXTS = {
    "Cameras at the junction": (
        "2021-09-14",
        "📷 Police switched on facial recognition at 300 junctions.\n\n"
        "Critics say Facial-Recognition has no legal basis. 天眼视觉科技 supplied it.",
    ),
    "Plates on the highway": (
        "2023-03-02",
        "Licence-plate readers log every car; facial recognition is next, officials said.",
    ),
}

# The offscreen platform cannot resize a top-level window to a label's new height.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    project = new_project(tmp_path / "search.annotator")
    for title, (date, text) in TEXTS.items():
        documents.store_document(
            project,
            documents.NewDocument(title=title, text=text, provenance={"published_date": date}),
        )
    yield project
    project.close()


@pytest.fixture
def panel(qtbot: QtBot, project: Project) -> SearchPanel:
    widget = SearchPanel(project)
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_query(qtbot: QtBot, panel: SearchPanel, text: str) -> None:
    panel.query.clear()
    if text.isascii():
        qtbot.keyClicks(panel.query, text)
    else:  # QTest cannot type characters outside Latin-1
        panel.query.setText(text)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)


def test_enter_lists_every_occurrence_with_title_date_and_context(
    qtbot: QtBot, panel: SearchPanel
) -> None:
    type_query(qtbot, panel, '"facial recognition"')
    model = panel.model
    assert model.rowCount() == 3
    assert [model.index(r, 0).data() for r in range(3)] == [
        "Cameras at the junction",
        "Cameras at the junction",
        "Plates on the highway",
    ]
    assert model.index(0, 1).data() == "2021-09-14"
    assert model.index(0, 2).data(SNIPPET_ROLE) == (
        "📷 Police switched on ",
        "facial recognition",
        " at 300 junctions.",
    )
    assert panel.status.text() == "3 matches in 2 documents."
    assert panel.autocode_button.isEnabled()


def test_clicking_a_result_asks_to_open_the_document_at_the_match(
    qtbot: QtBot, panel: SearchPanel, project: Project
) -> None:
    type_query(qtbot, panel, "facial")
    index = panel.model.index(1, 2)
    rect = panel.view.visualRect(index)
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    document_id, start, end = opened.args
    assert documents.get_document(project, document_id).text[start:end] == "Facial"
    assert start == TEXTS["Cameras at the junction"][1].index("Facial")  # code points


def test_a_bad_query_is_explained_not_raised(qtbot: QtBot, panel: SearchPanel) -> None:
    type_query(qtbot, panel, "facial")
    type_query(qtbot, panel, '"facial recognition')
    assert panel.model.rowCount() == 0
    assert panel.status.text() == "Check the search: this quote is never closed (at character 1)."
    assert not panel.autocode_button.isEnabled()
    type_query(qtbot, panel, "police AND")
    assert (
        panel.status.text() == "Check the search: it ends where a word was expected (at the end)."
    )


def test_cjk_and_regex_modes(qtbot: QtBot, panel: SearchPanel) -> None:
    type_query(qtbot, panel, "天眼")
    assert panel.model.index(0, 2).data(SNIPPET_ROLE)[1] == "天眼"
    panel.mode.setCurrentIndex(panel.mode.findData("regex"))
    assert panel.case_sensitive.isEnabled()
    type_query(qtbot, panel, r"\d+ junctions")
    assert panel.model.index(0, 2).data(SNIPPET_ROLE)[1] == "300 junctions"
    type_query(qtbot, panel, "(unclosed")
    assert panel.status.text().startswith("Check the search: not a valid pattern")


SLOW = "The regular expression “{pattern}” was stopped after 0.2 seconds on one text"


def test_a_regex_too_slow_is_stopped_and_said_in_the_panel(
    qtbot: QtBot, panel: SearchPanel, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "TIME_LIMIT", 0.2)
    documents.store_document(project, documents.NewDocument(title="Run", text="a" * 40 + "!"))
    panel.mode.setCurrentIndex(panel.mode.findData("regex"))
    type_query(qtbot, panel, "(a|aa)+$")
    assert panel.status.text().startswith(SLOW.format(pattern="(a|aa)+$"))
    assert panel.status.styleSheet() == ERROR_STYLE
    assert panel.model.rowCount() == 0 and not panel.autocode_button.isEnabled()


def test_a_regex_too_slow_while_scrolling_ends_the_list_with_a_message(
    qtbot: QtBot, panel: SearchPanel, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "TIME_LIMIT", 0.2)
    for title, text, date in (("Long", "camera " * 60, "2020-01-01"), ("Run", "a" * 40, "2024")):
        documents.store_document(
            project,
            documents.NewDocument(title=title, text=text, provenance={"published_date": date}),
        )
    panel.mode.setCurrentIndex(panel.mode.findData("regex"))
    type_query(qtbot, panel, "camera|(a|aa)+b")
    assert panel.model.rowCount() == 50 and panel.status.styleSheet() == ""
    while panel.model.canFetchMore(panel.view.rootIndex()):
        panel.model.fetchMore(panel.view.rootIndex())
    assert panel.model.rowCount() == 60  # what was found stays listed
    assert panel.status.text().startswith(SLOW.format(pattern="camera|(a|aa)+b"))
    assert panel.status.styleSheet() == ERROR_STYLE


def test_no_matches(qtbot: QtBot, panel: SearchPanel) -> None:
    type_query(qtbot, panel, "submarine")
    assert panel.status.text() == "No matches."


def test_many_matches_come_a_page_at_a_time(
    qtbot: QtBot, panel: SearchPanel, project: Project
) -> None:
    documents.store_document(
        project, documents.NewDocument(title="Long", text="camera " * 130, provenance={})
    )
    type_query(qtbot, panel, "camera")
    assert panel.model.rowCount() == 50
    assert "the first 50 are listed" in panel.status.text()
    panel.view.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 50)
    while panel.model.canFetchMore(panel.view.rootIndex()):
        panel.model.fetchMore(panel.view.rootIndex())
    assert panel.model.rowCount() == 130


def test_autocode_request_carries_the_search(qtbot: QtBot, panel: SearchPanel) -> None:
    type_query(qtbot, panel, "facial recognition")
    with qtbot.waitSignal(panel.autocode_requested) as asked:
        qtbot.mouseClick(panel.autocode_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["facial recognition", "words", False]


def test_refresh_after_a_document_is_deleted(
    qtbot: QtBot, panel: SearchPanel, project: Project
) -> None:
    type_query(qtbot, panel, "officials")
    assert panel.model.rowCount() == 1
    documents.delete_document(project, documents.find_document(project, "Plates on the highway").id)
    panel.refresh()
    assert panel.model.rowCount() == 0


def test_every_facial_recognition_in_the_sample_articles_opens_at_its_place(
    qtbot: QtBot, tmp_path: Path
) -> None:
    project = new_project(tmp_path / "samples.annotator")
    texts = {}
    for file in sorted(resource_path("samples").glob("*.txt")):
        stored = documents.store_document(
            project, documents.NewDocument(title=file.stem, text=file.read_text("utf-8"))
        )
        texts[stored.id] = stored.text
    by_hand = sum(len(re.findall(r"facial[\s-]+recognition", t, re.I)) for t in texts.values())
    panel = SearchPanel(project)
    qtbot.addWidget(panel)
    panel.resize(800, 1400)
    panel.show()
    type_query(qtbot, panel, '"facial recognition"')
    assert panel.model.rowCount() == by_hand
    opened: list[tuple[str, int, int]] = []
    panel.open_requested.connect(lambda d, s, e: opened.append((d, s, e)))
    for row in range(by_hand):
        index = panel.model.index(row, 2)
        panel.view.scrollTo(index)
        rect = panel.view.visualRect(index)
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(opened) == by_hand
    assert all(re.fullmatch(r"facial[\s-]+recognition", texts[d][s:e], re.I) for d, s, e in opened)
    assert len(set(opened)) == by_hand  # each occurrence once
    project.close()
