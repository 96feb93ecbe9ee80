"""Fuzz the files other people send: .qdpx, .qdc, .annotator, codebook CSV and JSON.

Reading may refuse a file with our own error; a file that is read is merged (or its
codebook loaded), after which the project still passes its check and every coding's
quote equals its span of the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from annotator.core import coders
from annotator.core.check import check_project
from annotator.core.codebook_file import load_codebook, new_project
from annotator.core.errors import AnnotatorError
from annotator.core.exchange.merge import apply_merge, load_incoming
from annotator.core.exchange.merge_plan import Choice, plan_merge
from annotator.core.exports.codebook_csv import import_codebook_csv
from annotator.core.project import Project
from tests.fuzz.strategies import FUZZ, inputs, no_hang


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-exchange")


def _fresh_project(folder: Path) -> Project:
    path = folder / "target.annotator"
    for leftover in folder.glob("target*"):
        leftover.unlink()
    return new_project(path)


def _assert_sound(project: Project) -> None:
    report = check_project(project)
    assert report.ok, (report.integrity, report.problems[:3])


def _merge(folder: Path, suffix: str, data: bytes) -> None:
    received = folder / f"received{suffix}"
    received.write_bytes(data)
    try:
        with no_hang():
            incoming = load_incoming(received)
    except AnnotatorError:
        return
    with _fresh_project(folder) as project:
        coder = coders.add_coder(project, "Fuzz")
        try:
            plan = plan_merge(project, incoming, default=Choice.THEIRS)
            apply_merge(project, plan, coder_id=coder.id, source=received)
        except AnnotatorError:
            pass
        _assert_sound(project)


@FUZZ
@given(data=inputs("qdpx", zipped=True))
def test_refi_qda_projects(folder: Path, data: bytes) -> None:
    _merge(folder, ".qdpx", data)


@FUZZ
@given(data=inputs("qdc"))
def test_refi_qda_codebooks(folder: Path, data: bytes) -> None:
    _merge(folder, ".qdc", data)


@FUZZ
@given(data=inputs("project"))
def test_annotator_files_to_merge(folder: Path, data: bytes) -> None:
    _merge(folder, ".annotator", data)


@FUZZ
@given(data=inputs("codebook-csv"))
def test_codebook_csv(folder: Path, data: bytes) -> None:
    received = folder / "codebook.csv"
    received.write_bytes(data)
    with _fresh_project(folder) as project:
        try:
            with no_hang():
                import_codebook_csv(project, received)
        except AnnotatorError:
            pass
        _assert_sound(project)


@FUZZ
@given(data=inputs("codebook-json"))
def test_codebook_json(folder: Path, data: bytes) -> None:
    received = folder / "codebook.json"
    received.write_bytes(data)
    with _fresh_project(folder) as project:
        try:
            with no_hang():
                load_codebook(project, received)
        except AnnotatorError:
            pass
        _assert_sound(project)


def test_a_nul_character_found_by_fuzzing_keeps_quotes_true(folder: Path) -> None:
    """A .qdpx source starting with NUL: SQLite's substr stops at a NUL, so it is U+FFFD."""
    from annotator.core import coding, documents

    with _fresh_project(folder) as project:
        coder = coders.add_coder(project, "Fuzz")
        doc = documents.store_document(
            project, documents.NewDocument(title="NUL", text="\x00Cameras at the gate")
        )
        assert doc.text == "\ufffdCameras at the gate"
        code_id = next(iter(project.conn.execute("SELECT id FROM codes LIMIT 1")))[0]
        change = coding.add_coding(project, doc.id, code_id, 1, 8, coder.id)
        assert coding.get_coding(project, next(iter(change.codings))).quote == "Cameras"
        assert coding.mismatched_quotes(project) == []
