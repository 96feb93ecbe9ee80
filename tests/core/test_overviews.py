"""Overviews on a fixture whose numbers were counted by hand (see the comments)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from annotator.core import codebook, coders, coding, documents, overviews
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.core.storage.write_errors import OutputUnwritable

TEXT = "x" * 80  # the counts only depend on the spans


@pytest.fixture
def counted(project: Project) -> dict[str, str]:
    return build_counted(project)


def build_counted(project: Project) -> dict[str, str]:
    """The coding the hand counts below were made from.

    Lusaka (2021): FR 0-10, FR 20-30, CCTV 5-25 (overlaps both FR), J 40-50,
                   CCTV 50-60 (touches J: no overlap), and Jorge's VS 0-60 (over all five).
    Amman (2022):  FR 0-10, J 5-15 (overlaps FR), J 12-20 (overlaps the other J only).
    Lima (2023):   nothing coded.
    """
    amina = coders.add_coder(project, "Amina")
    jorge = coders.add_coder(project, "Jorge")
    ids = {
        key: codebook.find_code(project, name).id
        for key, name in (
            ("FR", "Facial recognition"),
            ("CCTV", "CCTV"),
            ("J", "Journalists"),
            ("VS", "Video surveillance"),
            ("T", "Targets and affected groups"),
        )
    }
    docs = {}
    for title, date in (("Lusaka", "2021-09-14"), ("Amman", "2022-01-10"), ("Lima", "2023-05-02")):
        docs[title] = documents.store_document(
            project,
            documents.NewDocument(title=title, text=TEXT, provenance={"published_date": date}),
        ).id
    for title, key, start, end, who in (
        ("Lusaka", "FR", 0, 10, amina),
        ("Lusaka", "FR", 20, 30, amina),
        ("Lusaka", "CCTV", 5, 25, amina),
        ("Lusaka", "J", 40, 50, amina),
        ("Lusaka", "CCTV", 50, 60, amina),
        ("Lusaka", "VS", 0, 60, jorge),
        ("Amman", "FR", 0, 10, amina),
        ("Amman", "J", 5, 15, amina),
        ("Amman", "J", 12, 20, amina),
    ):
        coding.add_coding(project, docs[title], ids[key], start, end, who.id)
    return {**ids, **docs, "amina": amina.id, "jorge": jorge.id}


def test_frequencies_counted_by_hand(project: Project, counted: dict[str, str]) -> None:
    found = {f.code.id: f for f in overviews.frequencies(project)}
    row = {key: found[counted[key]] for key in ("FR", "CCTV", "J", "VS", "T")}
    counts = {
        key: (f.codings, f.documents, f.codings_with_subcodes, f.documents_with_subcodes)
        for key, f in row.items()
    }
    assert counts == {
        "FR": (3, 2, 3, 2),
        "CCTV": (2, 1, 2, 1),
        "J": (3, 2, 3, 2),
        "VS": (1, 1, 6, 2),  # its own 1 + FR 3 + CCTV 2; in Lusaka and Amman
        "T": (0, 0, 3, 2),  # only through Journalists
    }
    assert len(found) == len(codebook.list_codes(project))  # unused codes count 0
    paths = [f.code.path for f in overviews.frequencies(project)]
    assert paths.index("Video surveillance") < paths.index("Video surveillance/CCTV")


def test_frequencies_of_one_coder(project: Project, counted: dict[str, str]) -> None:
    found = {
        f.code.id: f
        for f in overviews.frequencies(project, Selection(coder_ids=[counted["jorge"]]))
    }
    assert (found[counted["VS"]].codings, found[counted["FR"]].codings) == (1, 0)
    assert found[counted["VS"]].codings_with_subcodes == 1


def test_matrix_counted_by_hand(project: Project, counted: dict[str, str]) -> None:
    matrix = overviews.code_document_matrix(
        project, Selection(code_ids=[counted[k] for k in ("FR", "CCTV", "J", "VS")])
    )
    assert [d.title for d in matrix.documents] == ["Lusaka", "Amman", "Lima"]  # by date
    assert [c.name for c in matrix.codes] == [
        "Video surveillance",
        "CCTV",
        "Facial recognition",
        "Journalists",
    ]  # codebook order
    assert matrix.counts == [[1, 0, 0], [2, 0, 0], [2, 1, 0], [1, 2, 0]]
    assert matrix.count(counted["J"], counted["Amman"]) == 2


def test_matrix_with_subcodes_and_filters(project: Project, counted: dict[str, str]) -> None:
    matrix = overviews.code_document_matrix(
        project,
        Selection(
            code_ids=[counted["VS"]],
            document_ids=[counted["Lusaka"], counted["Amman"]],
            with_subcodes=True,
        ),
    )
    assert matrix.counts == [[5, 1]]  # Lusaka: VS 1 + FR 2 + CCTV 2; Amman: FR 1
    amina_only = overviews.code_document_matrix(
        project,
        Selection(code_ids=[counted["VS"]], coder_ids=[counted["amina"]], with_subcodes=True),
    )
    assert amina_only.counts == [[4, 1, 0]]


def test_cooccurrence_counted_by_hand(project: Project, counted: dict[str, str]) -> None:
    found = overviews.cooccurrence(
        project, Selection(code_ids=[counted[k] for k in ("FR", "CCTV", "J", "VS")])
    )
    pairs = {
        (a, b): found.count(counted[a], counted[b])
        for a in ("FR", "CCTV", "J", "VS")
        for b in ("FR", "CCTV", "J", "VS")
        if a < b
    }
    assert pairs == {
        ("CCTV", "FR"): 2,  # CCTV 5-25 overlaps FR 0-10 and FR 20-30
        ("CCTV", "VS"): 2,
        ("FR", "VS"): 2,
        ("J", "VS"): 1,
        ("FR", "J"): 1,  # Amman: FR 0-10 and J 5-15
        ("CCTV", "J"): 0,  # they only touch at 50
    }
    assert all(found.counts[i][i] == 0 for i in range(4))  # J 5-15 / J 12-20 not counted
    assert found.counts == [list(r) for r in zip(*found.counts, strict=True)]  # symmetric


def test_cooccurrence_of_one_coder(project: Project, counted: dict[str, str]) -> None:
    found = overviews.cooccurrence(project, Selection(coder_ids=[counted["amina"]]))
    assert found.count(counted["FR"], counted["CCTV"]) == 2
    assert found.count(counted["FR"], counted["VS"]) == 0  # VS is Jorge's


def test_sweep_matches_comparing_every_pair() -> None:
    rng = random.Random(7)
    spans = []
    for _ in range(300):
        start = rng.randrange(0, 500)
        spans.append((start, start + rng.randrange(1, 40), rng.randrange(5)))
    counts = [[0] * 5 for _ in range(5)]
    overviews._count_overlaps(spans, counts)
    expected = [[0] * 5 for _ in range(5)]
    for i, (s1, e1, c1) in enumerate(spans):
        for s2, e2, c2 in spans[i + 1 :]:
            if c1 != c2 and s1 < e2 and s2 < e1:
                expected[c1][c2] += 1
                expected[c2][c1] += 1
    assert counts == expected


def test_tables_as_csv_reopen_with_the_same_numbers(
    project: Project, counted: dict[str, str], tmp_path: Path
) -> None:
    documents.update_provenance(project, counted["Lima"], title="=HYPERLINK(1)")
    matrix = overviews.code_document_matrix(project, Selection(code_ids=[counted["FR"]]))
    target = overviews.write_csv(tmp_path / "matrix.csv", overviews.matrix_rows(matrix))
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        ["code", "Lusaka", "Amman", "'=HYPERLINK(1)"],
        ["Video surveillance/Facial recognition", "2", "1", "0"],
    ]
    freq = overviews.frequency_rows(overviews.frequencies(project))
    assert freq[0] == [
        "code",
        "codings",
        "documents",
        "codings with sub-codes",
        "documents with sub-codes",
    ]
    text = overviews.csv_text(overviews.cooccurrence_rows(overviews.cooccurrence(project)))
    assert text.splitlines()[0].startswith("code,Video surveillance,")


def test_unwritable_csv_is_a_typed_error(project: Project, tmp_path: Path) -> None:
    with pytest.raises(OutputUnwritable):
        overviews.write_csv(tmp_path / "missing" / "x.csv", [["code"]])
