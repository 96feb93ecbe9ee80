"""Workbench speed and memory against DESIGN.md's budgets, on real widgets offscreen.

    python -m tests.benchmarks.bench_workbench [--documents 10000] [--codings 200000] [--runs 7]

On the reference project (see `reference`), as the median of several runs:
- open: from process start to the main window showing the last document, painted
  and ready for input: < 1 s; for scale, a process that only starts Qt and shows an
  empty window;
- memory: resident size of that process once the 1 MB document is shown and the
  background backup and health check are done: < 300 MB;
- switch to the 1 MB document with its 5,000 highlights, painted: < 200 ms; for
  scale, a bare QPlainTextEdit given the same text and painted, no highlights;
- apply a code to a selection, persisted and repainted, in the 1 MB document and in
  a typical one: < 30 ms; for scale, the core's `add_coding` alone (the disk
  write); also shown: the time until every other view has caught up.
The baselines here do less than the app must (no highlights, no window), so their
ratios are shown, not judged.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotator.core import coding, user_settings
from tests.benchmarks import reference
from tests.benchmarks.open_child import READY
from tests.benchmarks.timing import Figure, median_seconds

OPEN_BUDGET_MS = 1000.0
SWITCH_BUDGET_MS = 200.0
APPLY_BUDGET_MS = 30.0
MEMORY_BUDGET_MB = 300.0
CODE_NAME = "Informants"


# -- open and memory: a fresh process each time ------------------------------------------


def _forget_cut_backups() -> None:
    """A child quits once it is ready, cutting short the backup the app starts on
    opening: remove those halves at once (a 6 GB project leaves big ones)."""
    folder = user_settings.data_dir() / "backups"
    for partial in folder.glob("*/.*.partial*"):
        partial.unlink(missing_ok=True)


def _children_cpu() -> float:
    """CPU seconds of every child process waited for so far (Unix; NaN elsewhere)."""
    try:
        import resource
    except ImportError:
        return math.nan
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_child(args: list[str]) -> tuple[float, float, dict[str, float]]:
    """Seconds until the child said READY, the CPU seconds it used in all (it quits
    once ready), and what it printed after."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cpu = _children_cpu()
    started = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    elapsed = float("nan")
    extra: dict[str, float] = {}
    for line in child.stdout:
        if line.strip() == READY:
            elapsed = time.perf_counter() - started
        elif line.startswith("{"):
            extra = json.loads(line)
    status = child.wait()
    cpu = _children_cpu() - cpu
    _forget_cut_backups()
    if status != 0 or math.isnan(elapsed):
        raise RuntimeError(f"the benchmark child {args[-2:]} failed (exit {child.returncode})")
    return elapsed, cpu, extra


def open_figures(built: reference.Reference, runs: int, memory_runs: int = 3) -> list[Figure]:
    child = [sys.executable, "-m", "tests.benchmarks.open_child"]
    opening = [*child, "open", str(built.path)]
    bare = [*child, "bare"]
    from annotator.ui.settings import WindowSettings

    settings = WindowSettings()  # the window reopens where the researcher left off
    settings.set_last_document(built.path, built.typical_document_id)
    settings.sync()
    _run_child(opening)  # warm-up: the file in the page cache
    mine: list[tuple[float, float, dict[str, float]]] = []
    theirs: list[tuple[float, float, dict[str, float]]] = []
    for n in range(runs):
        pair = [(opening, mine), (bare, theirs)]
        for args, times in pair if n % 2 == 0 else reversed(pair):
            times.append(_run_child(args))
    memory = [_run_child([*opening, built.big_document_id])[2] for _ in range(max(1, memory_runs))]
    rss = statistics.median(m["rss"] for m in memory)
    peak = statistics.median(m["peak"] for m in memory)
    return [
        Figure(
            "open",
            "open to the last document, painted, ready",
            statistics.median(wall for wall, _, _ in mine) * 1000,
            "ms",
            OPEN_BUDGET_MS,
            statistics.median(wall for wall, _, _ in theirs) * 1000,
            note="baseline: a process showing an empty Qt window; CPU: the child's, in all",
            cpu=statistics.median(cpu for _, cpu, _ in mine) * 1000,
        ),
        Figure(
            "memory",
            "memory (RSS), 1 MB document shown, checks done",
            rss,
            "MB",
            MEMORY_BUDGET_MB,
            note=f"peak {peak:.0f} MB",
        ),
    ]


# -- in one process: switching and coding ------------------------------------------------


def window_figures(built: reference.Reference, runs: int) -> list[Figure]:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from annotator.core import codebook, documents
    from annotator.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1400, 860)
    window.show()
    assert window.open_project(built.path, health_check=False)
    try:
        bench = window.workbench
        assert bench is not None and window.project is not None
        big = documents.get_document(window.project, built.big_document_id)
        small = documents.get_document(window.project, built.typical_document_id)
        viewer = bench.viewer

        def switch_to(document_id: str) -> Callable[[], None]:
            def go() -> None:
                bench.open_document(document_id)
                viewer.viewport().repaint()

            return go

        switch = median_seconds(switch_to(big.id), runs, between=switch_to(small.id))
        highlights = len(viewer.shown_codings)
        plain = QPlainTextEdit()
        plain.resize(viewer.size())
        plain.show()

        def bare_switch() -> None:
            plain.setPlainText(big.text)
            plain.viewport().repaint()

        baseline = median_seconds(bare_switch, runs, between=lambda: plain.setPlainText(small.text))
        plain.close()
        figures = [
            Figure(
                "switch",
                f"switch to 1 MB document, {highlights:,} highlights, painted",
                switch.wall * 1000,
                "ms",
                SWITCH_BUDGET_MS,
                baseline.wall * 1000,
                note="baseline: QPlainTextEdit, same text, no highlights",
                cpu=switch.cpu * 1000,
            )
        ]
        code_id = codebook.find_code(window.project, CODE_NAME).id
        for document, label, key in ((big, "1 MB", "apply.big"), (small, "20 KB", "apply")):
            figures += _apply_figures(app, window, document, code_id, label, key, runs)
        return figures
    finally:
        window.close()
        app.processEvents()


def _apply_figures(app, window, document, code_id: str, label: str, key: str, runs: int):  # type: ignore[no-untyped-def]
    bench = window.workbench
    viewer = bench.viewer
    session = window.session
    bench.open_document(document.id)
    viewer.viewport().repaint()
    places = itertools.count(len(document.text) // 2, 397)
    length = len(document.text) - 200

    def place() -> int:
        return next(places) % length

    def undo() -> None:
        if session.undo_stack.canUndo():
            session.undo_stack.undo()
        at = place()
        viewer.select_span(at, at + 120)
        app.processEvents()

    def apply() -> None:
        bench.coding.apply_code(code_id)
        viewer.viewport().repaint()

    def apply_and_settle() -> None:
        apply()
        app.processEvents()  # every other view has refreshed too

    def core_only() -> None:
        at = place()
        change = coding.add_coding(
            window.project, document.id, code_id, at, at + 120, session.coder_id
        )
        change.undo(window.project)

    figure = median_seconds(apply, runs, between=undo)
    settled = median_seconds(apply_and_settle, runs, between=undo)
    undo()
    baseline = median_seconds(core_only, runs)
    return [
        Figure(
            key,
            f"apply a code, {label} document, persisted+painted",
            figure.wall * 1000,
            "ms",
            APPLY_BUDGET_MS,
            baseline.wall * 1000,
            note="baseline: the core's add_coding and its undo",
            cpu=figure.cpu * 1000,
        ),
        Figure(
            f"{key}.settled",
            f"  ... and every view refreshed, {label} document",
            settled.wall * 1000,
            "ms",
            cpu=settled.cpu * 1000,
        ),
    ]


def measure(built: reference.Reference, runs: int, memory_runs: int = 3) -> list[Figure]:
    return open_figures(built, runs, memory_runs) + window_figures(built, runs)


@contextlib.contextmanager
def private_user() -> Iterator[Path]:
    """Settings and data (backups too) of a throwaway user with a configured coder,
    never the real user's; put back and deleted afterwards."""
    names = ("ANNOTATOR_CONFIG_DIR", "ANNOTATOR_DATA_DIR")
    before = {name: os.environ.get(name) for name in names}
    with tempfile.TemporaryDirectory(prefix="annotator-bench-user-") as home:
        os.environ["ANNOTATOR_CONFIG_DIR"] = str(Path(home) / "config")
        os.environ["ANNOTATOR_DATA_DIR"] = str(Path(home) / "data")
        try:
            user_settings.set_configured_coder("Bench Coder")
            yield Path(home)
        finally:
            for name, value in before.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=reference.Spec.documents)
    parser.add_argument("--codings", type=int, default=reference.Spec.codings)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=reference.default_cache())
    args = parser.parse_args()
    built = reference.cached(args.cache, reference.Spec(args.documents, args.codings))
    from tests.benchmarks.table import print_table

    with private_user(), reference.working_copy(built) as work:
        print_table(measure(work, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
