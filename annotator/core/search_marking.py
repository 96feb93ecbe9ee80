"""Where the matches of a word or trigram search lie inside one document.

FTS5's `highlight()` marks every match of a query in a text, with the index's own
tokenizer, so the spans agree with what the index found. But it rebuilds its whole
output string for each match it marks: its cost grows with (matches × length), and a
long document full of matches took minutes (issue 18). So:
- a text up to `WHOLE_LIMIT` code points is marked at once, from the index itself;
- a longer one is marked a piece at a time (`PIECE` code points, cut where no word
  can be split), in a scratch FTS5 table in memory with the same tokenizer, only as
  far as the hits asked for. The pieces overlap by `OVERLAP` so a phrase across a cut
  is still found; the index has already decided that the document matches, so each
  piece looks for any of the query's wanted terms.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import regex

from annotator.core import cipher_driver, patterns, search_syntax

# Markers FTS5 puts around matches: noncharacters, which no article contains.
OPEN, CLOSE = "\x1d\ufdd0", "\ufdd1\x1d"
# The tokenizers of schema_v1.sql's two indexes (a test checks they are the same).
TOKENIZERS = {
    "documents_fts": "unicode61 remove_diacritics 2",
    "documents_trigram": "trigram",
}
WHOLE_LIMIT = 65_536  # marked at once: at worst ~10 ms, even with a match every word
PIECE = 16_384
OVERLAP = 2_048  # more than any phrase a researcher types
# Where a piece may end for the word index: any character its unicode61 tokenizer
# treats as a separator (not a letter, number, mark or private-use character).
_SEPARATOR = regex.compile(r"[^\p{L}\p{N}\p{M}\p{Co}]")


def unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The plain text and the code-point spans FTS5 marked in it."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    length = at = 0
    while (opening := marked.find(OPEN, at)) != -1:
        closing = marked.find(CLOSE, opening)
        if closing == -1:
            break
        pieces.append(marked[at:opening])
        length += opening - at
        inner = marked[opening + len(OPEN) : closing]
        spans.append((length, length + len(inner)))
        pieces.append(inner)
        length += len(inner)
        at = closing + len(CLOSE)
    pieces.append(marked[at:])
    return "".join(pieces), spans


class PieceMarker:
    """Marks the matches of a long text piece by piece, in a scratch table in memory.

    The scratch connection uses the same SQLite as the project's (SQLCipher's for an
    encrypted project), so the tokenizer is the one that built the index; the text
    never leaves memory.
    """

    def __init__(self, conn: sqlite3.Connection, table: str, node: search_syntax.Node) -> None:
        self._encrypted = cipher_driver.is_encrypted(conn)
        self._db: sqlite3.Connection | None = None
        self._tokenizer = TOKENIZERS[table]
        self._split_words = table == "documents_fts"
        wanted = search_syntax.terms(node, positive_only=True)
        any_term = wanted[0] if len(wanted) == 1 else search_syntax.AnyOf(tuple(wanted))
        self._match = search_syntax.to_fts(any_term, prefixes=self._split_words)
        self._overlap = max(OVERLAP, 4 * max(len(t.text) for t in wanted))
        # for a piece FTS5 cannot mark (see `_marked`)
        self._fallback = patterns.any_of([t.text for t in wanted])

    def _scratch(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = cipher_driver.connect(":memory:", "" if self._encrypted else None)
            self._db.execute(
                f"CREATE VIRTUAL TABLE piece USING fts5(text, tokenize = '{self._tokenizer}')"
            )
        return self._db

    def _marked(self, piece: str) -> list[tuple[int, int]] | None:
        """The matches in one piece, or None where FTS5 cannot mark it faithfully."""
        db = self._scratch()
        with db:
            db.execute("DELETE FROM piece")
            db.execute("INSERT INTO piece (rowid, text) VALUES (1, ?)", (piece,))
        row = db.execute(
            "SELECT highlight(piece, 0, ?, ?) FROM piece WHERE piece MATCH ?",
            (OPEN, CLOSE, self._match),
        ).fetchone()
        if row is None:
            return []
        plain, found = unmark(row[0])
        # The text held a marker, or trigram matches overlapped (`aaa` in `aaaa`), which
        # FTS5's highlight() marks by repeating text: not a faithful copy.
        return found if len(plain) == len(piece) else None

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """The matches in `text`, in order, marked only as far as they are taken.

        Where FTS5 cannot mark a piece, the rest of the text is searched for the wanted
        terms as substrings, as for a short text (`FtsFinder`).
        """
        pending: tuple[int, int] | None = None
        for start, end, window_end in self._pieces(text):
            found = self._marked(text[start:window_end])
            if found is None:
                resume = start if pending is None else max(start, pending[1])
                if pending is not None:
                    yield pending
                yield from patterns.spans(self._fallback, text, resume)
                return
            for first, last in found:
                if first >= end - start:  # the next piece finds it
                    break
                span = (start + first, start + last)
                if pending is not None and span[0] < pending[1]:  # seen in the overlap
                    pending = (pending[0], max(pending[1], span[1]))
                    continue
                if pending is not None:
                    yield pending
                pending = span
        if pending is not None:
            yield pending

    def _pieces(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, window end) of each piece; the window runs into the next one."""
        start = 0
        while start < len(text):
            end = self._cut(text, start + PIECE)
            yield start, end, self._cut(text, end + self._overlap)
            start = end

    def _cut(self, text: str, at: int) -> int:
        """A place at or after `at` where a piece can end without splitting a word."""
        if at >= len(text):
            return len(text)
        if not self._split_words:  # trigrams: any place; the overlap finds what crosses it
            return at
        separator = _SEPARATOR.search(text, at)
        return separator.start() if separator else len(text)
