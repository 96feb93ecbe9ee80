"""Every benchmark against DESIGN.md's budgets: one table, written to docs/benchmarks.md.

    python -m tests.benchmarks.run                          # `make bench`: the reference project
    python -m tests.benchmarks.run --scales 1000,10000,50000  # `make bench-scaling`
    python -m tests.benchmarks.run --quick --docs /tmp/b.md   # a smoke run in seconds

Builds (or reuses, from the cache folder) the reference project of each size, runs
every figure on it (GUI figures on real widgets offscreen), prints the table
(figure, budget, baseline, ratio, verdict) and rewrites its section of the docs
page with the machine description and date. A scaling run also prints how each
figure grows from one size to the next and draws docs/benchmarks-scaling.png.
Exit status 1 when a budget or a judged ratio is missed.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks import (
    bench_exchange,
    bench_export,
    bench_import,
    bench_search,
    bench_workbench,
    docs_page,
    reference,
)
from tests.benchmarks.table import print_table, text_table
from tests.benchmarks.timing import Figure

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "benchmarks.md"
PLOT = ROOT / "docs" / "benchmarks-scaling.png"


@dataclass(frozen=True)
class Plan:
    """How much to measure: repetitions and sizes of the work timed."""

    runs: int = 7
    exchange_runs: int = 3
    memory_runs: int = 3  # each waits for the background backup and health check
    import_articles: int = 1_000
    import_rounds: int = 5
    word_excerpts: int = 10_000


QUICK_SPEC = reference.Spec(
    documents=30, codings=600, article_chars=2_000, big_chars=40_000, big_codings=300
)
QUICK_PLAN = Plan(
    runs=1, exchange_runs=1, memory_runs=1, import_articles=20, import_rounds=1, word_excerpts=200
)
# Fewer repetitions per size: the largest project is five times the reference.
SCALING_PLAN = Plan(runs=5, exchange_runs=1, memory_runs=1, import_rounds=3)


def measure_all(
    built: reference.Reference,
    work: reference.Reference,
    plan: Plan,
    say: Callable[[str], None],
) -> list[Figure]:
    """Every figure on one project, in the order of the table: on `work`, a copy of
    `built`; the import copies `built` afresh for each run."""
    figures: list[Figure] = []
    steps = [
        (
            "open, memory, switch, apply",
            lambda: bench_workbench.measure(work, plan.runs, plan.memory_runs),
        ),
        ("search, excerpts", lambda: bench_search.measure(work, plan.runs)),
        (
            "import",
            lambda: bench_import.measure(built, plan.import_articles, plan.import_rounds),
        ),
        (
            "Word and CSV export",
            lambda: bench_export.measure(work, plan.runs, plan.word_excerpts),
        ),
        (".qdpx export and import", lambda: bench_exchange.measure(work, plan.exchange_runs)),
    ]
    for label, step in steps:
        started = time.perf_counter()
        try:
            found = step()
        except Exception:  # one broken step must not cost the others' figures
            say(f"  {label}: FAILED\n{traceback.format_exc()}")
            figures.append(
                Figure(f"failed.{label}", f"{label}: the benchmark failed", math.nan, "")
            )
            continue
        say(f"  {label}: {time.perf_counter() - started:.0f} s")
        figures += found
    return figures


# -- the command ---------------------------------------------------------------------------


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run_scale(
    spec: reference.Spec, plan: Plan, cache: Path
) -> tuple[reference.Reference, list[Figure]]:
    say(f"reference project: {spec.documents:,} documents, {spec.codings:,} codings")
    built = reference.cached(cache, spec)
    # Never the real user's settings or backups, never the cached project itself.
    with bench_workbench.private_user(), reference.working_copy(built) as work:
        return built, measure_all(built, work, plan, say)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", help="document counts for a scaling run, e.g. 1000,10000,50000")
    parser.add_argument("--quick", action="store_true", help="a tiny project and one run each")
    parser.add_argument("--runs", type=int, help="repetitions of each figure")
    parser.add_argument("--seed", type=int, default=reference.Spec.seed)
    parser.add_argument("--cache", type=Path, default=reference.default_cache())
    parser.add_argument("--docs", type=Path, default=DOCS, help="the page to rewrite")
    parser.add_argument("--plot", type=Path, help="the scaling PNG (beside --docs by default)")
    args = parser.parse_args(argv)
    plan = QUICK_PLAN if args.quick else SCALING_PLAN if args.scales else Plan()
    if args.runs:
        plan = replace(plan, runs=args.runs)
    base = QUICK_SPEC if args.quick else reference.Spec()
    base = replace(base, seed=args.seed)
    if not args.scales:
        figures = bench_reference(base, plan, args.cache, args.docs)
        return 0 if all(f.passed is not False for f in figures) else 1
    scales = sorted({int(s) for s in args.scales.split(",")})
    results = bench_scales(base, scales, plan, args.cache)
    return write_scaling(scales, results, docs_page.machine(), args.docs, args.plot)


def bench_reference(spec: reference.Spec, plan: Plan, cache: Path, docs: Path) -> list[Figure]:
    """Every figure on one project: printed, and written to its section of `docs`."""
    found = docs_page.machine()
    built, figures = run_scale(spec, plan, cache)
    print(f"\n{spec.documents:,} documents, {spec.codings:,} codings")
    print_table(figures)
    method = (
        f"Medians of {plan.runs} runs (.qdpx: {plan.exchange_runs}; import: "
        f"{plan.import_rounds} rounds of {plan.import_articles:,} articles)."
    )
    docs_page.update_section(
        docs, "reference", docs_page.reference_section(built, method, figures, found)
    )
    say(f"wrote {docs}")
    return figures


def bench_scales(
    base: reference.Spec, scales: Sequence[int], plan: Plan, cache: Path
) -> dict[int, list[Figure]]:
    """Every figure at each size, codings growing with the documents."""
    per_document = base.codings / base.documents
    results: dict[int, list[Figure]] = {}
    for documents in scales:
        spec = replace(base, documents=documents, codings=round(documents * per_document))
        results[documents] = run_scale(spec, plan, cache)[1]
        print(f"\n{documents:,} documents\n{text_table(results[documents])}", flush=True)
    return results


def write_scaling(
    scales: Sequence[int],
    results: dict[int, list[Figure]],
    found: dict[str, str],
    docs: Path,
    plot: Path | None = None,
) -> int:
    """Print the growth table, draw the plot and rewrite the scaling section."""
    plot = plot or docs.with_name(PLOT.name)
    print("\n" + docs_page.scaling_markdown(scales, results))
    docs_page.scaling_plot(scales, results, plot)
    docs_page.update_section(
        docs, "scaling", docs_page.scaling_section(scales, results, found, plot)
    )
    say(f"wrote {docs} and {plot}")
    rows = docs_page.scaling_rows(scales, results)
    steep = [row for row in rows if row[2] > docs_page.SUPER_LINEAR]
    return 1 if steep else 0


if __name__ == "__main__":
    sys.exit(main())
