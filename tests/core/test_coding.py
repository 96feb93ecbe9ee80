"""Codings: spans in code points, overlaps, duplicates, memos, recoding, do/undo."""

from __future__ import annotations

import pytest

from annotator.core import codebook, coders, coding, documents, errors, events
from annotator.core.changes import ChangeKind
from annotator.core.project import Project

# Emoji, Arabic (right to left), combining accent, CJK, and CRLF in the source.
SOURCE = "Police 📷 filmed\r\nالمتظاهرين near the café\u0301.\r\n\r\n天眼科技 sold cameras 👁️."


@pytest.fixture
def document(project: Project, coder: coders.Coder) -> documents.Document:
    return documents.store_document(
        project, documents.NewDocument(title="Mixed scripts", text=SOURCE), coder_id=coder.id
    )


def code_id(project: Project, name: str) -> str:
    return codebook.find_code(project, name).id


def span_of(document: documents.Document, quote: str) -> tuple[int, int]:
    start = document.text.index(quote)
    return start, start + len(quote)


@pytest.mark.parametrize("quote", ["📷 filmed", "المتظاهرين", "café\u0301", "天眼科技", "👁️."])
def test_quote_is_the_code_point_slice(
    project: Project, coder: coders.Coder, document: documents.Document, quote: str
) -> None:
    start, end = span_of(document, quote)
    change = coding.add_coding(project, document.id, code_id(project, "CCTV"), start, end, coder.id)
    stored = coding.get_coding(project, next(iter(change.codings)))
    assert stored.quote == quote
    assert (stored.start, stored.end) == (start, end)
    assert coding.mismatched_quotes(project) == []


def test_crlf_source_is_stored_with_plain_newlines(document: documents.Document) -> None:
    assert document.text == SOURCE.replace("\r\n", "\n")
    assert document.char_count == len(document.text)
    assert document.text_sha256 == documents.sha256_hex(document.text)


def test_bom_and_lone_surrogates_never_reach_the_frozen_text() -> None:
    assert documents.normalise_text("\ufeffA\rB\ud800C") == "A\nB?C"


def test_overlapping_and_nested_codings_are_allowed(
    project: Project, coder: coders.Coder, document: documents.Document
) -> None:
    cctv, vendor = code_id(project, "CCTV"), code_id(project, "Facial recognition")
    coding.add_coding(project, document.id, cctv, 0, 20, coder.id)
    coding.add_coding(project, document.id, vendor, 10, 30, coder.id)
    coding.add_coding(project, document.id, vendor, 12, 14, coder.id)
    assert len(coding.codings_of_document(project, document.id)) == 3


def test_the_same_code_span_and_coder_is_refused(
    project: Project, coder: coders.Coder, document: documents.Document
) -> None:
    cctv = code_id(project, "CCTV")
    coding.add_coding(project, document.id, cctv, 0, 6, coder.id)
    with pytest.raises(errors.DuplicateCoding) as refused:
        coding.add_coding(project, document.id, cctv, 0, 6, coder.id)
    assert (refused.value.code_name, refused.value.start, refused.value.end) == ("CCTV", 0, 6)
    other = coders.add_coder(project, "Second coder")
    coding.add_coding(project, document.id, cctv, 0, 6, other.id)
    assert len(coding.codings_of_document(project, document.id)) == 2


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (7, 3), (0, 10_000)])
def test_spans_outside_the_text_are_refused(
    project: Project, coder: coders.Coder, document: documents.Document, start: int, end: int
) -> None:
    with pytest.raises(errors.InvalidSpan):
        coding.add_coding(project, document.id, code_id(project, "CCTV"), start, end, coder.id)
    assert coding.codings_of_document(project, document.id) == []


def test_a_batch_with_one_bad_span_stores_nothing(
    project: Project, coder: coders.Coder, document: documents.Document
) -> None:
    spans = [coding.Span(document.id, 0, 5), coding.Span(document.id, 3, 99_999)]
    with pytest.raises(errors.InvalidSpan):
        coding.add_codings(project, code_id(project, "CCTV"), spans, coder.id)
    assert coding.codings_of_document(project, document.id) == []


def test_add_undo_redo(project: Project, coder: coders.Coder, document: documents.Document) -> None:
    change = coding.add_coding(project, document.id, code_id(project, "CCTV"), 0, 6, coder.id)
    assert (change.kind, change.name, change.count) == (ChangeKind.CODE_PASSAGES, "CCTV", 1)
    undone = change.undo(project)
    assert coding.codings_of_document(project, document.id) == []
    redone = undone.undo(project)
    after = coding.codings_of_document(project, document.id)
    assert [c.id for c in after] == list(change.codings) == list(redone.codings)


def test_batch_add_is_one_undo_step(
    project: Project, coder: coders.Coder, document: documents.Document
) -> None:
    spans = [coding.Span(document.id, 0, 6), coding.Span(document.id, 9, 15)]
    change = coding.add_codings(project, code_id(project, "CCTV"), spans, coder.id)
    assert len(change.codings) == 2
    change.undo(project)
    assert coding.codings_of_document(project, document.id) == []


def test_remove_then_undo_restores_same_id_and_memo(
    project: Project, coder: coders.Coder, document: documents.Document
) -> None:
    added = coding.add_coding(
        project, document.id, code_id(project, "CCTV"), 0, 6, coder.id, memo="check source"
    )
    (coding_id,) = added.codings
    before = coding.get_coding(project, coding_id)
    removed = coding.remove_codings(project, [coding_id])
    assert coding.codings_of_document(project, document.id) == []
    removed.undo(project)
    assert coding.get_coding(project, coding_id) == before


def test_memo_and_recode_undo(
    project: Project, coder: coders.Coder, document: documents.Document
) -> None:
    (coding_id,) = coding.add_coding(
        project, document.id, code_id(project, "CCTV"), 0, 6, coder.id
    ).codings
    memo = coding.set_coding_memo(project, coding_id, "Officer's words")
    assert coding.get_coding(project, coding_id).memo == "Officer's words"
    memo.undo(project)
    assert coding.get_coding(project, coding_id).memo == ""
    recode = coding.recode(project, coding_id, code_id(project, "Facial recognition"))
    assert coding.get_coding(project, coding_id).code_id == code_id(project, "Facial recognition")
    recode.undo(project)
    assert coding.get_coding(project, coding_id).code_id == code_id(project, "CCTV")


def test_every_action_is_logged(
    project: Project, coder: coders.Coder, document: documents.Document
) -> None:
    change = coding.add_coding(project, document.id, code_id(project, "CCTV"), 0, 6, coder.id)
    change.undo(project)
    actions = [e.action for e in events.history(project, limit=3)]
    assert actions[:2] == ["codings removed", "codings added"]


def test_find_quote_lists_every_occurrence() -> None:
    assert coding.find_quote("camera, camera, cam", "camera") == [0, 8]
    assert coding.find_quote("aaa", "aa") == [0, 1]
    assert coding.find_quote("abc", "") == []
