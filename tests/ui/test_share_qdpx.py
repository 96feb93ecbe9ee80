"""File > Share for other tools writes the whole project as a REFI-QDA .qdpx."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from annotator.core.exchange.incoming import IncomingProject
from annotator.core.exchange.qdpx_import import read_qdpx
from annotator.ui import project_dialogs
from annotator.ui.main_window import MainWindow


def test_the_menu_writes_a_qdpx_a_partner_can_read_back(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "for partner.qdpx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    action = window.menus.file.share_qdpx_action
    assert action.isEnabled()
    action.trigger()
    assert target.exists()
    incoming: IncomingProject = read_qdpx(target)
    assert window.project is not None
    stored = window.project.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert len(incoming.documents) == stored > 0
    assert "for other tools" in window.statusBar().currentMessage()


def test_an_unwritable_target_is_reported_not_raised(
    window: MainWindow, tmp_path: Path, shown_errors: list[Exception]
) -> None:
    assert not project_dialogs.share_qdpx(window, tmp_path / "no such folder" / "x.qdpx")
    assert len(shown_errors) == 1
    assert not (tmp_path / "no such folder").exists()
