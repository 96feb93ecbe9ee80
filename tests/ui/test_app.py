"""Starting the app: the smoke run, first launch, the sample project, which project opens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.core import documents, user_settings
from annotator.core.project import open_project
from annotator.ui.app import ask_coder_name, choose_project, run_app
from annotator.ui.preferences import CoderNameDialog
from annotator.ui.sample import ensure_sample_project, sample_project_path


def test_smoke_run_opens_the_sample_paints_and_exits_zero(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_app(None, smoke=True) == 0
    out = capsys.readouterr().out
    assert "opened Sample project.annotator, painted “" in out
    assert sample_project_path().exists()


def test_smoke_run_on_a_bad_file_exits_non_zero_with_a_message(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "broken.annotator"
    bogus.write_text("not a project")
    assert run_app(str(bogus), smoke=True) == 1
    err = capsys.readouterr().err
    assert "broken.annotator" in err
    assert "Traceback" not in err


def test_the_annotator_command_smoke_runs_a_given_project(
    workbench_path: Path, user_folders: Path
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--smoke", str(workbench_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "opened workbench.annotator" in result.stdout


def test_the_sample_project_is_built_once_and_then_kept(qtbot: QtBot) -> None:
    path = ensure_sample_project()
    with open_project(path) as project:
        titles = [d.title for d in documents.list_documents(project)]
        project.set_setting("memo", "my practice notes")
    assert len(titles) >= 6
    assert ensure_sample_project() == path
    with open_project(path, read_only=True) as project:
        assert project.setting("memo") == "my practice notes"
    assert not list(path.parent.glob(".*partial*"))


def test_the_project_opened_is_the_given_then_the_last_then_the_sample(tmp_path: Path) -> None:
    last = tmp_path / "last.annotator"
    last.write_bytes(b"")
    assert choose_project("given.annotator", last) == Path("given.annotator")
    assert choose_project(None, last) == last
    assert choose_project(None, tmp_path / "gone.annotator") == sample_project_path()


def test_first_launch_asks_the_coders_name_and_remembers_it(qtbot: QtBot) -> None:
    assert user_settings.configured_coder() is None

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CoderNameDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no name, no OK
        dialog.name_edit.setText("  Layla   Haddad ")
        assert ok.isEnabled()
        ok.click()

    QTimer.singleShot(0, answer)
    identity = ask_coder_name()
    assert identity is not None
    assert identity.name == "Layla Haddad"
    assert user_settings.configured_coder() == identity


def test_a_failure_before_the_error_dialog_exists_is_logged_not_a_traceback(
    qtbot: QtBot,
    user_folders: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The app's start (translations, the window, the smoke run) runs before or without
    the error dialog: what fails there reaches the log too (issue 18)."""
    import logging

    from annotator import logs
    from annotator.cli import main
    from annotator.cli.unexpected import EXIT_UNEXPECTED
    from annotator.ui import app

    def broken_start(project: str | None) -> int:
        raise RuntimeError("the window could not be built")

    monkeypatch.setattr(app, "_smoke", broken_start)
    monkeypatch.setattr(logs, "log_fatal_errors", lambda: None)  # leave pytest's own alone
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        code = main(["--smoke"])
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                handler.close()
        root.handlers[:] = handlers
        root.setLevel(level)
    err = capsys.readouterr().err
    assert code == EXIT_UNEXPECTED
    assert "Traceback" not in err and err.count("\n") == 1
    assert err.startswith("annotator: error: an unexpected problem (RuntimeError: ")
    text = (user_folders / "logs" / logs.LOG_FILE_NAME).read_text("utf-8")
    assert "CRITICAL annotator.cli [" in text and "in broken_start" in text
