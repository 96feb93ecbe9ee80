"""Fuzz every importer with random and mutated files: only our own errors may escape.

A file that imports must become a well-formed document: newlines normalised, no BOM,
valid Unicode, stored exactly as prepared, and the project still passes its check.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given

from annotator.core import coders, documents
from annotator.core.check import check_project
from annotator.core.codebook_file import new_project
from annotator.core.importing import errors, import_items
from annotator.core.importing.drafts import prepare
from annotator.core.importing.reading import Kind, Source
from annotator.core.project import Project
from tests.fuzz.strategies import FUZZ, inputs, no_hang

TRIED: dict[str, int] = {}


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, str]]:
    """One project that receives every input that imports, checked at the end."""
    project = new_project(tmp_path_factory.mktemp("fuzz-import") / "fuzz.annotator")
    coder = coders.add_coder(project, "Fuzz")
    yield project, coder.id
    report = check_project(project)
    project.close()
    assert report.ok, report.problems


def _try(target: tuple[Project, str], kind: Kind, suffix: str, data: bytes) -> None:
    project, coder_id = target
    TRIED[kind.name] = TRIED.get(kind.name, 0) + 1
    source = Source(name=f"fuzzed{suffix}", data=data, kind=kind, filename=f"fuzzed{suffix}")
    try:
        with no_hang():
            draft = prepare(source)
    except errors.ImportFailed:
        return
    text = draft.text
    assert "\r" not in text and not text.startswith("\ufeff")
    text.encode("utf-8")  # no lone surrogates
    assert text.strip()
    report = import_items(project, [draft], coder_id=coder_id)
    assert not report.failed, report.failed
    for imported in report.imported:
        stored = documents.get_document(project, imported.document_id)
        assert stored.text == text and stored.char_count == len(text)
        assert documents.get_original(project, stored.id) == data


@FUZZ
@given(data=inputs("text"))
def test_text_files(target: tuple[Project, str], data: bytes) -> None:
    _try(target, Kind.TEXT, ".txt", data)


@FUZZ
@given(data=inputs("markdown"))
def test_markdown_files(target: tuple[Project, str], data: bytes) -> None:
    _try(target, Kind.MARKDOWN, ".md", data)


@FUZZ
@given(data=inputs("html"))
def test_web_pages(target: tuple[Project, str], data: bytes) -> None:
    _try(target, Kind.HTML, ".html", data)


@FUZZ
@given(data=inputs("docx", zipped=True))
def test_word_files(target: tuple[Project, str], data: bytes) -> None:
    _try(target, Kind.DOCX, ".docx", data)


@FUZZ
@given(data=inputs("odt", zipped=True))
def test_opendocument_files(target: tuple[Project, str], data: bytes) -> None:
    _try(target, Kind.ODT, ".odt", data)


@FUZZ
@given(data=inputs("pdf"))
def test_pdf_files(target: tuple[Project, str], data: bytes) -> None:
    _try(target, Kind.PDF, ".pdf", data)


def test_the_seeds_themselves_import(target: tuple[Project, str]) -> None:
    """The corpus is valid input: fuzzing starts from files that work."""
    from tests.fuzz.strategies import seeds

    for kind, folder, suffix in [
        (Kind.TEXT, "text", ".txt"),
        (Kind.MARKDOWN, "markdown", ".md"),
        (Kind.HTML, "html", ".html"),
        (Kind.DOCX, "docx", ".docx"),
        (Kind.ODT, "odt", ".odt"),
        (Kind.PDF, "pdf", ".pdf"),
    ]:
        for data in seeds(folder):
            prepare(Source(name=f"seed{suffix}", data=data, kind=kind, filename=f"s{suffix}"))
