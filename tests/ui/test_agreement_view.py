"""The agreement view: tick coders and codes, read the figures, open a disagreement."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core import coders, coding, documents
from annotator.core.codebook import find_code
from annotator.core.documents import NewDocument
from annotator.core.project import Project
from annotator.ui.agreement_view import AgreementView


@pytest.fixture
def compared(project: Project) -> tuple[str, str, str, str, str]:
    """A and B coded a 20-character document with CCTV (the methods page example)."""
    a = coders.add_coder(project, "Ama").id
    b = coders.add_coder(project, "Bo").id
    doc = documents.store_document(
        project, NewDocument(title="Gate", text="Cameras at the gate.")
    ).id
    cctv = find_code(project, "CCTV").id
    face = find_code(project, "Facial recognition").id
    coding.add_coding(project, doc, cctv, 0, 10, a)
    coding.add_coding(project, doc, cctv, 2, 10, b)
    coding.add_coding(project, doc, face, 0, 7, b)
    for coder_id in (a, b):
        coders.set_finished(project, doc, coder_id, True)
    return a, b, doc, cctv, face


def _cells(view: AgreementView, row: int) -> list[str]:
    return [view.figures.item(row, c).text() for c in range(view.figures.columnCount())]


def test_figures_per_code_and_pooled_for_ticked_coders(
    qtbot: QtBot, project: Project, compared: tuple[str, ...]
) -> None:
    a, b, _doc, cctv, _face = compared
    view = AgreementView(project)
    qtbot.addWidget(view)
    assert view.figures.rowCount() == 0
    assert "two or more coders" in view.status.text()
    view.picker.tick_exactly("coders", [a, b])
    assert "1 document all of them marked finished" in view.status.text()
    assert view.figures.rowCount() == 3  # CCTV, Facial recognition, pooled
    assert _cells(view, 0) == ["Video surveillance/CCTV", "20", "90.0", "0.800", "0.803"]
    assert _cells(view, 1)[0] == "Video surveillance/Facial recognition"
    assert _cells(view, 2)[0] == "All compared codes (pooled)"
    assert view.figures.item(2, 0).font().bold()
    view.picker.tick_exactly("codes", [cctv])
    assert view.figures.rowCount() == 2


def test_clicking_a_disagreement_asks_to_open_it(
    qtbot: QtBot, project: Project, compared: tuple[str, ...]
) -> None:
    _a, _b, doc, cctv, _face = compared
    view = AgreementView(project)
    qtbot.addWidget(view)
    view.picker.tick_exactly("codes", [cctv])
    view.picker.coders.item(0).setCheckState(Qt.CheckState.Checked)
    view.picker.coders.item(1).setCheckState(Qt.CheckState.Checked)  # ticking recounts by itself
    assert view.disagreements.rowCount() == 1
    assert view.disagreements.item(0, 3).text() == "Ama"
    assert view.disagreements.item(0, 5).text() == "Ca"
    view.show()
    qtbot.waitExposed(view)
    cell = view.disagreements.visualItemRect(view.disagreements.item(0, 0)).center()
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.mouseClick(view.disagreements.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened.args == [doc, 0, 2]


def test_unfinished_documents_count_only_when_asked(
    qtbot: QtBot, project: Project, compared: tuple[str, ...]
) -> None:
    a, b, doc, _cctv, _face = compared
    coders.set_finished(project, doc, b, False)
    view = AgreementView(project)
    qtbot.addWidget(view)
    view.picker.tick_exactly("coders", [a, b])
    assert view.figures.rowCount() == 0
    assert "No document" in view.status.text()
    view.include_unfinished.setChecked(True)
    assert view.figures.rowCount() == 3
    assert "they coded" in view.status.text()


def test_coders_added_later_appear_and_ticks_are_kept(
    qtbot: QtBot, project: Project, compared: tuple[str, ...]
) -> None:
    a, b, _doc, _cctv, _face = compared
    view = AgreementView(project)
    qtbot.addWidget(view)
    view.picker.tick_exactly("coders", [a, b])
    coders.add_coder(project, "Cy")  # e.g. brought in by a merge
    view.refresh()
    names = [view.picker.coders.item(i).text() for i in range(view.picker.coders.count())]
    assert names == ["Ama", "Bo", "Cy"]
    assert view.picker.coders.item(0).checkState() == Qt.CheckState.Checked
    assert view.picker.coders.item(2).checkState() == Qt.CheckState.Unchecked
    assert view.figures.rowCount() == 3
