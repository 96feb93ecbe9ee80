"""Search in one document full of hits: does a page cost a page, whatever the document holds?

    python -m tests.benchmarks.bench_dense_search [--hits 80000,320000,1000000] [--cap 600]

Issue 18 found search quadratic in the hits of one document: FTS5's `highlight()`
rebuilds its output string for every match it marks, so `search P abcdefghi --limit 2`
on one document of 80,000 hits took seconds, and 320,000 took most of a minute. For
each size this builds a project of one document, `abcdefghi` N times on one line, and
times (each figure in a child process, stopped after `--cap` seconds):
- the first page, 2 and 50 hits, in each mode (words, exact text, regular expression),
  with the count of matching documents the CLI and the search panel show;
- every hit (what auto-coding needs): the whole work, which should grow with N, not N²;
- `annotator search P abcdefghi --limit 2` as a user runs it (with Python's start-up).
Not part of `make bench`; the table goes into docs/benchmarks.md by hand. The default
suite runs it on 300 hits without timing anything (tests/test_benchmarks_smoke.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.core import search
from annotator.core.documents import NewDocument, store_document
from annotator.core.project import create_project, open_project

WORD = "abcdefghi"
FIGURES: dict[str, tuple[str, str, int | None]] = {  # key: (mode, query, page; None: all)
    "words.2": ("words", WORD, 2),
    "words.50": ("words", WORD, 50),
    "exact.2": ("exact", WORD, 2),
    "regex.2": ("regex", r"abc\w+", 2),
    "words.all": ("words", WORD, None),
}
CLI = "cli.2"


def build(path: Path, hits: int) -> None:
    """One document holding `WORD` `hits` times on one line."""
    with create_project(path) as project:
        text = " ".join([WORD] * hits)
        store_document(project, NewDocument(title=f"{hits} hits", text=text))


def measure_in_child(path: Path, key: str) -> dict[str, object]:
    """Run by the child process: one figure, timed from the opened project."""
    with open_project(path) as project:
        mode, query, page = FIGURES[key]
        started = time.perf_counter()
        results = search.search(project, query, mode=mode)  # type: ignore[arg-type]
        hits = results.next_hits(page) if page else results.all_hits()
        seconds = time.perf_counter() - started
        return {"seconds": seconds, "hits": len(hits), "documents": results.document_count}


def measure(path: Path, key: str, cap: float) -> dict[str, object]:
    """One figure in a child process, so a search that never ends can be stopped."""
    if key == CLI:
        command = [sys.executable, "-m", "annotator", "search", str(path), WORD, "--limit", "2"]
    else:
        command = [sys.executable, "-m", "tests.benchmarks.bench_dense_search"]
        command += ["--child", str(path), key]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=cap, check=True)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "hits": None, "documents": None}
    wall = time.perf_counter() - started
    if key == CLI:
        return {
            "seconds": wall,
            "hits": None,
            "documents": None,
            "said": done.stdout.split("\n")[0],
        }
    found: dict[str, object] = json.loads(done.stdout)
    return found


def _cell(found: dict[str, object], cap: float) -> str:
    seconds = found["seconds"]
    if seconds is None:
        return f"> {cap:.0f} s (stopped)"
    assert isinstance(seconds, float)
    shown = f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"
    if found.get("hits") is not None:
        shown += f" ({found['hits']:,} hits"
        shown += f", {found['documents']} doc)" if found.get("documents") is not None else ")"
    return shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hits", default="80000,320000,1000000")
    parser.add_argument("--cap", type=float, default=600.0, help="seconds before a figure stops")
    parser.add_argument("--only", default=",".join([*FIGURES, CLI]), help="figures to measure")
    parser.add_argument("--child", nargs=2, metavar=("PROJECT", "FIGURE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure_in_child(Path(args.child[0]), args.child[1])))
        return 0
    sizes = [int(n) for n in args.hits.split(",")]
    keys = args.only.split(",")
    rows = [["figure", *(f"{n:,} hits" for n in sizes)]]
    cells: dict[str, list[str]] = {key: [] for key in keys}
    with tempfile.TemporaryDirectory(prefix="annotator-dense-") as folder:
        os.environ.setdefault("ANNOTATOR_CONFIG_DIR", folder)
        os.environ.setdefault("ANNOTATOR_DATA_DIR", folder)
        for hits in sizes:
            path = Path(folder) / f"dense-{hits}.annotator"
            build(path, hits)
            for key in keys:
                found = measure(path, key, args.cap)
                cells[key].append(_cell(found, args.cap))
                print(f"{hits:>9,} hits  {key:<10} {cells[key][-1]}", flush=True)
    rows += [[key, *cells[key]] for key in keys]
    print()
    print("| " + " | ".join(rows[0]) + " |")
    print("|" + " --- |" * len(rows[0]))
    for row in rows[1:]:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
