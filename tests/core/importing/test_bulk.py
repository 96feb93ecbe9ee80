"""Bulk import: folders, duplicates, the report, progress, cancel, and one undo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.core import coders, documents, events
from annotator.core.changes import ChangeKind
from annotator.core.importing import (
    ImportOptions,
    Outcome,
    Progress,
    bulk,
    errors,
    import_items,
    prepare_file,
    prepare_pasted,
)
from annotator.core.project import Project, open_project
from tests.core.importing import builders
from tests.core.statements import document_inserts


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    (root / "2024" / "may").mkdir(parents=True)
    shutil.copy(builders.SCRAPE, root / "a-scrape.txt")
    shutil.copy(builders.LATIN1_PAGE, root / "2024" / "b-page.html")
    builders.write_pdf(root / "2024" / "may" / "c-brief.pdf")
    (root / "2024" / "may" / "d-notes.md").write_text("# Notes\n\nSix cameras.", "utf-8")
    (root / "README.md").write_text("What this folder is", "utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / ".hidden.txt").write_text("not me", "utf-8")
    return root


def test_a_folder_is_imported_recursively_in_path_order(
    project: Project, coder: coders.Coder, folder: Path
) -> None:
    steps: list[Progress] = []
    report = import_items(project, [folder], coder_id=coder.id, on_progress=steps.append)
    assert [Path(i.source).name for i in report.imported] == [
        "b-page.html",
        "c-brief.pdf",
        "d-notes.md",
        "a-scrape.txt",
    ]
    assert sorted(Path(p).name for p in report.ignored) == ["README.md", "photo.jpg"]
    assert report.ok and not report.duplicates and not report.cancelled
    assert [(s.done, s.total, s.outcome) for s in steps] == [
        (n, 4, Outcome.IMPORTED) for n in range(1, 5)
    ]
    assert steps[-1].imported == 4


def test_imported_documents_keep_originals_hashes_and_who_imported_them(
    project: Project, coder: coders.Coder, folder: Path
) -> None:
    report = import_items(project, [folder / "a-scrape.txt"], coder_id=coder.id)
    project.close()
    with open_project(project.path) as reopened:
        document = documents.get_document(reopened, report.imported[0].document_id)
        original = builders.SCRAPE.read_bytes()
        assert documents.get_original(reopened, document.id) == original
        assert document.original_sha256 == documents.sha256_hex(original)
        assert document.text_sha256 == documents.sha256_hex(document.text)
        assert document.imported_by == coder.id
        assert (document.media_type, document.encoding) == ("text/plain", "utf-8")
        assert (
            document.title == "Harbour authority adds face-matching cameras at the ferry terminal"
        )
        assert document.published_date == "2024-04-16"
        logged = events.history(reopened, action="document imported")[0].details
        assert logged["text_sha256"] == document.text_sha256
        assert logged["original_sha256"] == document.original_sha256
        assert logged["removed"] == []


def test_the_clean_up_is_recorded_in_the_audit_log(project: Project, coder: coders.Coder) -> None:
    report = import_items(
        project, [builders.SCRAPE], coder_id=coder.id, options=ImportOptions(clean=True)
    )
    removed = events.history(project)[0].details["removed"]
    advertisement = next(r for r in report.imported[0].removed if r.text == "Advertisement")
    # reason, what went, and where it stood in the extracted text
    assert ["boilerplate", "Advertisement", advertisement.start, advertisement.end] in removed
    original = builders.SCRAPE.read_text("utf-8")
    assert original[advertisement.start : advertisement.end].strip() == "Advertisement"


def test_duplicates_are_reported_not_stored_twice(
    project: Project, coder: coders.Coder, folder: Path
) -> None:
    first = import_items(project, [folder / "a-scrape.txt"], coder_id=coder.id)
    copy = folder / "copy-of-scrape.txt"
    shutil.copy(folder / "a-scrape.txt", copy)
    second = import_items(project, [copy, folder / "a-scrape.txt"], coder_id=coder.id)
    assert second.imported == []
    assert [(d.source, d.existing_id) for d in second.duplicates] == [
        (str(copy), first.imported[0].document_id),
        (str(folder / "a-scrape.txt"), first.imported[0].document_id),
    ]
    assert second.change is None
    assert len(documents.list_documents(project)) == 1


def test_two_identical_files_in_one_import_store_one_document(
    project: Project, coder: coders.Coder, tmp_path: Path
) -> None:
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text("Same text.\n\nTwice.", "utf-8")
    report = import_items(project, [tmp_path / "one.txt", tmp_path / "two.txt"], coder_id=None)
    assert len(report.imported) == 1
    assert report.duplicates[0].existing_id == report.imported[0].document_id


def test_one_undo_removes_the_whole_import_and_redo_restores_the_same_documents(
    project: Project, coder: coders.Coder, folder: Path
) -> None:
    report = import_items(project, [folder], coder_id=coder.id)
    before = {
        d.id: d
        for d in map(
            lambda s: documents.get_document(project, s.id), documents.list_documents(project)
        )
    }
    assert report.change is not None
    assert (report.change.kind, report.change.count) == (ChangeKind.IMPORT_DOCUMENTS, 4)
    redo = report.change.undo(project)
    assert documents.list_documents(project) == []
    redo.undo(project)
    after = {s.id: documents.get_document(project, s.id) for s in documents.list_documents(project)}
    assert after == before
    assert all(documents.get_original(project, i) for i in after)


def test_drafts_adjusted_by_the_researcher_are_stored_as_adjusted(
    project: Project, coder: coders.Coder
) -> None:
    draft = prepare_file(builders.SCRAPE, ImportOptions(clean=True))
    draft.chosen.discard(next(i for i, r in enumerate(draft.removals) if r.text == "Advertisement"))
    draft.provenance["notes"] = "Shared by a source in Saltmere"
    pasted = prepare_pasted("Pasted note about cameras.")
    report = import_items(project, [draft, pasted], coder_id=coder.id)
    stored = [documents.get_document(project, i.document_id) for i in report.imported]
    assert stored[0].text == draft.text and "Advertisement" in stored[0].text
    assert stored[0].notes == "Shared by a source in Saltmere"
    assert stored[1].title == "Pasted note about cameras." and stored[1].original_filename == ""


def test_cancel_keeps_what_was_imported_and_lists_the_rest(
    project: Project, coder: coders.Coder, folder: Path
) -> None:
    answers = iter([False, False, True])  # the researcher clicks Cancel during the third
    report = import_items(project, [folder], coder_id=coder.id, should_cancel=lambda: next(answers))
    assert report.cancelled
    assert len(report.imported) == 2
    assert [Path(p).name for p in report.not_reached] == ["d-notes.md", "a-scrape.txt"]
    project.close()
    with open_project(project.path) as reopened:
        assert len(documents.list_documents(reopened)) == 2


def test_documents_are_written_in_batches_and_progress_follows_the_disk(
    project: Project, coder: coders.Coder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "BATCH_SIZE", 3)
    monkeypatch.setattr(bulk, "BATCH_SECONDS", 3600)
    paths = []
    for n in range(7):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"Document number {n}.", "utf-8")
    stored_counts: list[int] = []
    other = open_project(project.path)  # sees only what is committed
    report = import_items(
        project,
        paths,
        coder_id=coder.id,
        on_progress=lambda _: stored_counts.append(len(documents.list_documents(other))),
    )
    other.close()
    assert len(report.imported) == 7
    assert stored_counts == [3, 3, 3, 6, 6, 6, 7]  # progress only counts what is on disk


def test_a_batch_of_documents_is_stored_in_a_few_statements_not_one_each(
    project: Project, coder: coders.Coder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FTS5 writes out what it indexed at the end of every statement: one statement per
    document took twice the CPU time of a few (docs/benchmarks.md, issue 19)."""
    monkeypatch.setattr(bulk, "BATCH_SECONDS", 3600)
    paths = []
    for n in range(60):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"Document number {n} about checkpoints.", "utf-8")
    statements = document_inserts(project)
    report = import_items(project, paths, coder_id=coder.id)
    project.conn.set_trace_callback(None)
    assert len(report.imported) == 60
    assert len(documents.list_documents(project)) == 60
    assert 1 <= len(statements) <= 3, len(statements)


def test_a_failed_write_fails_its_batch_and_stores_none_of_it(
    project: Project, coder: coders.Coder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object, **kwargs: object) -> None:
        import sqlite3

        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(documents, "insert_document_rows", full_disk)
    (tmp_path / "a.txt").write_text("Some text.", "utf-8")
    report = import_items(project, [tmp_path / "a.txt"], coder_id=coder.id)
    assert [type(f.error) for f in report.failed] == [errors.NotStored]
    assert "disk is full" in report.failed[0].error.detail
    assert documents.list_documents(project) == [] and report.change is None
