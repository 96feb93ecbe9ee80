"""Kill a process that stores a large folder of articles: no half-imported document.

Each round adds a fresh folder to the same project, so later rounds work on a project
that has already survived kills. After each kill the project holds exactly the documents
the worker confirmed (plus, possibly, the one in flight), each with its original bytes,
hashes, audit event and search index entries.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from annotator.core import coders, documents
from annotator.core.codebook_file import new_project
from annotator.core.project import open_project
from tests.durability.articles import article
from tests.durability.harness import SEED, assert_intact, rng_for, run_and_kill

ROUNDS = 10
FILES_PER_ROUND = 150


def _stored(path: Path) -> dict[str, tuple[str, str]]:
    """title -> (text hash, original hash), for documents with all their parts."""
    with open_project(path) as project:
        rows = project.conn.execute(
            "SELECT d.title, d.text_sha256, d.original_sha256, o.content IS NOT NULL, "
            "(SELECT count(*) FROM events e WHERE e.action = 'document imported' "
            " AND json_extract(e.details, '$.document_id') = d.id) "
            "FROM documents d LEFT JOIN document_originals o ON o.document_id = d.id"
        ).fetchall()
    for title, _, _, has_original, events in rows:
        assert has_original and events == 1, f"{title} is half-imported"
    return {r[0]: (r[1], r[2]) for r in rows}


@pytest.fixture
def import_project(tmp_path: Path) -> Path:
    path = tmp_path / "import.annotator"
    with new_project(path) as project:
        coders.add_coder(project, "Amina Rasheed")
    return path


def test_killing_a_bulk_store_keeps_every_confirmed_document(
    import_project: Path, tmp_path: Path
) -> None:
    rng = rng_for("import")
    for round_ in range(ROUNDS):
        folder = tmp_path / f"folder-{round_}"
        folder.mkdir()
        for n in range(FILES_PER_ROUND):
            title = f"r{round_}-article-{n:03d}"
            (folder / f"{title}.txt").write_text(article(rng, 20_000, title), "utf-8")
        before = _stored(import_project)
        delay = rng.uniform(0.05, 1.2)
        said = run_and_kill("store", import_project, seed=round_, delay=delay, folder=folder)
        context = f"seed {SEED}, round {round_}, killed after {delay:.3f} s"
        assert_intact(import_project, context)
        after = _stored(import_project)
        confirmed = {Path(d["file"]).stem for d in said.ops("import")}
        new = set(after) - set(before)
        assert confirmed <= new, f"{context}: lost {sorted(confirmed - new)}"
        extra = new - confirmed
        in_flight = {Path(said.in_flight["file"]).stem} if said.in_flight else set()
        assert extra <= in_flight, f"{context}: unconfirmed documents {sorted(extra)}"
        for title in new:
            data = (folder / f"{title}.txt").read_bytes()
            assert after[title] == (
                documents.sha256_hex(data.decode("utf-8")),
                documents.sha256_hex(data),
            ), f"{context}: {title} differs from its file"


IMPORT_ROUNDS = 8


def _write_folder(folder: Path, rng: random.Random, round_: int) -> None:
    """Mostly plain text, with web pages and Markdown among them, as a scrape folder is."""
    folder.mkdir()
    for n in range(FILES_PER_ROUND):
        title = f"i{round_}-article-{n:03d}"
        text = article(rng, 20_000, title)
        if n % 5 == 1:
            paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:])
            page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            (folder / f"{title}.html").write_text(f"{page}{paragraphs}</article></body></html>")
        elif n % 5 == 2:
            (folder / f"{title}.md").write_text(f"# {text}", "utf-8")
        else:
            (folder / f"{title}.txt").write_text(text, "utf-8")


def _filenames(path: Path) -> set[str]:
    with open_project(path) as project:
        rows = project.conn.execute("SELECT original_filename FROM documents")
        return {r[0] for r in rows}


def test_killing_a_bulk_import_keeps_every_document_counted_as_imported(
    import_project: Path, tmp_path: Path
) -> None:
    """The issue's own check: what the progress report counted is in the project."""
    rng = rng_for("bulk-import")
    for round_ in range(IMPORT_ROUNDS):
        folder = tmp_path / f"scrapes-{round_}"
        _write_folder(folder, rng, round_)
        before = _filenames(import_project)
        delay = rng.uniform(0.1, 1.5)
        said = run_and_kill("import", import_project, seed=round_, delay=delay, folder=folder)
        context = f"seed {SEED}, round {round_}, killed after {delay:.3f} s"
        assert_intact(import_project, context)
        _stored(import_project)  # no document without its original and its audit event
        new = _filenames(import_project) - before
        steps = said.ops("progress")
        counted = {Path(s["source"]).name for s in steps if s["outcome"] == "imported"}
        assert counted <= new, (
            f"{context}: the progress report counted {len(counted)} as imported, "
            f"the project holds {len(new)}; lost: {sorted(counted - new)[:5]}"
        )
        if steps:
            assert len(new) >= steps[-1]["imported"], context
        assert new <= {p.name for p in folder.iterdir()}, context
