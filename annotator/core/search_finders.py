"""How a search finds its documents and the matches inside each: the engines behind
`search.search`.

- The word and trigram indexes (FTS5): matching documents come from the index, and
  FTS5's `highlight()` marks the matches, which `_unmark` turns into code-point spans.
- A scan of the texts with a Python pattern: for regular expressions, exact text, and
  terms too short for trigrams.
Matches are worked out one document (or a few) at a time, when asked for.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from annotator.core import patterns, search_syntax
from annotator.core.search_syntax import SearchSyntaxError

Index = Literal["words", "substrings", "scan"]  # which engine found the hits

# Markers FTS5 puts around matches: noncharacters, which no article contains.
_OPEN, _CLOSE = "\x1d\ufdd0", "\ufdd1\x1d"
# Two hits of the word index separated only by spaces or a hyphen are one passage:
# `facial recognition` unquoted finds the phrase once, not two words side by side.
_JOINABLE_GAP = re.compile(r"[ \t\u00a0\-\u2010\u2011\u2013\u2014]{1,3}")
_DOCUMENT_ORDER = " ORDER BY published_date, title, seq"  # as excerpts are listed


@dataclass(frozen=True)
class Loaded:
    """One document read by a finder, with the code-point spans of its matches."""

    seq: int
    document_id: str
    title: str
    published_date: str
    text: str
    spans: list[tuple[int, int]]


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
    so a first page costs the documents it shows, not all that match.
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
            raise SearchSyntaxError(self.query, 0, str(exc).removeprefix("fts5: ")) from exc
        if not by_relevance:
            rank = _ORDER.rank(self.conn)
            seqs.sort(key=lambda seq: rank.get(seq, -1))
        return seqs

    def load(self, seqs: Sequence[int]) -> list[Loaded]:
        table = self.table
        rows = []
        for seq in seqs:
            rows.extend(
                self.conn.execute(
                    f"SELECT f.rowid, d.id, d.title, d.published_date, d.char_count, "
                    f"highlight({table}, 1, ?, ?) FROM {table} f "
                    f"JOIN documents d ON d.seq = f.rowid WHERE {table} MATCH ? AND f.rowid = ?",
                    [_OPEN, _CLOSE, self.match, seq],
                )
            )
        loaded = []
        for seq, document_id, title, date, length, marked in rows:
            text, spans = _unmark(marked)
            if len(text) != length:  # the text held a marker: find the terms ourselves
                text = self.conn.execute(
                    "SELECT text FROM documents WHERE seq = ?", (seq,)
                ).fetchone()[0]
                spans = spans_of(self.pattern, text)
            elif self.join_words:
                spans = _join_adjacent(text, spans)
            loaded.append(Loaded(seq, document_id, title, date, text, spans))
        return loaded


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
        return [
            Loaded(seq, document_id, title, date, text, spans_of(self.pattern, text))
            for seq, document_id, title, date, text in rows
        ]


def spans_of(pattern: patterns.Pattern, text: str) -> list[tuple[int, int]]:
    """Every non-empty match; PatternError when a regular expression runs too long."""
    return list(patterns.spans(pattern, text))


def _unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The plain text and the code-point spans FTS5 marked in it."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    length = at = 0
    while (opening := marked.find(_OPEN, at)) != -1:
        closing = marked.find(_CLOSE, opening)
        if closing == -1:
            break
        pieces.append(marked[at:opening])
        length += opening - at
        inner = marked[opening + len(_OPEN) : closing]
        spans.append((length, length + len(inner)))
        pieces.append(inner)
        length += len(inner)
        at = closing + len(_CLOSE)
    pieces.append(marked[at:])
    return "".join(pieces), spans


def _join_adjacent(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join hits of different words that stand side by side (`facial recognition`).

    The same word twice in a row (`camera camera`) stays two hits.
    """
    joined: list[tuple[int, int]] = []
    last_word = ""
    for start, end in spans:
        word = text[start:end].casefold()
        if joined and word != last_word and _JOINABLE_GAP.fullmatch(text, joined[-1][1], start):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
        last_word = word
    return joined


def only_documents(document_ids: Iterable[str] | None) -> tuple[str, list[object]]:
    if document_ids is None:
        return "", []
    wanted: list[object] = list(dict.fromkeys(document_ids))
    return f"SELECT seq FROM documents WHERE id IN ({','.join('?' * len(wanted))})", wanted


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
        raise SearchSyntaxError(literal, 0, "there is nothing to search for")
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
