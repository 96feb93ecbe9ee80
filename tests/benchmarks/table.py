"""The table of figures: for a terminal and for docs/benchmarks.md."""

from __future__ import annotations

import math
from collections.abc import Sequence

from tests.benchmarks.timing import RATIO_TARGET, Figure

HEADER = ("figure", "measured", "CPU", "budget", "baseline", "ratio", "verdict")


def amount(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if math.isnan(value):
        return "not measured"
    if unit == "ms":
        return f"{value:,.1f} ms"
    if unit == "s":
        return f"{value:,.2f} s"
    return f"{value:,.0f} {unit}"


def budget_text(figure: Figure) -> str:
    parts = []
    if figure.budget is not None:
        sign = ">" if figure.higher_is_better else "<"
        parts.append(f"{sign} {figure.budget:,g} {figure.unit}")
    if figure.judge_ratio:
        parts.append(f"≤ {RATIO_TARGET}x")
    return ", ".join(parts)


def ratio_text(figure: Figure) -> str:
    if figure.ratio is None:
        return ""
    text = f"{figure.ratio:.2f}x"
    return text if figure.judge_ratio else f"({text})"


def verdict(figure: Figure) -> str:
    if figure.passed is None:
        return ""
    if figure.passed:
        return "pass"
    if math.isnan(figure.value):
        return "FAIL (error)"
    missed = []
    if figure.within_budget is False:
        missed.append("budget")
    if figure.within_ratio is False:
        missed.append("ratio")
    return "FAIL (" + ", ".join(missed) + ")"


def rows(figures: Sequence[Figure]) -> list[tuple[str, ...]]:
    return [
        (
            f.name,
            amount(f.value, f.unit),
            amount(f.cpu, f.unit),
            budget_text(f),
            amount(f.baseline, f.unit),
            ratio_text(f),
            verdict(f),
        )
        for f in figures
    ]


def text_table(figures: Sequence[Figure]) -> str:
    body = rows(figures)
    widths = [max(len(r[i]) for r in [HEADER, *body]) for i in range(len(HEADER))]
    right = {1, 2, 4, 5}

    def line(row: Sequence[str]) -> str:
        cells = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    return "\n".join([line(HEADER), "  ".join("-" * w for w in widths), *map(line, body)])


def markdown_table(figures: Sequence[Figure]) -> str:
    lines = [
        "| " + " | ".join(HEADER) + " |",
        "|---|--:|--:|---|--:|--:|---|",
    ]
    for row in rows(figures):
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(lines)


def print_table(figures: Sequence[Figure]) -> None:
    print(text_table(figures), flush=True)
