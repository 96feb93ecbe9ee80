"""The sample project: every shipped article imported and cleaned, a few example codings."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import coders, coding, documents
from annotator.core.check import check_project
from annotator.core.excerpts import excerpts
from annotator.core.project import open_project
from annotator.core.resources import resource_path
from annotator.core.sample_project import (
    EXAMPLE_CODINGS,
    SAMPLE_CODER,
    SAMPLE_CODER_ID,
    build_sample_project,
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_project(tmp_path_factory.mktemp("sample") / "Sample.annotator")


def test_every_sample_article_is_imported_and_cleaned(sample: Path) -> None:
    shipped = sorted(p.name for p in resource_path("samples").iterdir() if p.name != "README.md")
    with open_project(sample) as project:
        stored = [documents.get_document(project, s.id) for s in documents.list_documents(project)]
        assert sorted(d.original_filename for d in stored) == shipped
        for document in stored:
            assert document.imported_by == SAMPLE_CODER_ID
            assert document.published_date and document.title
            assert "Recommended Stories" not in document.text
            assert "Advertisement" not in document.text
        assert check_project(project).ok
        assert project.name == "Sample project"


def test_the_example_codings_are_there_with_overlaps_and_nesting(sample: Path) -> None:
    with open_project(sample) as project:
        coder = coders.get_coder(project, SAMPLE_CODER_ID)
        assert coder.name == SAMPLE_CODER
        found = excerpts(project)
        assert len(found) == len(EXAMPLE_CODINGS)
        assert {e.quote for e in found} == {c.quote for c in EXAMPLE_CODINGS}
        assert all(e.coder_id == coder.id for e in found)
        lusaka = next(e.document_id for e in found if e.code_name == "CCTV")
        spans = [(c.start, c.end) for c in coding.codings_of_document(project, lusaka)]
        nested = [(a, b) for a in spans for b in spans if a != b and a[0] <= b[0] and b[1] <= a[1]]
        crossing = [(a, b) for a in spans for b in spans if a[0] < b[0] < a[1] < b[1]]
        assert nested and crossing
        assert any(e.memo for e in found)


def test_building_is_deterministic(sample: Path, tmp_path: Path) -> None:
    again = build_sample_project(tmp_path / "again.annotator")

    def content(path: Path) -> tuple[list[tuple[str, ...]], list[tuple[object, ...]]]:
        with open_project(path) as project:
            docs = sorted(
                (s.title, s.published_date, s.text_sha256, s.original_sha256)
                for s in documents.list_documents(project)
            )
            codings = sorted(
                (e.document_title, e.code_name, e.start, e.end, e.memo) for e in excerpts(project)
            )
        return docs, codings

    assert content(again) == content(sample)


def test_a_failed_build_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.core import sample_project

    broken = sample_project.ExampleCoding("01-lusaka-facial-recognition.txt", "CCTV", "not there")
    monkeypatch.setattr(sample_project, "EXAMPLE_CODINGS", (broken,))
    target = tmp_path / "sample.annotator"
    with pytest.raises(Exception, match="not there"):
        build_sample_project(target)
    assert list(tmp_path.iterdir()) == []
