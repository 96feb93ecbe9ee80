"""Word and CSV export figures on the reference project, for the collecting runner.

The measurements are bench_export's (its selection of about 10,000 excerpts, its
python-docx and csv baselines); this module runs them on `reference`'s project,
alternating each export with its baseline, and returns table rows:
- Word export of 10,000 excerpts: within 1.5x python-docx alone writing the same
  paragraphs with the same styles (judged);
- CSV export of every coding: < 3 s; for scale, `csv.writer` over one plain join
  (no citations or paragraph numbers, so its ratio is shown, not judged).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from annotator.core.exports.formats import ExportOptions, write_export
from annotator.core.project import open_project
from tests.benchmarks import bench_export, reference
from tests.benchmarks.timing import Figure, alternating_seconds

CSV_BUDGET_S = 3.0


def measure(built: reference.Reference, runs: int, word_excerpts: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="annotator-bench-export-") as tmp:
        out = Path(tmp)
        with open_project(built.path) as project:
            codings = project.conn.execute("SELECT count(*) FROM codings").fetchone()[0]
            selection = bench_export.word_selection(project, word_excerpts)
            options = ExportOptions(selection=selection)
            paragraphs = bench_export.word_paragraphs(project, selection)
            excerpts = sum(1 for style, _ in paragraphs if style == "Quote")
            word, word_alone = alternating_seconds(
                lambda: write_export(project, "docx", out / "report.docx", options),
                bench_export.docx_alone(paragraphs, out / "alone.docx", "direct"),
                runs,
            )
            table, table_alone = alternating_seconds(
                lambda: write_export(project, "csv", out / "all.csv"),
                bench_export.csv_alone(project, out / "alone.csv"),
                runs,
            )
    return [
        Figure(
            "word",
            f"Word export of {excerpts:,} excerpts",
            word.wall,
            "s",
            baseline=word_alone.wall,
            judge_ratio=True,
            note="baseline: python-docx alone writing the same paragraphs and styles",
            cpu=word.cpu,
        ),
        Figure(
            "csv",
            f"CSV export of {codings:,} rows",
            table.wall,
            "s",
            CSV_BUDGET_S,
            table_alone.wall,
            note="baseline: csv.writer over one plain SQL join (no citations, no paragraphs)",
            cpu=table.cpu,
        ),
    ]
