"""The excerpts view: ticking codes, AND/OR, filters, paging, jumping to an excerpt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from annotator.core import codebook, coders, coding, documents
from annotator.core.codebook_file import new_project
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.ui.excerpts_model import PAGE
from annotator.ui.excerpts_view import ExcerptsView
from annotator.ui.snippets import SNIPPET_ROLE
from annotator.ui.tick_lists import ID_ROLE

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

MARKET = "Cameras at the market film every face; reporters saw it. Plates are read too."
AIRPORT = "Face scans of 👁️ journalists at the airport were kept for years."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    project = new_project(tmp_path / "excerpts.annotator")
    amina = coders.add_coder(project, "Amina")
    jorge = coders.add_coder(project, "Jorge")
    market = documents.store_document(
        project,
        documents.NewDocument(
            title="Market", text=MARKET, provenance={"published_date": "2021-03-05"}
        ),
    )
    airport = documents.store_document(
        project,
        documents.NewDocument(
            title="Airport", text=AIRPORT, provenance={"published_date": "2023-11-20"}
        ),
    )
    fr, cctv, journalists = (
        codebook.find_code(project, n).id for n in ("Facial recognition", "CCTV", "Journalists")
    )

    def add(document: documents.Document, code: str, quote: str, who: str, memo: str = "") -> None:
        start = document.text.index(quote)
        coding.add_coding(project, document.id, code, start, start + len(quote), who, memo=memo)

    add(market, cctv, "Cameras at the market", amina.id)
    add(market, fr, "market film every face", jorge.id)  # overlaps the CCTV coding
    add(market, journalists, "reporters", amina.id, memo="Check the byline")
    add(airport, fr, "Face scans", amina.id)
    add(airport, journalists, "👁️ journalists", amina.id)
    add(airport, cctv, "airport", jorge.id)
    yield project
    project.close()


@pytest.fixture
def view(qtbot: QtBot, project: Project) -> ExcerptsView:
    widget = ExcerptsView(project)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tick(view: ExcerptsView, *names: str) -> None:
    for item in view.picker.items("codes"):
        if item.text(0) in names:
            item.setCheckState(0, Qt.CheckState.Checked)


def code_item(view: ExcerptsView, name: str) -> QTreeWidgetItem:
    return next(i for i in view.picker.items("codes") if i.text(0) == name)


def quotes(view: ExcerptsView) -> list[str]:
    return [view.model.index(r, 2).data(SNIPPET_ROLE)[1] for r in range(view.model.rowCount())]


def test_ticking_codes_lists_their_excerpts_in_context(view: ExcerptsView) -> None:
    assert view.status.text() == "Tick one or more codes."
    tick(view, "Facial recognition")
    assert quotes(view) == ["market film every face", "Face scans"]  # by document date
    assert view.model.index(0, 2).data(SNIPPET_ROLE) == (
        "Cameras at the ",
        "market film every face",
        "; reporters saw it. Plates are read too.",
    )
    assert [view.model.index(0, c).data() for c in (0, 1, 3, 4)] == [
        "Market",
        "2021-03-05",
        "Facial recognition",
        "Jorge",
    ]
    assert view.status.text() == "2 excerpts."


def test_any_or_all_of_the_ticked_codes(view: ExcerptsView) -> None:
    tick(view, "Facial recognition", "Journalists")
    assert len(quotes(view)) == 4
    view.match.setCurrentIndex(view.match.findData("all"))
    assert quotes(view) == []  # no face coding shares a character with a journalist one
    view.show_selection(
        Selection(code_ids=(codebook_id(view, "CCTV"), codebook_id(view, "Facial recognition"))),
        match="all",
    )
    assert code_item(view, "Journalists").checkState(0) == Qt.CheckState.Unchecked
    assert quotes(view) == ["Cameras at the market", "market film every face"]


def codebook_id(view: ExcerptsView, name: str) -> str:
    return code_item(view, name).data(0, ID_ROLE)


def test_parent_code_with_subcodes(view: ExcerptsView) -> None:
    tick(view, "Video surveillance")
    assert quotes(view) == []
    view.picker.with_subcodes.setChecked(True)
    assert sorted(quotes(view)) == sorted(
        ["Cameras at the market", "market film every face", "Face scans", "airport"]
    )


def test_coder_document_date_and_memo_filters(qtbot: QtBot, view: ExcerptsView) -> None:
    tick(view, "Facial recognition", "Journalists", "CCTV")
    assert len(quotes(view)) == 6
    jorge = next(
        view.picker.coders.item(i)
        for i in range(view.picker.coders.count())
        if view.picker.coders.item(i).text() == "Jorge"
    )
    jorge.setCheckState(Qt.CheckState.Checked)
    assert quotes(view) == ["market film every face", "airport"]
    jorge.setCheckState(Qt.CheckState.Unchecked)
    view.picker.document_filter.setText("air")
    shown = [view.picker.documents.item(i) for i in range(view.picker.documents.count())]
    assert [i.text() for i in shown if not i.isHidden()] == ["Airport (2023-11-20)"]
    view.picker.document_filter.clear()
    view.picker.date_to.setText("2021")
    view.picker.date_to.editingFinished.emit()
    assert set(quotes(view)) == {"Cameras at the market", "market film every face", "reporters"}
    view.picker.date_to.clear()
    view.picker.date_to.editingFinished.emit()
    view.picker.memo.setText("BYLINE")
    view.picker.memo.editingFinished.emit()
    assert quotes(view) == ["reporters"]
    assert view.model.index(0, 5).data() == "Check the byline"


def test_a_malformed_date_is_explained(view: ExcerptsView) -> None:
    tick(view, "CCTV")
    view.picker.date_from.setText("March 2021")
    view.picker.date_from.editingFinished.emit()
    assert view.model.rowCount() == 0
    assert view.status.text() == (
        "Published from “March 2021”: write a date as YYYY, YYYY-MM or YYYY-MM-DD."
    )


def test_clicking_an_excerpt_asks_to_open_it(
    qtbot: QtBot, view: ExcerptsView, project: Project
) -> None:
    tick(view, "Journalists")
    index = view.model.index(1, 2)
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.mouseClick(
            view.view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.view.visualRect(index).center(),
        )
    document_id, start, end = opened.args
    assert documents.get_document(project, document_id).text[start:end] == "👁️ journalists"


def test_refresh_keeps_the_ticks_and_shows_new_codings(
    view: ExcerptsView, project: Project
) -> None:
    tick(view, "CCTV")
    assert len(quotes(view)) == 2
    market = documents.find_document(project, "Market")
    amina = coders.find_coder(project, "Amina")
    coding.add_coding(project, market.id, codebook.find_code(project, "CCTV").id, 57, 63, amina.id)
    view.refresh()
    assert code_item(view, "CCTV").checkState(0) == Qt.CheckState.Checked
    assert len(quotes(view)) == 3


def test_many_excerpts_come_a_page_at_a_time(view: ExcerptsView, project: Project) -> None:
    text = "camera " * 300
    document = documents.store_document(project, documents.NewDocument(title="Many", text=text))
    amina = coders.find_coder(project, "Amina")
    spans = [coding.Span(document.id, 7 * n, 7 * n + 6) for n in range(250)]
    coding.add_codings(project, codebook.find_code(project, "Traffic cameras").id, spans, amina.id)
    view.refresh()
    tick(view, "Traffic cameras")
    assert view.model.rowCount() == PAGE
    assert view.status.text() == "250 excerpts."
    view.model.fetchMore(view.view.rootIndex())
    view.model.fetchMore(view.view.rootIndex())
    assert view.model.rowCount() == 250
    assert not view.model.canFetchMore(view.view.rootIndex())


def test_the_selected_excerpt_can_be_read_in_full(qtbot: QtBot, view: ExcerptsView) -> None:
    tick(view, "Journalists")
    assert view.reading.toPlainText() == ""
    view.view.selectRow(0)
    text = view.reading.toPlainText()
    assert "Market, 2021-03-05 · Journalists · Amina" in text
    assert "…Cameras at the market film every face; reporters saw it." in text
    assert "Memo: Check the byline" in text
