"""How a search finds its documents and the matches inside each: the engines behind
`search.search`.

- The word and trigram indexes (FTS5): matching documents come from the index, and
  `search_marking` marks the matches inside each one.
- A scan of the texts with a pattern (`patterns`, with its time limit): for regular
  expressions, exact text, and terms too short for trigrams.
Documents are read a few at a time, and the matches inside each are found only as far
as they are asked for: a page of hits costs a page, however many the document holds.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from annotator.core import patterns, search_marking, search_syntax
from annotator.core.ids import DocumentId
from annotator.core.search_marking import CLOSE, OPEN, PieceMarker
from annotator.core.search_syntax import SearchProblem, SearchSyntaxError
from annotator.core.selection import Selection, document_where

Index = Literal["words", "substrings", "scan"]  # which engine found the hits
Spans = Iterator[tuple[int, int]]

# Two hits of the word index separated only by spaces or a hyphen are one passage:
# `facial recognition` unquoted finds the phrase once, not two words side by side.
_JOINABLE_GAP = re.compile(r"[ \t\u00a0\-\u2010\u2011\u2013\u2014]{1,3}")
_DOCUMENT_ORDER = " ORDER BY published_date, title, seq"  # as excerpts are listed


@dataclass(frozen=True)
class Loaded:
    """One document read by a finder; `spans` finds its matches as they are taken."""

    seq: int
    document_id: DocumentId
    title: str
    published_date: str
    text: str
    spans: Spans


class _DocumentOrder:
    """Every document's place in date order, kept until the project changes.

    Sorting the matches of a common word by date would read all their rows each time
    (tens of milliseconds in a big project); this reads them once per change. Any
    write on this connection (`total_changes`) or by another one (`data_version`)
    makes it stale.
    """

    def __init__(self) -> None:
        # The connection itself is kept (not its id, which a later one could reuse).
        self._conn: sqlite3.Connection | None = None
        self._key: tuple[int, int] | None = None
        self._rank: dict[int, int] = {}

    def rank(self, conn: sqlite3.Connection) -> dict[int, int]:
        key = (conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
        if conn is not self._conn or key != self._key:
            rows = conn.execute(f"SELECT seq FROM documents{_DOCUMENT_ORDER}")
            self._rank = {row[0]: place for place, row in enumerate(rows)}
            self._conn, self._key = conn, key
        return self._rank


_ORDER = _DocumentOrder()


class Finder:
    """One way of finding hits: which documents match, and where inside each."""

    per_load = 8  # documents read at once

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def document_seqs(self, only: str, only_params: list[object], by_relevance: bool) -> list[int]:
        raise NotImplementedError

    def load(self, seqs: Sequence[int]) -> list[Loaded]:
        raise NotImplementedError


class FtsFinder(Finder):
    """The word or trigram index: FTS5 finds the documents and marks the matches.

    Documents are marked one at a time (`rowid = ?` lets FTS5 seek straight to one),
    so a first page costs the documents it shows, not all that match; a long document
    is marked piece by piece (`search_marking`), as far as its hits are taken.
    """

    per_load = 1

    def __init__(
        self, conn: sqlite3.Connection, query: str, table: str, node: search_syntax.Node
    ) -> None:
        super().__init__(conn)
        self.query = query
        self.table = table
        # the trigram index finds every term inside words already: no prefixes there
        expression = search_syntax.to_fts(node, prefixes=table == "documents_fts")
        self.match = f"text : ({expression})"
        self.pattern = search_syntax.substring_pattern(node)  # for a text holding a marker
        self.pieces = PieceMarker(conn, table, node)
        # hits of several words side by side are one passage (see _join_adjacent)
        self.join_words = (
            table == "documents_fts"
            and len({t.text.casefold() for t in search_syntax.terms(node, positive_only=True)}) > 1
        )

    def document_seqs(self, only: str, only_params: list[object], by_relevance: bool) -> list[int]:
        table = self.table
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
        if only:
            sql += f" AND rowid IN ({only})"
        if by_relevance:  # bm25 over every matching document: slower in a big project
            sql += " ORDER BY rank"
        try:
            seqs = [r[0] for r in self.conn.execute(sql, [self.match, *only_params])]
        except sqlite3.OperationalError as exc:
            if not str(exc).startswith("fts5:"):
                raise
            # a query our translation let through: still a message, never a crash
            raise SearchSyntaxError(
                self.query,
                0,
                SearchProblem.REFUSED_BY_INDEX,
                detail=str(exc).removeprefix("fts5: "),
            ) from exc
        if not by_relevance:
            rank = _ORDER.rank(self.conn)
            seqs.sort(key=lambda seq: rank.get(seq, -1))
        return seqs

    def load(self, seqs: Sequence[int]) -> list[Loaded]:
        table = self.table
        loaded = []
        for seq in seqs:
            # highlight() only for a text short enough to mark whole (CASE is lazy)
            row = self.conn.execute(
                f"SELECT d.id, d.title, d.published_date, d.char_count, "
                f"CASE WHEN d.char_count <= ? THEN highlight({table}, 1, ?, ?) END "
                f"FROM {table} f JOIN documents d ON d.seq = f.rowid "
                f"WHERE {table} MATCH ? AND f.rowid = ?",
                [search_marking.WHOLE_LIMIT, OPEN, CLOSE, self.match, seq],
            ).fetchone()
            if row is None:  # deleted since the search started
                continue
            document_id, title, date, length, marked = row
            text, spans = self._spans(seq, length, marked)
            if self.join_words:
                spans = _join_adjacent(text, spans)
            loaded.append(Loaded(seq, document_id, title, date, text, spans))
        return loaded

    def _spans(self, seq: int, length: int, marked: str | None) -> tuple[str, Spans]:
        if marked is None:  # a long text: marked piece by piece, as far as hits are taken
            text = self._text(seq)
            return text, self.pieces.spans(text)
        text, spans = search_marking.unmark(marked)
        if len(text) != length:  # the text held a marker: find the terms ourselves
            text = self._text(seq)
            return text, patterns.spans(self.pattern, text)
        return text, iter(spans)

    def _text(self, seq: int) -> str:
        row = self.conn.execute("SELECT text FROM documents WHERE seq = ?", (seq,)).fetchone()
        return row[0] if row else ""


class ScanFinder(Finder):
    """Reads the texts: for regular expressions and terms too short for trigrams."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        condition: str,
        params: list[object],
        pattern: patterns.Pattern,
    ) -> None:
        super().__init__(conn)
        self.condition = condition
        self.params = params
        self.pattern = pattern

    def document_seqs(self, only: str, only_params: list[object], by_relevance: bool) -> list[int]:
        sql = f"SELECT seq FROM documents WHERE {self.condition}"
        if only:
            sql += f" AND seq IN ({only})"
        sql += _DOCUMENT_ORDER
        return [r[0] for r in self.conn.execute(sql, [*self.params, *only_params])]

    def load(self, seqs: Sequence[int]) -> list[Loaded]:
        rows = self.conn.execute(
            "SELECT seq, id, title, published_date, text FROM documents "
            f"WHERE seq IN ({','.join('?' * len(seqs))})",
            list(seqs),
        )
        by_seq = {
            seq: Loaded(seq, document_id, title, date, text, patterns.spans(self.pattern, text))
            for seq, document_id, title, date, text in rows
        }
        return [by_seq[seq] for seq in seqs if seq in by_seq]


def _join_adjacent(text: str, spans: Spans) -> Spans:
    """Join hits of different words that stand side by side (`facial recognition`).

    The same word twice in a row (`camera camera`) stays two hits.
    """
    joined: tuple[int, int] | None = None
    last_word = ""
    for start, end in spans:
        word = text[start:end].casefold()
        if (
            joined is not None
            and word != last_word
            and _JOINABLE_GAP.fullmatch(text, joined[1], start)
        ):
            joined = (joined[0], end)
        else:
            if joined is not None:
                yield joined
            joined = (start, end)
        last_word = word
    if joined is not None:
        yield joined


def only_documents(within: Selection | None) -> tuple[str, list[object]]:
    """A query for the `seq` of the documents a search looks in ("" for every document)."""
    if within is None or not within.narrows_documents:
        return "", []
    where = document_where(within.documents_only())
    return f"SELECT d.seq FROM documents d{where.sql()}", list(where.params)


def words_finder(
    conn: sqlite3.Connection, query: str, node: search_syntax.Node
) -> tuple[Index, Finder]:
    if not search_syntax.needs_substrings(node):
        return "words", FtsFinder(conn, query, "documents_fts", node)
    if search_syntax.trigram_ready(node):
        return "substrings", trigram_finder(conn, query, node)
    params: list[object] = []
    condition = search_syntax.to_sql(node, "text", params)
    return "scan", ScanFinder(conn, condition, params, search_syntax.substring_pattern(node))


def trigram_finder(conn: sqlite3.Connection, query: str, node: search_syntax.Node) -> Finder:
    return FtsFinder(conn, query, "documents_trigram", node)


def literal_finder(
    conn: sqlite3.Connection, literal: str, case_sensitive: bool
) -> tuple[Finder, bool]:
    if not literal:
        raise SearchSyntaxError(literal, 0, SearchProblem.NOTHING)
    pattern = patterns.literal_pattern(literal, ignore_case=not case_sensitive)
    if len(literal) >= search_syntax.TRIGRAM_MIN:
        # The trigram index narrows the candidates (ignoring case); the pattern decides.
        condition = "seq IN (SELECT rowid FROM documents_trigram WHERE documents_trigram MATCH ?)"
        params: list[object] = ['text : "' + literal.replace('"', '""') + '"']
        return ScanFinder(conn, condition, params, pattern), not case_sensitive
    if case_sensitive:
        return ScanFinder(conn, "instr(text, ?) > 0", [literal], pattern), True
    if literal.isascii():  # LIKE ignores the case of ASCII letters only
        like = literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return ScanFinder(conn, "text LIKE ? ESCAPE '\\'", [f"%{like}%"], pattern), True
    return ScanFinder(conn, "1", [], pattern), False
