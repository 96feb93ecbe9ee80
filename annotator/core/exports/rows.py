"""The selected codings, streamed in the order an export writes them.

Grouped by code: codebook order, then documents by published date and title, then
text order. Grouped by document: documents in that order, then text order, then
codebook order. Codings are read one code (or one document) at a time through the
codings indexes and sorted in Python, so even a 200,000-row export never sorts or
holds the whole table at once; document details, coder names and paragraph breaks
are read once per export and shared by every row that needs them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from annotator.core import value_types
from annotator.core.exports.selection import ExportedCode, GroupBy, exported_codes
from annotator.core.ids import CodeId, CoderId, CodingId, DocumentId
from annotator.core.positions import Paragraphs
from annotator.core.project import Project
from annotator.core.selection import Selection, coding_where, document_where

# (id, code_id, document_id, coder_id, start, end, quote, memo, created_at)
RawCoding = tuple[CodingId, CodeId, DocumentId, CoderId, int, int, str, str, str]
_CODING_COLUMNS = (
    'c.id, c.code_id, c.document_id, c.coder_id, c.start, c."end", c.quote, c.memo, c.created_at'
)
_DOCUMENT_COLUMNS = (
    "d.id, d.title, d.source_url, d.publisher, d.author, d.published_date, d.accessed_date, "
    "d.language, d.text_sha256, d.original_sha256"
)


@dataclass(frozen=True)
class SourceDocument:
    """A document's citation details and paragraph breaks, read once per export."""

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
    def paragraph_label(self) -> str:
        return self.document.paragraphs.span_label(self.start, self.end)


class ExportContext:
    """One export's view of the project: the chosen codes, documents and coders."""

    def __init__(self, project: Project, selection: Selection) -> None:
        self.project = project
        self.selection = selection
        self.codes = exported_codes(project, selection)
        self.code_rank = {c.id: n for n, c in enumerate(self.codes)}
        coder_rows = project.conn.execute("SELECT id, name FROM coders").fetchall()
        value_types.require_text(project.path, "coders", ("id", "name"), coder_rows)
        self.coder_names: dict[str, str] = dict(coder_rows)
        where = document_where(selection)
        rows = project.conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents d{where.sql()} "
            "ORDER BY d.published_date, d.title, d.id",
            where.params,
        ).fetchall()
        # a BLOB title is refused by name here, not a TypeError in a writer (issue 18)
        columns = [c.removeprefix("d.") for c in _DOCUMENT_COLUMNS.split(", ")]
        value_types.require_text(project.path, "documents", columns, rows)
        self._details = {r[0]: r for r in rows}
        self.document_order = {r[0]: n for n, r in enumerate(rows)}
        self._sources: dict[str, SourceDocument] = {}

    def source(self, document_id: DocumentId) -> SourceDocument:
        found = self._sources.get(document_id)
        if found is None:
            (text,) = self.project.conn.execute(
                "SELECT text FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
            details = self._details[document_id]  # the fields before `paragraphs`, in order
            found = SourceDocument(*details, paragraphs=Paragraphs.of(text))  # type: ignore[misc]
            self._sources[document_id] = found
        return found

    def codings(self, group_by: GroupBy = GroupBy.CODE) -> Iterator[RawCoding]:
        """The selected codings as plain tuples, in export order."""
        if group_by is GroupBy.CODE:
            keys, column, sort_key = [c.id for c in self.codes], "code_id", self._by_document
            # each code's codings of the selected documents, through the codings' index
            where = coding_where(self.project, self.selection, codes=False)
        else:
            keys, column, sort_key = list(self.document_order), "document_id", self._by_code
            where = coding_where(self.project, self.selection, codes=False, documents="left out")
        sql = f"SELECT {_CODING_COLUMNS} FROM codings c WHERE c.{column} = ?{where.sql('AND')}"
        rank = self.code_rank
        # of codes left out (grouped by document: its keys are every selected document)
        check = group_by is GroupBy.DOCUMENT and self.selection.code_ids is not None
        for key in keys:
            batch = self.project.conn.execute(sql, [key, *where.params]).fetchall()
            if check:
                batch = [r for r in batch if r[1] in rank]
            batch.sort(key=sort_key)
            yield from batch

    def _by_document(self, row: RawCoding) -> tuple[object, ...]:
        return (self.document_order[row[2]], row[4], row[5], self.coder_names[row[3]], row[0])

    def _by_code(self, row: RawCoding) -> tuple[object, ...]:
        return (row[4], row[5], self.code_rank[row[1]], self.coder_names[row[3]], row[0])

    def rows(self, group_by: GroupBy = GroupBy.CODE) -> Iterator[ExcerptRow]:
        codes, source, names = self.codes, self.source, self.coder_names
        for row in self.codings(group_by):
            coding_id, code_id, document_id, coder_id, start, end, quote, memo, created_at = row
            yield ExcerptRow(
                coding_id,
                codes[self.code_rank[code_id]],
                source(document_id),
                coder_id,
                names[coder_id],
                start,
                end,
                quote,
                memo,
                created_at,
            )
