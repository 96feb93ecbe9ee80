"""Kill a process while it exports Word reports and CSV tables, and while it merges
other people's .qdpx projects in.

An export's file is complete or absent (never half a file under its name), and the
project it read is untouched. A merge is all of one file or none of it.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import docx
import pytest

from annotator.core import codebook, coders, coding, documents
from annotator.core.codebook_file import new_project
from annotator.core.exchange.qdpx_export import export_qdpx
from annotator.core.project import open_project
from tests.durability.articles import article
from tests.durability.harness import SEED, assert_intact, rng_for, run_and_kill

EXPORT_ROUNDS = 8
MERGE_ROUNDS = 6
FILES_PER_MERGE_ROUND = 16


@pytest.fixture
def coded_project(tmp_path: Path) -> tuple[Path, int]:
    """A project whose exports take a noticeable moment: 1,200 codings."""
    path = tmp_path / "coded.annotator"
    rng = rng_for("exports-setup")
    with new_project(path) as project:
        coder = coders.add_coder(project, "Amina Rasheed")
        codes = [c.id for c in codebook.list_codes(project)][:12]
        for n in range(20):
            doc = documents.store_document(
                project,
                documents.NewDocument(title=f"Article {n}", text=article(rng, 8000)),
                coder_id=coder.id,
            )
            spans = [coding.Span(doc.id, s, s + 40) for s in range(0, 6000, 100)]
            coding.add_codings(project, rng.choice(codes), spans, coder.id)
    return path, 1200


def test_killing_exports_leaves_complete_files_or_none(
    coded_project: tuple[Path, int], tmp_path: Path
) -> None:
    path, codings = coded_project
    rng = rng_for("exports")
    for round_ in range(EXPORT_ROUNDS):
        out = tmp_path / f"exports-{round_}"
        out.mkdir()
        delay = rng.uniform(0.2, 3.0)
        said = run_and_kill("export", path, seed=round_, delay=delay, folder=out)
        context = f"seed {SEED}, round {round_}, killed after {delay:.3f} s"
        assert_intact(path, context)
        confirmed = {d["file"] for d in said.ops("export")}
        for name in confirmed:
            assert (out / name).exists(), f"{context}: confirmed export {name} is missing"
        report = out / "excerpts.docx"
        if report.exists():
            paragraphs = docx.Document(str(report)).paragraphs
            assert len(paragraphs) > codings, context
        table = out / "excerpts.csv"
        if table.exists():
            with table.open(encoding="utf-8-sig", newline="") as file:
                assert len(list(csv.reader(file))) == codings + 1, context
        finals = {p.name for p in out.iterdir() if not p.name.startswith(".")}
        assert finals <= {"excerpts.docx", "excerpts.csv"}, context


def _team_copy(path: Path, rng: random.Random, label: str) -> None:
    """A colleague's project: two documents of their own, coded, exported as .qdpx."""
    scratch = path.with_suffix(".annotator")
    with new_project(scratch) as project:
        coder = coders.add_coder(project, f"Colleague {label}")
        code_id = codebook.find_code(project, "Checkpoints").id
        for k in range(2):
            doc = documents.store_document(
                project,
                documents.NewDocument(title=f"{label}-doc-{k}", text=article(rng, 3000)),
                coder_id=coder.id,
            )
            spans = [coding.Span(doc.id, s, s + 25) for s in range(0, 2500, 250)]
            coding.add_codings(project, code_id, spans, coder.id)
        export_qdpx(project, path)
    scratch.unlink()


def _merged_titles(path: Path) -> dict[str, int]:
    with open_project(path) as project:
        rows = project.conn.execute(
            "SELECT d.title, (SELECT count(*) FROM codings c WHERE c.document_id = d.id) "
            "FROM documents d"
        ).fetchall()
    return dict(rows)


def test_killing_project_merges_merges_whole_files_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "lead.annotator"
    with new_project(path) as project:
        coders.add_coder(project, "Team lead")
    rng = rng_for("project-merges")
    for round_ in range(MERGE_ROUNDS):
        folder = tmp_path / f"copies-{round_}"
        folder.mkdir()
        labels = [f"r{round_}f{n}" for n in range(FILES_PER_MERGE_ROUND)]
        for label in labels:
            _team_copy(folder / f"{label}.qdpx", rng, label)
        delay = rng.uniform(0.05, 1.2)
        said = run_and_kill("merge-projects", path, seed=round_, delay=delay, folder=folder)
        context = f"seed {SEED}, round {round_}, killed after {delay:.3f} s"
        assert_intact(path, context)
        titles = _merged_titles(path)
        confirmed = {Path(d["file"]).stem for d in said.ops("merge")}
        in_flight = Path(said.in_flight["file"]).stem if said.in_flight else None
        for label in labels:
            present = [titles.get(f"{label}-doc-{k}") for k in range(2)]
            if label in confirmed:
                assert present == [10, 10], f"{context}: confirmed merge {label} is {present}"
            elif label == in_flight:
                assert present in ([10, 10], [None, None]), f"{context}: half of {label}"
            else:
                assert present == [None, None], f"{context}: {label} was never merged"
