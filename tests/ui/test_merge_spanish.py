"""The Merge dialog's refusals in Spanish hold no English (issue 19).

The core used to hand the dialog its English ("no such file", the system's "Permission
denied"), which ended up glued inside the translated sentence. Each sentence is now made
whole in `ui/merge_wording`; these tests compare every refusal with its English and find
no two English words in a row left in the Spanish.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from pytestqt.qtbot import QtBot

from annotator.core.codebook_file import new_project
from annotator.core.exchange.errors import (
    ExchangeFileError,
    FileProblem,
    MergeUndoUnavailable,
    UndoProblem,
)
from annotator.core.os_problems import FileType, OsProblem
from annotator.core.project import Project
from annotator.ui import merge_wording
from annotator.ui.i18n import translations_dir
from annotator.ui.merge_dialog import MergeDialog

PATH = Path("/home/amina/field notes.qdpx")


def _pairs(text: str) -> set[str]:
    """Each two words in a row, leaving out the file's name and file types (".qdpx"),
    which are the same in any language."""
    text = re.sub(r"“[^”]*”|«[^»]*»|\S*\.\w+", " | ", text.lower())
    pairs = set()
    for stretch in re.split(r"[^\w\s'-]", text):
        words = stretch.split()
        pairs |= {f"{a} {b}" for a, b in itertools.pairwise(words)}
    return pairs


def english_left_in(english: str, spanish: str) -> set[str]:
    """Pairs of words of the English message found in a row in the Spanish one."""
    return _pairs(english) & _pairs(spanish)


def _refusals() -> Iterator[tuple[str, Any]]:
    for problem in FileProblem:
        yield problem.name, ExchangeFileError(PATH, problem, count=3)
        for system in OsProblem:
            yield f"{problem.name}+{system.name}", ExchangeFileError(PATH, problem, system=system)
        for file_type in FileType:
            yield (
                f"{problem.name}+{file_type.name}",
                ExchangeFileError(PATH, problem, file_type=file_type),
            )


def _describe(error: Any) -> str:
    if isinstance(error, MergeUndoUnavailable):
        return merge_wording.describe_undo_unavailable(error)
    return merge_wording.describe_exchange_error(error)


SAMPLES = [
    *_refusals(),
    *((reason.name, MergeUndoUnavailable(reason, PATH)) for reason in UndoProblem),
]


@pytest.fixture
def spanish(qapp: Any) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load("annotator_es", translations_dir())
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def english(qapp: Any) -> dict[str, str]:
    return {name: _describe(error) for name, error in SAMPLES}


def test_every_merge_refusal_is_whole_spanish(english: dict[str, str], spanish: None) -> None:
    mixed = {}
    for name, error in SAMPLES:
        left = english_left_in(english[name], _describe(error))
        if left:
            mixed[name] = sorted(left)
    assert mixed == {}


def test_the_dialog_says_a_missing_or_unreadable_file_in_spanish(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    """The dialog end to end: what the file chooser hands it, said in Spanish only."""
    locked = tmp_path / "locked.qdpx"
    locked.write_bytes(b"PK")

    def refuse(path: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("annotator.core.exchange.archive.zipfile.ZipFile", refuse)
    with new_project(tmp_path / "ours.annotator") as ours:
        said = {lang: _said(qtbot, ours, tmp_path, locked, lang, qapp) for lang in ("en", "es")}
    (en_missing, en_locked), (es_missing, es_locked) = said["en"], said["es"]
    assert "gone.qdpx" in es_missing and "locked.qdpx" in es_locked
    assert english_left_in(en_missing, es_missing) == set(), es_missing
    assert english_left_in(en_locked, es_locked) == set(), es_locked
    assert "Permission denied" not in es_locked


def _said(
    qtbot: QtBot, ours: Project, folder: Path, locked: Path, lang: str, qapp: Any
) -> tuple[str, str]:
    translator = QTranslator()
    if lang != "en":
        assert translator.load(f"annotator_{lang}", translations_dir())
        qapp.installTranslator(translator)
    try:
        dialog = MergeDialog(ours)
        qtbot.addWidget(dialog)
        assert not dialog.set_file(folder / "gone.qdpx")
        missing = dialog.summary.text()
        assert not dialog.set_file(locked)
        return missing, dialog.summary.text()
    finally:
        qapp.removeTranslator(translator)
