"""Workbench speed against DESIGN.md's budgets, on real widgets offscreen.

    python -m tests.benchmarks.bench_workbench [--documents 10000] [--codings 200000]
                                               [--runs 7] [--keep]

Builds the reference project (synthetic ~20 KB articles, codings spread over them)
plus one 1 MB document in mixed scripts with 5,000 overlapping codings, then
measures, as the median of several runs:
- open: from process start to the main window showing the last document, painted
  and ready for input: < 1 s; baseline: a process that only starts Qt and shows an
  empty window;
- switch to the 1 MB document with its 5,000 highlights, painted: < 200 ms;
  baseline: a bare QPlainTextEdit given the same text and painted, no highlights;
- apply a code to a selection, persisted and repainted, in the 1 MB document and in
  a typical one: < 30 ms; baseline: the core's `add_coding` alone (the disk write);
  also shown: the time until every other view (list counts, codebook counts) has
  caught up.
Not collected by pytest (tests/benchmarks is outside the default run).
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotator.core import coding, user_settings
from annotator.core.codebook_file import new_project
from annotator.core.documents import sha256_hex
from annotator.core.ids import new_id, utc_now

OPEN_BUDGET_MS = 1000.0
SWITCH_BUDGET_MS = 200.0
APPLY_BUDGET_MS = 30.0
CACHE_VERSION = 1
BIG_TITLE = "One megabyte, five thousand codings"
BIG_CHARS = 1_000_000
BIG_CODINGS = 5_000
READY = "READY"

_WORDS = (  # noqa: SIM905
    "camera police border data market phone network council watch city street face "
    "record protest journalist report officials said court licence drone sensor "
    "checkpoint permit database biometric scanner station traders residents the of "
    "and to in a was were had been new system will under facial recognition plate"
).split()
_MIXED = [*_WORDS, "الشرطة", "الكاميرات", "الحدود", "摄像头", "人脸识别", "📷", "👁️"]


def _article(rng: random.Random, words: list[str], chars: int) -> str:
    paragraphs, size = [], 0
    while size < chars:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(60, 160)))
        paragraphs.append(sentence.capitalize() + ".")
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)[:chars]


def build(path: Path, documents: int, codings: int) -> None:
    """The reference project, written in one transaction (the build is not measured)."""
    rng = random.Random(5)
    project = new_project(path, name="Workbench benchmark")
    now = utc_now()
    coder = new_id()
    code_ids = [r[0] for r in project.conn.execute("SELECT id FROM codes")]
    with project.transaction() as conn:
        conn.execute(
            "INSERT INTO coders (id, name, created_at) VALUES (?, ?, ?)", (coder, "B", now)
        )
        texts: list[tuple[str, str]] = []
        rows = []
        for d in range(documents + 1):
            big = d == documents
            text = _article(rng, _MIXED if big else _WORDS, BIG_CHARS if big else 20_000)
            document_id = new_id()
            texts.append((document_id, text))
            title = BIG_TITLE if big else f"Article {d:05}"
            date = f"20{10 + d % 14}-{1 + d % 12:02}-01"
            rows.append((document_id, title, sha256_hex(text), date, now, len(text), text))
        conn.executemany(
            "INSERT INTO documents (id, title, text_sha256, published_date, imported_at, "
            "char_count, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        coding_rows = []
        plan = [(n % documents, 400) for n in range(codings)]
        plan += [(documents, 1500)] * BIG_CODINGS  # long, overlapping spans
        for index, longest in plan:
            document_id, text = texts[index]
            start = rng.randrange(0, len(text) - longest)
            end = start + rng.randint(20, longest)
            coding_rows.append(
                (new_id(), document_id, rng.choice(code_ids), coder, start, end,
                 text[start:end], "", now)
            )  # fmt: skip
        conn.executemany(
            'INSERT OR IGNORE INTO codings (id, document_id, code_id, coder_id, start, "end", '
            "quote, memo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            coding_rows,
        )
    project.close()


def project_path(documents: int, codings: int, keep: bool) -> Path:
    folder = Path(os.environ.get("ANNOTATOR_BENCH_CACHE", tempfile.gettempdir()))
    path = folder / f"annotator-bench-workbench-v{CACHE_VERSION}-{documents}-{codings}.annotator"
    if not path.exists() or not keep:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        build(path, documents, codings)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def median_ms(action: Callable[[], object], runs: int, *, between: Callable[[], object]) -> float:
    """Median time of `action`; `between` (not timed) runs before each try."""
    between()
    action()  # warm caches: a project being worked on is in memory
    times = []
    for _ in range(runs):
        between()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def report(name: str, figure: float, budget: float | None, baseline: float | None) -> str:
    verdict = "" if budget is None else ("ok" if figure <= budget else "OVER BUDGET")
    budget_text = "" if budget is None else f"budget {budget:5.0f} ms {verdict:<11}"
    line = f"{name:<46} {figure:7.1f} ms  {budget_text:<29}"
    if baseline:
        line += f"baseline {baseline:6.1f} ms  ratio {figure / baseline:5.2f}x"
    return line


# -- open: a fresh process each time --------------------------------------------------


def _child_open(path: str) -> None:
    """Run as a child process: open the app on `path`, paint, say READY, quit."""
    from PySide6.QtWidgets import QApplication

    from annotator.ui.main_window import MainWindow

    app = QApplication([])
    window = MainWindow()
    window.show()
    window.open_project(path)
    app.processEvents()
    if window.workbench is not None:
        window.workbench.viewer.viewport().repaint()
    print(READY, flush=True)
    os._exit(0)  # what happens after ready is not part of opening


def _child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.show()
    app.processEvents()
    window.repaint()
    print(READY, flush=True)
    os._exit(0)


def _time_process(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == READY:
            break
    elapsed = time.perf_counter() - started
    child.wait()
    return elapsed * 1000


def bench_open(path: Path, runs: int, env: dict[str, str]) -> list[str]:
    me = [sys.executable, "-m", "tests.benchmarks.bench_workbench"]
    ours = statistics.median(
        _time_process([*me, "--child-open", str(path)], env) for _ in range(runs)
    )
    bare = statistics.median(_time_process([*me, "--child-bare"], env) for _ in range(runs))
    return [report("open to a painted window, ready", ours, OPEN_BUDGET_MS, bare)]


# -- in one process: switching and coding ----------------------------------------------


def bench_in_window(path: Path, runs: int) -> list[str]:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from annotator.core import codebook, documents
    from annotator.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1400, 860)
    window.show()
    assert window.open_project(path)
    bench = window.workbench
    assert bench is not None and window.project is not None and window.session is not None
    big = documents.find_document(window.project, BIG_TITLE)
    small = documents.find_document(window.project, "Article 00042")
    viewer = bench.viewer

    def switch_to(document_id: str) -> Callable[[], None]:
        def go() -> None:
            bench.open_document(document_id)
            viewer.viewport().repaint()

        return go

    lines = []
    switch = median_ms(switch_to(big.id), runs, between=switch_to(small.id))
    highlights = len(viewer.shown_codings)
    plain = QPlainTextEdit()
    plain.resize(viewer.size())
    plain.show()

    def bare_switch() -> None:
        plain.setPlainText(big.text)
        plain.viewport().repaint()

    baseline = median_ms(bare_switch, runs, between=lambda: plain.setPlainText(small.text))
    lines.append(
        report(
            f"switch to 1 MB, {highlights} highlights, painted", switch, SWITCH_BUDGET_MS, baseline
        )
    )
    code_id = codebook.find_code(window.project, "Informants").id
    for document, label in ((big, "1 MB document"), (small, "20 KB document")):
        lines += _bench_apply(app, window, document, code_id, label, runs)
    window.close()
    return lines


def _bench_apply(app, window, document, code_id: str, label: str, runs: int) -> list[str]:  # type: ignore[no-untyped-def]
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

    figure = median_ms(apply, runs, between=undo)
    settled = median_ms(apply_and_settle, runs, between=undo)
    baseline = median_ms(core_only, runs, between=lambda: None)
    return [
        report(f"apply a code, {label}, persisted+painted", figure, APPLY_BUDGET_MS, baseline),
        report(f"  ... and every view refreshed, {label}", settled, None, None),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--codings", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="reuse a project built before")
    parser.add_argument("--child-open", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--child-bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_open:
        _child_open(args.child_open)
    if args.child_bare:
        _child_bare()
    path = project_path(args.documents, args.codings, args.keep)
    home = Path(tempfile.mkdtemp(prefix="annotator-bench-user-"))
    os.environ["ANNOTATOR_CONFIG_DIR"] = str(home / "config")
    os.environ["ANNOTATOR_DATA_DIR"] = str(home / "data")
    user_settings.set_configured_coder("Bench Coder")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    print(f"{args.documents} documents, {args.codings} codings; median of {args.runs} runs")
    for line in bench_open(path, args.runs, env) + bench_in_window(path, args.runs):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
