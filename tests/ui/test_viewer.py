"""The viewer: highlights of overlapping codings, stripes, and positions in any script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import codebook, coding, documents, user_settings
from annotator.core.project import Project, open_project
from annotator.ui.session import ProjectSession
from annotator.ui.viewer import DocumentViewer, span_from_mime
from tests.ui.conftest import MIXED_TEXT


@pytest.fixture
def opened(workbench_path: Path) -> Iterator[Project]:
    project = open_project(workbench_path)
    yield project
    project.close()


@pytest.fixture
def viewer(qtbot: QtBot, opened: Project, identity: user_settings.CoderIdentity) -> DocumentViewer:
    session = ProjectSession(opened, None)
    widget = DocumentViewer(session)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    mixed = documents.find_document(opened, "Mixed scripts at the border")
    widget.show_document(mixed)
    return widget


def code(project: Project, name: str) -> str:
    return codebook.find_code(project, name).id


def add(project: Project, viewer: DocumentViewer, name: str, quote: str, coder: str) -> str:
    start = MIXED_TEXT.index(quote)
    change = coding.add_coding(
        project, viewer.current_document.id, code(project, name), start, start + len(quote), coder
    )
    viewer.on_change(change)
    return next(iter(change.codings))


def test_overlapping_codings_become_distinct_segments_with_stripes(
    viewer: DocumentViewer, opened: Project, identity: user_settings.CoderIdentity
) -> None:
    add(opened, viewer, "CCTV", "Checkpoint cameras 📷 watch", identity.id)
    add(opened, viewer, "Checkpoints", "cameras 📷 watch the bridge", identity.id)
    # three segments: CCTV alone, both, Checkpoints alone
    assert viewer.painted_segment_count() == 3
    selections = viewer.extraSelections()
    backgrounds = [s.format.background() for s in selections]
    assert backgrounds[0].color() != backgrounds[2].color()
    assert backgrounds[1].texture().isNull() is False  # the overlap is striped
    assert backgrounds[0].texture().isNull()
    stripes = viewer.visible_stripes()
    assert sorted(s.lane for s in stripes) == [0, 1]
    assert all(s.bottom > s.top for s in stripes)


@pytest.mark.parametrize("quote", ["📷 watch", "الكاميرات", "天眼系统", "👁️ at", "café\u0301"])
def test_highlight_and_selection_fall_on_the_same_characters(
    viewer: DocumentViewer, opened: Project, identity: user_settings.CoderIdentity, quote: str
) -> None:
    add(opened, viewer, "CCTV", quote, identity.id)
    selections = viewer.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == [quote]
    start = MIXED_TEXT.index(quote)
    viewer.select_span(start, start + len(quote))
    span = viewer.selected_span()
    assert span is not None
    assert (span.start, span.end) == (start, start + len(quote))
    assert viewer.selected_text() == quote


def test_hidden_codes_and_coders_are_not_painted(
    viewer: DocumentViewer, opened: Project, identity: user_settings.CoderIdentity
) -> None:
    add(opened, viewer, "CCTV", "Checkpoint", identity.id)
    add(opened, viewer, "Journalists", "owner", identity.id)
    viewer.set_hidden(codes=frozenset({code(opened, "CCTV")}))
    assert [viewer.quote(c) for c in viewer.shown_codings] == ["owner"]
    viewer.set_hidden(codes=frozenset(), coders_=frozenset({identity.id}))
    assert viewer.shown_codings == []
    assert viewer.painted_segment_count() == 0


def test_codings_under_the_cursor_are_announced(
    qtbot: QtBot, viewer: DocumentViewer, opened: Project, identity: user_settings.CoderIdentity
) -> None:
    add(opened, viewer, "CCTV", "Checkpoint cameras", identity.id)
    add(opened, viewer, "Checkpoints", "Checkpoint", identity.id)
    viewer.select_span(40, 41)
    assert viewer.codings_at_cursor() == []
    with qtbot.waitSignal(viewer.codings_at_cursor_changed) as signal:
        viewer.select_span(2, 3)
    assert {viewer.quote(c) for c in signal.args[0]} == {"Checkpoint cameras", "Checkpoint"}
    description = viewer.describe(signal.args[0])
    assert "CCTV" in description
    assert "Amina Rasheed" in description


def test_dragged_selection_carries_its_span(viewer: DocumentViewer) -> None:
    start = MIXED_TEXT.index("天眼系统")
    viewer.select_span(start, start + 4)
    span = span_from_mime(viewer.createMimeDataFromSelection())
    assert span is not None
    assert (span.start, span.end) == (start, start + 4)


def test_switching_to_a_shorter_document_drops_the_old_highlights(
    viewer: DocumentViewer, opened: Project, identity: user_settings.CoderIdentity
) -> None:
    add(opened, viewer, "CCTV", "his ID card", identity.id)  # near the end of the text
    viewer.resize(260, 90)
    bar = viewer.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled down: the new text scrolls back up
    assert bar.value() > 0
    shorter = documents.store_document(opened, documents.NewDocument(title="S", text="Short."))
    viewer.show_document(shorter)  # a stale highlight would warn (and fail) here
    assert viewer.shown_codings == []
    assert viewer.painted_segment_count() == 0
