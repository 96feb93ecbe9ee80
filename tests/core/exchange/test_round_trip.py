"""Our project -> .qdpx -> a new project: the same documents, codes, codings and coders."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import xmlschema

from annotator.core import coders, documents
from annotator.core.codebook import codebook_tree
from annotator.core.codebook_file import new_project
from annotator.core.coding import codings_of_document
from annotator.core.exchange.merge import apply_merge, load_incoming, plan_merge
from annotator.core.exchange.qdpx_export import export_qdpx
from annotator.core.project import Project, open_project
from annotator.core.sample_project import build_sample_project

DOCUMENT_FIELDS = (
    "id",
    "title",
    "text",
    "text_sha256",
    "original_filename",
    "media_type",
    "original_sha256",
    "encoding",
    "source_url",
    "publisher",
    "author",
    "published_date",
    "accessed_date",
    "language",
    "notes",
    "memo",
    "imported_at",
    "imported_by",
    "char_count",
)


def _documents(project: Project) -> dict[str, dict[str, object]]:
    found = {}
    for summary in documents.list_documents(project):
        doc = documents.get_document(project, summary.id)
        found[doc.id] = {f: getattr(doc, f) for f in DOCUMENT_FIELDS}
        found[doc.id]["original"] = documents.get_original(project, doc.id)
    return found


def _codes(project: Project) -> list[tuple[object, ...]]:
    return [
        (n.path, n.depth, n.code.id, n.code.parent_id, n.code.color, n.code.definition, n.code.memo)
        for n in codebook_tree(project)
    ]


def _codings(project: Project) -> dict[str, object]:
    return {
        c.id: c
        for summary in documents.list_documents(project)
        for c in codings_of_document(project, summary.id)
    }


def _finished(project: Project) -> set[tuple[str, str]]:
    return {
        (doc_id, coder.id)
        for coder in coders.list_coders(project)
        for doc_id in coders.finished_by(project, coder.id)
    }


def test_qdpx_round_trip_loses_nothing(
    make_coded: Callable[[str], Project], tmp_path: Path
) -> None:
    ours = make_coded("ours.annotator")
    archive = export_qdpx(ours, tmp_path / "study.qdpx").path
    incoming = load_incoming(archive)
    assert incoming.report.not_imported == []
    assert incoming.report.warnings == []
    with new_project(tmp_path / "theirs.annotator", empty=True) as theirs:
        plan = plan_merge(theirs, incoming)
        assert plan.conflicts == []
        apply_merge(theirs, plan, source=archive)
        assert _documents(theirs) == _documents(ours)
        assert _codes(theirs) == _codes(ours)
        assert _codings(theirs) == _codings(ours)
        assert [(c.id, c.name) for c in coders.list_coders(theirs)] == [
            (c.id, c.name) for c in coders.list_coders(ours)
        ]
        assert _finished(theirs) == _finished(ours)
        # merging the same file again adds nothing and finds nothing to decide
        again = plan_merge(theirs, load_incoming(archive))
        assert again.conflicts == []
        assert not again.changes_anything
        assert again.duplicate_codings == len(_codings(ours))


def test_qdpx_round_trip_into_the_original_project_is_a_no_op(
    coded: Project, tmp_path: Path
) -> None:
    archive = export_qdpx(coded, tmp_path / "study.qdpx").path
    plan = plan_merge(coded, load_incoming(archive))
    assert plan.conflicts == []
    assert not plan.changes_anything


def test_the_sample_project_exports_valid_and_comes_back_whole(
    tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:
    sample = build_sample_project(tmp_path / "sample.annotator")
    with open_project(sample) as ours:
        archive = export_qdpx(ours, tmp_path / "sample.qdpx").path
        with zipfile.ZipFile(archive) as zf:
            project_schema.validate(zf.read("project.qde").decode("utf-8"))
        with new_project(tmp_path / "back.annotator", empty=True) as back:
            plan = plan_merge(back, load_incoming(archive))
            assert plan.conflicts == [] and plan.report.not_imported == []
            apply_merge(back, plan)
            assert _documents(back) == _documents(ours)
            assert _codes(back) == _codes(ours)
            assert _codings(back) == _codings(ours)
            assert len(_codings(back)) >= 15
