"""The audit log only grows."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core import coders, documents, events
from annotator.core.project import Project


def test_events_cannot_be_changed_or_deleted(project: Project, coder: coders.Coder) -> None:
    documents.store_document(
        project, documents.NewDocument(title="T", text="Text"), coder_id=coder.id
    )
    (latest, *_) = events.history(project)
    assert latest.action == "document imported"
    assert latest.coder_id == coder.id
    assert latest.details["text_sha256"] == documents.sha256_hex("Text")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        project.conn.execute("UPDATE events SET action = 'nothing happened'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        project.conn.execute("DELETE FROM events")


def test_finished_marks_per_coder_with_undo(project: Project, coder: coders.Coder) -> None:
    doc = documents.store_document(project, documents.NewDocument(title="T", text="Text"))
    other = coders.add_coder(project, "Jorge")
    change = coders.set_finished(project, doc.id, coder.id, True)
    assert coders.finished_by(project, coder.id) == {doc.id}
    assert coders.finished_by(project, other.id) == set()
    change.undo(project)
    assert coders.finished_by(project, coder.id) == set()


def test_two_coders_may_share_a_name(project: Project) -> None:
    first = coders.add_coder(project, "Maria")
    second = coders.add_coder(project, "Maria")
    assert first.id != second.id
    from annotator.core import errors

    with pytest.raises(errors.Ambiguous, match="Maria"):
        coders.find_coder(project, "maria")
    assert coders.find_coder(project, first.id) == first


def test_a_detail_naming_a_file_that_is_not_utf8_is_kept(project: Project) -> None:
    """Found by tests/fuzz/test_fuzz_cli.py: `export -o` to such a name wrote the file,
    then failed to log it (UnicodeEncodeError from SQLite)."""
    import os

    odd = os.fsdecode(b"r\xe9sum\xe9.csv")
    with project.transaction() as conn:
        events.record(conn, "exported", None, file=odd, title="Café")
    (event,) = events.history(project, action="exported")
    assert event.details == {"file": odd, "title": "Café"}
