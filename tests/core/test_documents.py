"""Stored documents: frozen text, editable provenance, deletion with undo, search index."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core import codebook, coders, coding, documents, errors
from annotator.core.project import Project


@pytest.fixture
def doc(project: Project, coder: coders.Coder) -> documents.Document:
    new = documents.NewDocument(
        title="Checkpoints multiply",
        text="Soldiers checked permits at the gate.\n\nResidents waited for hours.",
        original=b"raw bytes of the scrape",
        original_filename="checkpoints.txt",
        encoding="utf-8",
        provenance={"publisher": "Example Times", "published_date": "2024-04-16"},
    )
    return documents.store_document(project, new, coder_id=coder.id)


def test_hashes_and_original_are_kept(project: Project, doc: documents.Document) -> None:
    assert doc.text_sha256 == documents.sha256_hex(doc.text)
    assert doc.original_sha256 == documents.sha256_hex(b"raw bytes of the scrape")
    assert documents.get_original(project, doc.id) == b"raw bytes of the scrape"
    assert documents.get_document(project, doc.id) == doc


def test_text_is_frozen(project: Project, doc: documents.Document) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        project.conn.execute("UPDATE documents SET text = 'changed' WHERE id = ?", (doc.id,))
    assert documents.get_document(project, doc.id).text == doc.text


def test_provenance_edit_never_touches_text_or_codings(
    project: Project, coder: coders.Coder, doc: documents.Document
) -> None:
    code = codebook.find_code(project, "Checkpoints")
    coding.add_coding(project, doc.id, code.id, 0, 8, coder.id)
    change = documents.update_provenance(
        project, doc.id, title="Checkpoints multiply in the north", author="A. Rasheed"
    )
    after = documents.get_document(project, doc.id)
    assert (after.title, after.author) == ("Checkpoints multiply in the north", "A. Rasheed")
    assert (after.text, after.text_sha256) == (doc.text, doc.text_sha256)
    assert len(coding.codings_of_document(project, doc.id)) == 1
    change.undo(project)
    assert documents.get_document(project, doc.id) == doc


def test_unknown_fields_and_empty_titles_are_refused(
    project: Project, doc: documents.Document
) -> None:
    with pytest.raises(TypeError):
        documents.update_provenance(project, doc.id, text="sneaky")
    with pytest.raises(errors.InvalidValue):
        documents.update_provenance(project, doc.id, title="  ")


def _search(project: Project, table: str, query: str) -> list[str]:
    rows = project.conn.execute(
        f"SELECT d.id FROM {table} f JOIN documents d ON d.seq = f.rowid WHERE {table} MATCH ?",
        (query,),
    )
    return [r[0] for r in rows]


def test_search_index_follows_inserts_title_edits_and_deletes(
    project: Project, doc: documents.Document
) -> None:
    assert _search(project, "documents_fts", "permits") == [doc.id]
    documents.update_provenance(project, doc.id, title="Roadblocks everywhere")
    assert _search(project, "documents_fts", "title:roadblocks") == [doc.id]
    assert _search(project, "documents_fts", "title:checkpoints") == []
    documents.delete_document(project, doc.id)
    assert _search(project, "documents_fts", "permits") == []
    assert _search(project, "documents_trigram", "waited") == []


def test_trigram_index_finds_words_inside_unspaced_scripts(project: Project) -> None:
    doc = documents.store_document(
        project, documents.NewDocument(title="供应商", text="警方从天眼科技公司采购了摄像头。")
    )
    assert _search(project, "documents_trigram", '"天眼科技"') == [doc.id]


def test_delete_with_codings_and_status_then_undo(
    project: Project, coder: coders.Coder, doc: documents.Document
) -> None:
    code = codebook.find_code(project, "Checkpoints")
    coding.add_coding(project, doc.id, code.id, 0, 8, coder.id, memo="key quote")
    coders.set_finished(project, doc.id, coder.id, True)
    before = coding.codings_of_document(project, doc.id)
    change = documents.delete_document(project, doc.id)
    assert project.conn.execute("SELECT count(*) FROM codings").fetchone()[0] == 0
    assert project.conn.execute("SELECT count(*) FROM document_originals").fetchone()[0] == 0
    redo = change.undo(project)
    assert documents.get_document(project, doc.id).text == doc.text
    assert documents.get_original(project, doc.id) == b"raw bytes of the scrape"
    assert coding.codings_of_document(project, doc.id) == before
    assert coders.finished_by(project, coder.id) == {doc.id}
    assert _search(project, "documents_fts", "permits") == [doc.id]
    redo.undo(project)
    assert documents.list_documents(project) == []


def test_list_documents_counts_codings_without_reading_text(
    project: Project, coder: coders.Coder, doc: documents.Document
) -> None:
    code = codebook.find_code(project, "Checkpoints")
    coding.add_coding(project, doc.id, code.id, 0, 8, coder.id)
    (summary,) = documents.list_documents(project)
    assert summary.coding_count == 1
    assert summary.publisher == "Example Times"
    assert not hasattr(summary, "text")


def test_find_document_by_id_or_title(project: Project, doc: documents.Document) -> None:
    assert documents.find_document(project, doc.id) == doc
    assert documents.find_document(project, "checkpoints MULTIPLY").id == doc.id
    documents.store_document(
        project, documents.NewDocument(title="Checkpoints multiply", text="another text")
    )
    with pytest.raises(errors.Ambiguous) as ambiguous:
        documents.find_document(project, "Checkpoints multiply")
    assert ambiguous.value.thing is errors.Thing.DOCUMENT
    assert len(ambiguous.value.candidates) == 2
