"""Measuring figures the same way everywhere: medians, alternating order, memory.

A figure is the median of several repetitions after one warm-up (a project being
worked on is in the page cache). Where a raw baseline exists it is measured in the
same run, interleaved with ours and alternating which goes first, so a busy shared
machine slows both alike and the ratio stays meaningful.
"""

from __future__ import annotations

import math
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

RATIO_TARGET = 1.5


@dataclass(frozen=True)
class Figure:
    """One row of the table: a measured value beside its budget and raw baseline.

    `key` names the figure across runs and scales. `budget` is a ceiling (or, with
    `higher_is_better`, a floor); `baseline` is the raw-library figure in the same
    unit. `judge_ratio` says whether DESIGN.md's 1.5x target applies, or the
    baseline is only shown for scale (for example a bare Qt window).
    """

    key: str
    name: str
    value: float
    unit: str
    budget: float | None = None
    baseline: float | None = None
    judge_ratio: bool = False
    higher_is_better: bool = False
    note: str = ""
    cpu: float | None = None  # this process's CPU time, in `unit`, where measured

    @property
    def ratio(self) -> float | None:
        """How many times the baseline's time ours takes (for rates too)."""
        if not self.baseline or not self.value:
            return None
        if self.higher_is_better:
            return self.baseline / self.value
        return self.value / self.baseline

    @property
    def within_budget(self) -> bool | None:
        if self.budget is None:
            return None
        return self.value >= self.budget if self.higher_is_better else self.value <= self.budget

    @property
    def within_ratio(self) -> bool | None:
        if not self.judge_ratio or self.ratio is None:
            return None
        return self.ratio <= RATIO_TARGET

    @property
    def passed(self) -> bool | None:
        """None when nothing is judged; otherwise every judged part must hold.

        A figure that could not be measured (NaN) has failed.
        """
        if math.isnan(self.value):
            return False
        verdicts = [v for v in (self.within_budget, self.within_ratio) if v is not None]
        return all(verdicts) if verdicts else None

    def named(self, name: str) -> Figure:
        return replace(self, name=name)


class Times(NamedTuple):
    """Medians, in seconds: the wall clock a researcher waits, and this process's CPU
    time, which other people's work on a shared machine does not inflate."""

    wall: float
    cpu: float


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - started, time.process_time() - cpu


def _medians(samples: list[tuple[float, float]]) -> Times:
    return Times(statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples))


def median_seconds(
    action: Callable[[], object],
    runs: int,
    *,
    between: Callable[[], object] | None = None,
    warm_up: bool = True,
) -> Times:
    """Median times of `action`; `between` (not timed) runs before each try."""
    if warm_up:
        if between:
            between()
        action()
    samples = []
    for _ in range(runs):
        if between:
            between()
        samples.append(_timed(action))
    return _medians(samples)


def alternating_seconds(
    ours: Callable[[], object],
    baseline: Callable[[], object],
    runs: int,
    *,
    between: Callable[[], object] | None = None,
    warm_up: bool = True,
) -> tuple[Times, Times]:
    """Medians of ours and the baseline, run in turns, alternating which goes first."""
    if warm_up:
        for action in (ours, baseline):
            if between:
                between()
            action()
    mine: list[tuple[float, float]] = []
    raw: list[tuple[float, float]] = []
    for n in range(runs):
        pair = [(ours, mine), (baseline, raw)]
        for action, samples in pair if n % 2 == 0 else reversed(pair):
            if between:
                between()
            samples.append(_timed(action))
    return _medians(mine), _medians(raw)


def rss_mb(pid: int | None = None) -> tuple[float, float]:
    """(resident, peak resident) memory of a process in MB, from /proc or psutil."""
    status = Path(f"/proc/{pid or 'self'}/status")
    if status.exists():
        values = {}
        for line in status.read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
        return values["VmRSS"], values.get("VmHWM", values["VmRSS"])
    import psutil  # only where /proc is missing (macOS, Windows); not a dependency

    info = psutil.Process(pid or os.getpid()).memory_info()
    peak = getattr(info, "peak_wset", info.rss)
    return info.rss / 2**20, peak / 2**20
