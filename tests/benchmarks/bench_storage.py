"""sqlite-utils against the raw SQL the storage layer wrote before issue 19.

    python -m tests.benchmarks.bench_storage [--documents 10000] [--codings 200000]
                                             [--runs 5] [--articles 1000]
                                             [--docs docs/benchmarks.md]

Each pair does the same work on the same project, in turns, alternating which goes
first; the figures are medians of wall and CPU time (CPU time is what other people's
work on a shared machine does not inflate). Writes happen inside a transaction that
is rolled back afterwards (not timed), so every run starts from the same file:
- bulk inserts: storing 1,000 imported articles (document, original bytes, audit
  event, as the importer and a merge store them) and putting back every coding of
  the reference project (as a merge, a .qdpx import and an undo write them), raw
  (a statement per row, or `executemany`) and with `Table.insert_all`, whose batch
  is capped by SQLite's variable limit (999 in sqlite-utils: 52 documents, 111
  codings a statement);
- introspection: the whole schema as `core.schema` reads it (one `sqlite_master`
  query), the columns of every table, and reading every value of the tables `check`
  reads whole, raw and through sqlite-utils' `Table` properties;
- migrations: adding a column (migration 3's kind of step) with `ALTER TABLE` and
  with `Table.add_column`, and rebuilding the codings table (the step SQLite needs to
  change a constraint) the raw way and with `Table.transform`; and what each leaves
  in `sqlite_master`, which `core.schema` compares with what the migrations write.

The table and the method go to docs/benchmarks.md (its `storage` section).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

import sqlite_utils
from sqlite_utils.db import SQLITE_MAX_VARS

from annotator.core import events, names, schema
from annotator.core.coding import Coding, insert_coding_rows
from annotator.core.documents import Document, sha256_hex
from annotator.core.ids import CoderId, DocumentId, new_id, utc_now
from tests.benchmarks import docs_page, reference
from tests.benchmarks.bench_import import _WORDS

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "benchmarks.md"
ARTICLES = 1_000
_DOC_COLUMNS = [f.name for f in fields(Document)]
_CODING_COLUMNS = [f.name for f in fields(Coding)]


@dataclass(frozen=True)
class Pair:
    """One piece of work done the raw way and the sqlite-utils way (medians, seconds)."""

    key: str
    what: str
    raw: tuple[float, float]  # (wall, CPU)
    utils: tuple[float, float]
    how: str  # which sqlite-utils call

    @property
    def ratio(self) -> float:
        return self.utils[0] / self.raw[0]

    @property
    def cpu_ratio(self) -> float:
        return self.utils[1] / self.raw[1] if self.raw[1] else float("nan")


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def _pair(
    conn: sqlite3.Connection,
    raw: Callable[[], object],
    utils: Callable[[], object],
    runs: int,
    *,
    prepare: Callable[[], object] | None = None,
    write: bool = False,
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Medians of each, alternating which goes first; a write is rolled back after."""
    samples: dict[str, list[tuple[float, float]]] = {"raw": [], "utils": []}
    for n in range(runs + 1):  # the first round warms the page cache, not counted
        order = [("raw", raw), ("utils", utils)]
        for name, action in order if n % 2 else reversed(order):
            if write:
                conn.execute("BEGIN IMMEDIATE")
            try:
                if prepare:
                    prepare()
                taken = _timed(action)
            finally:
                if write:
                    conn.execute("ROLLBACK")
            if n:
                samples[name].append(taken)
    return _medians(samples["raw"]), _medians(samples["utils"])


def _medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples)


# -- bulk inserts -----------------------------------------------------------------------


def _articles(count: int, coder_id: str) -> Prepared:
    """What the importer has in hand when it stores a batch: ~5 KB articles."""
    rng = random.Random(7)
    prepared = []
    for n in range(count):
        text = "\n\n".join(
            " ".join(rng.choice(_WORDS) for _ in range(rng.randint(60, 110))).capitalize() + "."
            for _ in range(8)
        )
        original = text.encode("utf-8")
        document = Document(
            id=DocumentId(new_id()),
            title=f"Article {n} on checkpoints",
            text=text,
            text_sha256=sha256_hex(text),
            original_filename=f"article-{n:05}.txt",
            media_type="text/plain",
            original_sha256=sha256_hex(original),
            encoding="utf-8",
            imported_at=utc_now(),
            imported_by=CoderId(coder_id),
            char_count=len(text),
        )
        details = {"document_id": document.id, "title": document.title, "removed": []}
        prepared.append((document, original, details))
    return prepared


Prepared = list[tuple[Document, bytes, dict[str, object]]]
_DOCUMENT_INSERT = (
    f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_DOC_COLUMNS))})"
)
_ORIGINAL_INSERT = "INSERT INTO document_originals (document_id, content) VALUES (?, ?)"


def _store_row_by_row(conn: sqlite3.Connection, prepared: Prepared) -> None:
    """As `importing.bulk` and `merge` stored documents before issue 19."""
    for document, original, details in prepared:
        conn.execute(_DOCUMENT_INSERT, [getattr(document, name) for name in _DOC_COLUMNS])
        conn.execute(_ORIGINAL_INSERT, (document.id, original))
        events.record(conn, "document imported", document.imported_by, **details)


def _store_executemany(conn: sqlite3.Connection, prepared: Prepared) -> None:
    conn.executemany(
        _DOCUMENT_INSERT, [[getattr(d, name) for name in _DOC_COLUMNS] for d, _, _ in prepared]
    )
    conn.executemany(_ORIGINAL_INSERT, [(d.id, original) for d, original, _ in prepared])
    for document, _, details in prepared:
        events.record(conn, "document imported", document.imported_by, **details)


def _store_utils(db: sqlite_utils.Database, prepared: Prepared) -> None:
    """As `documents.insert_document_rows` stores them now, then the same events."""
    db["documents"].insert_all(
        {name: getattr(d, name) for name in _DOC_COLUMNS} for d, _, _ in prepared
    )
    db["document_originals"].insert_all(
        {"document_id": d.id, "content": original} for d, original, _ in prepared
    )
    for document, _, details in prepared:
        events.record(db.conn, "document imported", document.imported_by, **details)


def _codings(conn: sqlite3.Connection) -> list[Coding]:
    columns = ", ".join(f'"{c}"' for c in _CODING_COLUMNS)
    return [Coding(*row) for row in conn.execute(f"SELECT {columns} FROM codings")]


def bulk_inserts(db: sqlite_utils.Database, runs: int, coder_id: str, articles: int) -> list[Pair]:
    conn = db.conn
    prepared = _articles(articles, coder_id)
    found = []
    for raw, label in (
        (_store_row_by_row, "a statement per row"),
        (_store_executemany, "`executemany`"),
    ):
        found.append(
            Pair(
                f"insert.documents.{raw.__name__}",
                f"store {articles:,} imported articles (document, original, event); raw: {label}",
                *_pair(
                    conn,
                    lambda raw=raw: raw(conn, prepared),  # type: ignore[misc]
                    lambda: _store_utils(db, prepared),
                    runs,
                    write=True,
                ),
                "`insert_all` (52 documents a statement)",
            )
        )
    codings = _codings(conn)
    rows = [{name: getattr(c, name) for name in _CODING_COLUMNS} for c in codings]
    widest = SQLITE_MAX_VARS // len(_CODING_COLUMNS)
    for batch in (100, widest):
        found.append(
            Pair(
                f"insert.codings.{batch}",
                f"put back {len(codings):,} codings; raw: `executemany` (`insert_coding_rows`)",
                *_pair(
                    conn,
                    lambda: insert_coding_rows(conn, codings),
                    lambda batch=batch: db["codings"].insert_all(  # type: ignore[misc]
                        iter(rows), batch_size=batch
                    ),
                    runs,
                    prepare=lambda: conn.execute("DELETE FROM codings"),
                    write=True,
                ),
                f"`insert_all` of dicts, {batch} a statement",
            )
        )
    return found


# -- introspection ----------------------------------------------------------------------


def _schema_utils(db: sqlite_utils.Database) -> dict[tuple[str, str], str]:
    """What `schema.read_schema` reads, gathered through sqlite-utils' properties.

    Indexes are the gap: `Table.indexes` gives names and columns but not the SQL
    `core.schema` compares, so their SQL still comes from `sqlite_master`."""
    found: dict[tuple[str, str], str] = {}
    for table in db.tables:
        found[("table", table.name)] = table.schema
        for index in table.indexes:
            if index.origin == "c":
                found[("index", index.name)] = db.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
                    (index.name,),
                ).fetchone()[0]
    for view in db.views:
        found[("view", view.name)] = view.schema
    for trigger in db.triggers:
        found[("trigger", trigger.name)] = trigger.sql
    return found


def _columns_raw(conn: sqlite3.Connection, tables: list[str]) -> list[tuple[str, ...]]:
    return [
        tuple(r[0] for r in conn.execute("SELECT name FROM pragma_table_xinfo(?)", (t,)))
        for t in tables
    ]


def _read_whole_raw(conn: sqlite3.Connection, tables: tuple[str, ...]) -> None:
    for table in tables:
        for _row in conn.execute(f"SELECT * FROM {table}"):
            pass


def _read_whole_utils(db: sqlite_utils.Database, tables: tuple[str, ...]) -> None:
    for table in tables:
        for _row in db[table].rows:
            pass


def introspection(db: sqlite_utils.Database, runs: int) -> list[Pair]:
    conn = db.conn
    tables = db.table_names()
    whole = ("project_settings", "coders", "codes", "codings", "document_status", "events")
    loops = 100  # one read of the schema is far below a millisecond
    return [
        Pair(
            "schema.objects",
            f"read the whole schema, {loops} times (`schema.read_schema`)",
            *_pair(
                conn,
                lambda: [schema.read_schema(conn) for _ in range(loops)],
                lambda: [_schema_utils(db) for _ in range(loops)],
                runs,
            ),
            "`db.tables`, `.schema`, `.indexes`, `db.views`, `db.triggers`",
        ),
        Pair(
            "schema.columns",
            f"the columns of all {len(tables)} tables, {loops} times",
            *_pair(
                conn,
                lambda: [_columns_raw(conn, tables) for _ in range(loops)],
                lambda: [[db[t].columns for t in tables] for _ in range(loops)],
                runs,
            ),
            "`Table.columns` (`PRAGMA table_info`)",
        ),
        Pair(
            "check.read_whole",
            "read every value of the tables `check` reads whole",
            *_pair(
                conn,
                lambda: _read_whole_raw(conn, whole),
                lambda: _read_whole_utils(db, whole),
                runs,
            ),
            "`Table.rows` (a dict per row)",
        ),
    ]


# -- migrations -------------------------------------------------------------------------


def _rebuild_raw(conn: sqlite3.Connection, create: str, indexes: list[str]) -> None:
    """SQLite's own recipe, as `schema_repair` rebuilds a table: our CREATE, copy, swap."""
    conn.execute("ALTER TABLE codings RENAME TO codings_old")
    conn.execute(create)
    conn.execute("INSERT INTO codings SELECT * FROM codings_old")
    conn.execute("DROP TABLE codings_old")
    for sql in indexes:
        conn.execute(sql)


def _sql_of(conn: sqlite3.Connection, name: str) -> str:
    return schema.normalise_sql(
        conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    )


def migrations_pairs(db: sqlite_utils.Database, runs: int) -> tuple[list[Pair], list[str]]:
    conn = db.conn
    expected = schema.expected_schema()
    create = expected.raw_sql[("table", "codings")]
    indexes = [
        sql for (kind, _), sql in expected.raw_sql.items() if kind == "index" and " codings " in sql
    ]
    pairs = [
        Pair(
            "migration.add_column",
            "add a column to the documents table (migration 3's kind of step)",
            *_pair(
                conn,
                lambda: conn.execute("ALTER TABLE documents ADD COLUMN extra TEXT"),
                lambda: db["documents"].add_column("extra", str),
                runs,
                write=True,
            ),
            "`Table.add_column`",
        ),
        Pair(
            "migration.rebuild",
            "rebuild the codings table with every row (a constraint changed)",
            *_pair(
                conn,
                lambda: _rebuild_raw(conn, create, indexes),
                db["codings"].transform,
                runs,
                write=True,
            ),
            "`Table.transform()`",
        ),
    ]
    # What each way leaves behind, compared as `core.schema` compares it.
    notes = []
    for label, change in (
        ("ALTER TABLE codes ADD COLUMN extra TEXT", None),
        ('db["codes"].add_column("extra", str)', lambda: db["codes"].add_column("extra", str)),
    ):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if change is None:
                conn.execute(label)
            else:
                change()
            notes.append(f"`{label}` leaves `...{_sql_of(conn, 'codes')[-60:]}`")
        finally:
            conn.execute("ROLLBACK")
    conn.execute("BEGIN IMMEDIATE")
    try:
        db["codes"].transform()
        after = _sql_of(conn, "codes")
        same = after == expected.objects[("table", "codes")].sql
        notes.append(
            f"`transform()` with no change rewrites the codes table as `{after[:120]}...`"
            f" (the same as the migrations' SQL: {same})"
        )
    finally:
        conn.execute("ROLLBACK")
    notes.append(_triggers_after_transform(db))
    return pairs, notes


def _triggers_after_transform(db: sqlite_utils.Database) -> str:
    """Which of the documents table's triggers (full-text upkeep, the frozen text)
    a `transform()` of it keeps."""
    conn = db.conn

    def triggers() -> list[str]:
        return [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'documents' ORDER BY name"
            )
        ]

    before = triggers()
    conn.execute("BEGIN IMMEDIATE")
    try:
        db["documents"].transform()
        after = triggers()
    finally:
        conn.execute("ROLLBACK")
    lost = [name for name in before if name not in after]
    return (
        f"`transform()` of the documents table keeps {len(after)} of its {len(before)} "
        f"triggers; gone: {', '.join(f'`{name}`' for name in lost) or 'none'}"
    )


# -- the run ----------------------------------------------------------------------------


@contextlib.contextmanager
def _opened(built: reference.Reference) -> Iterator[tuple[sqlite_utils.Database, str]]:
    """A copy of the project, opened as the app opens it for writing (keys kept up to
    date by the temporary triggers `names.keep_keys` adds), foreign keys off only
    where a rebuild needs them off."""
    with reference.working_copy(built) as copy:
        conn = sqlite3.connect(copy.path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        names.keep_keys(conn)
        try:
            yield sqlite_utils.Database(conn), copy.coder_ids[0]
        finally:
            conn.close()


def measure(
    built: reference.Reference, runs: int, articles: int = ARTICLES
) -> tuple[list[Pair], list[str]]:
    with _opened(built) as (db, coder_id):
        db.conn.execute("PRAGMA foreign_keys = ON")
        found = bulk_inserts(db, runs, coder_id, articles)
        found += introspection(db, runs)
        db.conn.execute("PRAGMA foreign_keys = OFF")  # as schema_repair rebuilds
        db.conn.execute("PRAGMA legacy_alter_table = ON")
        pairs, notes = migrations_pairs(db, runs)
    return found + pairs, notes


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.2f} s"


def markdown(found: list[Pair]) -> str:
    lines = [
        "| work | raw SQL | sqlite-utils | how | ratio (wall) | ratio (CPU) |",
        "|---|--:|--:|---|--:|--:|",
    ]
    for p in found:
        lines.append(
            f"| {p.what} | {_ms(p.raw[0])} (CPU {_ms(p.raw[1])}) "
            f"| {_ms(p.utils[0])} (CPU {_ms(p.utils[1])}) | {p.how} "
            f"| {p.ratio:.2f}x | {p.cpu_ratio:.2f}x |"
        )
    return "\n".join(lines)


def section(built: reference.Reference, found: list[Pair], notes: list[str], runs: int) -> str:
    spec = built.spec
    return "\n".join(
        [
            "## sqlite-utils against raw SQL (issue 19)",
            "",
            f"Measured {docs_page.dated()} by `python -m tests.benchmarks.bench_storage` "
            f"(sqlite-utils {_utils_version()}) "
            f"on a copy of the reference project ({spec.documents:,} documents, "
            f"{spec.codings:,} codings), medians of {runs} runs of each, in turns; on:",
            "",
            *docs_page.machine_lines(docs_page.machine()),
            "",
            markdown(found),
            "",
            "A ratio above 1 means sqlite-utils took longer. What each way leaves in "
            "`sqlite_master` (normalised as `core.schema` compares it):",
            "",
            *[f"- {note}" for note in notes],
            "",
            *CHOSEN,
        ]
    )


# What the core does with these figures; each module's docstring says why.
CHOSEN = [
    "What the core uses (CPU time is the figure to read on a shared machine):",
    "",
    "- documents: `insert_all` (`documents.insert_document_rows`, for imports, merges and"
    " undo), since the full-text triggers write out their work at the end of every"
    " statement;",
    "- codings: `executemany` (`coding.insert_coding_rows`): nothing watches that table,"
    " and dicts and wide statements only cost;",
    "- check and the schema comparison: plain SQL for the schema, the columns"
    " (`table_xinfo`, which also names generated columns) and every value;"
    " `Table.count` for the codings count;",
    "- migrations and the schema repair: plain SQL; `add_column` gains nothing, and"
    " `transform()` is slower, drops the table's triggers and writes its own SQL.",
]


def _utils_version() -> str:
    from importlib.metadata import version

    return version("sqlite-utils")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=reference.Spec.documents)
    parser.add_argument("--codings", type=int, default=reference.Spec.codings)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=ARTICLES, help="documents to store")
    parser.add_argument("--cache", type=Path, default=reference.default_cache())
    parser.add_argument("--docs", type=Path, default=DOCS, help="the page to update")
    args = parser.parse_args()
    built = reference.cached(args.cache, reference.Spec(args.documents, args.codings))
    found, notes = measure(built, args.runs, args.articles)
    text = section(built, found, notes, args.runs)
    print(text)
    docs_page.update_section(args.docs, "storage", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
