"""Fuzz opening a project file from a stranger: refused with our own error, or sound.

Opening, checking and reading a damaged or hostile .annotator file may raise a
ProjectFileError (the app then offers a backup); it never crashes with SQLite's own
exception, never hangs, and never changes a file it refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from annotator.core import codebook, documents, excerpts
from annotator.core.check import check_project
from annotator.core.errors import AnnotatorError
from annotator.core.project import open_project
from tests.fuzz.strategies import FUZZ, inputs, no_hang


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-project")


@FUZZ
@given(data=inputs("project"))
def test_opening_a_damaged_project(folder: Path, data: bytes) -> None:
    path = folder / "received.annotator"
    for leftover in folder.glob("received*"):
        leftover.unlink()
    path.write_bytes(data)
    try:
        with no_hang(), open_project(path, read_only=True) as project:
            report = check_project(project)
            if report.ok:
                documents.list_documents(project)
                codebook.codebook_tree(project)
                excerpts.project_stats(project)
    except AnnotatorError:
        assert path.read_bytes() == data  # a refused file is left exactly as it was
