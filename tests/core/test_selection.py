"""The one Selection: each criterion, combinations, sub-codes, dates, the empty selection.

Counted through `coding_where` on a small project whose codings are listed in
`build_study`, so every expected set below can be checked by reading that list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

import pytest

from annotator.core import codebook, coders, coding, documents, errors
from annotator.core.codebook import codebook_tree
from annotator.core.project import Project
from annotator.core.selection import (
    DATE_RANGE,
    FROM_DATE,
    TO_DATE,
    Selection,
    check_date,
    chosen_codes,
    code_groups,
    coding_where,
    document_where,
    subcode_families,
)


@dataclass
class Study:
    project: Project
    ids: dict[str, str] = field(default_factory=dict)
    quotes: dict[str, str] = field(default_factory=dict)  # coding id -> its label


def build_study(project: Project) -> Study:
    """Three levels of codes, two coders, three documents (one undated).

    codings, as `label: code, coder, document (published), memo`:
    a1: Video, amina, Lusaka (2021-09-14)
    a2: CCTV, amina, Lusaka, memo "Check the BYLINE"
    a3: Doorbell, jorge, Lusaka           (Doorbell is below CCTV, below Video)
    b1: Face, amina, Amman (2022-01-10)
    b2: CCTV, jorge, Amman, memo "byline missing"
    c1: Bio, amina, Undated
    """
    study = Study(project)
    ids = study.ids
    ids["video"] = next(iter(codebook.create_code(project, "Video").codes))
    ids["cctv"] = next(iter(codebook.create_code(project, "CCTV", parent_id=ids["video"]).codes))
    ids["door"] = next(iter(codebook.create_code(project, "Doorbell", parent_id=ids["cctv"]).codes))
    ids["face"] = next(iter(codebook.create_code(project, "Face", parent_id=ids["video"]).codes))
    ids["bio"] = next(iter(codebook.create_code(project, "Bio").codes))
    ids["amina"] = coders.add_coder(project, "Amina").id
    ids["jorge"] = coders.add_coder(project, "Jorge").id
    for key, title, published in (
        ("lusaka", "Lusaka", "2021-09-14"),
        ("amman", "Amman", "2022-01-10"),
        ("undated", "Undated", ""),
    ):
        provenance = {"published_date": published} if published else {}
        new = documents.NewDocument(title=title, text="x" * 40, provenance=provenance)
        ids[key] = documents.store_document(project, new).id
    for label, code, coder, document, memo in (
        ("a1", "video", "amina", "lusaka", ""),
        ("a2", "cctv", "amina", "lusaka", "Check the BYLINE"),
        ("a3", "door", "jorge", "lusaka", ""),
        ("b1", "face", "amina", "amman", ""),
        ("b2", "cctv", "jorge", "amman", "byline missing"),
        ("c1", "bio", "amina", "undated", ""),
    ):
        start = 5 * len(study.quotes)
        change = coding.add_coding(
            project, ids[document], ids[code], start, start + 4, ids[coder], memo=memo
        )
        study.quotes[next(iter(change.codings))] = label
    return study


@pytest.fixture
def study(empty_project: Project) -> Study:
    return build_study(empty_project)


def chosen(study: Study, selection: Selection) -> set[str]:
    """The labels of the codings the selection keeps, read through the one builder."""
    where = coding_where(study.project, selection)
    rows = study.project.conn.execute(f"SELECT c.id FROM codings c{where.sql()}", where.params)
    return {study.quotes[r[0]] for r in rows}


def test_the_empty_selection_keeps_every_coding(study: Study) -> None:
    assert chosen(study, Selection()) == {"a1", "a2", "a3", "b1", "b2", "c1"}
    assert coding_where(study.project, Selection()).sql() == ""
    assert not Selection().narrows_documents


@pytest.mark.parametrize("criterion", ["code_ids", "coder_ids", "document_ids"])
def test_an_empty_list_keeps_nothing(study: Study, criterion: str) -> None:
    assert chosen(study, Selection(**{criterion: ()})) == set()


def test_codes_without_and_with_their_subcodes(study: Study) -> None:
    ids = study.ids
    assert chosen(study, Selection(code_ids=[ids["cctv"]])) == {"a2", "b2"}
    with_below = Selection(code_ids=[ids["cctv"]], with_subcodes=True)
    assert chosen(study, with_below) == {"a2", "a3", "b2"}
    everything_video = Selection(code_ids=[ids["video"]], with_subcodes=True)
    assert chosen(study, everything_video) == {"a1", "a2", "a3", "b1", "b2"}


def test_coders_documents_and_memo_words(study: Study) -> None:
    ids = study.ids
    assert chosen(study, Selection(coder_ids=[ids["jorge"]])) == {"a3", "b2"}
    assert chosen(study, Selection(document_ids=[ids["amman"]])) == {"b1", "b2"}
    # memo words ignore case, also beyond ASCII's
    assert chosen(study, Selection(memo_contains="byline")) == {"a2", "b2"}
    assert chosen(study, Selection(memo_contains="")) == chosen(study, Selection())


@pytest.mark.parametrize(
    ("date_from", "date_to", "labels"),
    [
        ("2021", None, {"a1", "a2", "a3", "b1", "b2"}),
        ("2022", None, {"b1", "b2"}),
        (None, "2021", {"a1", "a2", "a3"}),  # a bound keeps all of its year
        (None, "2021-09-13", set()),
        ("2021-09-14", "2021-09-14", {"a1", "a2", "a3"}),
        ("2021-10", "2022-01", {"b1", "b2"}),
    ],
)
def test_published_dates_leave_undated_documents_out(
    study: Study, date_from: str | None, date_to: str | None, labels: set[str]
) -> None:
    assert chosen(study, Selection(date_from=date_from, date_to=date_to)) == labels


def test_criteria_combine_as_and(study: Study) -> None:
    ids = study.ids
    selection = Selection(
        code_ids=[ids["video"]],
        with_subcodes=True,
        coder_ids=[ids["jorge"]],
        date_from="2022",
    )
    assert chosen(study, selection) == {"b2"}
    assert chosen(study, Selection(code_ids=[ids["bio"]], coder_ids=[ids["jorge"]])) == set()


def test_the_three_ways_to_read_documents_agree(study: Study) -> None:
    """Joined, as a subquery, or left to the caller: the same codings."""
    project, ids = study.project, study.ids
    selection = Selection(document_ids=[ids["lusaka"], ids["undated"]], date_to="2022")
    joined = coding_where(project, selection, documents="joined")
    rows = project.conn.execute(
        f"SELECT c.id FROM codings c JOIN documents d ON d.id = c.document_id{joined.sql()}",
        joined.params,
    )
    assert {study.quotes[r[0]] for r in rows} == chosen(study, selection) == {"a1", "a2", "a3"}
    kept = document_where(selection)
    documents_kept = project.conn.execute(f"SELECT d.id FROM documents d{kept.sql()}", kept.params)
    assert {r[0] for r in documents_kept} == {ids["lusaka"]}
    left_out = coding_where(project, selection, documents="left out")
    assert "document" not in " ".join(left_out.conditions)


def test_a_selection_of_more_documents_than_sqlite_takes_parameters(study: Study) -> None:
    """Lists go in as one JSON parameter: 40,000 ids are no problem (the limit is 32,766)."""
    many = [f"missing-{n}" for n in range(40_000)] + [study.ids["amman"]]
    assert chosen(study, Selection(document_ids=many)) == {"b1", "b2"}


def test_lists_become_tuples_without_repeats_in_order() -> None:
    selection = Selection(code_ids=["b", "a", "b"], coder_ids=iter(["x"]))  # type: ignore[arg-type]
    assert selection.code_ids == ("b", "a")
    assert selection.coder_ids == ("x",)
    assert Selection(code_ids=["a"]) == Selection(code_ids=("a",))  # type: ignore[arg-type]


def test_documents_only_keeps_the_criteria_on_documents() -> None:
    full = Selection(
        code_ids=("c",), coder_ids=("r",), document_ids=("d",), date_from="2024", memo_contains="m"
    )
    assert full.documents_only() == Selection(document_ids=("d",), date_from="2024")
    assert full.narrows_documents and Selection(date_to="2024").narrows_documents
    assert not Selection(code_ids=("c",), memo_contains="m").narrows_documents
    assert full.without_codes() == Selection(
        coder_ids=("r",), document_ids=("d",), date_from="2024", memo_contains="m"
    )


# -- the one sub-code expansion ------------------------------------------------------------


def test_families_hold_every_code_below_in_codebook_order(study: Study) -> None:
    ids = study.ids
    families = subcode_families(codebook_tree(study.project))
    assert families[ids["video"]] == [ids["video"], ids["cctv"], ids["door"], ids["face"]]
    assert families[ids["cctv"]] == [ids["cctv"], ids["door"]]
    assert families[ids["door"]] == [ids["door"]]
    assert families[ids["bio"]] == [ids["bio"]]


def test_chosen_codes_and_their_groups(study: Study) -> None:
    project, ids = study.project, study.ids
    assert chosen_codes(project, Selection()) is None
    plain = Selection(code_ids=[ids["cctv"], ids["bio"]])
    assert chosen_codes(project, plain) == [ids["cctv"], ids["bio"]]
    below = Selection(code_ids=[ids["cctv"], ids["video"]], with_subcodes=True)
    assert code_groups(project, below) == [
        [ids["cctv"], ids["door"]],
        [ids["video"], ids["cctv"], ids["door"], ids["face"]],
    ]
    # a code in two groups is chosen once
    assert chosen_codes(project, below) == [ids["cctv"], ids["door"], ids["video"], ids["face"]]
    unknown = Selection(code_ids=["no-such-code"], with_subcodes=True)
    assert chosen_codes(project, unknown) == ["no-such-code"]


def test_the_code_criterion_lists_the_expanded_codes(study: Study) -> None:
    where = coding_where(study.project, Selection(code_ids=[study.ids["cctv"]], with_subcodes=True))
    assert where.conditions == ("c.code_id IN (SELECT value FROM json_each(?))",)
    assert json.loads(str(where.params[0])) == [study.ids["cctv"], study.ids["door"]]


# -- dates are checked once, when the selection is made ---------------------------------------


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("2024", "2024"),
        ("2024-04", "2024-04"),
        (" 2024-04-16 ", "2024-04-16"),
        (date(2024, 4, 16), "2024-04-16"),
        ("", None),
        (None, None),
    ],
)
def test_good_dates(given: str | date | None, kept: str | None) -> None:
    assert check_date(given, FROM_DATE) == kept
    assert Selection(date_to=given).date_to == kept  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad", ["16/04/2024", "2024-13", "2024-13-01", "2024-02-30", "2024-4-1", "24", "yesterday"]
)
def test_malformed_dates_are_refused_by_name(bad: str) -> None:
    with pytest.raises(errors.InvalidValue) as caught:
        Selection(date_from=bad)
    assert (caught.value.field, caught.value.value) == (FROM_DATE, bad)
    with pytest.raises(errors.InvalidValue) as caught:
        Selection(date_to=bad)
    assert caught.value.field == TO_DATE


def test_a_range_the_wrong_way_round_is_refused() -> None:
    with pytest.raises(errors.InvalidValue) as caught:
        Selection(date_from="2024-05", date_to="2024-04-30")
    assert caught.value.field == DATE_RANGE
    assert Selection(date_from="2024", date_to="2024").date_to == "2024"  # one year is fine
    # from May to the end of that year: a month inside the year the range ends in
    assert Selection(date_from="2024-05", date_to="2024").date_from == "2024-05"
    with pytest.raises(errors.InvalidValue):
        Selection(date_from="2025", date_to="2024-12")
