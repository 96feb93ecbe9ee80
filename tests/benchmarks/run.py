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
import platform
import re
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks import (
    bench_exchange,
    bench_export,
    bench_import,
    bench_search,
    bench_workbench,
    reference,
)
from tests.benchmarks.table import markdown_table, print_table, text_table
from tests.benchmarks.timing import Figure

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "benchmarks.md"
PLOT = ROOT / "docs" / "benchmarks-scaling.png"
SCALING_KEYS = (  # plotted: one line each
    "open", "memory", "switch", "apply", "excerpts", "search.common", "search.rare",
    "import", "word", "csv", "qdpx.export", "qdpx.import",
)  # fmt: skip
SUPER_LINEAR = 1.15  # growth exponent above which a figure grows faster than the project


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


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    import docx
    import PySide6

    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
        cpu = found.group(1).strip() if found else cpu
        total = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        memory = f"{int(total.group(1)) / 2**20:.1f} GB" if total else ""
    except OSError:
        pass
    system = platform.platform()
    try:
        release = Path("/etc/os-release").read_text()
        pretty = re.search(r'^PRETTY_NAME="?([^"\n]+)', release, re.MULTILINE)
        system = (
            f"{pretty.group(1)} ({platform.system()} {platform.release()})" if pretty else system
        )
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (math.nan,) * 3
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "RAM": memory,
        "OS": system,
        "Python": platform.python_version(),
        "SQLite": sqlite3.sqlite_version,
        "PySide6": PySide6.__version__,
        "python-docx": docx.__version__ if hasattr(docx, "__version__") else "",
        "load average (1, 5, 15 min)": ", ".join(f"{x:.1f}" for x in load),
    }


def machine_lines(found: dict[str, str]) -> list[str]:
    return [f"- {key}: {value}" for key, value in found.items() if value]


def dated() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


# -- the docs page: each run rewrites its own section, the hand-written text stays ------------

TEMPLATE = """# Benchmarks

Measured by `make bench` (the reference project of DESIGN.md) and `make bench-scaling`
(the same at 1,000, 10,000 and 50,000 documents). The two sections between markers are
rewritten by those commands; the text after them is written by hand.

<!-- BEGIN reference -->
<!-- END reference -->

<!-- BEGIN scaling -->
<!-- END scaling -->
"""


def update_section(path: Path, name: str, body: str) -> None:
    """Replace one marked section of the docs page (creating the page if needed)."""
    text = path.read_text("utf-8") if path.exists() else TEMPLATE
    begin, end = f"<!-- BEGIN {name} -->", f"<!-- END {name} -->"
    if begin not in text or end not in text:
        text = text.rstrip("\n") + f"\n\n{begin}\n{end}\n"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(f"{head}{begin}\n{body.strip()}\n{end}{tail}", "utf-8")
    partial.replace(path)


def reference_section(
    built: reference.Reference, plan: Plan, figures: Sequence[Figure], found: dict[str, str]
) -> str:
    spec = built.spec
    missed = [f for f in figures if f.passed is False]
    lines = [
        f"## Reference project: {spec.documents:,} documents, {spec.codings:,} codings",
        "",
        f"Measured {dated()} by `python -m tests.benchmarks.run` on:",
        "",
        *machine_lines(found),
        "",
        f"Project: {spec.codes} codes, {spec.big_documents} documents of "
        f"{spec.big_chars / 1e6:g} M characters with {spec.big_codings:,} codings each, "
        f"the others about {spec.article_chars / 1000:g} K characters; seed {spec.seed}; "
        f"{built.path.stat().st_size / 2**20:,.0f} MB on disk. "
        f"Medians of {plan.runs} runs (.qdpx: {plan.exchange_runs}; import: "
        f"{plan.import_rounds} rounds of {plan.import_articles:,} articles).",
        "",
        markdown_table(figures),
        "",
        "A ratio in brackets is shown for scale, not judged: that baseline does less than "
        "the app must (see the notes below the table).",
        "",
        "**Every budget and judged ratio is met.**"
        if not missed
        else "**Missed:** " + "; ".join(f"{f.name} ({f.key})" for f in missed) + ".",
    ]
    notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
    if notes:
        lines += ["", "Notes:", "", *notes]
    return "\n".join(lines)


# -- scaling ------------------------------------------------------------------------------


def exponent(scales: Sequence[int], values: Sequence[float]) -> float:
    """The growth exponent between the smallest and largest scale: 0 flat, 1 linear."""
    if values[0] <= 0 or values[-1] <= 0:
        return math.nan
    return math.log(values[-1] / values[0]) / math.log(scales[-1] / scales[0])


def as_time(figure: Figure) -> float:
    """Plotted and compared as a cost: a rate becomes time per item."""
    return 1 / figure.value if figure.higher_is_better else figure.value


def scaling_rows(
    scales: Sequence[int], results: dict[int, list[Figure]]
) -> list[tuple[Figure, list[Figure | None], float]]:
    by_key = [{f.key: f for f in results[s]} for s in scales]
    rows = []
    for figure in results[scales[-1]]:
        series = [found.get(figure.key) for found in by_key]
        values = [as_time(f) if f else math.nan for f in series]
        rows.append((figure, series, exponent(scales, values)))
    return rows


def scaling_markdown(scales: Sequence[int], results: dict[int, list[Figure]]) -> str:
    head = ["figure", *[f"{s:,} documents" for s in scales], "growth exponent", ""]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "--:|" * (len(scales) + 1) + "---|"]
    for figure, series, power in scaling_rows(scales, results):
        cells = [_short(f) for f in series]
        note = "faster than linear" if power > SUPER_LINEAR else ""
        shown = "" if math.isnan(power) else f"{power:.2f}"
        lines.append("| " + " | ".join([_label(figure), *cells, shown, note]) + " |")
    return "\n".join(lines)


def _label(figure: Figure) -> str:
    # Counts inside names change with the scale; the table's rows are per figure.
    return re.sub(r"\s*\([\d,]+ (hits|codings)\)", "", figure.name).strip()


def _short(figure: Figure | None) -> str:
    from tests.benchmarks.table import amount

    return "" if figure is None else amount(figure.value, figure.unit)


def scaling_section(
    scales: Sequence[int], results: dict[int, list[Figure]], found: dict[str, str], plot: Path
) -> str:
    lines = [
        "## Scaling: " + ", ".join(f"{s:,}" for s in scales) + " documents",
        "",
        f"Measured {dated()} by `python -m tests.benchmarks.run --scales "
        f"{','.join(map(str, scales))}` on the machine above "
        f"({found.get('CPU', '')}, {found.get('cores', '')} cores, load average "
        f"{found.get('load average (1, 5, 15 min)', '')}). Codings grow with the documents "
        "(20 per document, 5,000 in each 1 MB document); every figure is the same "
        "measurement as in the table above.",
        "",
        "The growth exponent compares the largest and smallest project: value ratio = "
        "size ratio ^ exponent, so 0 is flat and 1 is linear (rates are compared as time "
        "per document).",
        "",
        scaling_markdown(scales, results),
        "",
        f"![How each figure grows]({plot.name})",
    ]
    return "\n".join(lines)


def scaling_plot(scales: Sequence[int], results: dict[int, list[Figure]], target: Path) -> Path:
    from tests.benchmarks.scaling_plot import draw

    series: dict[str, list[float]] = {}
    by_key = [{f.key: f for f in results[s]} for s in scales]
    for key in SCALING_KEYS:
        found = [figures.get(key) for figures in by_key]
        if all(found):
            series[_plot_label(found[-1])] = [as_time(f) for f in found]  # type: ignore[arg-type]
    return draw(scales, series, target)


def _plot_label(figure: Figure) -> str:
    label = _label(figure)
    label = label.replace(", persisted+painted", "").replace(", painted, ready", "")
    return label if len(label) <= 34 else label[:33] + "…"


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
    return write_scaling(scales, results, machine(), args.docs, args.plot)


def bench_reference(spec: reference.Spec, plan: Plan, cache: Path, docs: Path) -> list[Figure]:
    """Every figure on one project: printed, and written to its section of `docs`."""
    found = machine()
    built, figures = run_scale(spec, plan, cache)
    print(f"\n{spec.documents:,} documents, {spec.codings:,} codings")
    print_table(figures)
    update_section(docs, "reference", reference_section(built, plan, figures, found))
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
    print("\n" + scaling_markdown(scales, results))
    scaling_plot(scales, results, plot)
    update_section(docs, "scaling", scaling_section(scales, results, found, plot))
    say(f"wrote {docs} and {plot}")
    steep = [row for row in scaling_rows(scales, results) if row[2] > SUPER_LINEAR]
    return 1 if steep else 0


if __name__ == "__main__":
    sys.exit(main())
