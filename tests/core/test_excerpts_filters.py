"""Retrieval filters: AND/OR of codes over overlapping passages, dates, memos, context."""

from __future__ import annotations

import pytest

from annotator.core import codebook, coders, coding, documents, errors, excerpts
from annotator.core.project import Project
from annotator.core.selection import Selection

FIRST = "Cameras at the market film every face; reporters saw it. Plates are read here too."
SECOND = "Face scans of journalists at the airport were kept for years."


@pytest.fixture
def coded(project: Project) -> dict[str, str]:
    amina = coders.add_coder(project, "Amina")
    jorge = coders.add_coder(project, "Jorge")
    first = documents.store_document(
        project,
        documents.NewDocument(
            title="Market", text=FIRST, provenance={"published_date": "2021-03-05"}
        ),
    )
    second = documents.store_document(
        project,
        documents.NewDocument(
            title="Airport", text=SECOND, provenance={"published_date": "2023-11-20"}
        ),
    )
    undated = documents.store_document(
        project, documents.NewDocument(title="Undated", text="Face scans everywhere.")
    )
    ids = {
        key: codebook.find_code(project, name).id
        for key, name in (
            ("A", "Facial recognition"),
            ("B", "CCTV"),
            ("C", "Journalists"),
            ("V", "Video surveillance"),
        )
    }
    add = coding.add_coding
    # Market: A "Cameras at the market" [0,21) and B "the market film every face"
    # [11,37) overlap; C "face; reporters" [33,48) overlaps B only; A "Plates are"
    # [57,67) and B " read here" [67,77) touch but do not overlap (ends are exclusive).
    add(project, first.id, ids["A"], 0, 21, amina.id)
    add(project, first.id, ids["B"], 11, 37, jorge.id)
    add(project, first.id, ids["C"], 33, 48, amina.id, memo="Check with JORGE")
    add(project, first.id, ids["A"], 57, 67, amina.id)
    add(project, first.id, ids["B"], 67, 77, amina.id)
    # Airport: A and B on "Face scans" [0,10); C on "scans" inside both, and apart.
    add(project, second.id, ids["A"], 0, 10, amina.id)
    add(project, second.id, ids["B"], 0, 10, jorge.id, memo="same span")
    add(project, second.id, ids["C"], 14, 25, jorge.id)
    add(project, second.id, ids["C"], 5, 10, amina.id)
    add(project, undated.id, ids["A"], 0, 10, amina.id)
    return {
        **ids,
        "first": first.id,
        "second": second.id,
        "undated": undated.id,
        "amina": amina.id,
        "jorge": jorge.id,
    }


def spans(found: list[excerpts.Excerpt]) -> list[tuple[str, str, int, int]]:
    return [(e.document_title, e.code_name, e.start, e.end) for e in found]


def test_or_of_codes_is_every_coding_of_either(project: Project, coded: dict[str, str]) -> None:
    found = excerpts.excerpts(project, Selection(code_ids=[coded["A"], coded["B"]]))
    assert len(found) == 7  # A: 2 + 1 + 1 (undated), B: 2 + 1
    assert excerpts.count_excerpts(project, Selection(code_ids=[coded["A"], coded["B"]])) == 7


def test_and_of_two_codes_keeps_overlapping_passages_only(
    project: Project, coded: dict[str, str]
) -> None:
    found = excerpts.excerpts(project, Selection(code_ids=[coded["A"], coded["B"]]), match="all")
    assert spans(found) == [
        ("Market", "Facial recognition", 0, 21),
        ("Market", "CCTV", 11, 37),
        ("Airport", "CCTV", 0, 10),
        ("Airport", "Facial recognition", 0, 10),
    ]  # the touching pair at 57-67 / 67-77 is not an overlap


def test_and_of_three_codes_needs_a_stretch_all_three_cover(
    project: Project, coded: dict[str, str]
) -> None:
    found = excerpts.excerpts(
        project, Selection(code_ids=[coded["A"], coded["B"], coded["C"]]), match="all"
    )
    # Market: A∩B is [11,21) and C starts at 33, so no character has all three.
    assert spans(found) == [
        ("Airport", "CCTV", 0, 10),
        ("Airport", "Facial recognition", 0, 10),
        ("Airport", "Journalists", 5, 10),
    ]
    assert (
        excerpts.count_excerpts(
            project, Selection(code_ids=[coded["A"], coded["B"], coded["C"]]), match="all"
        )
        == 3
    )


def test_and_with_subcodes_treats_a_parent_as_any_code_below_it(
    project: Project, coded: dict[str, str]
) -> None:
    found = excerpts.excerpts(
        project, Selection(code_ids=[coded["V"], coded["C"]], with_subcodes=True), match="all"
    )
    assert spans(found) == [
        ("Market", "CCTV", 11, 37),
        ("Market", "Journalists", 33, 48),
        ("Airport", "CCTV", 0, 10),
        ("Airport", "Facial recognition", 0, 10),
        ("Airport", "Journalists", 5, 10),
    ]
    without = excerpts.excerpts(project, Selection(code_ids=[coded["V"], coded["C"]]), match="all")
    assert without == []  # nothing is coded "Video surveillance" itself


def test_and_looks_only_at_the_chosen_coders(project: Project, coded: dict[str, str]) -> None:
    found = excerpts.excerpts(
        project,
        Selection(code_ids=[coded["A"], coded["B"]], coder_ids=[coded["amina"]]),
        match="all",
    )
    assert found == []  # Amina's A and B only touch


def test_and_pages_like_any(project: Project, coded: dict[str, str]) -> None:
    everything = excerpts.excerpts(
        project, Selection(code_ids=[coded["A"], coded["B"]]), match="all"
    )
    page = excerpts.excerpts(
        project, Selection(code_ids=[coded["A"], coded["B"]]), match="all", limit=2, offset=1
    )
    assert page == everything[1:3]


@pytest.mark.parametrize(
    ("date_from", "date_to", "titles"),
    [
        ("2021-01-01", None, {"Market", "Airport"}),
        ("2022", None, {"Airport"}),
        (None, "2021", {"Market"}),
        (None, "2021-03-04", set()),
        ("2021-03-05", "2021-03-05", {"Market"}),
        ("2021-03", "2023-11", {"Market", "Airport"}),
        (None, None, {"Market", "Airport", "Undated"}),
    ],
)
def test_date_range_of_the_documents(
    project: Project,
    coded: dict[str, str],
    date_from: str | None,
    date_to: str | None,
    titles: set[str],
) -> None:
    found = excerpts.excerpts(
        project, Selection(code_ids=[coded["A"]], date_from=date_from, date_to=date_to)
    )
    assert {e.document_title for e in found} == titles


@pytest.mark.parametrize("bad", ["5 March 2021", "2021-3-5", "21-03-05"])
def test_malformed_date_is_a_typed_error(project: Project, coded: dict[str, str], bad: str) -> None:
    with pytest.raises(errors.InvalidValue) as raised:
        excerpts.excerpts(project, Selection(date_from=bad))
    assert raised.value.value == bad


def test_memo_text_ignoring_case(project: Project, coded: dict[str, str]) -> None:
    assert [e.memo for e in excerpts.excerpts(project, Selection(memo_contains="jorge"))] == [
        "Check with JORGE"
    ]
    assert [e.code_name for e in excerpts.excerpts(project, Selection(memo_contains="SAME"))] == [
        "CCTV"
    ]
    assert excerpts.count_excerpts(project, Selection(memo_contains="span")) == 1


def test_context_either_side(project: Project, coded: dict[str, str]) -> None:
    [found] = excerpts.excerpts(
        project, Selection(code_ids=[coded["C"]], document_ids=[coded["first"]]), context=12
    )
    assert found.quote == FIRST[33:48] == "face; reporters"
    assert found.before == "film every "  # "t film every " loses its broken word
    assert found.after == " saw it."
    [airport] = excerpts.excerpts(
        project, Selection(code_ids=[coded["A"]], document_ids=[coded["second"]]), context=40
    )
    assert (airport.before, airport.after) == ("", " of journalists at the airport were")
    assert (
        excerpts.excerpts(project, Selection(code_ids=[coded["C"]]))[0].before == ""
    )  # not asked for
