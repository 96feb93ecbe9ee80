"""Auto-coding: sentence and paragraph widening, the preview, one transaction, one undo."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import autocode, codebook, coders, coding, documents, errors, events
from annotator.core.project import Project
from annotator.core.search_syntax import SearchSyntaxError

BORDER = (
    "Sensors along the border\n\n"
    "Thermal cameras watch the fence at night. Mr. Petrauskas said the thermal feed "
    "goes to a control room. Nobody answered our questions!\n\n"
    "A second paragraph mentions thermal imaging once."
)
MIXED = (
    "هل تراقب الكاميرات الحرارية الحدود؟ نعم، كل ليلة.\n\n"
    "热成像摄像头在夜间监视围栏。控制室接收画面！\n\n"
    "“Who watches the thermal screens?” asked a guard. Nobody knew."
)


@pytest.fixture
def docs(project: Project) -> dict[str, documents.Document]:
    return {
        name: documents.store_document(project, documents.NewDocument(title=name, text=text))
        for name, text in (("border", BORDER), ("mixed", MIXED))
    }


def around(text: str, word: str, scope: autocode.Scope, occurrence: int = 0) -> str:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    first, last = autocode.widen(text, start, start + len(word), scope)
    return text[first:last]


@pytest.mark.parametrize(
    ("text", "word", "occurrence", "sentence"),
    [
        (BORDER, "Thermal", 0, "Thermal cameras watch the fence at night."),
        (
            BORDER,
            "thermal",
            0,
            "Mr. Petrauskas said the thermal feed goes to a control room.",
        ),
        (BORDER, "Nobody", 0, "Nobody answered our questions!"),
        (BORDER, "border", 0, "Sensors along the border"),  # a headline has no full stop
        (MIXED, "الحرارية", 0, "هل تراقب الكاميرات الحرارية الحدود؟"),
        (MIXED, "控制室", 0, "控制室接收画面！"),
        (MIXED, "热成像", 0, "热成像摄像头在夜间监视围栏。"),
        (MIXED, "thermal", 0, "“Who watches the thermal screens?”"),
    ],
)
def test_sentence_around_a_match(text: str, word: str, occurrence: int, sentence: str) -> None:
    assert around(text, word, "sentence", occurrence) == sentence


def test_a_match_across_sentences_widens_to_all_of_them() -> None:
    start = BORDER.index("night.")
    end = BORDER.index("Petrauskas") + len("Petrauskas")
    first, last = autocode.sentence_bounds(BORDER, start, end)
    assert BORDER[first:last].startswith("Thermal cameras")
    assert BORDER[first:last].endswith("control room.")


def test_paragraph_around_a_match() -> None:
    assert around(BORDER, "Nobody", "paragraph") == BORDER.split("\n\n")[1]
    assert around(BORDER, "imaging", "paragraph") == BORDER.split("\n\n")[2]
    assert around(BORDER, "thermal", "match") == "thermal"


def test_preview_lists_every_match_with_its_context(
    project: Project, coder: coders.Coder, docs: dict[str, documents.Document]
) -> None:
    code = codebook.find_code(project, "Electronic border monitoring").id
    passages = autocode.preview(project, code, "thermal", coder.id)
    assert [(p.document_title, p.text) for p in passages] == [
        ("border", "Thermal"),
        ("border", "thermal"),
        ("border", "thermal"),
        ("mixed", "thermal"),
    ]
    second = passages[1]
    assert second.before.endswith("at night. Mr. Petrauskas said the ")
    assert second.after.startswith(" feed goes to a control room.")
    assert BORDER[second.start : second.end] == "thermal"
    assert not any(p.already_coded for p in passages)


def test_sentence_scope_proposes_each_sentence_once(
    project: Project, coder: coders.Coder, docs: dict[str, documents.Document]
) -> None:
    code = codebook.find_code(project, "Electronic border monitoring").id
    passages = autocode.preview(
        project, code, "thermal OR cameras OR fence", coder.id, scope="sentence"
    )
    first = passages[0]
    assert first.text == "Thermal cameras watch the fence at night."
    assert first.matches == 2  # "Thermal cameras" (side by side, one hit) and "fence"
    assert [p.text for p in passages].count(first.text) == 1


def test_coding_the_ticked_passages_is_one_undoable_action(
    project: Project, coder: coders.Coder, docs: dict[str, documents.Document]
) -> None:
    code = codebook.find_code(project, "Electronic border monitoring").id
    passages = autocode.preview(project, code, "thermal", coder.id, scope="sentence")
    ticked = [p for p in passages if p.document_title == "border"]
    change = autocode.apply(project, code, ticked, coder.id, query="thermal", scope="sentence")

    stored = coding.codings_of_document(project, docs["border"].id)
    assert sorted((c.start, c.end) for c in stored) == sorted((p.start, p.end) for p in ticked)
    assert coding.codings_of_document(project, docs["mixed"].id) == []
    assert change.codings == {c.id for c in stored}
    logged = events.history(project, action="auto-coded")[0]
    assert logged.details["query"] == "thermal"
    assert logged.details["added"] == 3

    redo = change.undo(project)
    assert coding.codings_of_document(project, docs["border"].id) == []
    redo.undo(project)
    assert {c.id for c in coding.codings_of_document(project, docs["border"].id)} == {
        c.id for c in stored
    }


def test_passages_already_coded_are_flagged_and_never_doubled(
    project: Project, coder: coders.Coder, docs: dict[str, documents.Document]
) -> None:
    code = codebook.find_code(project, "Electronic border monitoring").id
    start = BORDER.index("Thermal cameras")
    coding.add_coding(project, docs["border"].id, code, start, start + 41, coder.id)
    passages = autocode.preview(project, code, "thermal", coder.id, scope="sentence")
    assert [p.already_coded for p in passages] == [True, False, False, False]
    other = coders.add_coder(project, "Jorge")
    assert not autocode.preview(project, code, "thermal", other.id)[0].already_coded

    change = autocode.apply(project, code, passages, coder.id)
    assert len(change.codings) == 3  # the first was there already
    assert len(coding.codings_of_document(project, docs["border"].id)) == 3


def test_nothing_is_written_when_the_query_or_code_is_wrong(
    project: Project, coder: coders.Coder, docs: dict[str, documents.Document]
) -> None:
    code = codebook.find_code(project, "Electronic border monitoring").id
    before = len(events.history(project))
    with pytest.raises(SearchSyntaxError):
        autocode.preview(project, code, '"thermal', coder.id)
    with pytest.raises(errors.NotFound):
        autocode.preview(project, "no-such-code", "thermal", coder.id)
    span = coding.Span(docs["border"].id, 0, 10_000)
    with pytest.raises(errors.InvalidSpan):
        autocode.apply(project, code, [coding.Span(docs["border"].id, 0, 7), span], coder.id)
    assert coding.codings_of_document(project, docs["border"].id) == []
    assert len(events.history(project)) == before


def test_regex_auto_coding(
    project: Project, coder: coders.Coder, docs: dict[str, documents.Document]
) -> None:
    code = codebook.find_code(project, "Electronic border monitoring").id
    passages = autocode.preview(project, code, r"thermal \w+", coder.id, mode="regex")
    assert [p.text for p in passages] == [
        "Thermal cameras",
        "thermal feed",
        "thermal imaging",
        "thermal screens",
    ]


class _CountingPattern:
    """Stands in for a module's compiled pattern and counts the texts it is run over."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.runs = 0

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        self.runs += 1
        return self.pattern.finditer(text, *bounds)


def test_sentence_scope_reads_a_paragraph_once_however_many_matches_it_holds(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a paragraph of 300 matches was read once per match: quadratic, minutes on a long
    # one-line document (issue 18)
    text = "The camera. " * 300 + "\n\nAnother camera paragraph."
    documents.store_document(project, documents.NewDocument(title="dense", text=text))
    counting = _CountingPattern(autocode._SENTENCE_END)
    monkeypatch.setattr(autocode, "_SENTENCE_END", counting)
    coder = coders.add_coder(project, "Amina")
    code = codebook.find_code(project, "Electronic border monitoring").id
    passages = autocode.preview(project, code, "camera", coder.id, scope="sentence")
    assert len(passages) == 301 and passages[0].text == "The camera."
    assert counting.runs == 2  # each paragraph once


@settings(max_examples=200)
@given(
    coded=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 20)), max_size=12),
    passage=st.tuples(st.integers(0, 40), st.integers(1, 20)),
)
def test_a_passage_is_already_coded_exactly_when_one_coding_covers_it(
    coded: list[tuple[int, int]], passage: tuple[int, int]
) -> None:
    spans = [(start, start + length) for start, length in coded]
    start, end = passage[0], passage[0] + passage[1]
    expected = any(s <= start and end <= e for s, e in spans)
    assert autocode._Coverage(spans).covers(start, end) == expected
