"""Search and retrieval speed against DESIGN.md's budgets, with plain sqlite3 as baseline.

    python -m tests.benchmarks.bench_search [--documents 10000] [--codings 200000]
                                            [--runs 9] [--keep]

Builds a project of synthetic articles (~20 KB each, mostly English, some Arabic,
Chinese and emoji) and codings with `executemany` (the schema's triggers fill both
full-text indexes), then measures, as the median of several runs:
- full-text search, first 50 hits with their context: < 50 ms, against FTS5's own
  bm25-ranked `snippet()` query for 50 rows in plain sqlite3 (also timed: the first
  search after an edit, when the documents' date order is read again);
- all excerpts of one code (the most used one), first 100 with context: < 100 ms,
  against the same two queries (the page, then its context) in plain sqlite3.
Not collected by pytest (tests/benchmarks is outside the default run).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from annotator.core import excerpts, search
from annotator.core.codebook_file import new_project
from annotator.core.documents import sha256_hex
from annotator.core.ids import new_id, utc_now
from annotator.core.project import Project, open_project

SEARCH_BUDGET_MS = 50.0
EXCERPTS_BUDGET_MS = 100.0
RATIO_TARGET = 1.5
CACHE_VERSION = 1

_LATIN = (  # noqa: SIM905
    "camera police border data market phone network council watch city street face "
    "record protest journalist report officials said court licence drone sensor "
    "checkpoint permit database biometric scanner station traders residents the of "
    "and to in a was were had been new system will under facial recognition plate"
).split()
_RARE = ("spyware", "informant", "geofence", "stingray", "tower-dump")
_ARABIC = "الشرطة والكاميرات السوق الحدود الهاتف الصحفيين قالت في من على".split()  # noqa: SIM905
_CJK = "摄像头 车站 数据 警方 人脸识别 市场 记者 手机".split()  # noqa: SIM905

# (name, what a researcher types, the index and FTS5 expression plain sqlite3 is given)
QUERIES = [
    ("common word", "police", "documents_fts", '"police"'),
    ("phrase", '"facial recognition"', "documents_fts", '"facial recognition"'),
    ("two words", "border sensor", "documents_fts", '"border" AND "sensor"'),
    ("prefix OR", "journal* OR biometric", "documents_fts", '"journal"* OR "biometric"'),
    ("rare word", "stingray", "documents_fts", '"stingray"'),
    ("CJK word (trigrams)", "人脸识别", "documents_trigram", '"人脸识别"'),
    ("Arabic inside a word", "كاميرات", "documents_trigram", '"كاميرات"'),
]


def _text(rng: random.Random, d: int) -> str:
    words = list(_LATIN)
    if d % 20 == 0:
        words += _ARABIC
    if d % 20 == 1:
        words += _CJK
    if d % 50 == 2:
        words.append("📷")
    if d % 40 == 3:
        words.append(rng.choice(_RARE))
    paragraphs = []
    for _ in range(20):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(120, 200)))
        paragraphs.append(sentence.capitalize() + ".")
    return "\n\n".join(paragraphs)


def build(path: Path, documents: int, codings: int) -> None:
    rng = random.Random(11)
    project = new_project(path, name="Search benchmark")
    now = utc_now()
    coder = new_id()
    code_ids = [r[0] for r in project.conn.execute("SELECT id FROM codes")]
    with project.transaction() as conn:
        conn.execute(
            "INSERT INTO coders (id, name, created_at) VALUES (?, ?, ?)", (coder, "B", now)
        )
        rows = []
        texts = []
        for d in range(documents):
            text = _text(rng, d)
            document_id = new_id()
            texts.append((document_id, text))
            date = f"20{10 + d % 14}-{1 + d % 12:02}-01"
            rows.append(
                (document_id, f"Article {d:05}", sha256_hex(text), date, now, len(text), text)
            )
        conn.executemany(
            "INSERT INTO documents (id, title, text_sha256, published_date, imported_at, "
            "char_count, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        coding_rows = []
        for n in range(codings):
            document_id, text = texts[n % documents]
            start = rng.randrange(0, len(text) - 400)
            end = start + rng.randint(40, 400)
            coding_rows.append(
                (new_id(), document_id, rng.choice(code_ids), coder, start, end,
                 text[start:end], "", now)
            )  # fmt: skip
        conn.executemany(
            'INSERT INTO codings (id, document_id, code_id, coder_id, start, "end", quote, '
            "memo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            coding_rows,
        )
    project.close()


def project_path(documents: int, codings: int, keep: bool) -> Path:
    folder = Path(os.environ.get("ANNOTATOR_BENCH_CACHE", tempfile.gettempdir()))
    path = folder / f"annotator-bench-search-v{CACHE_VERSION}-{documents}-{codings}.annotator"
    if not path.exists() or not keep:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        build(path, documents, codings)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm the page cache: a project being worked on is in memory
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def after_an_edit_ms(project: Project, action: Callable[[], object], runs: int) -> float:
    """The first search after any write, which re-reads the documents' date order."""
    times = []
    for n in range(runs):
        project.set_setting("bench", str(n))  # not timed
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def report(name: str, figure: float, budget: float, baseline: float) -> str:
    ratio = figure / baseline if baseline else float("inf")
    verdict = "ok" if figure <= budget else "OVER BUDGET"
    ratio_note = "" if ratio <= RATIO_TARGET else f" (over {RATIO_TARGET}x)"
    return (
        f"{name:<40} {figure:7.1f} ms  budget {budget:5.0f} ms {verdict:<11} "
        f"baseline {baseline:6.1f} ms  ratio {ratio:5.2f}x{ratio_note}"
    )


def bench_search(project: Project, raw: sqlite3.Connection, runs: int) -> list[str]:
    lines = []
    for name, query, table, expression in QUERIES:

        def ours(query: str = query) -> list[search.Hit]:
            return search.search(project, query).next_hits(50)

        def baseline(table: str = table, expression: str = expression) -> list[object]:
            return raw.execute(
                f"SELECT rowid, snippet({table}, 1, '[', ']', '…', 12) FROM {table} "
                f"WHERE {table} MATCH ? ORDER BY rank LIMIT 50",
                (f"text : ({expression})",),
            ).fetchall()

        hits = len(ours())
        if name == "common word":

            def ranked(query: str = query) -> list[search.Hit]:
                return search.search(project, query, by_relevance=True).next_hits(50)

            lines.append(
                report(
                    "search: common word, by relevance",
                    median_ms(ranked, runs),
                    SEARCH_BUDGET_MS,
                    median_ms(baseline, runs),
                )
            )
            lines.append(
                report(
                    "search: common word, after an edit",
                    after_an_edit_ms(project, ours, runs),
                    SEARCH_BUDGET_MS,
                    median_ms(baseline, runs),
                )
            )
        lines.append(
            report(
                f"search: {name} ({hits} hits)",
                median_ms(ours, runs),
                SEARCH_BUDGET_MS,
                median_ms(baseline, runs),
            )
        )
    return lines


def bench_excerpts(project: Project, raw: sqlite3.Connection, runs: int) -> list[str]:
    code_id, count = raw.execute(
        "SELECT code_id, count(*) AS n FROM codings GROUP BY code_id ORDER BY n DESC LIMIT 1"
    ).fetchone()

    def ours() -> list[excerpts.Excerpt]:
        return excerpts.excerpts(project, [code_id], limit=100, context=excerpts.CONTEXT_WIDTH)

    def baseline() -> list[object]:
        page = raw.execute(
            "SELECT c.id, c.document_id, d.title, d.published_date, c.code_id, k.name, "
            'c.coder_id, r.name, c.start, c."end", c.quote, c.memo, c.created_at '
            "FROM codings c JOIN documents d ON d.id = c.document_id "
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

    return [
        report(
            f"excerpts of one code ({count}), first 100",
            median_ms(ours, runs),
            EXCERPTS_BUDGET_MS,
            median_ms(baseline, runs),
        )
    ]


def run(
    documents: int = 10_000, codings: int = 200_000, runs: int = 9, keep: bool = False
) -> list[str]:
    """The report lines, for this script or a runner that collects every benchmark."""
    path = project_path(documents, codings, keep)
    lines = [f"{documents} documents, {codings} codings; median of {runs} runs"]
    with open_project(path) as project:
        raw = sqlite3.connect(path)
        try:
            lines += bench_search(project, raw, runs) + bench_excerpts(project, raw, runs)
        finally:
            raw.close()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--codings", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--keep", action="store_true", help="reuse a project built before")
    args = parser.parse_args()
    for line in run(args.documents, args.codings, args.runs, args.keep):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
