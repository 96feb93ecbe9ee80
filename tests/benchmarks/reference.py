"""The reference project of DESIGN.md's budgets, built fast and the same for a seed.

    python -m tests.benchmarks.reference OUT.annotator --documents N --codings M --seed S

What a team's archive looks like after months of work: article-like texts (a
headline, then paragraphs; mostly English, some Arabic and Chinese articles, quoted
phrases in other scripts, a few emoji), about 20 KB each, plus a few 1 MB documents
with 5,000 codings each; the default codebook plus sub-codes up to 150 codes;
codings of several coders that overlap and nest, double-coded passages for
agreement, finished marks, original bytes and one audit event per import and per
coding, as the app itself would have written them.

Everything is written in one transaction with `executemany` through the schema as it
is (its triggers fill both full-text indexes). Ids, texts and timestamps come from
the seed, so the same arguments give the same project.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from annotator.core import codebook, migrations
from annotator.core.codebook import Code
from annotator.core.codebook_file import default_codebook_path, read_codebook
from annotator.core.documents import Document, sha256_hex
from annotator.core.project import create_project
from tests.benchmarks.articles import EMOJI, RARE_WORDS, ArticleWriter
from tests.benchmarks.coding_work import coding_plan, coding_rows, finished_rows, stamp

# Bump when the generator changes what it writes, so cached projects are rebuilt.
GENERATOR_VERSION = 3
SETTING = "benchmark reference"
BIG_TITLE = "Leaked procurement files, full text"  # + " (n)" for the n-th big document
CODER_NAMES = ("Amina Rasheed", "Tomás Ferreira", "Li Wei")


@dataclass(frozen=True)
class Spec:
    """What to build. The defaults are DESIGN.md's reference project."""

    documents: int = 10_000
    codings: int = 200_000
    seed: int = 1
    codes: int = 150
    article_chars: int = 20_000
    big_chars: int = 1_000_000
    big_codings: int = 5_000
    # One 1 MB document per this many documents (at least one).
    documents_per_big: int = 5_000

    @property
    def big_documents(self) -> int:
        return max(1, self.documents // self.documents_per_big)


@dataclass(frozen=True)
class Reference:
    """A built reference project and the handles benchmarks need."""

    path: Path
    spec: Spec
    big_document_id: str
    typical_document_id: str
    coder_ids: tuple[str, ...]
    busiest_code_id: str


def big_title(n: int) -> str:
    return f"{BIG_TITLE} ({n + 1})"


class _Ids:
    """UUIDs from the seed: the same project every time, still valid version-4 GUIDs."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def __call__(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))


def _codebook(rng: random.Random, ids: _Ids, wanted: int, now: str) -> list[Code]:
    """The default codebook, then sub-codes under its second-level codes up to `wanted`."""
    codes: list[Code] = []

    def walk(entries: list[dict[str, object]], parent: str | None) -> None:
        for position, entry in enumerate(entries):
            code = Code(
                ids(), parent, str(entry["name"]), str(entry.get("color", "#9E9E9E")),
                str(entry.get("definition", "")), "", position, "", now,
            )  # fmt: skip
            codes.append(code)
            walk(entry.get("children") or [], code.id)  # type: ignore[arg-type]

    walk(read_codebook(default_codebook_path())["codes"], None)
    parents = [c for c in codes if c.parent_id is not None]
    children: dict[str, int] = {}
    n = 0
    while len(codes) < wanted:
        parent = parents[n % len(parents)]
        position = children.get(parent.id, 0)
        children[parent.id] = position + 1
        name = f"{parent.name} - aspect {position + 1}"
        definition = f"Passages about {parent.name.lower()}, aspect {position + 1}."
        codes.append(Code(ids(), parent.id, name, parent.color, definition, "", position, "", now))
        n += 1
    return codes[:wanted]


def build(path: Path | str, spec: Spec) -> Reference:
    """Write the reference project to `path` (which must not exist yet)."""
    path = Path(path)
    rng = random.Random(spec.seed)
    ids = _Ids(random.Random(spec.seed + 1_000_003))
    base = datetime(2024, 1, 8, 9, 0, tzinfo=UTC)
    writer = ArticleWriter(rng)
    codes = _codebook(rng, ids, spec.codes, stamp(base, 0))
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(len(codes))]
    order = list(range(len(codes)))
    rng.shuffle(order)  # the busiest codes are not simply the first ones
    code_weights = [popularity[order[i]] for i in range(len(codes))]
    coder_ids = tuple(ids() for _ in CODER_NAMES)
    code_ids = [c.id for c in codes]
    big = min(spec.big_documents, spec.documents)
    big_codings = min(spec.big_codings, spec.codings // (2 * big)) if spec.codings else 0

    project = create_project(path, name=f"Reference archive (seed {spec.seed})")
    # A file nobody has yet needs no crash safety while it is built: write it once,
    # straight into the file (not through the WAL and again at the checkpoint).
    project.conn.execute("PRAGMA journal_mode = DELETE")
    project.conn.execute("PRAGMA synchronous = OFF")
    project.conn.execute("PRAGMA cache_size = -262144")  # 256 MB: fewer FTS merges
    started = time.perf_counter()
    with project.transaction() as conn:
        conn.executemany(
            "INSERT INTO coders (id, name, created_at) VALUES (?, ?, ?)",
            [(c, n, stamp(base, 0)) for c, n in zip(coder_ids, CODER_NAMES, strict=True)],
        )
        codebook.insert_code_rows(conn, codes)
        # Document by document, as a team works, so memory holds only a batch of texts.
        plan = iter(coding_plan(rng, spec.documents, spec.codings, big, big_codings))
        clock = itertools.count(1)
        counts: Counter[str] = Counter()
        first: list[str] = []  # the big documents, then a typical one
        coded = 0
        documents = _documents(rng, ids, writer, spec, big, base, coder_ids[0])
        for chunk in _chunks(documents, 250):
            conn.executemany(_DOCUMENT_INSERT, [_row(d) for d, _ in chunk])
            conn.executemany(
                "INSERT INTO document_originals (document_id, content) VALUES (?, ?)",
                [(d.id, original) for d, original in chunk],
            )
            conn.executemany(_EVENT_INSERT, [_import_event(ids, d) for d, _ in chunk])
            texts = [(d.id, d.text) for d, _ in chunk]
            first += [d.id for d, _ in chunk[: max(0, big + 1 - len(first))]]
            codings = coding_rows(
                rng, ids, texts, plan, code_ids, code_weights, coder_ids, base, clock
            )
            conn.executemany(_CODING_INSERT, codings)
            conn.executemany(_EVENT_INSERT, [_coding_event(ids, row) for row in codings])
            conn.executemany(
                "INSERT INTO document_status (document_id, coder_id, finished, updated_at) "
                "VALUES (?, ?, 1, ?)",
                finished_rows(rng, texts, coder_ids, base),
            )
            counts.update(row[2] for row in codings)
            coded += len(codings)
        busiest = max(counts, key=lambda code_id: (counts[code_id], code_id)) if counts else ""
        reference = Reference(path, spec, first[0], first[-1], coder_ids, busiest)
        conn.execute(
            "INSERT INTO project_settings (key, value) VALUES (?, ?)",
            (SETTING, json.dumps(_describe(reference))),
        )
    project.conn.execute("PRAGMA journal_mode = WAL")  # as every project is
    project.close()
    elapsed = time.perf_counter() - started
    print(f"built {path.name}: {spec.documents} documents, {coded} codings "
          f"in {elapsed:.1f} s", file=sys.stderr)  # fmt: skip
    return reference


_DOC_FIELDS = [f.name for f in fields(Document)]
_DOCUMENT_INSERT = (
    f"INSERT INTO documents ({', '.join(_DOC_FIELDS)}) VALUES ({', '.join('?' * len(_DOC_FIELDS))})"
)
_CODING_INSERT = (
    'INSERT INTO codings (id, document_id, code_id, coder_id, start, "end", quote, memo, '
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_EVENT_INSERT = "INSERT INTO events (id, at, coder_id, action, details) VALUES (?, ?, ?, ?, ?)"


def _row(document: Document) -> list[object]:
    return [getattr(document, name) for name in _DOC_FIELDS]


def _chunks(items: Iterator[object], size: int) -> Iterator[list]:  # type: ignore[type-arg]
    chunk: list[object] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _documents(
    rng: random.Random,
    ids: _Ids,
    writer: ArticleWriter,
    spec: Spec,
    big: int,
    base: datetime,
    importer: str,
) -> Iterator[tuple[Document, bytes]]:
    """The big documents first (in mixed scripts), then the articles."""
    publishers = ("The Daily Ledger", "Al-Marsad", "Harbour Times", "新闻周报", "Civic Watch")
    for d in range(spec.documents):
        is_big = d < big
        kind = "mixed" if is_big else "en"
        if not is_big and d % 20 == 7:
            kind = "ar"
        elif not is_big and d % 20 == 13:
            kind = "zh"
        sprinkle: list[str] = []
        if is_big or d % 10 == 3:
            sprinkle += [rng.choice(writer.arabic), rng.choice(writer.chinese)]
        if is_big or d % 25 == 4:
            sprinkle += list(rng.sample(EMOJI, 2))
        if is_big or d % 40 == 5:
            sprinkle.append(rng.choice(RARE_WORDS))
        chars = spec.big_chars if is_big else int(spec.article_chars * rng.uniform(0.4, 1.6))
        text = writer.article(chars, kind, tuple(sprinkle))
        title = big_title(d) if is_big else text[: text.find("\n")][:90].strip(" .。")
        published = (base - timedelta(days=rng.randrange(0, 3_650))).date().isoformat()
        original = f"date {published}\n{text}\n".encode()
        document = Document(
            id=ids(),
            title=title,
            text=text,
            text_sha256=sha256_hex(text),
            original_filename=f"article-{d:06}.txt",
            media_type="text/plain",
            original_sha256=sha256_hex(original),
            encoding="utf-8",
            source_url=f"https://news.example.org/{published[:4]}/{d:06}",
            publisher=publishers[d % len(publishers)],
            author=f"Reporter {d % 97}",
            published_date=published,
            accessed_date="2024-05-01",
            language="mul" if kind == "mixed" else kind,  # ISO 639: multiple languages
            imported_at=stamp(base, d),
            imported_by=importer,
            char_count=len(text),
        )
        yield document, original


def _import_event(ids: _Ids, document: Document) -> tuple[object, ...]:
    details = {
        "document_id": document.id,
        "title": document.title,
        "original_filename": document.original_filename,
        "original_sha256": document.original_sha256,
        "text_sha256": document.text_sha256,
    }
    return (ids(), document.imported_at, document.imported_by, "document imported",
            json.dumps(details, ensure_ascii=False))  # fmt: skip


def _coding_event(ids: _Ids, row: tuple[object, ...]) -> tuple[object, ...]:
    coding_id, document_id, code_id, coder_id, start, end, _, _, at = row
    details = {"code_id": code_id, "codings": [[coding_id, document_id, start, end]]}
    return (ids(), at, coder_id, "codings added", json.dumps(details))


def _describe(reference: Reference) -> dict[str, object]:
    return {
        "generator": GENERATOR_VERSION,
        "spec": asdict(reference.spec),
        "big_document_id": reference.big_document_id,
        "typical_document_id": reference.typical_document_id,
        "coder_ids": list(reference.coder_ids),
        "busiest_code_id": reference.busiest_code_id,
    }


def read_reference(path: Path) -> Reference | None:
    """The description a built project carries, or None if it is not a current one."""
    if not path.exists():
        return None
    try:
        # Read-write on purpose: the last connection to close removes -wal and -shm.
        conn = sqlite3.connect(path)
        try:
            row = conn.execute(
                "SELECT value FROM project_settings WHERE key = ?", (SETTING,)
            ).fetchone()
            (version,) = conn.execute("PRAGMA user_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    if row is None or version != migrations.latest_version():
        return None  # not built here, or built before the schema last changed
    data = json.loads(row[0])
    if data.get("generator") != GENERATOR_VERSION:
        return None
    return Reference(
        path,
        Spec(**data["spec"]),
        data["big_document_id"],
        data["typical_document_id"],
        tuple(data["coder_ids"]),
        data["busiest_code_id"],
    )


@contextlib.contextmanager
def working_copy(built: Reference) -> Iterator[Reference]:
    """A throwaway copy to measure on, deleted afterwards.

    Benchmarks write (codings and their undo, imports, the coder a window adds, audit
    events), so they never run on the cached project: every run starts the same.
    """
    folder = tempfile.mkdtemp(prefix="annotator-bench-work-", dir=built.path.parent)
    target = Path(folder) / built.path.name
    try:
        copy_project(built.path, target)
        yield replace(built, path=target)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def copy_project(source: Path, target: Path) -> None:
    """A complete copy: the file alone if it was closed cleanly (fast), else through
    SQLite's backup API (which also takes what is still in the -wal file)."""
    wal = Path(f"{source}-wal")
    if wal.exists() and wal.stat().st_size:
        with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
            original.backup(copy)
    else:
        shutil.copyfile(source, target)


def default_cache() -> Path:
    """Where built projects are kept between runs (ANNOTATOR_BENCH_CACHE overrides)."""
    return Path(
        os.environ.get("ANNOTATOR_BENCH_CACHE") or Path(tempfile.gettempdir()) / "annotator-bench"
    )


def cached(folder: Path, spec: Spec) -> Reference:
    """The reference project for `spec` in `folder`, built only if not there already."""
    name = f"reference-v{GENERATOR_VERSION}-{spec.documents}-{spec.codings}-s{spec.seed}"
    if spec != Spec(spec.documents, spec.codings, spec.seed):
        name += "-" + sha256_hex(json.dumps(asdict(spec), sort_keys=True))[:8]
    path = folder / f"{name}.annotator"
    found = read_reference(path)
    if found is not None and found.spec == spec:
        return found
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    return build(path, spec)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, metavar="OUT.annotator")
    parser.add_argument("--documents", type=int, default=Spec.documents)
    parser.add_argument("--codings", type=int, default=Spec.codings)
    parser.add_argument("--seed", type=int, default=Spec.seed)
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out}: already exists; give a new file name", file=sys.stderr)
        return 1
    build(args.out, Spec(args.documents, args.codings, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
