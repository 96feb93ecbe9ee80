"""Regular expressions run with a time limit wherever a researcher types one (issue 18).

`(a|aa)+$` backtracks exponentially on a run of `a`s: with Python's `re` a search, the
find bar, auto-coding or a redaction list holding it never returned. Every one now
stops after `patterns.TIME_LIMIT` with PatternError(TOO_SLOW). The limit is made short
here; nothing is timed.
"""

from __future__ import annotations

import re

import pytest

from annotator.core import autocode, codebook, coders, documents, patterns, redaction, search
from annotator.core.patterns import PatternError, PatternProblem
from annotator.core.project import Project
from annotator.core.redaction_rules import (
    ListProblem,
    RedactionListError,
    find_matches,
    parse_rules,
)

EXPLOSIVE = "(a|aa)+$"  # tries every way of splitting the run of a's
RUN = "a" * 40 + "!"


@pytest.fixture(autouse=True)
def short_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "TIME_LIMIT", 0.2)


@pytest.fixture
def run_document(project: Project) -> str:
    return documents.store_document(project, documents.NewDocument(title="A", text=RUN)).id


def test_the_issue_pattern_returns_at_once(project: Project, run_document: str) -> None:
    # `(a+)+$` on forty a's hung `search --regex`; the regex package sees through it
    assert search.find_all(project, "(a+)+$", mode="regex") == []
    assert [h.text for h in search.find_all(project, "(a+)+!", mode="regex")] == ["a" * 40 + "!"]


def test_a_search_too_slow_is_stopped_with_a_typed_error(
    project: Project, run_document: str
) -> None:
    results = search.search(project, EXPLOSIVE, mode="regex")
    with pytest.raises(PatternError) as raised:
        results.next_hits(50)
    assert raised.value.kind is PatternProblem.TOO_SLOW
    assert raised.value.pattern == EXPLOSIVE and raised.value.seconds == 0.2


def test_hits_found_before_a_slow_document_are_kept(project: Project) -> None:
    for title, text, date in (("Long", "camera " * 3, "2020"), ("Run", RUN, "2024")):
        documents.store_document(
            project,
            documents.NewDocument(title=title, text=text, provenance={"published_date": date}),
        )
    results = search.search(project, "camera|(a|aa)+$", mode="regex")
    assert [h.document_title for h in results.next_hits(50)] == ["Long"] * 3
    assert results.stopped is not None and not results.exhausted
    with pytest.raises(PatternError):
        results.next_hits(50)
    with pytest.raises(PatternError):
        search.find_all(project, "camera|(a|aa)+$", mode="regex")


def test_the_find_bar_is_stopped_too() -> None:
    with pytest.raises(PatternError):
        search.find_in_text(RUN, EXPLOSIVE, regex=True)


def test_auto_coding_is_stopped_too(
    project: Project, run_document: str, coder: coders.Coder
) -> None:
    code = codebook.find_code(project, "Electronic border monitoring").id
    with pytest.raises(PatternError):
        autocode.preview(project, code, EXPLOSIVE, coder.id, mode="regex")


def test_a_redaction_rule_is_stopped_too(project: Project, run_document: str) -> None:
    rules = parse_rules(f"re:{EXPLOSIVE} => [gone]")
    with pytest.raises(PatternError):
        find_matches(RUN, rules)
    with pytest.raises(PatternError):
        redaction.plan_redaction(project, rules)


def test_a_redaction_rule_matching_empty_text_is_still_refused() -> None:
    with pytest.raises(RedactionListError) as caught:
        parse_rules("re:x*")
    assert caught.value.problem is ListProblem.MATCHES_EMPTY
    with pytest.raises(RedactionListError) as caught:
        parse_rules("re:(x")
    assert caught.value.problem is ListProblem.INVALID_PATTERN
    assert "missing )" in caught.value.detail  # the regex package's own words


def test_many_matches_are_not_mistaken_for_a_slow_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    # the clock starts again every BATCH matches; resuming must not change what is found
    monkeypatch.setattr(patterns, "BATCH", 3)
    text = "ab\nab abab\nxab ab\n" * 5
    for expression in [r"ab", r"^ab", r"(?<=a)b", r"\bab\b", r"b*"]:
        pattern = patterns.compile_pattern(expression, multiline=True)
        expected = [
            m.span() for m in re.finditer(expression, text, re.M | re.I) if m.end() > m.start()
        ]
        assert list(patterns.spans(pattern, text)) == expected, expression


@pytest.mark.parametrize(("expression", "position"), [("(x", 2), ("a{2,1}", 2), ("*", 0)])
def test_a_broken_pattern_is_a_typed_error_with_its_place(expression: str, position: int) -> None:
    with pytest.raises(PatternError) as raised:
        patterns.compile_pattern(expression)
    assert raised.value.kind is PatternProblem.INVALID
    assert raised.value.position == position and raised.value.detail


def test_a_huge_repeat_count_is_a_broken_pattern_not_a_crash() -> None:
    with pytest.raises(PatternError):
        patterns.compile_pattern("a{99999999999999999999}")
