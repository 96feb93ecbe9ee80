"""The docs page of the benchmarks: the machine, the tables, the growth with size.

docs/benchmarks.md has two marked sections, one per kind of run; a run rewrites its
own and keeps everything else (the other run's section, the hand-written text).
"""

from __future__ import annotations

import math
import os
import platform
import re
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from tests.benchmarks import reference
from tests.benchmarks.table import amount, markdown_table
from tests.benchmarks.timing import Figure

SCALING_KEYS = (  # plotted: one line each
    "open", "memory", "switch", "apply", "excerpts", "search.common", "search.rare",
    "import", "word", "csv", "qdpx.export", "qdpx.import",
)  # fmt: skip
SUPER_LINEAR = 1.15  # growth exponent above which a figure grows faster than the project


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
    built: reference.Reference, method: str, figures: Sequence[Figure], found: dict[str, str]
) -> str:
    """The reference section: machine, date, project, how measured (`method`), table."""
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
        f"{built.path.stat().st_size / 2**20:,.0f} MB on disk. {method}",
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
