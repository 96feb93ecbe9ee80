"""Overviews of the coding: how often each code is used, where, and with which others.

Three tables, each computed from one pass over the codings:
- frequencies: codings and documents per code, also counting the codes below it;
- the code-by-document matrix: codings of each code in each document;
- co-occurrence: for each pair of codes, how many pairs of their codings share text.
Co-occurrence sweeps each document's sorted span boundaries once (O(n log n) plus
one step per overlapping pair), never comparing every coding with every other.
Each table turns into rows for CSV (`*_rows`); `write_csv` keeps spreadsheet formulas out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core import errors
from annotator.core.codebook import CodeNode, codebook_tree
from annotator.core.exports.table import neutralise
from annotator.core.ids import CodeId, DocumentId
from annotator.core.project import Project
from annotator.core.selection import Selection, coding_where, document_where, subcode_families
from annotator.core.storage.atomic_write import atomic_write


@dataclass(frozen=True)
class CodeRef:
    id: CodeId
    path: str
    name: str
    color: str
    depth: int


@dataclass(frozen=True)
class DocumentRef:
    id: DocumentId
    title: str
    published_date: str


@dataclass(frozen=True)
class CodeFrequency:
    code: CodeRef
    codings: int  # codings with this very code
    documents: int  # documents holding at least one of them
    codings_with_subcodes: int  # ... of this code or any code below it
    documents_with_subcodes: int


@dataclass(frozen=True)
class Matrix:
    """Codings per code (rows) and document (columns); `counts[row][column]`."""

    codes: list[CodeRef]
    documents: list[DocumentRef]
    counts: list[list[int]]

    def count(self, code_id: CodeId, document_id: DocumentId) -> int:
        row = next(i for i, c in enumerate(self.codes) if c.id == code_id)
        column = next(i for i, d in enumerate(self.documents) if d.id == document_id)
        return self.counts[row][column]


@dataclass(frozen=True)
class Cooccurrence:
    """Overlapping coding pairs per pair of codes; symmetric, with 0 on the diagonal."""

    codes: list[CodeRef]
    counts: list[list[int]]

    def count(self, first: CodeId, second: CodeId) -> int:
        index = {c.id: i for i, c in enumerate(self.codes)}
        return self.counts[index[first]][index[second]]


def _code_refs(
    project: Project, code_ids: Iterable[CodeId] | None, tree: Sequence[CodeNode] | None = None
) -> list[CodeRef]:
    """Codes in codebook order (parents before children), optionally only some."""
    wanted = None if code_ids is None else set(code_ids)
    refs = [
        CodeRef(n.code.id, n.path, n.code.name, n.code.color, n.depth)
        for n in (codebook_tree(project) if tree is None else tree)
        if wanted is None or n.code.id in wanted
    ]
    if wanted is not None and len(refs) != len(wanted):
        missing = wanted - {r.id for r in refs}
        raise errors.NotFound(errors.Thing.CODE, ", ".join(sorted(missing)))
    return refs


_PER_CODE_AND_DOCUMENT = "c.code_id, c.document_id, count(*)"
_GROUPED = "GROUP BY c.code_id, c.document_id"


def _counted(
    project: Project, selection: Selection, columns: str, tail: str
) -> list[tuple[Any, ...]]:
    """The selection's codings of every code, grouped or ordered by `tail`: the rows pick codes."""
    where = coding_where(project, selection.without_codes())
    sql = f"SELECT {columns} FROM codings c{where.sql()} {tail}"
    return project.conn.execute(sql, where.params).fetchall()


def frequencies(project: Project, selection: Selection | None = None) -> list[CodeFrequency]:
    """Every code in codebook order with its counts (unused codes count 0).

    The selection's codes pick the rows (None: every code); the rest of it picks the
    codings counted. The counts with sub-codes are there whatever `with_subcodes` says.
    """
    selection = selection or Selection()
    rows = _counted(project, selection, _PER_CODE_AND_DOCUMENT, _GROUPED)
    tree = codebook_tree(project)
    holders = _holders(subcode_families(tree))
    own: dict[str, int] = {}
    own_documents: dict[str, int] = {}
    total: dict[str, int] = {}
    total_documents: dict[str, set[str]] = {}
    for code_id, document_id, count in rows:
        own[code_id] = own.get(code_id, 0) + count
        own_documents[code_id] = own_documents.get(code_id, 0) + 1
        for holder in holders.get(code_id, [code_id]):
            total[holder] = total.get(holder, 0) + count
            total_documents.setdefault(holder, set()).add(document_id)
    return [
        CodeFrequency(
            ref,
            own.get(ref.id, 0),
            own_documents.get(ref.id, 0),
            total.get(ref.id, 0),
            len(total_documents.get(ref.id, ())),
        )
        for ref in _code_refs(project, selection.code_ids, tree)
    ]


def _holders(families: dict[CodeId, list[CodeId]]) -> dict[str, list[str]]:
    """Each code with the codes whose count it adds to: itself and every code above it."""
    holders: dict[str, list[str]] = {}
    for holder, family in families.items():
        for code_id in family:
            holders.setdefault(code_id, []).append(holder)
    return holders


def _document_refs(project: Project, selection: Selection) -> list[DocumentRef]:
    where = document_where(selection)
    sql = f"SELECT d.id, d.title, d.published_date FROM documents d{where.sql()}"
    sql += " ORDER BY d.published_date, d.title, d.id"
    return [DocumentRef(*row) for row in project.conn.execute(sql, where.params)]


def code_document_matrix(project: Project, selection: Selection | None = None) -> Matrix:
    """Codings per code and document; documents in date order, codes in codebook order.

    The selection's codes are the rows (None: every code) and its documents the
    columns, coded or not. With `with_subcodes`, a code's row also counts the codings
    of every code below it.
    """
    selection = selection or Selection()
    tree = codebook_tree(project)
    codes = _code_refs(project, selection.code_ids, tree)
    docs = _document_refs(project, selection)
    row_of = {c.id: i for i, c in enumerate(codes)}
    column_of = {d.id: i for i, d in enumerate(docs)}
    counts = [[0] * len(docs) for _ in codes]
    holders = _holders(subcode_families(tree)) if selection.with_subcodes else {}
    rows = _counted(project, selection, _PER_CODE_AND_DOCUMENT, _GROUPED)
    for code_id, document_id, count in rows:
        column = column_of.get(document_id)
        if column is None:
            continue
        for holder in holders.get(code_id, [code_id]):
            row = row_of.get(holder)
            if row is not None:
                counts[row][column] += count
    return Matrix(codes, docs, counts)


def cooccurrence(project: Project, selection: Selection | None = None) -> Cooccurrence:
    """How many pairs of codings of two codes share at least one character.

    The selection's codes are the rows and columns (None: every code); `with_subcodes`
    does not apply (a code would overlap the codes below it). Codings that only touch
    (one ends where the other starts) do not co-occur. Two codings of the same code
    are not counted.
    """
    selection = selection or Selection()
    codes = _code_refs(project, selection.code_ids)
    index = {c.id: i for i, c in enumerate(codes)}
    counts = [[0] * len(codes) for _ in codes]
    rows = _counted(
        project, selection, 'c.document_id, c.code_id, c.start, c."end"', "ORDER BY c.document_id"
    )
    document: str | None = None
    spans: list[tuple[int, int, int]] = []
    for document_id, code_id, start, end in rows:
        if document_id != document:
            _count_overlaps(spans, counts)
            document, spans = document_id, []
        if code_id in index:
            spans.append((start, end, index[code_id]))
    _count_overlaps(spans, counts)
    return Cooccurrence(codes, counts)


def _count_overlaps(spans: Sequence[tuple[int, int, int]], counts: list[list[int]]) -> None:
    """Add one document's overlapping pairs: a sweep over sorted span boundaries.

    At each start, the new coding overlaps exactly the codings still open; ends sort
    before starts at the same offset, so touching spans are not counted.
    """
    boundaries = sorted(
        [(start, 1, code) for start, _, code in spans] + [(end, 0, code) for _, end, code in spans]
    )
    open_by_code: dict[int, int] = {}
    for _, is_start, code in boundaries:
        if not is_start:
            open_by_code[code] -= 1
            if not open_by_code[code]:
                del open_by_code[code]
            continue
        for other, how_many in open_by_code.items():
            if other != code:
                counts[code][other] += how_many
                counts[other][code] += how_many
        open_by_code[code] = open_by_code.get(code, 0) + 1


Row = list[str | int]


def frequency_rows(found: Sequence[CodeFrequency]) -> list[Row]:
    header: Row = [
        "code",
        "codings",
        "documents",
        "codings with sub-codes",
        "documents with sub-codes",
    ]
    return [header] + [
        [f.code.path, f.codings, f.documents, f.codings_with_subcodes, f.documents_with_subcodes]
        for f in found
    ]


def matrix_rows(matrix: Matrix) -> list[Row]:
    header: Row = ["code", *(d.title for d in matrix.documents)]
    return [header] + [
        [code.path, *row] for code, row in zip(matrix.codes, matrix.counts, strict=True)
    ]


def cooccurrence_rows(found: Cooccurrence) -> list[Row]:
    header: Row = ["code", *(c.path for c in found.codes)]
    return [header] + [
        [code.path, *row] for code, row in zip(found.codes, found.counts, strict=True)
    ]


def _safe(cell: str | int) -> str | int:
    """A title such as `=HYPERLINK(...)` stays text in a spreadsheet (the exports' guard)."""
    return neutralise(cell) if isinstance(cell, str) else cell


def _write_rows(handle: io.TextIOBase, rows: Sequence[Row], terminator: str) -> None:
    writer = csv.writer(handle, lineterminator=terminator)
    writer.writerows([_safe(c) for c in row] for row in rows)


def csv_text(rows: Sequence[Row]) -> str:
    """The rows as CSV text for the clipboard, formula-like cells neutralised."""
    out = io.StringIO()
    _write_rows(out, rows, "\n")
    return out.getvalue()


def write_csv(path: Path | str, rows: Sequence[Row]) -> Path:
    """Write the rows as UTF-8 CSV with a BOM, so spreadsheet apps read the accents.

    Written whole or not at all (`atomic_write`); raises OutputUnwritable saying why.
    """
    path = Path(path)
    with atomic_write(path) as stream:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        _write_rows(text, rows, "\r\n")
        text.flush()
        text.detach()
    return path
