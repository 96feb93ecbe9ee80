"""Agreement figures: a worked example by hand, and checks against independent packages."""

from __future__ import annotations

import random
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.core import coders, coding, documents
from annotator.core.codebook import find_code
from annotator.core.documents import NewDocument
from annotator.core.errors import InvalidValue
from annotator.core.exchange.agreement import agreement
from annotator.core.exchange.merge import apply_merge, load_incoming, plan_merge
from annotator.core.project import Project, open_project, save_copy
from annotator.core.selection import Selection
from tests.core.exchange.conftest import code_sample

TEXT = "Cameras at the gate."  # 20 characters


@pytest.fixture
def ab(project: Project) -> tuple[str, str, str, str]:
    """Two coders and one document of 20 characters."""
    a = coders.add_coder(project, "A").id
    b = coders.add_coder(project, "B").id
    doc = documents.store_document(project, NewDocument(title="Gate", text=TEXT)).id
    return a, b, doc, find_code(project, "CCTV").id


def _finish(project: Project, doc: str, *coder_ids: str) -> None:
    for coder_id in coder_ids:
        coders.set_finished(project, doc, coder_id, True)


def test_worked_example_from_the_methods_page(project: Project, ab: tuple[str, ...]) -> None:
    a, b, doc, cctv = ab
    coding.add_coding(project, doc, cctv, 0, 10, a)
    coding.add_coding(project, doc, cctv, 2, 10, b)
    _finish(project, doc, a, b)
    report = agreement(project, Selection(coder_ids=[a, b]))
    [row] = report.codes
    assert row.characters == 20
    assert row.coded == {a: 10, b: 8}
    assert row.percent == pytest.approx(90.0)
    assert row.kappa == pytest.approx(0.8)
    assert row.alpha == pytest.approx(1 - 39 * 2 / (22 * 18))  # 0.8030...
    assert report.overall.alpha == pytest.approx(row.alpha)
    [gap] = report.disagreements
    assert (gap.start, gap.end, gap.coded_by, gap.not_coded_by, gap.quote) == (
        0,
        2,
        (a,),
        (b,),
        "Ca",
    )


def test_only_documents_every_coder_finished_count_unless_asked(
    project: Project, ab: tuple[str, ...]
) -> None:
    a, b, doc, cctv = ab
    other = documents.store_document(project, NewDocument(title="Other", text="x" * 30)).id
    coding.add_coding(project, doc, cctv, 0, 10, a)
    coding.add_coding(project, other, cctv, 0, 30, a)
    _finish(project, doc, a, b)
    _finish(project, other, a)  # B has not finished it
    assert agreement(project, Selection(coder_ids=[a, b])).document_ids == (doc,)
    everything = agreement(project, Selection(coder_ids=[a, b]), include_unfinished=True)
    assert set(everything.document_ids) == {doc, other}
    assert everything.codes[0].characters == 50
    with pytest.raises(InvalidValue):
        agreement(project, Selection(coder_ids=[a]))


def _character_matrix(project: Project, report_coders: list[str], code_id: str, docs: list[str]):
    rows = []
    for coder_id in report_coders:
        values = []
        for doc in docs:
            text = documents.get_document(project, doc).text
            marks = [0] * len(text)
            for c in coding.codings_of_document(project, doc, coder_ids=[coder_id]):
                if c.code_id == code_id:
                    marks[c.start : c.end] = [1] * (c.end - c.start)
            values.extend(marks)
        rows.append(values)
    return np.array(rows)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_figures_match_krippendorff_and_scikit_learn(
    project: Project, ab: tuple[str, ...], seed: int
) -> None:
    a, b, doc, cctv = ab
    c = coders.add_coder(project, "C").id
    face = find_code(project, "Facial recognition").id
    second = documents.store_document(project, NewDocument(title="Long", text="y" * 400)).id
    rng = random.Random(seed)
    for coder_id in (a, b, c):
        for code_id in (cctv, face):
            for document_id, length in ((doc, 20), (second, 400)):
                for _ in range(rng.randint(1, 4)):
                    start = rng.randrange(0, length - 1)
                    end = rng.randint(start + 1, length)
                    coding.add_codings(
                        project,
                        code_id,
                        [coding.Span(document_id, start, end)],
                        coder_id,
                        skip_duplicates=True,
                    )
            _finish(project, doc, coder_id)
            _finish(project, second, coder_id)
    docs = [doc, second]
    two = agreement(project, Selection(coder_ids=[a, b], code_ids=[cctv, face]))
    three = agreement(project, Selection(coder_ids=[a, b, c], code_ids=[cctv, face]))
    for index, code_id in enumerate((cctv, face)):
        pair = _character_matrix(project, [a, b], code_id, docs)
        trio = _character_matrix(project, [a, b, c], code_id, docs)
        assert two.codes[index].kappa == pytest.approx(cohen_kappa_score(pair[0], pair[1]))
        assert two.codes[index].alpha == pytest.approx(
            krippendorff.alpha(reliability_data=pair, level_of_measurement="nominal")
        )
        assert three.codes[index].alpha == pytest.approx(
            krippendorff.alpha(reliability_data=trio, level_of_measurement="nominal")
        )
        assert three.codes[index].percent == pytest.approx(
            100 * np.mean((trio == trio[0]).all(axis=0))
        )
    pooled = np.hstack([_character_matrix(project, [a, b, c], k, docs) for k in (cctv, face)])
    assert three.overall.alpha == pytest.approx(
        krippendorff.alpha(reliability_data=pooled, level_of_measurement="nominal")
    )
    pooled_pair = pooled[:2]
    assert two.overall.kappa == pytest.approx(cohen_kappa_score(pooled_pair[0], pooled_pair[1]))


def test_no_variation_gives_no_kappa_or_alpha(project: Project, ab: tuple[str, ...]) -> None:
    a, b, doc, cctv = ab
    _finish(project, doc, a, b)
    [row] = agreement(project, Selection(coder_ids=[a, b], code_ids=[cctv])).codes
    assert (row.percent, row.kappa, row.alpha) == (100.0, None, None)


def test_two_copies_coded_apart_merge_into_a_per_code_agreement_report(
    project: Project, tmp_path: Path
) -> None:
    amina = coders.add_coder(project, "Amina")
    code_sample(project, amina.id)
    copy_path = save_copy(project, tmp_path / "copy.annotator")
    with open_project(copy_path) as copy:
        tomas = coders.add_coder(copy, "Tomás")
        code_sample(copy, tomas.id, which=1)  # other occurrences: some disagreement
        for doc in documents.list_documents(copy):
            coders.set_finished(copy, doc.id, tomas.id, True)
    for doc in documents.list_documents(project):
        coders.set_finished(project, doc.id, amina.id, True)
    apply_merge(project, plan_merge(project, load_incoming(copy_path)))
    report = agreement(project, Selection(coder_ids=[amina.id, tomas.id]))
    assert len(report.document_ids) == 3
    assert [r.code_path for r in report.codes] == [
        "Video surveillance/CCTV",
        "Video surveillance/Facial recognition",
        "Identity and biometrics",
        "Communications surveillance",
    ]
    for row in report.codes:
        assert row.kappa is not None and -1 <= row.kappa <= 1
        assert row.alpha is not None and row.alpha <= 1
    assert report.disagreements
