"""Light reads for the viewer and the counts beside it, against the full core reads."""

from __future__ import annotations

from annotator.core import codebook, coded_spans, coders, coding, documents, excerpts
from annotator.core.project import Project


def test_spans_match_the_codings_of_the_document(project: Project, coder: coders.Coder) -> None:
    text = "Cameras 📷 at the market, sensors at the border."
    document = documents.store_document(project, documents.NewDocument(title="T", text=text))
    cctv = codebook.find_code(project, "CCTV").id
    checkpoints = codebook.find_code(project, "Checkpoints").id
    coding.add_coding(project, document.id, cctv, 0, 9, coder.id, memo="a memo")
    added = coding.add_coding(project, document.id, checkpoints, 4, 20, coder.id)
    spans = coded_spans.coded_spans(project, document.id)
    full = coding.codings_of_document(project, document.id)
    assert [(s.id, s.code_id, s.start, s.end, s.memo) for s in spans] == [
        (c.id, c.code_id, c.start, c.end, c.memo) for c in full
    ]
    new_id = next(iter(added.codings))
    found = coded_spans.coded_spans_by_id(project, document.id, [new_id, "gone", new_id])
    assert list(found) == [new_id]
    assert coded_spans.coded_spans_by_id(project, "another document", [new_id]) == {}


def test_counts_for_some_documents_and_codes(project: Project, coder: coders.Coder) -> None:
    document = documents.store_document(project, documents.NewDocument(title="T", text="abcdef"))
    cctv = codebook.find_code(project, "CCTV").id
    coding.add_coding(project, document.id, cctv, 0, 2, coder.id)
    coding.add_coding(project, document.id, cctv, 2, 4, coder.id)
    assert coded_spans.coding_counts_of_documents(project, [document.id, "gone"]) == {
        document.id: 2,
        "gone": None,
    }
    assert coded_spans.coding_counts_of_codes(project, [cctv]) == {cctv: 2}
    assert coded_spans.coding_counts_of_codes(project, [cctv]) == {
        cctv: excerpts.coding_counts_per_code(project)[cctv]
    }
