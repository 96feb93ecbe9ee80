"""Export speed against DESIGN.md's budgets, with python-docx and csv alone as baselines.

    python -m tests.benchmarks.bench_export [--runs 5] [--scale 0.01]

On the reference project (see `reference`; --scale takes a fraction of it for a
quick look), as medians of runs alternating with their baselines, wall clock and
this process's CPU time:
- Word export of ~10,000 excerpts, against python-docx alone writing the same
  headings, definitions, quotes and citations with the same styles through its
  element API (ratio budget <= 1.5x); python-docx's documented `add_paragraph`, whose
  cost per paragraph grows with the document, is printed beside it for scale;
- CSV export of all 200,000 codings (< 3 s), against `csv.writer` writing the rows
  one plain `sqlite3` join returns (no paragraph numbers, no neutralising).
`measure` gives the same figures to the collecting runner (`run`).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx

from annotator.core.exports.citations import citation
from annotator.core.exports.formats import ExportOptions, write_export
from annotator.core.exports.rows import ExportContext
from annotator.core.exports.selection import GroupBy, exported_codes
from annotator.core.project import Project, open_project
from annotator.core.selection import Selection
from tests.benchmarks import reference
from tests.benchmarks.timing import Figure, alternating_seconds, median_seconds

WORD_EXCERPTS = 10_000
CSV_BUDGET_S = 3.0
RATIO_BUDGET = 1.5


@dataclass(frozen=True)
class Scale:
    documents: int = reference.Spec.documents
    codings: int = reference.Spec.codings
    word_excerpts: int = WORD_EXCERPTS

    @classmethod
    def fraction(cls, share: float) -> Scale:
        full = cls()
        return cls(
            max(1, int(full.documents * share)),
            max(1, int(full.codings * share)),
            max(1, int(full.word_excerpts * share)),
        )


def word_selection(project: Project, excerpts: int) -> Selection:
    """Codes in codebook order, skipping any that would overshoot, until they hold
    about `excerpts` codings: the same size of report whatever the project's size."""
    per_code = dict(
        project.conn.execute("SELECT code_id, count(*) FROM codings GROUP BY code_id").fetchall()
    )
    chosen: list[str] = []
    total = 0
    for code in exported_codes(project, Selection()):
        count = per_code.get(code.id, 0)
        if count and total + count <= excerpts * 1.05:
            chosen.append(code.id)
            total += count
        if total >= excerpts * 0.95:
            break
    if not chosen and per_code:  # every code alone is larger: the smallest one
        chosen.append(min(per_code, key=lambda code_id: (per_code[code_id], code_id)))
    return Selection(code_ids=tuple(chosen))


def word_paragraphs(project: Project, selection: Selection) -> list[tuple[str, str]]:
    """(style, text) of the headings, definitions, quotes and citations a report holds."""
    context = ExportContext(project, selection)
    paragraphs: list[tuple[str, str]] = []
    current = None
    for row in context.rows(GroupBy.CODE):
        if row.code.id != current:
            current = row.code.id
            paragraphs.append((f"Heading {row.code.level}", row.code.heading))
            paragraphs.append(("Normal", row.code.node.code.definition))
        paragraphs.append(("Quote", row.quote))
        paragraphs.append(("Normal", citation(row.document, row.paragraph_label)))
    return paragraphs


def docx_alone(paragraphs: list[tuple[str, str]], target: Path, how: str) -> Callable[[], None]:
    """The baseline: python-docx alone writing the same paragraphs with the same styles.

    `how`: "documented" uses `Document.add_paragraph(text, style)` as python-docx's
    documentation shows (each call costs more as the document grows); "direct" does
    what our exporter does (insert before an end paragraph, set the style id, add the
    text element), so the ratio measures only our own work: reading, citing, marking.
    """

    def write() -> None:
        document = docx.Document()
        styles = {name: document.styles[name] for name in {name for name, _ in paragraphs}}
        if how == "documented":
            for style, text in paragraphs:
                document.add_paragraph(text, style=styles[style])
        else:
            end = document.add_paragraph()
            for style, text in paragraphs:
                paragraph = end.insert_paragraph_before()
                paragraph._p.style = styles[style].style_id
                run = paragraph.add_run()
                for n, line in enumerate(text.split("\n")):
                    if n:
                        run._r.add_br()
                    if line:
                        run._r.add_t(line)
            end._p.getparent().remove(end._p)
        document.save(target)

    return write


def csv_alone(project: Project, target: Path) -> Callable[[], None]:
    """The baseline: the rows of one plain SQL join, through csv.writer."""

    def write() -> None:
        rows = project.conn.execute(
            "SELECT k.name, c.quote, d.title, d.source_url, d.publisher, d.author, "
            'd.published_date, d.accessed_date, d.language, c.start, c."end", r.name, c.memo, '
            "c.created_at, d.text_sha256, d.original_sha256, c.id, d.id, r.id "
            "FROM codings c JOIN documents d ON d.id = c.document_id "
            "JOIN codes k ON k.id = c.code_id JOIN coders r ON r.id = c.coder_id"
        )
        with target.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)

    return write


def measure(work: reference.Reference, runs: int, word_excerpts: int) -> list[Figure]:
    """The Word and CSV figures, each export alternating with its baseline."""
    with tempfile.TemporaryDirectory(prefix="annotator-bench-export-") as tmp:
        out = Path(tmp)
        with open_project(work.path) as project:
            codings = project.conn.execute("SELECT count(*) FROM codings").fetchone()[0]
            selection = word_selection(project, word_excerpts)
            options = ExportOptions(selection=selection)
            paragraphs = word_paragraphs(project, selection)
            excerpts = sum(1 for style, _ in paragraphs if style == "Quote")
            word, word_alone = alternating_seconds(
                lambda: write_export(project, "docx", out / "report.docx", options),
                docx_alone(paragraphs, out / "alone.docx", "direct"),
                runs,
            )
            table, table_alone = alternating_seconds(
                lambda: write_export(project, "csv", out / "all.csv"),
                csv_alone(project, out / "alone.csv"),
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


def report(name: str, figure: float, budget: str, baseline: float | None = None) -> None:
    line = f"{name:<38} {figure:8.3f} s   budget {budget:<12}"
    if baseline is not None:
        line += f" baseline {baseline:7.3f} s   ratio {figure / baseline:5.2f}x"
    print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="a fraction of the reference, for a quick look"
    )
    parser.add_argument("--cache", type=Path, default=reference.default_cache())
    args = parser.parse_args(argv)
    scale = Scale() if args.scale == 1 else Scale.fraction(args.scale)
    built = reference.cached(args.cache, reference.Spec(scale.documents, scale.codings))
    with reference.working_copy(built) as work:
        word, table = measure(work, args.runs, scale.word_excerpts)
        with open_project(work.path) as project, tempfile.TemporaryDirectory() as tmp:
            selection = word_selection(project, scale.word_excerpts)
            paragraphs = word_paragraphs(project, selection)
            documented = docx_alone(paragraphs, Path(tmp) / "documented.docx", "documented")
            add_paragraph = median_seconds(documented, 1, warm_up=False).wall
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"reference: {scale.documents} documents, {scale.codings} codings, "
        f"{built.spec.codes} codes; median of {args.runs} runs; load average {load:.1f} "
        f"on {os.cpu_count()} cores"
    )
    excerpts = word.name.removeprefix("Word export of ").removesuffix(" excerpts")
    report(f"Word export ({excerpts} excerpts)", word.value, f"<= {RATIO_BUDGET}x", word.baseline)
    report("  python-docx add_paragraph (one run)", add_paragraph, "(for scale)")
    report(
        f"CSV export ({scale.codings} rows)", table.value, f"< {CSV_BUDGET_S:.0f} s", table.baseline
    )
    print(f"CPU time of this process: Word export {word.cpu:.3f} s, CSV export {table.cpu:.3f} s")
    if scale != Scale():
        print("(budgets apply to the full reference project only)")
        return 0
    ok = bool(word.passed and table.passed)
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
