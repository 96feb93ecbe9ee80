"""File › Merge: the dialog shows the plan and conflicts, asks, merges, and undoes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from annotator.core import coders, documents
from annotator.core.codebook import find_code, update_code
from annotator.core.codebook_file import new_project
from annotator.core.exchange.merge_plan import Choice
from annotator.core.project import Project, open_project, save_copy
from annotator.ui.merge_dialog import MergeDialog
from tests.core.exchange.conftest import code_sample

FIXTURES = Path(__file__).parents[1] / "fixtures" / "refi-qda"


@pytest.fixture
def ours(tmp_path: Path) -> Project:
    with new_project(tmp_path / "ours.annotator") as project:
        code_sample(project, coders.add_coder(project, "Amina").id)
        yield project


@pytest.fixture
def their_copy(ours: Project, tmp_path: Path) -> Path:
    path = save_copy(ours, tmp_path / "theirs.annotator")
    with open_project(path) as copy:
        code_sample(copy, coders.add_coder(copy, "Tomás").id, which=1)
        update_code(copy, find_code(copy, "CCTV").id, color="#000000")
    return path


def _count(project: Project) -> int:
    return project.conn.execute("SELECT count(*) FROM codings").fetchone()[0]


def test_conflicts_need_a_choice_before_merging_and_undo_restores(
    qtbot: QtBot, ours: Project, their_copy: Path
) -> None:
    dialog = MergeDialog(ours, coder_id=None)
    qtbot.addWidget(dialog)
    assert dialog.set_file(their_copy)
    assert "5 new codings" in dialog.summary.text()
    assert dialog.conflicts.rowCount() == 1
    assert "CCTV" in dialog.conflicts.item(0, 0).text()
    assert "#000000" in dialog.conflicts.item(0, 2).text()
    box = dialog.conflicts.cellWidget(0, 3)
    assert isinstance(box, QComboBox) and box.currentIndex() == -1  # nothing chosen for them
    assert not dialog.merge_button.isEnabled()
    dialog.choose(dialog.plan.conflicts[0].key, Choice.THEIRS)
    assert dialog.merge_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        dialog.merge_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _count(ours) == 10
    assert find_code(ours, "CCTV").color == "#000000"
    assert dialog.backup is not None and dialog.backup.is_file()
    assert dialog.change is not None
    dialog.change.undo(ours)
    assert _count(ours) == 5
    assert find_code(ours, "CCTV").color != "#000000"


def test_a_refused_file_is_explained_and_nothing_changes(
    qtbot: QtBot, ours: Project, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.qdpx"
    bad.write_bytes(b"PK\x03\x04 not a zip at all")
    dialog = MergeDialog(ours)
    qtbot.addWidget(dialog)
    assert not dialog.set_file(bad)
    assert "“broken.qdpx” cannot be merged" in dialog.summary.text()
    assert "Nothing was changed" in dialog.summary.text()
    assert not dialog.merge_button.isEnabled()
    assert _count(ours) == 5


def test_a_missing_or_unreadable_file_is_one_whole_sentence(
    qtbot: QtBot, ours: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19: the system's English was glued into the frame ("it no such file")."""
    dialog = MergeDialog(ours)
    qtbot.addWidget(dialog)
    assert not dialog.set_file(tmp_path / "gone.qdpx")
    assert dialog.summary.text().startswith("“gone.qdpx” cannot be merged: there is no such file.")
    locked = tmp_path / "locked.qdpx"
    locked.write_bytes(b"PK")

    def refuse(path: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("annotator.core.exchange.archive.zipfile.ZipFile", refuse)
    assert not dialog.set_file(locked)
    assert dialog.summary.text().startswith(
        "“locked.qdpx” cannot be merged: the file cannot be read. You have no permission to use it."
    )


def test_a_partners_qdpx_lists_what_is_not_imported(qtbot: QtBot, ours: Project) -> None:
    dialog = MergeDialog(ours)
    qtbot.addWidget(dialog)
    assert dialog.set_file(FIXTURES / "qualcoder-export.qdpx")
    listed = [dialog.not_imported.item(i).text() for i in range(dialog.not_imported.count())]
    assert listed == ["Not imported: project memo “Probe project memo”: Annotator cannot hold this"]
    assert dialog.conflicts.rowCount() == 0
    with qtbot.waitSignal(dialog.accepted):
        dialog.merge_button.click()
    assert documents.find_document(ours, "interview1")
