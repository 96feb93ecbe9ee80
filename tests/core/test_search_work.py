"""Search costs its page of hits, not every hit of the document (issue 18, finding 7).

No timings here: the work is counted. FTS5's `highlight()` costs (matches × length)
for each text it marks, so what matters is how long a text it is given at once and how
much text a page makes it mark; and each hit's context is cut only when it is shown.
`tests/benchmarks/bench_dense_search.py` has the timings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import (
    cipher_driver,
    documents,
    search,
    search_finders,
    search_marking,
    search_syntax,
)
from annotator.core.project import Project, create_project
from annotator.core.selection import Selection
from tests.core.test_search import TEXTS

WORD = "abcdefghi"


def _store(project: Project, title: str, text: str) -> str:
    return documents.store_document(project, documents.NewDocument(title=title, text=text)).id


class MarkedTexts:
    """Every text FTS5 marked during a test, by length (wraps `search_marking.unmark`)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.lengths: list[int] = []
        original = search_marking.unmark

        def counting(marked: str) -> tuple[str, list[tuple[int, int]]]:
            plain, spans = original(marked)
            self.lengths.append(len(plain))
            return plain, spans

        monkeypatch.setattr(search_marking, "unmark", counting)


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> MarkedTexts:
    return MarkedTexts(monkeypatch)


@pytest.fixture
def contexts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The start of every hit whose context was cut."""
    cut: list[int] = []
    original = search.context_around

    def counting(text: str, start: int, end: int, width: int = 60) -> tuple[str, str]:
        cut.append(start)
        return original(text, start, end, width)

    monkeypatch.setattr(search, "context_around", counting)
    return cut


MOST_AT_ONCE = search_marking.PIECE + 2 * search_marking.OVERLAP  # one piece and its window


@pytest.mark.parametrize("hits", [20_000, 60_000])
def test_a_page_of_two_hits_marks_one_piece_whatever_the_document_holds(
    project: Project, marked: MarkedTexts, contexts: list[int], hits: int
) -> None:
    _store(project, "dense", " ".join([WORD] * hits))
    results = search.search(project, WORD)
    page = results.next_hits(2)
    assert [(h.start, h.end) for h in page] == [(0, 9), (10, 19)]
    assert results.document_count == 1 and not results.exhausted
    assert sum(marked.lengths) <= MOST_AT_ONCE  # not the document's 200,000+ characters
    assert len(contexts) == 2  # the context of the two hits shown, not of every hit


@pytest.mark.parametrize("mode", ["exact", "regex"])
def test_a_page_of_a_scan_cuts_context_only_for_its_hits(
    project: Project, contexts: list[int], mode: search.Mode
) -> None:
    _store(project, "dense", " ".join([WORD] * 20_000))
    page = search.search(project, WORD, mode=mode).next_hits(3)
    assert [h.start for h in page] == [0, 10, 20]
    assert len(contexts) == 3


def test_every_hit_of_a_long_document_is_found_once_with_bounded_marking(
    project: Project, marked: MarkedTexts
) -> None:
    words = [WORD if n % 3 else "filler" for n in range(30_000)]
    text = " ".join(words)
    _store(project, "long", text)
    hits = search.search(project, WORD).all_hits()
    assert [(h.start, h.end) for h in hits] == [m.span() for m in re.finditer(WORD, text)]
    assert max(marked.lengths) <= MOST_AT_ONCE  # no call is given the whole document
    assert sum(marked.lengths) <= 1.5 * len(text)  # each piece once, plus its overlap


def test_cjk_in_a_long_document_is_marked_piece_by_piece(
    project: Project, marked: MarkedTexts
) -> None:
    text = "记者说监控摄像头无处不在。" * 8_000
    _store(project, "long cjk", text)
    results = search.search(project, "摄像头")
    assert results.index == "substrings"
    hits = results.all_hits()
    assert [h.start for h in hits] == [m.start() for m in re.finditer("摄像头", text)]
    assert max(marked.lengths) <= MOST_AT_ONCE


@pytest.fixture
def tiny_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document marked piece by piece, in pieces of a few words."""
    monkeypatch.setattr(search_marking, "WHOLE_LIMIT", 0)
    monkeypatch.setattr(search_marking, "PIECE", 7)
    monkeypatch.setattr(search_marking, "OVERLAP", 5)


QUERIES = [
    "police",
    '"facial recognition"',
    "facial recognition",
    "recogn*",
    '"facial recog"*',
    "police NOT spyware",
    "(thermal OR licence) police",
    "licence-plate",
    "cafe",
    "天眼视觉",
    "监控摄像头",
    "كاميرات",
    "recognit",
    "👁️",
    "'",
]


def _everything(project: Project) -> list[tuple[str, int, int, str, str, str]]:
    return [
        (h.document_title, h.start, h.end, h.text, h.before, h.after)
        for query in QUERIES
        for h in search.find_all(project, query)
    ]


def test_marking_piece_by_piece_finds_what_marking_whole_texts_finds(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    for title, (date, text) in TEXTS.items():
        documents.store_document(
            project,
            documents.NewDocument(title=title, text=text, provenance={"published_date": date}),
        )
    whole = _everything(project)
    monkeypatch.setattr(search_marking, "WHOLE_LIMIT", 0)
    monkeypatch.setattr(search_marking, "PIECE", 7)
    monkeypatch.setattr(search_marking, "OVERLAP", 5)
    assert _everything(project) == whole
    assert len(whole) > 20


def test_a_phrase_across_the_cut_between_two_pieces_is_found_once(
    project: Project, tiny_pieces: None
) -> None:
    text = "police " * 3 + "facial   recognition " + "camera " * 3
    _store(project, "cut", text)
    [hit] = search.find_all(project, '"facial recognition"')
    assert hit.text == "facial   recognition"


def test_overlapping_trigram_matches_are_found_as_in_a_short_text(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FTS5's highlight() repeats text where trigram matches overlap: found as substrings
    _store(project, "run", "視 " * 20 + "監" * 40 + " y")
    whole = [(h.start, h.end) for h in search.find_all(project, "監監監")]
    assert whole == [(n, n + 3) for n in range(40, 79, 3)]
    monkeypatch.setattr(search_marking, "WHOLE_LIMIT", 0)
    monkeypatch.setattr(search_marking, "PIECE", 7)
    monkeypatch.setattr(search_marking, "OVERLAP", 5)
    assert [(h.start, h.end) for h in search.find_all(project, "監監監")] == whole


def test_the_scratch_tokenizers_are_the_indexes_own(project: Project) -> None:
    for table, tokenizer in search_marking.TOKENIZERS.items():
        (sql,) = project.conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
        assert f"tokenize = '{tokenizer}'" in sql


@pytest.mark.skipif(not cipher_driver.available(), reason="no SQLCipher on this platform")
def test_a_long_document_of_an_encrypted_project_is_searched_in_memory(tmp_path: Path) -> None:
    with create_project(tmp_path / "secret.annotator", passphrase="correct horse") as project:
        _store(project, "long", " ".join([WORD] * 20_000))
        page = search.search(project, WORD).next_hits(2)
        assert [h.start for h in page] == [0, 10]


def test_the_pieces_of_a_text_cover_it_and_never_split_a_word(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_marking, "PIECE", 10)
    finder = search_finders.FtsFinder(project.conn, "x", "documents_fts", search_syntax.parse("x"))
    text = "Überwachung, der Kameras; 監視 café-au-lait" * 3
    pieces: Iterator[tuple[int, int, int]] = finder.pieces._pieces(text)
    ends = []
    at = 0
    for start, end, window_end in pieces:
        assert start == at and end <= window_end
        assert end == len(text) or not text[end].isalnum()
        ends.append(end)
        at = end
    assert ends[-1] == len(text) and len(ends) > 3


WORDS = ["camera", "Caméra", "police", "face", "recognition", "人脸识别", "監視", "-", ",", "\n"]
QUERY_SHAPES = ["{a}", '"{a} {b}"', "{a} {b}", "{a} OR {b}", "{a}*", "{a} NOT {b}"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=60),
    shape=st.sampled_from(QUERY_SHAPES),
    a=st.sampled_from(WORDS[:6]),
    b=st.sampled_from(WORDS[:6]),
)
def test_pieces_and_whole_texts_agree_on_any_text(
    project: Project, words: list[str], shape: str, a: str, b: str
) -> None:
    text = " ".join(words)
    document = _store(project, "any", text)
    query = shape.format(a=a, b=b)

    def hits() -> list[tuple[int, int]]:
        found = search.find_all(project, query, within=Selection(document_ids=[document]))
        return [(h.start, h.end) for h in found]

    whole = hits()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_marking, "WHOLE_LIMIT", 0)
        patch.setattr(search_marking, "PIECE", 7)
        patch.setattr(search_marking, "OVERLAP", 5)
        assert hits() == whole
