"""Full-text search over every document: each occurrence, its place and its context.

Three modes:
- `words` (the default): the syntax of `search_syntax` on the FTS5 word index
  (case and accents ignored, `cafe` finds `café`). A term in a script written without
  spaces (Chinese, Japanese, Thai, ...) or made only of punctuation goes to the trigram
  index, which finds it inside a sentence; so does a query the word index finds
  nowhere when every term has three characters or more (an Arabic word with its
  article attached: `كاميرات` in `والكاميرات`). Shorter terms of that kind are found by
  scanning the texts.
- `exact`: a literal string, spaces and punctuation included.
- `regex`: a Python regular expression.

Documents come in date order (or by relevance, on request) and their hits are
worked out only when asked for, so the first screenful costs the same in a project of
ten or ten thousand documents, and in a document of ten or a million matches; only the
hits shown get their context. Regular expressions run with a time limit (`patterns`).
Hits are code-point offsets into `documents.text`.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Literal

from annotator.core import patterns, search_syntax
from annotator.core.excerpts import context_around
from annotator.core.ids import DocumentId
from annotator.core.project import Project
from annotator.core.search_finders import (
    Finder,
    Index,
    Loaded,
    ScanFinder,
    literal_finder,
    only_documents,
    trigram_finder,
    words_finder,
)
from annotator.core.search_syntax import SearchProblem, SearchSyntaxError
from annotator.core.selection import Selection

Mode = Literal["words", "exact", "regex"]


@dataclass(frozen=True)
class Hit:
    """One occurrence: `text` is `documents.text[start:end]`; `before`/`after` its context."""

    document_id: DocumentId
    document_title: str
    published_date: str
    start: int
    end: int
    text: str
    before: str
    after: str


class SearchResults:
    """The hits of one search, worked out document by document as they are asked for.

    `document_count` is the number of matching documents, or None while a regular
    expression or a case-sensitive literal has not yet been run over every candidate.
    Matches inside a document are found only as far as the hits taken (and one more, so
    `exhausted` can tell when the last one was taken); each hit's context is cut when
    the hit is taken.
    """

    def __init__(
        self,
        query: str,
        mode: Mode,
        index: Index,
        finder: Finder,
        seqs: list[int],
        *,
        exact_count: bool,
    ) -> None:
        self.query = query
        self.mode = mode
        self.index = index
        self._finder = finder
        self._seqs = seqs
        self._next = 0  # the next document of `seqs` to read
        self._waiting: deque[Loaded] = deque()  # read, not yet looked into
        self._current: Loaded | None = None  # the document whose hits are being taken
        self._ahead: tuple[int, int] | None = None  # its next hit, found but not taken
        self._documents_with_hits = 0
        self.document_count: int | None = len(seqs) if exact_count else None
        self.stopped: patterns.PatternError | None = None  # a pattern that ran too long

    @property
    def exhausted(self) -> bool:
        if self.stopped is not None:
            return False  # the next call says why the hits end here
        return self._ahead is None and not self._waiting and self._next >= len(self._seqs)

    def next_hits(self, limit: int) -> list[Hit]:
        """Up to `limit` more hits, in document order then text order.

        A regular expression that runs past its time limit raises PatternError, at once
        if no hit was found before it, else on the next call (`stopped` holds it).
        """
        if self.stopped is not None:
            raise self.stopped
        taken: list[Hit] = []
        try:
            while len(taken) < limit and self._find_next():
                assert self._current is not None and self._ahead is not None
                taken.append(_hit(self._current, *self._ahead))
                self._ahead = None
            if self._current is not None and self._ahead is None:  # one more, in this document
                self._ahead = next(self._current.spans, None)
                if self._ahead is None:
                    self._current = None
        except patterns.PatternError as exc:
            self.stopped = exc
            if not taken:
                raise
        if self.document_count is None and self.exhausted:
            self.document_count = self._documents_with_hits
        return taken

    def all_hits(self) -> list[Hit]:
        found: list[Hit] = []
        while not self.exhausted:
            found.extend(self.next_hits(1000))
        return found

    def _find_next(self) -> bool:
        """Find the next hit, reading documents as needed; False when there is none."""
        while self._ahead is None:
            if self._current is None:
                if not self._waiting and not self._read_more():
                    return False
                self._current = self._waiting.popleft()
                self._ahead = next(self._current.spans, None)
                self._documents_with_hits += self._ahead is not None
            else:
                self._ahead = next(self._current.spans, None)
            if self._ahead is None:
                self._current = None
        return True

    def _read_more(self) -> bool:
        if self._next >= len(self._seqs):
            return False
        chunk = self._seqs[self._next : self._next + self._finder.per_load]
        self._next += len(chunk)
        self._waiting.extend(self._finder.load(chunk))
        return True


def _hit(document: Loaded, start: int, end: int) -> Hit:
    text = document.text
    before, after = context_around(text, start, end)
    return Hit(
        DocumentId(document.document_id),
        document.title,
        document.published_date,
        start,
        end,
        text[start:end],
        before,
        after,
    )


def search(
    project: Project,
    query: str,
    *,
    mode: Mode = "words",
    case_sensitive: bool = False,
    within: Selection | None = None,
    by_relevance: bool = False,
) -> SearchResults:
    """Start a search; raises SearchSyntaxError for a query that cannot run as typed.

    `within` limits it to the documents a selection keeps (None: all of them); its
    criteria on codings do not apply, as a search looks in the text. Documents come in
    date order, as excerpts do; `by_relevance` ranks them by FTS5's bm25 instead
    (words mode only).
    """
    only, only_params = only_documents(within)
    conn = project.conn
    if mode == "words":
        node = search_syntax.parse(query)
        index, finder = words_finder(conn, query, node)
        seqs = finder.document_seqs(only, only_params, by_relevance)
        if not seqs and index == "words" and search_syntax.trigram_ready(node):
            index, finder = "substrings", trigram_finder(conn, query, node)
            seqs = finder.document_seqs(only, only_params, by_relevance)
        return SearchResults(query, mode, index, finder, seqs, exact_count=True)
    if mode == "exact":
        finder, exact_count = literal_finder(conn, query, case_sensitive)
        seqs = finder.document_seqs(only, only_params, by_relevance)
        return SearchResults(query, mode, "scan", finder, seqs, exact_count=exact_count)
    if mode == "regex":
        finder = ScanFinder(conn, "1", [], compile_regex(query, case_sensitive=case_sensitive))
        seqs = finder.document_seqs(only, only_params, by_relevance)
        return SearchResults(query, mode, "scan", finder, seqs, exact_count=False)
    raise ValueError(f"unknown search mode {mode!r}")


def find_all(project: Project, query: str, **options: object) -> list[Hit]:
    """Every hit of a search (for scripts and auto-coding; the GUI pages instead)."""
    return search(project, query, **options).all_hits()  # type: ignore[arg-type]


def compile_regex(expression: str, *, case_sensitive: bool = False) -> patterns.Pattern:
    """A regular expression, or a SearchSyntaxError saying where it is broken."""
    if not expression:
        raise SearchSyntaxError(expression, 0, SearchProblem.NOTHING)
    try:
        return patterns.compile_pattern(expression, ignore_case=not case_sensitive, multiline=True)
    except patterns.PatternError as exc:
        raise SearchSyntaxError(
            expression, exc.position, SearchProblem.INVALID_PATTERN, detail=exc.detail
        ) from None


def find_in_text(
    text: str,
    query: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    whole_words: bool = False,
) -> list[tuple[int, int]]:
    """Every match of a literal or regular expression in one text (the find bar).

    Raises PatternError when a regular expression runs past its time limit.
    """
    if not regex and not query:
        return []
    expression = query if regex else patterns.escape(query)
    if whole_words:
        expression = rf"(?<!\w)(?:{expression})(?!\w)"
    return list(patterns.spans(compile_regex(expression, case_sensitive=case_sensitive), text))
