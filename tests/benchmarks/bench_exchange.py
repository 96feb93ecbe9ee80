"""REFI-QDA .qdpx export and import of the whole reference project.

    python -m tests.benchmarks.bench_exchange [--documents 10000] [--codings 200000] [--runs 3]

DESIGN.md sets no budget for these; they are measured so the table shows how long
a team waits to hand the archive to a partner's tool and to take one back, and the
scaling run shows that both grow no faster than the project:
- export: `export_qdpx` of everything (project.qde, every source text);
- import: that file read, planned and merged into a new empty project, as
  `annotator merge` does it.
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
import tempfile
from pathlib import Path

from annotator.core.exchange.errors import ExchangeFileError
from annotator.core.exchange.merge import apply_merge, load_incoming
from annotator.core.exchange.merge_plan import plan_merge
from annotator.core.exchange.qdpx_export import export_qdpx
from annotator.core.project import create_project, open_project
from tests.benchmarks import reference
from tests.benchmarks.table import print_table
from tests.benchmarks.timing import Figure, median_seconds


def measure(built: reference.Reference, runs: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="annotator-bench-qdpx-") as tmp:
        target = Path(tmp) / "archive.qdpx"
        with open_project(built.path) as project:
            codings = project.conn.execute("SELECT count(*) FROM codings").fetchone()[0]
            exported = median_seconds(lambda: export_qdpx(project, target), runs, warm_up=False)
        size_mb = target.stat().st_size / 2**20
        targets = (Path(tmp) / f"merged-{n}.annotator" for n in itertools.count())

        def bring_in() -> None:
            with create_project(next(targets)) as project:
                incoming = load_incoming(target)
                result = apply_merge(project, plan_merge(project, incoming), source=target)
            if result.codings_added != codings:
                raise RuntimeError(f"the .qdpx import brought {result.codings_added} codings")

        def clean_up() -> None:  # the merged projects and their pre-merge backups
            for leftover in Path(tmp).glob("*merged-*"):
                leftover.unlink()

        try:
            imported = median_seconds(bring_in, runs, between=clean_up, warm_up=False)
            brought = Figure(
                "qdpx.import",
                ".qdpx import into a new project",
                imported.wall,
                "s",
                cpu=imported.cpu,
            )
        except ExchangeFileError as exc:  # our own file refused: a failed row that says why
            brought = Figure(
                "qdpx.import",
                ".qdpx import into a new project",
                math.nan,
                "s",
                note="refused: " + str(exc).replace(str(target), target.name),
            )
    return [
        Figure(
            "qdpx.export",
            f".qdpx export of the whole project ({size_mb:,.0f} MB)",
            exported.wall,
            "s",
            cpu=exported.cpu,
        ),
        brought,
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=reference.Spec.documents)
    parser.add_argument("--codings", type=int, default=reference.Spec.codings)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=reference.default_cache())
    args = parser.parse_args()
    built = reference.cached(args.cache, reference.Spec(args.documents, args.codings))
    with reference.working_copy(built) as work:
        print_table(measure(work, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
