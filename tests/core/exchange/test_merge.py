"""Merging copies of a project and partners' files: matches, conflicts, choices, undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import coders, coding, documents, events
from annotator.core.changes import ChangeKind
from annotator.core.codebook import create_code, find_code
from annotator.core.codebook_file import new_project
from annotator.core.documents import NewDocument
from annotator.core.excerpts import excerpts
from annotator.core.exchange.errors import MergeConflicts, MergeUndoUnavailable
from annotator.core.exchange.incoming import (
    IncomingCode,
    IncomingCoder,
    IncomingCoding,
    IncomingDocument,
    IncomingProject,
)
from annotator.core.exchange.merge import apply_merge, load_incoming, plan_merge
from annotator.core.exchange.merge_plan import Choice, ConflictKind
from annotator.core.project import Project, open_project, save_copy
from tests.core.exchange.conftest import code_sample
from tests.core.statements import document_inserts


def _count(project: Project, table: str) -> int:
    return project.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def two_copies(project: Project, tmp_path: Path) -> tuple[Project, Path]:
    """The sample coded by Amina in `project`, and a copy Tomás coded on his laptop."""
    amina = coders.add_coder(project, "Amina")
    code_sample(project, amina.id)
    copy_path = save_copy(project, tmp_path / "tomas.annotator")
    with open_project(copy_path) as copy:
        tomas = coders.add_coder(copy, "Tomás")
        code_sample(copy, tomas.id, which=1)
        first = documents.list_documents(copy)[0]
        coders.set_finished(copy, first.id, tomas.id, True)
    return project, copy_path


def test_two_coders_copies_merge_without_conflicts_or_duplicates(
    two_copies: tuple[Project, Path],
) -> None:
    project, copy_path = two_copies
    before = _count(project, "codings")
    plan = plan_merge(project, load_incoming(copy_path))
    assert plan.conflicts == []
    assert set(plan.document_matches.values()) == {"id"}
    result = apply_merge(project, plan, source=copy_path)
    assert result.codings_added == before  # Tomás coded as many passages as Amina
    assert _count(project, "codings") == 2 * before
    assert {e.coder_name for e in excerpts(project)} == {"Amina", "Tomás"}
    tomas = coders.find_coder(project, "Tomás")
    assert len(coders.finished_by(project, tomas.id)) == 1
    merged = events.history(project, action="project merged")
    assert len(merged) == 1
    assert merged[0].details["codings_added"] == before
    assert Path(merged[0].details["backup"]).is_file()
    # merging the same copy again adds nothing
    assert not plan_merge(project, load_incoming(copy_path)).changes_anything


def test_undo_restores_the_backup_and_redo_merges_again(two_copies: tuple[Project, Path]) -> None:
    project, copy_path = two_copies
    before = _count(project, "codings")
    result = apply_merge(project, plan_merge(project, load_incoming(copy_path)))
    redo = result.change.undo(project)
    assert _count(project, "codings") == before
    assert result.backup.is_file()  # stays available afterwards
    assert events.history(project, limit=1)[0].action == "merge undone"
    again = redo.undo(project)
    assert _count(project, "codings") == 2 * before
    assert again.kind is ChangeKind.MERGE_PROJECT


def test_undo_is_refused_once_the_project_changed_after_the_merge(
    two_copies: tuple[Project, Path],
) -> None:
    project, copy_path = two_copies
    result = apply_merge(project, plan_merge(project, load_incoming(copy_path)))
    create_code(project, "Later work")
    with pytest.raises(MergeUndoUnavailable) as caught:
        result.change.undo(project)
    assert caught.value.backup == result.backup
    assert find_code(project, "Later work")


def test_documents_match_by_text_whatever_their_id_or_title(
    project: Project, tmp_path: Path
) -> None:
    amina = coders.add_coder(project, "Amina")
    code_sample(project, amina.id)
    with new_project(tmp_path / "other.annotator") as other:
        code_sample(other, coders.add_coder(other, "Kofi").id)
        other.conn.execute("UPDATE documents SET title = 'renamed ' || title")
    plan = plan_merge(project, load_incoming(tmp_path / "other.annotator"))
    assert set(plan.document_matches.values()) == {"text"}
    assert set(plan.code_matches.values()) == {"path"}  # same default codebook, new GUIDs
    assert {c.kind for c in plan.conflicts} == {ConflictKind.DOCUMENT_DETAILS}  # the titles
    apply_merge(project, plan_merge(project, load_incoming(other.path), default=Choice.OURS))
    assert _count(project, "documents") == 3
    kofi = coders.find_coder(project, "Kofi")
    assert len([e for e in excerpts(project) if e.coder_id == kofi.id]) == 5


def _incoming(**parts: list) -> IncomingProject:
    incoming = IncomingProject(source_name="partner.qdpx")
    for name, values in parts.items():
        setattr(incoming, name, values)
    return incoming


def test_new_documents_are_stored_in_a_few_statements_not_one_each(project: Project) -> None:
    """FTS5 writes out what it indexed at the end of every statement (issue 19)."""
    incoming = _incoming(
        documents=[
            IncomingDocument(id=f"partner-{n}", title=f"Report {n}", text=f"Checkpoint {n}.")
            for n in range(60)
        ]
    )
    before = _count(project, "documents")
    plan = plan_merge(project, incoming)
    statements = document_inserts(project)
    apply_merge(project, plan)
    project.conn.set_trace_callback(None)
    assert _count(project, "documents") == before + 60
    assert 1 <= len(statements) <= 3, len(statements)


def test_code_conflicts_abort_by_default_and_follow_the_choice(project: Project) -> None:
    cctv = find_code(project, "CCTV")
    incoming = _incoming(
        codes=[
            IncomingCode(cctv.id, "CCTV", None, "#000000", "their definition"),
            IncomingCode("0a1b2c3d-0000-4000-8000-000000000001", "Informants", None, "#9E9E9E"),
        ]
    )
    plan = plan_merge(project, incoming)
    kinds = sorted(c.kind.value for c in plan.conflicts)
    assert kinds == ["code details", "code place", "code place"]
    before = _count(project, "events")
    with pytest.raises(MergeConflicts):
        apply_merge(project, plan)
    assert _count(project, "events") == before
    apply_merge(project, plan_merge(project, incoming, default=Choice.OURS))
    assert find_code(project, "CCTV").definition == cctv.definition
    assert find_code(project, "CCTV").parent_id == cctv.parent_id
    choices = {c.key: Choice.THEIRS for c in plan.conflicts}
    apply_merge(project, plan_merge(project, incoming, choices))
    moved = find_code(project, "CCTV")
    assert (moved.definition, moved.color, moved.parent_id) == ("their definition", "#000000", None)
    assert find_code(project, "Informants").parent_id is None


def test_same_document_id_with_other_text_keeps_ours_or_adds_theirs_beside_it(
    project: Project, coder: coders.Coder
) -> None:
    doc = documents.store_document(project, NewDocument(title="Report", text="Original words."))
    code = find_code(project, "CCTV")
    incoming = _incoming(
        coders=[IncomingCoder(coder.id, coder.name)],
        codes=[IncomingCode(code.id, "CCTV", find_code(project, "Video surveillance").id)],
        documents=[IncomingDocument(doc.id, "Report", "Edited words, longer.")],
        codings=[
            IncomingCoding("0a1b2c3d-0000-4000-8000-0000000000c1", doc.id, code.id, coder.id, 0, 6)
        ],
    )
    incoming.codes.insert(
        0, IncomingCode(find_code(project, "Video surveillance").id, "Video surveillance")
    )
    plan = plan_merge(project, incoming)
    assert [c.kind for c in plan.conflicts] == [ConflictKind.DOCUMENT_TEXT]
    apply_merge(project, plan_merge(project, incoming, default=Choice.OURS))
    assert _count(project, "documents") == 1
    assert _count(project, "codings") == 0
    apply_merge(project, plan_merge(project, incoming, default=Choice.THEIRS))
    assert _count(project, "documents") == 2
    assert [e.quote for e in excerpts(project)] == ["Edited"]
    assert documents.get_document(project, doc.id).text == "Original words."


def test_a_coder_with_our_coders_name_is_the_same_person_only_when_confirmed(
    project: Project, coder: coders.Coder
) -> None:
    doc = documents.store_document(project, NewDocument(title="R", text="Some text here."))
    code = find_code(project, "CCTV")
    stranger = "0a1b2c3d-0000-4000-8000-0000000000d1"
    incoming = _incoming(
        coders=[IncomingCoder(stranger, coder.name)],
        codes=[IncomingCode(code.id, "CCTV", code.parent_id)],
        documents=[IncomingDocument("0a1b2c3d-0000-4000-8000-0000000000d2", "R", doc.text)],
        codings=[
            IncomingCoding(
                "0a1b2c3d-0000-4000-8000-0000000000d3",
                "0a1b2c3d-0000-4000-8000-0000000000d2",
                code.id,
                stranger,
                0,
                4,
            )
        ],
    )
    incoming.codes.insert(0, IncomingCode(code.parent_id, "Video surveillance"))
    plan = plan_merge(project, incoming)
    assert [c.kind for c in plan.conflicts] == [ConflictKind.CODER_NAME]
    apply_merge(project, plan_merge(project, incoming, default=Choice.THEIRS))
    assert [e.coder_id for e in excerpts(project)] == [coder.id]
    assert _count(project, "coders") == 1


def test_changed_codings_and_memos_are_conflicts_or_fill_ins(
    project: Project, coder: coders.Coder
) -> None:
    doc = documents.store_document(project, NewDocument(title="R", text="Some text here."))
    cctv, face = find_code(project, "CCTV"), find_code(project, "Facial recognition")
    change = coding.add_coding(project, doc.id, cctv.id, 0, 4, coder.id)
    coding_id = next(iter(change.codings))
    video = find_code(project, "Video surveillance")
    incoming = _incoming(
        coders=[IncomingCoder(coder.id, coder.name)],
        codes=[
            IncomingCode(video.id, video.name),
            IncomingCode(cctv.id, "CCTV", video.id),
            IncomingCode(face.id, face.name, video.id),
        ],
        documents=[IncomingDocument(doc.id, "R", doc.text)],
        codings=[IncomingCoding(coding_id, doc.id, face.id, coder.id, 0, 4, "their memo")],
    )
    plan = plan_merge(project, incoming)
    assert [c.kind for c in plan.conflicts] == [ConflictKind.CODING_CHANGED]
    apply_merge(project, plan_merge(project, incoming, default=Choice.THEIRS))
    changed = coding.get_coding(project, coding_id)
    assert (changed.code_id, changed.memo) == (face.id, "their memo")
    assert not plan_merge(project, incoming).conflicts  # now the same on both sides
