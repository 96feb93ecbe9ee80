"""Which codings an export holds, in which order, with which paragraph numbers."""

from __future__ import annotations

import pytest

from annotator.core import errors
from annotator.core.exports.rows import ExportContext
from annotator.core.exports.selection import GroupBy, count, exported_codes
from annotator.core.selection import Selection
from tests.core.exports.conftest import ReportProject

CODEBOOK_ORDER = [
    "Video surveillance",
    "Video surveillance/CCTV",
    "Video surveillance/Facial recognition",
    "Biometric collection",
    "Biometric collection/Fingerprints",
]


def test_everything_is_selected_by_default_in_codebook_order(report: ReportProject) -> None:
    rows = list(ExportContext(report.project, Selection()).rows())
    assert len(rows) == len(report.codings) == 11
    paths = [r.code.node.path for r in rows]
    # codebook order: a parent's own codings, then each child's, then the next top-level code
    assert paths == sorted(paths, key=CODEBOOK_ORDER.index)
    assert paths[0] == "Video surveillance"
    assert paths[-1] == "Biometric collection/Fingerprints"


def test_rows_of_one_code_follow_document_date_then_text_order(report: ReportProject) -> None:
    rows = [
        r for r in ExportContext(report.project, Selection(code_ids=(report.codes["cctv"],))).rows()
    ]
    dates = [r.document.published_date for r in rows]
    assert dates == sorted(dates)
    english = [r for r in rows if r.document.id == report.docs["english"].id]
    assert [r.start for r in english] == sorted(r.start for r in english)
    # the same passage coded by two coders: two rows, coders in name order
    assert [r.coder_name for r in english[:2]] == ["Amina Rasheed", "Tomás Ortega"]


def test_rows_match_the_stored_text_and_count_paragraphs(report: ReportProject) -> None:
    for row in ExportContext(report.project, Selection()).rows():
        text = next(d for d in report.docs.values() if d.id == row.document.id).text
        assert text[row.start : row.end] == row.quote
        first = text[: row.start].count("\n\n") + 1
        last = text[: row.end - 1].count("\n\n") + 1
        assert row.paragraph_label == (f"¶{first}" if first == last else f"¶{first}–{last}")


def test_a_span_over_two_paragraphs_gets_a_range(report: ReportProject) -> None:
    rows = list(ExportContext(report.project, Selection(code_ids=(report.codes["face"],))).rows())
    spanning = next(r for r in rows if r.memo == "Spans two paragraphs.")
    assert spanning.paragraph_label == "¶2–3"
    headline_free = next(r for r in rows if r.quote.startswith("Facial recognition"))
    assert headline_free.paragraph_label == "¶4"


def test_subcodes_only_when_asked(report: ReportProject) -> None:
    video = Selection(code_ids=(report.codes["video"],))
    assert count(report.project, video).codings == 1
    with_subcodes = Selection(code_ids=(report.codes["video"],), with_subcodes=True)
    assert count(report.project, with_subcodes).codings == 10
    levels = {c.heading: c.level for c in exported_codes(report.project, with_subcodes)}
    assert levels == {"Video surveillance": 1, "CCTV": 2, "Facial recognition": 2}


def test_a_code_without_its_parent_is_headed_by_its_full_path(report: ReportProject) -> None:
    chosen = exported_codes(report.project, Selection(code_ids=(report.codes["face"],)))
    assert [(c.heading, c.level) for c in chosen] == [("Video surveillance/Facial recognition", 1)]


def test_filters_by_document_coder_and_published_date(report: ReportProject) -> None:
    project = report.project
    by_doc = Selection(document_ids=(report.docs["arabic"].id,))
    assert {r.document.title for r in ExportContext(project, by_doc).rows()} == {
        report.docs["arabic"].title
    }
    by_coder = Selection(coder_ids=(report.coders["tomas"],))
    assert {r.coder_name for r in ExportContext(project, by_coder).rows()} == {"Tomás Ortega"}
    assert count(project, by_coder).codings == 3
    year_2024 = Selection(date_from="2024", date_to="2024")
    titles = {r.document.title for r in ExportContext(project, year_2024).rows()}
    assert titles == {report.docs["english"].title, report.docs["cjk"].title}
    # the undated document drops out once a range is given
    assert count(project, Selection(date_from="1900-01-01")).documents == 3
    assert count(project, Selection(date_to="2024-01-09")).documents == 2
    assert count(project, Selection(date_from="2024-01-10", date_to="2024-04-15")).codings == 0


def test_empty_filters_select_nothing(report: ReportProject) -> None:
    assert count(report.project, Selection(code_ids=())).codings == 0
    assert count(report.project, Selection(coder_ids=())).codings == 0
    assert list(ExportContext(report.project, Selection(document_ids=())).rows()) == []


def test_count_matches_the_rows(report: ReportProject) -> None:
    selection = Selection(coder_ids=(report.coders["amina"],))
    rows = list(ExportContext(report.project, selection).rows())
    counted = count(report.project, selection)
    assert counted.codings == len(rows)
    assert counted.documents == len({r.document.id for r in rows})
    assert counted.codes == len({r.code.id for r in rows})


def test_grouping_by_document_keeps_text_order(report: ReportProject) -> None:
    rows = list(ExportContext(report.project, Selection()).rows(GroupBy.DOCUMENT))
    order = [r.document.id for r in rows]
    # each document's rows are together, and within one the text order holds
    assert order == sorted(order, key=order.index)
    for doc in report.docs.values():
        starts = [r.start for r in rows if r.document.id == doc.id]
        assert starts == sorted(starts)


@pytest.mark.parametrize("bad", ["16/04/2024", "2024-13-01", "2024-02-30", "yesterday", "24"])
def test_a_malformed_date_is_refused(bad: str) -> None:
    with pytest.raises(errors.InvalidValue) as caught:
        Selection(date_from=bad)
    assert caught.value.value == bad


def test_a_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(errors.InvalidValue):
        Selection(date_from="2024-05-01", date_to="2024-04-01")
