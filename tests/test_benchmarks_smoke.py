"""The benchmark pipeline still runs end to end, at a tiny size, so it cannot rot.

No timed assertions: only that every figure is produced, positive, and written.
The full run is `make bench` (see tests/benchmarks/run.py).
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from annotator.core import check
from annotator.core.project import open_project
from tests.benchmarks import bench_dense_search, bench_storage, docs_page, reference, run
from tests.benchmarks.timing import Figure

TINY = reference.Spec(
    documents=12, codings=240, article_chars=1_500, big_chars=20_000, big_codings=100
)
EXPECTED_KEYS = {
    "open", "memory", "switch", "apply.big", "apply.big.settled", "apply", "apply.settled",
    "search.common", "search.ranked", "search.after_edit", "search.phrase", "search.and",
    "search.prefix", "search.rare", "search.cjk", "search.arabic", "excerpts", "import",
    "word", "csv", "qdpx.export", "qdpx.import",
}  # fmt: skip


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def test_the_reference_project_is_the_same_for_a_seed(tmp_path: Path) -> None:
    first = reference.build(tmp_path / "a.annotator", TINY)
    second = reference.build(tmp_path / "b.annotator", TINY)
    other = reference.build(tmp_path / "c.annotator", replace(TINY, seed=2))
    assert _dump(first.path) == _dump(second.path)
    assert _dump(first.path) != _dump(other.path)
    assert first.big_document_id == second.big_document_id


def test_the_reference_project_holds_what_its_spec_says(tmp_path: Path) -> None:
    built = reference.build(tmp_path / "ref.annotator", TINY)
    with open_project(built.path) as project:
        conn = project.conn
        count = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "codings", "codes", "coders", "document_originals")
        }
        assert count == {
            "documents": 12, "codings": 240, "codes": 150, "coders": 3, "document_originals": 12,
        }  # fmt: skip
        big = conn.execute(
            "SELECT char_count, (SELECT count(*) FROM codings WHERE document_id = d.id) "
            "FROM documents d WHERE id = ?",
            (built.big_document_id,),
        ).fetchone()
        assert big[0] >= TINY.big_chars and big[1] == TINY.big_codings
        overlapping = conn.execute(
            "SELECT count(*) FROM codings a JOIN codings b ON a.document_id = b.document_id "
            'AND a.id < b.id AND a.start < b."end" AND b.start < a."end"'
        ).fetchone()[0]
        assert overlapping > 0
        coders_coding = conn.execute("SELECT count(DISTINCT coder_id) FROM codings").fetchone()[0]
        assert coders_coding == 3
        scripts = "".join(r[0] for r in conn.execute("SELECT text FROM documents"))
        assert any("\u0600" <= c <= "\u06ff" for c in scripts)  # Arabic
        assert any("\u4e00" <= c <= "\u9fff" for c in scripts)  # Chinese
        report = check.check_project(project)
    assert report.integrity == "ok"
    assert not report.problems, report.problems  # every quote is the text it points at
    assert reference.read_reference(built.path) == built


def test_the_reference_command_writes_a_project(tmp_path: Path) -> None:
    out = tmp_path / "cli.annotator"
    args = [str(out), "--documents", "5", "--codings", "40", "--seed", "3"]
    assert reference.main(args) == 0
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT count(*) FROM codings").fetchone()[0] == 40
    assert reference.main(args) == 1  # never overwrites a file


def _positive(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and value > 0


def test_every_figure_is_measured_and_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs" / "benchmarks.md"
    plan = replace(run.QUICK_PLAN, import_articles=5, word_excerpts=50)
    cached = reference.cached(tmp_path / "cache", TINY).path
    before = cached.read_bytes()
    figures = run.bench_reference(TINY, plan, tmp_path / "cache", docs)
    assert cached.read_bytes() == before  # measured on a copy: every run starts the same
    assert sorted(p.name for p in cached.parent.iterdir()) == [cached.name]

    assert {f.key for f in figures} == EXPECTED_KEYS
    assert all(_positive(f.value) for f in figures), [f for f in figures if not _positive(f.value)]
    with_baseline = {f.key for f in figures if f.baseline is not None}
    assert {"search.common", "excerpts", "import", "word", "csv", "open", "switch"} <= with_baseline
    assert all(_positive(f.baseline) for f in figures if f.baseline is not None)
    judged = {f.key for f in figures if f.judge_ratio}
    assert {"excerpts", "word", "import", "search.common", "search.rare"} <= judged

    printed = capsys.readouterr().out
    page = docs.read_text("utf-8")
    for figure in figures:
        assert figure.name in printed and figure.name in page
    for part in ("CPU:", "cores:", "RAM:", "OS:", "Python:", "SQLite:", "PySide6:", "Measured 2"):
        assert part in page
    assert "<!-- BEGIN scaling -->" in page  # the other run's section is kept, empty


def test_a_scaling_run_writes_its_table_and_plot(tmp_path: Path) -> None:
    docs = tmp_path / "benchmarks.md"
    docs_page.update_section(docs, "reference", "the reference table, kept")
    figures = [
        Figure("open", "open", 500.0, "ms", 1000.0),
        Figure("import", "import", 900.0, "docs/s", 300.0, higher_is_better=True),
        Figure("csv", "CSV export", 0.2, "s", 3.0),
    ]
    # As a project 10x larger might give: flat, linear (rates as time per document), quadratic.
    larger = [
        replace(figures[0], value=510.0),
        replace(figures[1], value=900.0),
        replace(figures[2], value=20.0),
    ]
    status = run.write_scaling([100, 1000], {100: figures, 1000: larger}, docs_page.machine(), docs)

    assert status == 1  # the CSV export grew faster than the project
    page = docs.read_text("utf-8")
    assert "the reference table, kept" in page
    assert "| CSV export | 0.20 s | 20.00 s | 2.00 | faster than linear |" in page
    assert "| open | 500.0 ms | 510.0 ms | 0.01 |" in page
    image = QImage(str(tmp_path / "benchmarks-scaling.png"))
    assert not image.isNull() and image.width() > 500


def test_figures_judge_budgets_and_ratios() -> None:
    fast = Figure("x", "x", 40.0, "ms", 50.0, baseline=30.0, judge_ratio=True)
    slow_ratio = replace(fast, baseline=20.0)
    rate = Figure("r", "r", 250.0, "docs/s", 300.0, baseline=300.0, higher_is_better=True)
    assert fast.passed is True
    assert slow_ratio.within_budget is True and slow_ratio.within_ratio is False
    assert rate.within_budget is False and rate.ratio == pytest.approx(1.2)
    assert Figure("n", "n", 1.0, "s").passed is None


def test_the_dense_search_benchmark_runs_on_a_small_document(tmp_path: Path) -> None:
    path = tmp_path / "dense.annotator"
    bench_dense_search.build(path, 300)
    for key, (_mode, _query, page) in bench_dense_search.FIGURES.items():
        found = bench_dense_search.measure_in_child(path, key)
        assert found["hits"] == (page or 300), key
        cell = bench_dense_search._cell(found, cap=60.0)
        assert cell.endswith("hits, 1 doc)") or cell.endswith("hits)"), cell


def test_the_storage_benchmark_measures_every_pair_and_leaves_the_copy_as_it_was(
    tmp_path: Path,
) -> None:
    built = reference.cached(tmp_path / "cache", TINY)
    before = built.path.read_bytes()
    found, notes = bench_storage.measure(built, runs=1, articles=5)
    assert [p.key for p in found] == [
        "insert.documents._store_row_by_row", "insert.documents._store_executemany",
        "insert.codings.100", "insert.codings.111", "schema.objects", "schema.columns",
        "check.read_whole", "migration.add_column", "migration.rebuild",
    ]  # fmt: skip
    assert all(_positive(p.raw[0]) and _positive(p.utils[0]) for p in found), found
    assert any("triggers; gone: `documents_fts_delete`" in note for note in notes), notes
    docs = tmp_path / "benchmarks.md"
    bench_storage.docs_page.update_section(
        docs, "storage", bench_storage.section(built, found, notes, 1)
    )
    assert "| rebuild the codings table" in docs.read_text("utf-8")
    assert built.path.read_bytes() == before  # measured on a copy
