"""Schema trust in the window (issue 18): a project carrying foreign parts opens
read-only under a banner naming them, with Repair…; one that cannot be read is offered
the repair on opening; the health check's wrongly typed values get Repair… too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.core import backups, errors
from annotator.ui import messages
from annotator.ui.main_window import MainWindow
from annotator.ui.repair_prompt import RepairPrompt
from tests.core.tampering import BLOB_TITLE, DELETING_TRIGGER, DROPPED_COLUMN, count, tamper
from tests.ui.conftest import bench

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def _when_shown(kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog of this kind, as the researcher would."""

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, respond)
            return
        act(dialog)

    QTimer.singleShot(0, respond)


def _idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.care is not None and not window.care.busy)


def test_a_foreign_trigger_opens_read_only_under_a_banner_with_repair(
    qtbot: QtBot, make_window: Callable[[], MainWindow], workbench_path: Path
) -> None:
    tamper(workbench_path, DELETING_TRIGGER)
    window = make_window()
    assert window.open_project(workbench_path)
    assert window.project is not None and window.project.read_only
    assert window.banner.isVisible() and window.banner.repair_button.isVisible()
    assert "trigger “x” (not written by Annotator)" in window.banner.text()
    assert "(read-only)" in window.windowTitle()
    assert not window.menus.quick_code_action.isEnabled()
    assert not bench(window).codebook.delete_action.isEnabled()

    seen: list[str] = []

    def accept(box: QWidget) -> None:
        assert isinstance(box, RepairPrompt)
        seen.append(box.detailedText())
        box.repair_button.click()

    _when_shown(RepairPrompt, accept)
    window.banner.repair_button.click()
    assert seen == ["trigger “x” (not written by Annotator)"]
    assert window.project is not None and not window.project.read_only
    assert not window.banner.repair_button.isVisible()
    assert "Repaired" in window.statusBar().currentMessage()
    assert len(backups.list_backups(workbench_path)) >= 1
    _idle(qtbot, window)


def test_declining_the_repair_keeps_the_project_read_only_and_unchanged(
    qtbot: QtBot, make_window: Callable[[], MainWindow], workbench_path: Path
) -> None:
    tamper(workbench_path, DELETING_TRIGGER)
    before = workbench_path.read_bytes()
    window = make_window()
    assert window.open_project(workbench_path)
    _when_shown(RepairPrompt, lambda box: box.keep_button.click())  # type: ignore[attr-defined]
    window.banner.repair_button.click()
    assert window.project is not None and window.project.read_only
    _idle(qtbot, window)
    window.close_project()
    assert workbench_path.read_bytes() == before


def test_a_project_that_cannot_be_read_is_offered_the_repair_on_opening(
    qtbot: QtBot, make_window: Callable[[], MainWindow], workbench_path: Path
) -> None:
    tamper(workbench_path, DROPPED_COLUMN)
    seen: list[str] = []

    def accept(box: QWidget) -> None:
        assert isinstance(box, RepairPrompt)
        seen.append(box.detailedText())
        box.repair_button.click()

    _when_shown(RepairPrompt, accept)
    window = make_window()
    assert window.open_project(workbench_path)
    assert seen == ["table “codings” (column “memo” missing)"]
    assert window.project is not None and not window.project.read_only
    _idle(qtbot, window)


def test_declining_the_repair_on_opening_opens_nothing(
    make_window: Callable[[], MainWindow],
    workbench_path: Path,
    shown_errors: list[Exception],
) -> None:
    tamper(workbench_path, DROPPED_COLUMN)
    _when_shown(RepairPrompt, lambda box: box.keep_button.click())  # type: ignore[attr-defined]
    window = make_window()
    assert not window.open_project(workbench_path)
    assert window.project is None and shown_errors == []


def test_a_blob_title_is_offered_the_repair_on_opening(
    qtbot: QtBot, make_window: Callable[[], MainWindow], workbench_path: Path
) -> None:
    # Finding 11 in the window: the document list failed on sorting a BLOB title.
    tamper(workbench_path, BLOB_TITLE)
    seen: list[str] = []

    def accept(box: QWidget) -> None:
        assert isinstance(box, RepairPrompt)
        seen.append(box.detailedText())
        box.repair_button.click()

    _when_shown(RepairPrompt, accept)
    window = make_window()
    assert window.open_project(workbench_path)
    assert len(seen) == 1 and "documents.title" in seen[0]
    assert bench(window).viewer.current_document is not None
    assert count(workbench_path, "documents WHERE typeof(title) = 'text'") == 2
    _idle(qtbot, window)


def test_the_health_check_reports_wrongly_typed_values_with_repair(
    qtbot: QtBot, make_window: Callable[[], MainWindow], workbench_path: Path
) -> None:
    tamper(workbench_path, "UPDATE coders SET created_at = CAST(created_at AS BLOB)")
    window = make_window()
    assert window.open_project(workbench_path)
    qtbot.waitUntil(window.banner.isVisible)
    assert "coders.created_at: 1 row not text" in window.banner.text()
    assert window.banner.repair_button.isVisible()
    _idle(qtbot, window)
    _when_shown(RepairPrompt, lambda box: box.repair_button.click())  # type: ignore[attr-defined]
    window.banner.repair_button.click()
    assert window.project is not None
    _idle(qtbot, window)
    assert not window.banner.isVisible()
    assert count(workbench_path, "coders WHERE typeof(created_at) = 'blob'") == 0


def test_writing_to_an_untrusted_project_is_refused_in_the_researchers_words(
    make_window: Callable[[], MainWindow], workbench_path: Path
) -> None:
    tamper(workbench_path, DELETING_TRIGGER)
    window = make_window()
    assert window.open_project(workbench_path)
    assert window.project is not None
    with pytest.raises(errors.UntrustedSchema) as refused:
        window.project.set_setting("name", "renamed")
    text = messages.describe(refused.value)
    assert "nothing is written to it until it is repaired" in text
    assert "trigger “x” (not written by Annotator)" in text
