"""Search and retrieval speed against DESIGN.md's budgets, with plain sqlite3 as baseline.

    python -m tests.benchmarks.bench_search [--documents 10000] [--codings 200000] [--runs 9]

On the reference project (see `reference`), as medians of runs alternating with
their baselines:
- full-text search, first 50 hits with their context: < 50 ms, against FTS5's own
  bm25-ranked `snippet()` query for 50 rows in plain sqlite3 (also timed: ranked
  by relevance, and the first search after an edit, when the documents' date order
  is read again);
- all excerpts of the busiest code, first 100 with context: < 100 ms, against the
  same two queries (the page, then its context) in plain sqlite3.
"""

from __future__ import annotations

import argparse
import itertools
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from annotator.core import excerpts, search
from annotator.core.project import Project, open_project
from annotator.core.selection import Selection
from tests.benchmarks import reference
from tests.benchmarks.timing import Figure, Times, alternating_seconds, median_seconds

SEARCH_BUDGET_MS = 50.0
EXCERPTS_BUDGET_MS = 100.0

# (key, name, what a researcher types, the index and FTS5 expression sqlite3 is given)
QUERIES = [
    ("common", "common word", "police", "documents_fts", '"police"'),
    ("phrase", "phrase", '"facial recognition"', "documents_fts", '"facial recognition"'),
    ("and", "two words", "border sensor", "documents_fts", '"border" AND "sensor"'),
    ("prefix", "prefix OR", "journal* OR biometric", "documents_fts", '"journal"* OR "biometric"'),
    ("rare", "rare word", "stingray", "documents_fts", '"stingray"'),
    ("cjk", "CJK word (trigrams)", "人脸识别", "documents_trigram", '"人脸识别"'),
    ("arabic", "Arabic inside a word", "كاميرات", "documents_trigram", '"كاميرات"'),
]


def _raw_search(raw: sqlite3.Connection, table: str, expression: str) -> list[object]:
    return raw.execute(
        f"SELECT rowid, snippet({table}, 1, '[', ']', '…', 12) FROM {table} "
        f"WHERE {table} MATCH ? ORDER BY rank LIMIT 50",
        (f"text : ({expression})",),
    ).fetchall()


def search_figures(project: Project, raw: sqlite3.Connection, runs: int) -> list[Figure]:
    figures = []
    for key, name, query, table, expression in QUERIES:

        def ours(query: str = query) -> list[search.Hit]:
            return search.search(project, query).next_hits(50)

        def baseline(table: str = table, expression: str = expression) -> list[object]:
            return _raw_search(raw, table, expression)

        hits = len(ours())
        mine, theirs = alternating_seconds(ours, baseline, runs)
        figures.append(
            _search_figure(f"search.{key}", f"search: {name} ({hits} hits)", mine, theirs)
        )
        if key == "common":

            def ranked(query: str = query) -> list[search.Hit]:
                return search.search(project, query, by_relevance=True).next_hits(50)

            mine, theirs = alternating_seconds(ranked, baseline, runs)
            figures.append(
                _search_figure("search.ranked", "search: common word, by relevance", mine, theirs)
            )
            after_edit = median_seconds(ours, runs, between=_an_edit(project))
            figures.append(
                _search_figure(
                    "search.after_edit", "search: common word, after an edit", after_edit, theirs
                )
            )
    return figures


def _an_edit(project: Project) -> Callable[[], None]:
    """Any write: the search's cached date order is read again after it."""
    edits = itertools.count()
    return lambda: project.set_setting("bench", str(next(edits)))


def _search_figure(key: str, name: str, ours: Times, baseline: Times) -> Figure:
    return Figure(
        key,
        name,
        ours.wall * 1000,
        "ms",
        SEARCH_BUDGET_MS,
        baseline.wall * 1000,
        judge_ratio=True,
        cpu=ours.cpu * 1000,
    )


def excerpt_figures(
    project: Project, raw: sqlite3.Connection, code_id: str, runs: int
) -> list[Figure]:
    (count,) = raw.execute("SELECT count(*) FROM codings WHERE code_id = ?", (code_id,)).fetchone()

    def ours() -> list[excerpts.Excerpt]:
        return excerpts.excerpts(
            project, Selection(code_ids=[code_id]), limit=100, context=excerpts.CONTEXT_WIDTH
        )

    def baseline() -> list[object]:
        page = raw.execute(
            "SELECT c.id, c.document_id, d.title, d.published_date, c.code_id, k.name, "
            'c.coder_id, r.name, c.start, c."end", c.quote, c.memo, c.created_at '
            "FROM documents d CROSS JOIN codings c ON d.id = c.document_id "
            "JOIN codes k ON k.id = c.code_id JOIN coders r ON r.id = c.coder_id "
            "WHERE c.code_id = ? ORDER BY d.published_date, d.title, c.document_id, "
            'c.start, c."end", k.name, c.id LIMIT 100',
            (code_id,),
        ).fetchall()
        ids = [row[0] for row in page]
        width = excerpts.CONTEXT_WIDTH
        context = raw.execute(
            "SELECT c.id, substr(d.text, max(1, c.start + 1 - ?), min(c.start, ?)), "
            'substr(d.text, c."end" + 1, ?) FROM codings c '
            "JOIN documents d ON d.id = c.document_id "
            f"WHERE c.id IN ({','.join('?' * len(ids))})",
            [width, width, width, *ids],
        ).fetchall()
        return [page, context]

    mine, theirs = alternating_seconds(ours, baseline, runs)
    return [
        Figure(
            "excerpts",
            f"excerpts of one code ({count:,} codings), first 100",
            mine.wall * 1000,
            "ms",
            EXCERPTS_BUDGET_MS,
            theirs.wall * 1000,
            judge_ratio=True,
            cpu=mine.cpu * 1000,
        )
    ]


def measure(built: reference.Reference, runs: int) -> list[Figure]:
    """Every figure of this module, on a built reference project."""
    with open_project(built.path) as project:
        raw = sqlite3.connect(built.path)
        try:
            return search_figures(project, raw, runs) + excerpt_figures(
                project, raw, built.busiest_code_id, runs
            )
        finally:
            raw.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=reference.Spec.documents)
    parser.add_argument("--codings", type=int, default=reference.Spec.codings)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cache", type=Path, default=reference.default_cache())
    args = parser.parse_args()
    built = reference.cached(args.cache, reference.Spec(args.documents, args.codings))
    from tests.benchmarks.table import print_table

    with reference.working_copy(built) as work:
        print_table(measure(work, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
