"""The Export dialog driven as a researcher would: choose, see the count, export, open."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QAbstractButton, QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from annotator.core import events
from annotator.core.project import Project
from annotator.core.storage.write_errors import WriteProblem
from annotator.ui import export_dialog as dialog_module
from annotator.ui import export_work
from annotator.ui.background import stopped_by_bug
from annotator.ui.export_dialog import ExportDialog
from tests.core.exports.conftest import ReportProject, build_report_project

# the offscreen platform says this of every shown top-level window
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def report(tmp_path: Path) -> Iterator[ReportProject]:
    built = build_report_project(tmp_path / "study.annotator")
    yield built
    built.project.close()


@pytest.fixture
def dialog(qtbot: QtBot, report: ReportProject) -> ExportDialog:
    shown = ExportDialog(report.project)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.count_label.text().startswith("To export"))
    return shown


def finish(qtbot: QtBot, dialog: ExportDialog) -> None:
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog._job is None and not dialog.progress.isVisible())


def uncheck_code(dialog: ExportDialog, name: str) -> None:
    iterator = QTreeWidgetItemIterator(dialog.picker.codes)
    while item := iterator.value():
        if item.text(0) == name:
            item.setCheckState(0, Qt.CheckState.Unchecked)
        iterator += 1


def test_the_count_is_shown_before_writing_and_follows_the_choice(
    qtbot: QtBot, dialog: ExportDialog
) -> None:
    assert dialog.count_label.text() == "To export: 11 codings from 4 documents under 4 codes."
    uncheck_code(dialog, "CCTV")
    qtbot.waitUntil(lambda: "6 codings" in dialog.count_label.text())
    assert dialog.count_label.text() == "To export: 6 codings from 4 documents under 3 codes."
    dialog.picker.coders.item(1).setCheckState(Qt.CheckState.Unchecked)  # Tomás Ortega
    qtbot.waitUntil(lambda: "4 codings" in dialog.count_label.text())
    # the date range shows the project's own, ready to be narrowed
    assert dialog.picker.date_from.placeholderText() == "2023-11-02"
    assert dialog.picker.date_to.placeholderText() == "2024-04-16"
    dialog.picker.date_from.setText("2024-01-01")
    dialog.picker.date_from.editingFinished.emit()
    qtbot.waitUntil(lambda: "3 codings from 2 documents" in dialog.count_label.text())


def test_all_and_none_tick_a_whole_list(qtbot: QtBot, dialog: ExportDialog) -> None:
    none, every = (
        next(b for b in dialog.findChildren(QAbstractButton) if b.accessibleName() == name)
        for name in ("Documents: None", "Documents: All")
    )
    none.click()
    qtbot.waitUntil(lambda: dialog.count_label.text().startswith("To export: 0 codings"))
    assert dialog.picker.selection().document_ids == ()
    every.click()
    qtbot.waitUntil(lambda: "11 codings" in dialog.count_label.text())
    assert dialog.picker.selection().document_ids is None


def test_export_word_then_open_the_file(
    qtbot: QtBot,
    dialog: ExportDialog,
    report: ReportProject,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(dialog_module.QDesktopServices, "openUrl", opened.append)
    target = tmp_path / "report.docx"
    dialog.target_edit.setText(str(target))
    dialog.memo_check.setChecked(True)
    finish(qtbot, dialog)
    assert dialog.status.text() == f"Exported 11 codings to {target}."
    assert dialog.open_button.isVisible()
    paragraphs = docx.Document(str(target)).paragraphs
    assert len([p for p in paragraphs if p.style.name == "Quote"]) == 10
    assert "Memo (Tomás Ortega): Spans two paragraphs." in [p.text for p in paragraphs]
    dialog.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(target))]
    assert events.history(report.project, action="export written")[0].details["file"] == str(target)


def test_csv_options_follow_the_format(qtbot: QtBot, dialog: ExportDialog, tmp_path: Path) -> None:
    assert not dialog.raw_check.isEnabled() and dialog.memo_check.isEnabled()
    dialog.set_format("csv")
    assert dialog.raw_check.isEnabled() and dialog.bom_check.isEnabled()
    assert not dialog.memo_check.isEnabled()
    assert dialog.target_edit.text().endswith(".csv")
    dialog.target_edit.setText(str(tmp_path / "codings.csv"))
    dialog.bom_check.setChecked(True)
    finish(qtbot, dialog)
    data = (tmp_path / "codings.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"'=SUM(A1:A3)" in data  # neutralised: raw values were not asked for
    dialog.set_format("codebook-csv")
    assert not dialog.picker.documents.isEnabled()
    qtbot.waitUntil(lambda: dialog.count_label.text() == "To export: 6 codes.")
    uncheck_code(dialog, "Legal basis")
    qtbot.waitUntil(lambda: dialog.count_label.text() == "To export: 5 codes.")
    dialog.target_edit.setText(str(tmp_path / "codebook.csv"))
    finish(qtbot, dialog)
    assert dialog.status.text() == f"Exported 5 codes to {tmp_path / 'codebook.csv'}."
    assert b"Legal basis" not in (tmp_path / "codebook.csv").read_bytes()


def test_an_unwritable_target_is_explained_in_the_dialog(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    target = tmp_path / "missing folder" / "report.docx"
    dialog.target_edit.setText(str(target))
    finish(qtbot, dialog)
    assert dialog.status.text().startswith(
        f"Could not write “{target}”: the folder does not exist. "
        "Any earlier file of that name is unchanged."
    )
    assert not dialog.open_button.isVisible()
    assert dialog.export_button.isEnabled()


def test_exporting_over_the_open_project_is_refused_in_words(
    qtbot: QtBot, dialog: ExportDialog, report: ReportProject
) -> None:
    """Issue 18, finding 1: the export replaced the project and said it had worked."""
    project_path = report.project.path
    before = project_path.read_bytes()
    for format_name in ("csv", "docx", "codebook-csv"):
        dialog.set_format(format_name)
        dialog.target_edit.setText(str(project_path))
        finish(qtbot, dialog)
        assert dialog.status.text() == (
            f"Did not write “{project_path}”: it is the open project or one of its working "
            "files, which writing there would destroy. Choose another name; nothing was changed."
        )
        assert not dialog.open_button.isVisible()
    assert project_path.read_bytes() == before
    assert events.history(report.project, action="export written") == []


def test_a_file_in_use_is_explained(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.core.storage import atomic_write

    def locked(partial: Path, target: Path) -> None:
        raise PermissionError(13, "Access is denied", str(target))

    monkeypatch.setattr(atomic_write, "_replace", locked)
    target = tmp_path / "report.docx"
    target.write_bytes(b"old")
    dialog.target_edit.setText(str(target))
    finish(qtbot, dialog)
    assert "the file is open in another program" in dialog.status.text()
    assert target.read_bytes() == b"old"
    assert WriteProblem.IN_USE  # the dialog words every kind of problem
    assert len({dialog.words.failure(_unwritable(p)) for p in WriteProblem}) == len(WriteProblem)


def _unwritable(problem: WriteProblem) -> Any:
    from annotator.core.storage.write_errors import OutputUnwritable

    return OutputUnwritable("x.docx", problem)


def test_cancel_stops_the_export_and_writes_nothing(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_export = export_work.write_export
    started = threading.Event()

    def slow_export(project: Project, *args: Any, cancelled: Any, **kwargs: Any) -> Any:
        started.set()
        # hold the export until the user has pressed Cancel
        while not cancelled():
            threading.Event().wait(0.01)
        return real_export(project, *args, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(export_work, "write_export", slow_export)
    target = tmp_path / "report.docx"
    dialog.target_edit.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(started.is_set)
    assert dialog.cancel_button.isVisible() and not dialog.close_button.isEnabled()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog._job is None)
    assert dialog.status.text() == "Export cancelled. Nothing was written."
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".partial"] == []


def test_the_dialog_cannot_be_closed_while_exporting(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing mid-write would hide whether the file was written: Cancel comes first."""
    real_export = export_work.write_export
    go_on, writing = threading.Event(), threading.Event()

    def held_export(*args: Any, **kwargs: Any) -> Any:
        writing.set()
        assert go_on.wait(60)  # a ceiling, never a speed check
        return real_export(*args, **kwargs)

    monkeypatch.setattr(export_work, "write_export", held_export)
    target = tmp_path / "report.docx"
    dialog.target_edit.setText(str(target))
    dialog.export_button.click()
    try:
        assert writing.wait(60)
        assert not dialog.close_button.isEnabled()
        dialog.reject()
        dialog.close()
        assert dialog.isVisible()
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: dialog._job is None)
    assert dialog.result is not None and target.is_file()
    dialog.reject()
    assert not dialog.isVisible()


def test_progress_is_shown_while_exporting(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    dialog.target_edit.setText(str(tmp_path / "codings.xlsx"))
    dialog.set_format("xlsx")
    dialog.progress.setValue(-1)
    finish(qtbot, dialog)
    assert (dialog.progress.value(), dialog.progress.maximum()) == (11, 11)
    assert (tmp_path / "codings.xlsx").is_file()


def test_a_bug_while_exporting_is_reported_and_the_dialog_can_close(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, exc, tb: reported.append(exc))

    def broken_export(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("a bug")

    monkeypatch.setattr(export_work, "write_export", broken_export)
    dialog.target_edit.setText(str(tmp_path / "report.docx"))
    finish(qtbot, dialog)
    assert [type(exc) for exc in reported] == [KeyError]
    assert dialog.status.text() == stopped_by_bug()
    assert dialog.close_button.isEnabled() and dialog.export_button.isVisible()
    assert dialog.result is None
    dialog.reject()
    assert not dialog.isVisible()
