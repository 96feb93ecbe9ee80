"""Share Redacted Copy driven as a researcher would: list, preview, write; and passphrases."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.core import cipher_driver, codebook, coders, coding, documents, events, file_header
from annotator.core.codebook_file import new_project
from annotator.core.project import Project, create_project, open_project
from annotator.ui import passphrase_dialog, redaction_dialog
from annotator.ui.background import stopped_by_bug
from annotator.ui.opening import open_interactively
from annotator.ui.passphrase_dialog import PassphraseDialog
from annotator.ui.redaction_dialog import RedactionDialog

# the offscreen platform says this of every shown top-level window
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TEXT = (
    "Nadia Haddad saw the cameras.\n\nقالت نادية حداد إن الشرطة صورت الجميع.\n\n张伟看见了无人机。"
)
NAMES = ["Nadia Haddad", "نادية حداد", "张伟"]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with new_project(tmp_path / "study.annotator") as opened:
        coder = coders.add_coder(opened, "Field team")
        document = documents.store_document(
            opened, documents.NewDocument(title="Nadia Haddad interview", text=TEXT)
        )
        start = TEXT.index("saw the cameras")
        code_id = codebook.find_code(opened, "CCTV").id
        coding.add_coding(opened, document.id, code_id, start, start + 15, coder.id)
        yield opened


@pytest.fixture
def dialog(qtbot: QtBot, project: Project) -> RedactionDialog:
    shown = RedactionDialog(project)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _preview(dialog: RedactionDialog, text: str) -> None:
    dialog.list_edit.setPlainText(text)
    dialog.preview_button.click()


def test_the_preview_lists_every_replacement_before_anything_is_written(
    dialog: RedactionDialog, tmp_path: Path
) -> None:
    dialog.target_edit.setText(str(tmp_path / "shared.annotator"))
    assert not dialog.write_button.isEnabled()  # nothing previewed yet
    _preview(dialog, "Nadia Haddad => [Source N]\nنادية حداد => [Source N]\n张伟\nNobody Else")
    rows = [dialog.table.topLevelItem(i) for i in range(dialog.table.topLevelItemCount())]
    shown = [(row.text(0), row.text(3)) for row in rows]
    assert ("document text", "[Source N]") in shown
    assert ("document title", "[Source N]") in shown
    assert ("document text", "[REDACTED 3]") in shown
    assert any("[张伟]看见了无人机" in row.text(2) for row in rows)
    assert "Found nowhere (check the spelling): Nobody Else" in dialog.summary.text()
    assert dialog.write_button.isEnabled()
    dialog.list_edit.appendPlainText("another name")
    assert not dialog.write_button.isEnabled()  # an edited list is previewed again


def test_a_bad_pattern_is_explained_and_blocks_writing(
    dialog: RedactionDialog, tmp_path: Path
) -> None:
    dialog.target_edit.setText(str(tmp_path / "shared.annotator"))
    _preview(dialog, "Nadia\nre:(broken")
    assert "The list cannot be used" in dialog.summary.text()
    assert "Line 2: The regular expression “(broken” is not valid" in dialog.summary.text()
    assert "not valid" in dialog.summary.text()
    assert dialog.table.topLevelItemCount() == 0
    assert not dialog.write_button.isEnabled()


def test_writing_a_plain_copy_warns_and_leaves_no_name_in_it(
    qtbot: QtBot, dialog: RedactionDialog, project: Project, tmp_path: Path
) -> None:
    target = tmp_path / "shared.annotator"
    dialog.target_edit.setText(str(target))
    _preview(dialog, "\n".join(NAMES))
    assert "will not be encrypted" in dialog.warning.text()
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    assert "Wrote" in dialog.status.text()
    raw = target.read_bytes()
    for name in NAMES:
        assert name.encode("utf-8") not in raw
    with open_project(target, read_only=True) as shared:
        (summary,) = documents.list_documents(shared)
        (kept,) = coding.codings_of_document(shared, summary.id)
        assert kept.quote == "saw the cameras"
    assert events.history(project, limit=1)[0].action == "redacted copy made"


def test_the_dialog_stays_open_until_the_copy_is_written(
    qtbot: QtBot, dialog: RedactionDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing mid-write would hide whether the copy was made."""
    go_on, writing = threading.Event(), threading.Event()
    real_write = redaction_dialog.write_copy

    def held_write(*args: Any, **kwargs: Any) -> Any:
        writing.set()
        assert go_on.wait(60)  # a ceiling, never a speed check
        return real_write(*args, **kwargs)

    monkeypatch.setattr(redaction_dialog, "write_copy", held_write)
    dialog.target_edit.setText(str(tmp_path / "shared.annotator"))
    _preview(dialog, "\n".join(NAMES))
    dialog.write_button.click()
    try:
        assert writing.wait(60)
        assert not dialog.close_button.isEnabled() and not dialog.write_button.isEnabled()
        dialog.reject()
        assert dialog.isVisible()
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: dialog.written is not None)
    assert dialog.close_button.isEnabled()
    dialog.reject()
    assert not dialog.isVisible()


def test_a_bug_while_writing_is_reported_and_the_dialog_can_close(
    qtbot: QtBot, dialog: RedactionDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, exc, tb: reported.append(exc))

    def broken_write(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("a bug")

    monkeypatch.setattr(redaction_dialog, "write_copy", broken_write)
    dialog.target_edit.setText(str(tmp_path / "shared.annotator"))
    _preview(dialog, "\n".join(NAMES))
    dialog.write_button.click()
    qtbot.waitUntil(lambda: bool(reported))
    assert isinstance(reported[0], KeyError)
    assert dialog.status.text() == stopped_by_bug()
    assert dialog.close_button.isEnabled() and dialog.write_button.isEnabled()
    assert dialog.written is None
    dialog.reject()
    assert not dialog.isVisible()


def test_writing_an_encrypted_copy_asks_for_a_passphrase_twice(
    qtbot: QtBot,
    dialog: RedactionDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        "annotator.ui.redaction_dialog.choose_passphrase", lambda parent: "partner-passphrase-1"
    )
    target = tmp_path / "sealed.annotator"
    dialog.target_edit.setText(str(target))
    dialog.encrypt_box.setChecked(True)
    assert dialog.warning.text() == ""
    _preview(dialog, "张伟")
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    assert dialog.written.encrypted
    assert target.read_bytes()[:16] != file_header.SQLITE_MAGIC
    with open_project(target, passphrase="partner-passphrase-1") as shared:
        assert len(documents.list_documents(shared)) == 1


def test_qdpx_cannot_be_encrypted(dialog: RedactionDialog, tmp_path: Path) -> None:
    dialog.target_edit.setText(str(tmp_path / "shared.annotator"))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".qdpx"))
    assert dialog.target_edit.text().endswith("shared.qdpx")
    assert not dialog.encrypt_box.isEnabled()
    assert "will not be encrypted" in dialog.warning.text()


def test_choosing_a_passphrase_needs_it_twice_and_long_enough(qtbot: QtBot) -> None:
    chooser = PassphraseDialog(choose=True)
    qtbot.addWidget(chooser)
    ok = chooser.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(chooser.passphrase, "short")
    assert "shorter than 8" in chooser.problem.text() and not ok.isEnabled()
    chooser.passphrase.setText("long enough passphrase")
    qtbot.keyClicks(chooser.repeat, "long enough passphrasf")
    assert "differ" in chooser.problem.text() and not ok.isEnabled()
    chooser.repeat.setText("long enough passphrase")
    assert chooser.problem.text() == "" and ok.isEnabled()


def test_opening_an_encrypted_project_asks_again_after_a_wrong_passphrase(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cipher_driver.time, "sleep", lambda seconds: None)
    path = tmp_path / "sealed.annotator"
    create_project(path, passphrase="the right passphrase").close()
    typed = iter(["a wrong passphrase", "the right passphrase"])
    problems: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PassphraseDialog)
        problems.append(dialog.problem.text())
        qtbot.keyClicks(dialog.passphrase, next(typed))
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    def answer_each_time() -> None:
        QTimer.singleShot(0, answer)

    original_exec = PassphraseDialog.exec

    def exec_with_answer(self: PassphraseDialog) -> int:
        answer_each_time()
        return original_exec(self)

    monkeypatch.setattr(PassphraseDialog, "exec", exec_with_answer)
    opened = open_interactively(None, path)
    assert opened is not None and opened.encrypted
    opened.close()
    assert problems[0] == ""
    assert "cannot be opened with this passphrase" in problems[1]


def test_cancelling_the_passphrase_opens_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sealed.annotator"
    create_project(path, passphrase="the right passphrase").close()
    monkeypatch.setattr(PassphraseDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert open_interactively(None, path) is None
    assert passphrase_dialog.OPEN_ATTEMPTS >= 3
