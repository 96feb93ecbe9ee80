"""The one selection widget: ticks and fields become the core's Selection, as each host says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QCalendarWidget, QScrollArea, QSplitter, QToolButton
from pytestqt.qtbot import QtBot

from annotator.core import coders, coding, documents
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.ui.excerpts_view import ExcerptsView
from annotator.ui.overviews import OverviewsView
from annotator.ui.selection_picker import ROWS_SHOWN, Parts, SelectionPicker, problem_text
from annotator.ui.tick_lists import key_of
from tests.core.test_selection import Study, build_study

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def study(empty_project: Project) -> Study:
    return build_study(empty_project)


def picker_for(qtbot: QtBot, study: Study, parts: Parts) -> SelectionPicker:
    picker = SelectionPicker(study.project, parts)
    qtbot.addWidget(picker)
    return picker


def button(picker: SelectionPicker, name: str) -> QAbstractButton:
    return next(b for b in picker.findChildren(QAbstractButton) if b.accessibleName() == name)


def test_all_ticked_is_all_and_none_ticked_is_as_the_host_says(qtbot: QtBot, study: Study) -> None:
    exporting = picker_for(qtbot, study, Parts(start_ticked=True))
    assert exporting.selection() == Selection()
    button(exporting, "Coders: None").click()
    assert exporting.selection().coder_ids == ()
    reviewing = picker_for(qtbot, study, Parts(none_ticked_is_all=frozenset({"coders"})))
    assert reviewing.selection().coder_ids is None
    assert reviewing.selection().code_ids == ()  # codes: nothing ticked, nothing chosen
    assert reviewing.titles["coders"].text() == "Coders (none ticked: all)"
    reviewing.tick_exactly("coders", [study.ids["jorge"]])
    assert reviewing.selection().coder_ids == (study.ids["jorge"],)


def test_all_and_none_act_on_the_documents_the_title_filter_shows(
    qtbot: QtBot, study: Study
) -> None:
    picker = picker_for(qtbot, study, Parts())
    picker.document_filter.setText("am")
    with qtbot.waitSignal(picker.changed):
        button(picker, "Documents: All").click()
    assert picker.selection().document_ids == (study.ids["amman"],)


def test_fields_and_sub_codes_make_up_the_selection(qtbot: QtBot, study: Study) -> None:
    picker = picker_for(qtbot, study, Parts(memo=True))
    picker.tick_exactly("codes", [study.ids["cctv"]])
    picker.with_subcodes.setChecked(True)
    picker.date_from.setText("2021-09")
    picker.memo.setText("  byline ")
    assert picker.selection() == Selection(
        code_ids=(study.ids["cctv"],),
        with_subcodes=True,
        coder_ids=(),
        document_ids=(),
        date_from="2021-09",
        memo_contains="byline",
    )
    # a round trip: the same selection ticks the same boxes
    again = picker_for(qtbot, study, Parts(memo=True))
    again.set_selection(picker.selection())
    assert again.selection() == picker.selection()


def test_a_bad_date_is_explained_in_the_researchers_words(qtbot: QtBot, study: Study) -> None:
    picker = picker_for(qtbot, study, Parts())
    picker.date_to.setText("March 2021")
    with pytest.raises(AnnotatorError) as caught:
        picker.selection()
    assert problem_text(caught.value) == (
        "Published until “March 2021”: write a date as YYYY, YYYY-MM or YYYY-MM-DD."
    )
    picker.date_from.setText("2022")
    picker.date_to.setText("2021")
    with pytest.raises(AnnotatorError) as caught:
        picker.selection()
    assert problem_text(caught.value) == (
        "The dates “2022 – 2021” are the wrong way round: swap them."
    )


def test_the_date_fields_show_the_projects_range_and_a_calendar_fills_them(
    qtbot: QtBot, study: Study
) -> None:
    picker = picker_for(qtbot, study, Parts())
    assert picker.date_from.placeholderText() == "2021-09-14"
    assert picker.date_to.placeholderText() == "2022-01-10"
    calendar_button = picker.dates.findChildren(QToolButton)[0]
    calendar = calendar_button.menu().findChildren(QCalendarWidget)[0]
    with qtbot.waitSignal(picker.changed):
        calendar.clicked.emit(QDate(2021, 10, 1))
    assert picker.selection().date_from == "2021-10-01"


def test_refreshing_keeps_ticks_and_a_list_ticked_throughout_takes_new_items(
    qtbot: QtBot, study: Study
) -> None:
    exporting = picker_for(qtbot, study, Parts(start_ticked=True))
    reviewing = picker_for(qtbot, study, Parts())
    reviewing.tick_exactly("coders", [study.ids["amina"]])
    cy = coders.add_coder(study.project, "Cy").id
    for picker in (exporting, reviewing):
        picker.refresh()
    assert exporting.selection().coder_ids is None
    assert cy in [key_of(i) for i in reviewing.items("coders")]
    assert reviewing.selection().coder_ids == (study.ids["amina"],)


def test_the_overviews_count_what_the_picker_narrows_to(qtbot: QtBot, study: Study) -> None:
    view = OverviewsView(study.project)
    qtbot.addWidget(view)
    counts = dict(zip(view.frequencies.bars.labels, view.frequencies.bars.values, strict=True))
    assert counts["CCTV"] == 2
    view.picker.tick_exactly("coders", [study.ids["jorge"]])
    counts = dict(zip(view.frequencies.bars.labels, view.frequencies.bars.values, strict=True))
    assert counts["CCTV"] == 1  # Jorge's b2 only
    view.picker.date_from.setText("2022")
    view.picker.date_from.editingFinished.emit()
    assert view.matrix.heat.column_labels == ["Amman"]
    view.picker.date_from.setText("later")
    view.picker.date_from.editingFinished.emit()
    assert not view.problem.isHidden()
    assert view.problem.text().startswith("Published from “later”")
    unused = documents.store_document(
        study.project, documents.NewDocument(title="New", text="y" * 10)
    )
    coding.add_coding(study.project, unused.id, study.ids["bio"], 0, 3, study.ids["jorge"])
    view.refresh()  # the lists come back with the new document, ticks kept
    assert view.picker.ticked("coders") == (study.ids["jorge"],)
    assert Qt.CheckState.Unchecked == view.picker.items("documents")[-1].checkState()


def test_a_short_dock_shows_every_part_and_each_list_some_rows(qtbot: QtBot, study: Study) -> None:
    """Grown to its content, the list of documents was three rows with a sideways scroll
    bar and the dates fell off the bottom of a 640-pixel view."""
    view = ExcerptsView(study.project)
    qtbot.addWidget(view)
    view.resize(1000, 640)
    view.show()
    qtbot.waitExposed(view)
    picker = view.picker
    for part, rows in ROWS_SHOWN.items():
        widget = {"codes": picker.codes, "coders": picker.coders}.get(part, picker.documents)
        assert widget.height() >= rows * widget.fontMetrics().height(), part
        assert not widget.horizontalScrollBar().isVisible(), part
    bottom = picker.memo.mapTo(picker, picker.memo.rect().bottomLeft()).y()
    assert bottom <= picker.height()  # the last part is in sight, not scrolled away
    splitter = view.findChild(QSplitter)
    splitter.setSizes([60, 940])  # dragged narrow: the filters keep their least width
    scroll = picker.findChild(QScrollArea)
    # nothing cut off on the right, once the lists are laid out
    qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
