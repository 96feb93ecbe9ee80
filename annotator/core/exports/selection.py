"""What to export: codes (with sub-codes), documents, coders and a date range.

The rows come from one SQL query, streamed in the order the export needs: codebook
order then document order (grouped by code), or document then text order (grouped by
document). Document details and paragraph numbers are read once per document, so a
200,000-row export never holds more than one row and one cache entry per document.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from annotator.core import errors
from annotator.core.codebook import CodeNode, codebook_tree
from annotator.core.ids import CodeId, CoderId, CodingId, DocumentId
from annotator.core.positions import Paragraphs
from annotator.core.project import Project

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FETCH_ROWS = 2000


class GroupBy(enum.Enum):
    CODE = "code"
    DOCUMENT = "document"


def check_date(value: str | date | None, field_name: str) -> str | None:
    """An ISO date (`2024`, `2024-04` or `2024-04-16`), or None for no limit."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    cleaned = value.strip()
    if not cleaned:
        return None
    valid = bool(_DATE.match(cleaned))
    if valid and len(cleaned) == 10:
        try:
            date.fromisoformat(cleaned)
        except ValueError:
            valid = False
    if not valid:
        raise errors.InvalidValue(field_name, value, "a date such as 2024-04-16, 2024-04 or 2024")
    return cleaned


@dataclass(frozen=True)
class Selection:
    """Which codings to export. `None` means "all"; an empty tuple means "none".

    The date range applies to each document's published date (the date a report cites);
    a partial date such as `2024` covers the whole year, and documents without a
    published date are left out once a range is given.
    """

    code_ids: tuple[str, ...] | None = None
    with_subcodes: bool = False
    document_ids: tuple[str, ...] | None = None
    coder_ids: tuple[str, ...] | None = None
    date_from: str | None = None
    date_to: str | None = None

    def __post_init__(self) -> None:
        for name in ("code_ids", "document_ids", "coder_ids"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        object.__setattr__(self, "date_from", check_date(self.date_from, "from date"))
        object.__setattr__(self, "date_to", check_date(self.date_to, "to date"))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise errors.InvalidValue(
                "date range",
                f"{self.date_from} to {self.date_to}",
                "a from date before the to date",
            )


@dataclass(frozen=True)
class ExportedCode:
    """A code as the export shows it: its heading depth counts exported ancestors only."""

    node: CodeNode
    level: int
    heading: str

    @property
    def id(self) -> CodeId:
        return self.node.code.id


@dataclass(frozen=True)
class SourceDocument:
    """A document's citation details, read once per export."""

    id: DocumentId
    title: str
    source_url: str
    publisher: str
    author: str
    published_date: str
    accessed_date: str
    language: str
    text_sha256: str
    original_sha256: str
    paragraphs: Paragraphs = field(repr=False)


@dataclass(frozen=True, slots=True)
class ExcerptRow:
    """One coding with everything an export writes about it."""

    coding_id: CodingId
    code: ExportedCode
    document: SourceDocument
    coder_id: CoderId
    coder_name: str
    start: int
    end: int
    quote: str
    memo: str
    created_at: str

    @property
    def paragraph_first(self) -> int:
        return self.document.paragraphs.number_at(self.start)

    @property
    def paragraph_last(self) -> int:
        return self.document.paragraphs.number_at(max(self.start, self.end - 1))

    @property
    def paragraph_label(self) -> str:
        return self.document.paragraphs.span_label(self.start, self.end)


@dataclass(frozen=True)
class SelectionCount:
    """What an export of this selection holds, for the dialog before it writes."""

    codings: int
    documents: int
    codes: int
    coders: int


def exported_codes(project: Project, selection: Selection) -> list[ExportedCode]:
    """The selected codes in codebook order, with heading levels and headings.

    A code whose parent is exported too sits one level below it under its own name;
    one whose parent is not shows its full path, so a heading never loses its context.
    """
    tree = codebook_tree(project)
    if selection.code_ids is None:
        wanted = {n.code.id for n in tree}
    else:
        wanted = set(selection.code_ids)
        if selection.with_subcodes:
            wanted = _with_descendants(tree, wanted)
    levels: dict[str, int] = {}
    chosen: list[ExportedCode] = []
    for node in tree:
        if node.code.id not in wanted:
            continue
        parent = node.code.parent_id
        if parent is not None and parent in levels:
            level, heading = levels[parent] + 1, node.code.name
        else:
            level, heading = 1, node.path
        levels[node.code.id] = level
        chosen.append(ExportedCode(node=node, level=level, heading=heading))
    return chosen


def _with_descendants(tree: list[CodeNode], wanted: set[str]) -> set[str]:
    expanded = set(wanted)
    for node in tree:  # parents come before children in tree order
        if node.code.parent_id in expanded:
            expanded.add(node.code.id)
    return expanded


def _where(selection: Selection, params: list[object]) -> str:
    clauses: list[str] = []
    if selection.document_ids is not None:
        clauses.append("c.document_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(selection.document_ids)))
    if selection.coder_ids is not None:
        clauses.append("c.coder_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(selection.coder_ids)))
    if selection.date_from:
        clauses.append("d.published_date <> '' AND substr(d.published_date, 1, ?) >= ?")
        params.extend([len(selection.date_from), selection.date_from])
    if selection.date_to:
        clauses.append("d.published_date <> '' AND substr(d.published_date, 1, ?) <= ?")
        params.extend([len(selection.date_to), selection.date_to])
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _from(codes: list[ExportedCode], params: list[object]) -> str:
    """The joined tables, with the chosen codes ranked in codebook order."""
    params.append(json.dumps([c.id for c in codes]))
    return (
        "FROM (SELECT CAST(key AS INTEGER) AS rank, value AS code_id FROM json_each(?)) p "
        "JOIN codings c ON c.code_id = p.code_id "
        "JOIN documents d ON d.id = c.document_id "
        "JOIN coders r ON r.id = c.coder_id"
    )


def count(project: Project, selection: Selection) -> SelectionCount:
    params: list[object] = []
    sql = (
        "SELECT count(*), count(DISTINCT c.document_id), count(DISTINCT c.code_id), "
        "count(DISTINCT c.coder_id) "
        + _from(exported_codes(project, selection), params)
        + _where(selection, params)
    )
    return SelectionCount(*project.conn.execute(sql, params).fetchone())


def codings_per_code(project: Project, selection: Selection) -> dict[str, int]:
    params: list[object] = []
    sql = (
        "SELECT c.code_id, count(*) "
        + _from(exported_codes(project, selection), params)
        + _where(selection, params)
        + " GROUP BY c.code_id"
    )
    return dict(project.conn.execute(sql, params).fetchall())


def coder_names(project: Project, selection: Selection) -> list[str]:
    """The coders whose codings the selection holds, by name."""
    params: list[object] = []
    sql = (
        "SELECT DISTINCT r.name "
        + _from(exported_codes(project, selection), params)
        + _where(selection, params)
        + " ORDER BY r.name"
    )
    return [r[0] for r in project.conn.execute(sql, params)]


_ORDER = {
    GroupBy.CODE: 'p.rank, d.published_date, d.title, d.id, c.start, c."end", r.name, c.id',
    GroupBy.DOCUMENT: 'd.published_date, d.title, d.id, c.start, c."end", p.rank, r.name, c.id',
}


def excerpt_rows(
    project: Project,
    selection: Selection,
    group_by: GroupBy = GroupBy.CODE,
    codes: list[ExportedCode] | None = None,
) -> Iterator[ExcerptRow]:
    """Stream the selected codings in export order (pass `codes` if already computed)."""
    codes = exported_codes(project, selection) if codes is None else codes
    params: list[object] = []
    sql = (
        'SELECT c.id, p.rank, c.document_id, c.coder_id, r.name, c.start, c."end", '
        "c.quote, c.memo, c.created_at "
        + _from(codes, params)
        + _where(selection, params)
        + f" ORDER BY {_ORDER[group_by]}"
    )
    sources = _SourceCache(project)
    cursor = project.conn.execute(sql, params)
    while batch := cursor.fetchmany(_FETCH_ROWS):
        for coding_id, rank, document_id, coder_id, coder_name, *rest in batch:
            yield ExcerptRow(
                coding_id,
                codes[rank],
                sources.get(document_id),
                coder_id,
                coder_name,
                *rest,
            )


class _SourceCache:
    """Document details by id, each read (with its paragraph breaks) only once."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._cache: dict[str, SourceDocument] = {}

    def get(self, document_id: str) -> SourceDocument:
        found = self._cache.get(document_id)
        if found is None:
            found = self._cache[document_id] = self._read(document_id)
        return found

    def _read(self, document_id: str) -> SourceDocument:
        row = self._project.conn.execute(
            "SELECT id, title, source_url, publisher, author, published_date, accessed_date, "
            "language, text_sha256, original_sha256, text FROM documents WHERE id = ?",
            (document_id,),
        ).fetchone()
        *details, text = row
        return SourceDocument(*details, paragraphs=Paragraphs.of(text))


def names_of(project: Project, table: str, ids: Iterable[str]) -> list[str]:
    """Names (codes, coders) or titles (documents) of ids, for describing a selection."""
    column = {"codes": "name", "coders": "name", "documents": "title"}[table]
    wanted = list(ids)
    rows = project.conn.execute(
        f"SELECT id, {column} FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(wanted),),
    )
    found = dict(rows.fetchall())
    return [found[i] for i in wanted if i in found]
