"""The import dialog: preview, adjust, import off the GUI thread, cancel, report."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core import coders, documents, errors
from annotator.core.importing import Draft, ImportOptions, bulk
from annotator.core.project import Project
from annotator.ui import import_work
from annotator.ui.background import stopped_by_bug
from annotator.ui.import_dialog import ImportDialog
from tests.core.importing import builders

WAIT_MS = 20_000  # a generous ceiling for a background job, never a speed check


@pytest.fixture
def dialog(qtbot: QtBot, project: Project, coder: coders.Coder) -> ImportDialog:
    widget = ImportDialog(project, coder.id)
    qtbot.addWidget(widget)
    return widget


def wait_for_preview(qtbot: QtBot, dialog: ImportDialog) -> Draft:
    qtbot.waitUntil(lambda: dialog.preview.draft is not None, timeout=WAIT_MS)
    assert dialog.preview.draft is not None
    return dialog.preview.draft


def run_import(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)


def removal_items(dialog: ImportDialog) -> list[tuple[str, Qt.CheckState]]:
    items = (dialog.preview.removals.item(i) for i in range(dialog.preview.removals.count()))
    return [(item.text(), item.checkState()) for item in items]


def test_the_preview_shows_encoding_details_and_what_clean_up_would_drop(
    qtbot: QtBot, dialog: ImportDialog
) -> None:
    dialog.add_paths([builders.SCRAPE])
    draft = wait_for_preview(qtbot, dialog)
    assert dialog.preview.encoding.currentText() == "utf-8"
    assert "detected" in dialog.preview.encoding_note.text()
    fields = dialog.preview.fields
    assert fields["title"].text() == (
        "Harbour authority adds face-matching cameras at the ferry terminal"
    )
    assert (fields["published_date"].text(), fields["author"].text()) == (
        "2024-04-16",
        "Imani Okafor",
    )
    items = removal_items(dialog)
    assert len(items) == len(draft.removals) > 5
    assert {state for _, state in items} == {Qt.CheckState.Unchecked}  # clean-up is opt-in
    assert ("boilerplate: Advertisement", Qt.CheckState.Unchecked) in items
    assert "Advertisement" in dialog.preview.text.toPlainText()

    dialog.clean.setChecked(True)
    assert {state for _, state in removal_items(dialog)} == {Qt.CheckState.Checked}
    assert "Advertisement" not in dialog.preview.text.toPlainText()
    assert "Recommended Stories" not in dialog.preview.text.toPlainText()


def test_a_line_the_researcher_keeps_stays_in_the_frozen_text(
    qtbot: QtBot, dialog: ImportDialog, project: Project
) -> None:
    dialog.clean.setChecked(True)
    dialog.add_paths([builders.SCRAPE])
    wait_for_preview(qtbot, dialog)
    removals = dialog.preview.removals
    advert = next(
        removals.item(i)
        for i in range(removals.count())
        if removals.item(i).text() == "boilerplate: Advertisement"
    )
    advert.setCheckState(Qt.CheckState.Unchecked)
    shown = dialog.preview.text.toPlainText()
    assert "\n\nAdvertisement\n\n" in shown and "Recommended Stories" not in shown
    run_import(qtbot, dialog)
    stored = documents.get_document(project, dialog.imported_document_ids[0])
    assert stored.text == shown


def test_any_run_of_lines_can_be_dropped_by_hand_and_restored(
    qtbot: QtBot, dialog: ImportDialog, project: Project
) -> None:
    dialog.add_paths([builders.SCRAPE])
    wait_for_preview(qtbot, dialog)
    assert not dialog.preview.drop_button.isEnabled()
    text = dialog.preview.text
    shown = text.toPlainText()
    first, second = shown.index("The port authority"), shown.index("Every passenger")
    cursor = text.textCursor()
    cursor.setPosition(first + 3)
    cursor.setPosition(second + 3, cursor.MoveMode.KeepAnchor)  # across two paragraphs
    text.setTextCursor(cursor)
    assert dialog.preview.drop_button.isEnabled()
    qtbot.mouseClick(dialog.preview.drop_button, Qt.MouseButton.LeftButton)
    after = text.toPlainText()
    assert "The port authority" not in after and "Every passenger" not in after
    label, state = removal_items(dialog)[-1]
    assert label.startswith("dropped by hand: The port authority")
    tooltip = dialog.preview.removals.item(dialog.preview.removals.count() - 1).toolTip()
    assert "Every passenger" in tooltip
    assert label.endswith("…")  # shortened; the tooltip has both paragraphs
    assert state == Qt.CheckState.Checked

    dialog.preview.removals.item(dialog.preview.removals.count() - 1).setCheckState(
        Qt.CheckState.Unchecked
    )
    assert text.toPlainText() == shown  # restored
    dialog.preview.removals.item(dialog.preview.removals.count() - 1).setCheckState(
        Qt.CheckState.Checked
    )
    run_import(qtbot, dialog)
    stored = documents.get_document(project, dialog.imported_document_ids[0])
    assert "The port authority" not in stored.text and "Every passenger" not in stored.text


def test_edited_details_are_stored_and_survive_reading_again(
    qtbot: QtBot, dialog: ImportDialog, project: Project
) -> None:
    dialog.add_paths([builders.SCRAPE])
    wait_for_preview(qtbot, dialog)
    title = dialog.preview.fields["title"]
    title.selectAll()
    qtbot.keyClicks(title, "Ferry gate cameras")
    qtbot.keyClicks(dialog.preview.fields["notes"], "From a partner's archive")
    dialog.preview.encoding.setEditText("cp1252")
    qtbot.keyClick(dialog.preview.encoding.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: dialog.preview.draft is not None and dialog.preview.draft.encoding == "cp1252",
        timeout=WAIT_MS,
    )
    assert dialog.preview.fields["title"].text() == "Ferry gate cameras"
    run_import(qtbot, dialog)
    stored = documents.get_document(project, dialog.imported_document_ids[0])
    assert (stored.title, stored.notes, stored.encoding) == (
        "Ferry gate cameras",
        "From a partner's archive",
        "cp1252",
    )


def test_choosing_another_encoding_reads_the_file_again(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    path = tmp_path / "arabic.txt"
    text = "قالت الشرطة إن الكاميرات تراقب الساحة الرئيسية في المدينة منذ يوم الثلاثاء."
    path.write_bytes(text.encode("cp1256"))
    dialog.add_paths([path])
    assert wait_for_preview(qtbot, dialog).encoding == "cp1256"
    assert dialog.preview.text.toPlainText() == text
    dialog.preview.encoding.setEditText("cp1252")
    qtbot.keyClick(dialog.preview.encoding.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: dialog.preview.draft is not None and dialog.preview.draft.encoding == "cp1252",
        timeout=WAIT_MS,
    )
    assert "الكاميرات" not in dialog.preview.text.toPlainText()
    assert "as declared by the file or chosen by you" in dialog.preview.encoding_note.text()


def test_a_web_page_lists_what_main_content_detection_left_out(
    qtbot: QtBot, dialog: ImportDialog
) -> None:
    dialog.add_paths([builders.LATIN1_PAGE])
    wait_for_preview(qtbot, dialog)
    outside = [dialog.preview.outside.item(i).text() for i in range(dialog.preview.outside.count())]
    assert "Portada" in outside and dialog.preview.whole_page.isVisibleTo(dialog)
    dialog.preview.whole_page.setChecked(True)
    qtbot.waitUntil(
        lambda: dialog.preview.text.toPlainText().startswith("Portada"), timeout=WAIT_MS
    )


def test_a_folder_of_good_and_broken_files_ends_with_a_report(
    qtbot: QtBot, dialog: ImportDialog, project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(builders.SCRAPE, folder / "good.txt")
    builders.write_pdf(folder / "good.pdf")
    (folder / "broken.docx").write_bytes(b"not a zip")
    (folder / "empty.txt").write_bytes(b"")
    dialog.add_paths([folder])
    assert dialog.sources.count() == 4
    qtbot.waitUntil(lambda: "cannot be imported" in dialog.sources.item(0).text(), timeout=WAIT_MS)
    run_import(qtbot, dialog)
    report = dialog.report_view.toPlainText()
    assert report.startswith("2 imported, 0 duplicates skipped, 2 failed")
    assert "broken.docx: The file is damaged, or is not really a Word (.docx) file." in report
    assert "empty.txt: The file is empty." in report
    assert dialog.pages.currentWidget() is dialog.report_view
    assert not dialog.import_button.isEnabled() and dialog.close_button.isEnabled()
    assert len(dialog.imported_document_ids) == 2
    stored = {s.id for s in documents.list_documents(project)}  # the window's own connection
    assert stored == set(dialog.imported_document_ids)
    assert dialog.change is not None
    dialog.change.undo(project)
    assert documents.list_documents(project) == []


def test_an_import_that_cannot_run_says_why_in_words(
    qtbot: QtBot, dialog: ImportDialog, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19: the report showed the error's log line ("unwritable: path=...")."""

    def refuse(path: Path, **kwargs: object) -> Project:
        raise errors.ProjectUnwritable(path)

    monkeypatch.setattr("annotator.ui.import_work.open_project", refuse)
    dialog.add_paths([builders.SCRAPE])
    wait_for_preview(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == "Nothing was imported.", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not dialog.background.busy, timeout=WAIT_MS)  # all delivered
    said = dialog.report_view.toPlainText()
    assert said.startswith("The import could not run: ")
    assert project.path.name in said and "unwritable" not in said


def test_pasted_text_is_previewed_and_imported(
    qtbot: QtBot, dialog: ImportDialog, project: Project
) -> None:
    dialog.add_pasted("Notes from the ferry gate\n\nSix cameras above gate four.")
    assert wait_for_preview(qtbot, dialog).title == "Notes from the ferry gate"
    assert dialog.sources.item(0).text() == "Pasted text"
    assert not dialog.preview.encoding.isEnabled() or dialog.preview.encoding.currentText() == (
        "utf-8"
    )
    run_import(qtbot, dialog)
    stored = documents.get_document(project, dialog.imported_document_ids[0])
    assert stored.text == "Notes from the ferry gate\n\nSix cameras above gate four."


def test_a_duplicate_is_reported_not_imported(
    qtbot: QtBot, dialog: ImportDialog, project: Project, coder: coders.Coder
) -> None:
    bulk.import_items(project, [builders.SCRAPE], coder_id=coder.id)
    dialog.add_paths([builders.SCRAPE])
    run_import(qtbot, dialog)
    assert dialog.imported_document_ids == [] and dialog.change is None
    assert "Skipped as duplicates" in dialog.report_view.toPlainText()


def test_cancel_keeps_the_imported_documents_and_lists_the_rest(
    qtbot: QtBot,
    dialog: ImportDialog,
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = []
    for n in range(5):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"Article number {n} about cameras.", "utf-8")
    reading_second = threading.Event()
    go_on = threading.Event()
    real_prepare = bulk.prepare_file

    def slow_second(path: Path, options: ImportOptions) -> Draft:
        if path.name == "1.txt":
            reading_second.set()
            go_on.wait()
        return real_prepare(path, options)

    monkeypatch.setattr(bulk, "prepare_file", slow_second)
    dialog.add_paths(paths)  # only the first is previewed: the rest are read by the import
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    try:
        assert reading_second.wait(WAIT_MS / 1000)
        assert dialog.cancel_button.isVisibleTo(dialog) and not dialog.close_button.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        go_on.set()  # never leave the worker waiting
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    assert dialog.report is not None and dialog.report.cancelled
    assert len(dialog.imported_document_ids) == 2
    assert len(documents.list_documents(project)) == 2
    report = dialog.report_view.toPlainText()
    assert "(cancelled)" in report and "Not imported because you cancelled:" in report
    assert "  • 4.txt" in report


def test_a_bug_during_the_import_is_reported_and_the_dialog_can_close(
    qtbot: QtBot, dialog: ImportDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, exc, tb: reported.append(exc))

    def broken_import(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(import_work, "import_items", broken_import)
    dialog.add_paths([builders.SCRAPE])
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(reported) and dialog.close_button.isEnabled(), timeout=WAIT_MS)
    assert [type(exc) for exc in reported] == [KeyError]
    assert dialog.status.text() == stopped_by_bug()
    assert dialog.report is None and dialog.import_button.isEnabled()
    assert not dialog.cancel_button.isVisibleTo(dialog)


def test_remove_a_source_before_importing(qtbot: QtBot, dialog: ImportDialog) -> None:
    dialog.add_paths([builders.SCRAPE, builders.LATIN1_PAGE])
    dialog.sources.setCurrentRow(1)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.sources.count() == 1
    assert dialog.sources.item(0).text() == builders.SCRAPE.name


def test_closing_during_an_import_cancels_it_and_keeps_whole_documents(
    qtbot: QtBot,
    dialog: ImportDialog,
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = []
    for n in range(4):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"Report {n} on the harbour cameras.", "utf-8")
    reading_second, stored = threading.Event(), threading.Event()
    real_prepare = bulk.prepare_file

    def wait_for_the_close(path: Path, options: ImportOptions) -> Draft:
        if path.name == "1.txt":
            reading_second.set()
            # the worker can get here before the GUI thread has stored the operation
            assert stored.wait(WAIT_MS / 1000) and dialog._import is not None
            dialog._import.task.wait_for_cancel(WAIT_MS / 1000)  # the window closes meanwhile
        return real_prepare(path, options)

    monkeypatch.setattr(bulk, "prepare_file", wait_for_the_close)
    dialog.add_paths(paths)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    stored.set()
    assert reading_second.wait(WAIT_MS / 1000)
    dialog.reject()
    assert dialog.report is not None and dialog.report.cancelled
    assert len(documents.list_documents(project)) == 2 == len(dialog.imported_document_ids)


def test_importing_into_an_encrypted_project(qtbot: QtBot, tmp_path: Path) -> None:
    from annotator.core.codebook_file import new_project

    secret = "correct horse battery"
    with new_project(tmp_path / "sealed.annotator", passphrase=secret) as project:
        coder = coders.add_coder(project, "Amina")
        widget = ImportDialog(project, coder.id)
        qtbot.addWidget(widget)
        widget.add_pasted("Notes from the checkpoint\n\nSoldiers photographed every permit.")
        wait_for_preview(qtbot, widget)
        run_import(qtbot, widget)
        assert widget.report is not None and not widget.report.failed
        (summary,) = documents.list_documents(project)
        assert summary.title == "Notes from the checkpoint"
