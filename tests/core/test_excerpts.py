"""Retrieval: excerpts of codes with or without sub-codes, filters, and counts."""

from __future__ import annotations

import pytest

from annotator.core import codebook, coders, coding, documents, excerpts
from annotator.core.project import Project
from annotator.core.selection import Selection


@pytest.fixture
def coded(project: Project) -> dict[str, str]:
    amina = coders.add_coder(project, "Amina")
    jorge = coders.add_coder(project, "Jorge")
    old = documents.store_document(
        project,
        documents.NewDocument(
            title="Old",
            text="Fingerprints were taken. Iris scans followed.",
            provenance={"published_date": "2019-05-01"},
        ),
    )
    new = documents.store_document(
        project,
        documents.NewDocument(
            title="New",
            text="Photographs of every traveller.",
            provenance={"published_date": "2024-01-01"},
        ),
    )
    ids = {
        n: codebook.find_code(project, n).id
        for n in ("Fingerprints", "Iris scans", "Photographs", "Biometric collection")
    }
    coding.add_coding(project, new.id, ids["Photographs"], 0, 11, amina.id)
    coding.add_coding(project, old.id, ids["Fingerprints"], 0, 12, amina.id)
    coding.add_coding(project, old.id, ids["Iris scans"], 25, 35, jorge.id, memo="second coder")
    coding.add_coding(project, old.id, ids["Biometric collection"], 0, 45, jorge.id)
    return {**ids, "old": old.id, "new": new.id, "amina": amina.id, "jorge": jorge.id}


def test_one_code_without_subcodes(project: Project, coded: dict[str, str]) -> None:
    found = excerpts.excerpts(project, Selection(code_ids=[coded["Biometric collection"]]))
    assert [e.quote for e in found] == ["Fingerprints were taken. Iris scans followed."]


def test_with_subcodes_in_document_date_then_text_order(
    project: Project, coded: dict[str, str]
) -> None:
    found = excerpts.excerpts(
        project, Selection(code_ids=[coded["Biometric collection"]], with_subcodes=True)
    )
    assert [(e.document_title, e.code_name, e.start) for e in found] == [
        ("Old", "Fingerprints", 0),
        ("Old", "Biometric collection", 0),
        ("Old", "Iris scans", 25),
        ("New", "Photographs", 0),
    ]


def test_filters_by_coder_and_document(project: Project, coded: dict[str, str]) -> None:
    by_jorge = excerpts.excerpts(project, Selection(coder_ids=[coded["jorge"]]))
    assert {e.coder_name for e in by_jorge} == {"Jorge"}
    assert [e.memo for e in by_jorge if e.code_name == "Iris scans"] == ["second coder"]
    in_new = excerpts.excerpts(project, Selection(document_ids=[coded["new"]]))
    assert [e.quote for e in in_new] == ["Photographs"]
    assert excerpts.excerpts(project, Selection(document_ids=[])) == []


def test_limit_and_offset_page_through(project: Project, coded: dict[str, str]) -> None:
    everything = excerpts.excerpts(project)
    assert excerpts.excerpts(project, limit=2, offset=1) == everything[1:3]


def test_counts(project: Project, coded: dict[str, str]) -> None:
    assert excerpts.coding_counts_per_code(project)[coded["Fingerprints"]] == 1
    stats = excerpts.project_stats(project)
    assert (stats.documents, stats.codings, stats.coders, stats.memos) == (2, 4, 2, 1)


def test_excerpt_query_uses_the_code_index(project: Project, coded: dict[str, str]) -> None:
    plan = project.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM codings WHERE code_id IN (?) ORDER BY document_id",
        (coded["Fingerprints"],),
    ).fetchall()
    assert any("codings_code" in row[-1] for row in plan)
