"""Redaction lists, matching, and how code-point offsets move when names are replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.redaction_rules import (
    ListProblem,
    RedactionListError,
    RedactionRule,
    find_matches,
    map_span,
    parse_rules,
    read_rules,
    redact_text,
)


def test_a_list_holds_names_patterns_placeholders_and_comments() -> None:
    rules = parse_rules(
        "# who must not be named\n"
        "Amina Rasheed => [Source A]\n"
        "\n"
        "أمينة رشيد\n"
        "re:\\+?\\d[\\d ]{7,}\\d => [phone]\n"
    )
    assert rules == [
        RedactionRule("Amina Rasheed", "[Source A]"),
        RedactionRule("أمينة رشيد", "[REDACTED 2]"),
        RedactionRule("\\+?\\d[\\d ]{7,}\\d", "[phone]", is_regex=True),
    ]


def test_names_match_literally_anywhere_ignoring_case() -> None:
    rules = parse_rules("Dr. Chen\n王小明")
    text = "DR. CHEN met dr. chen; Dr, Chen did not. 记者王小明说"
    assert [text[m.start : m.end] for m in find_matches(text, rules)] == [
        "DR. CHEN",
        "dr. chen",
        "王小明",
    ]


def test_overlapping_matches_become_one_replacement() -> None:
    rules = parse_rules("Amina => [A]\nRasheed => [R]\nAmina Rash => [AR]")
    text = "Amina Rasheed spoke."
    matches = find_matches(text, rules)
    assert [(m.start, m.end, m.placeholder) for m in matches] == [(0, 13, "[AR]")]
    assert redact_text(text, matches) == "[AR] spoke."


@pytest.mark.parametrize(
    ("content", "problem", "line", "pattern"),
    [
        ("ok name\nre:(unclosed\n", ListProblem.INVALID_PATTERN, 2, "(unclosed"),
        ("re:x*\n", ListProblem.MATCHES_EMPTY, 1, "x*"),
        ("Amina =>   \n", ListProblem.EMPTY_PLACEHOLDER, 1, ""),
        ("re:\n", ListProblem.NOTHING_TO_REDACT, 1, ""),
        ("Amina => [Amina]\n", ListProblem.PLACEHOLDER_REDACTED, 0, "[Amina]"),
        ("# only a comment\n", ListProblem.EMPTY, 0, ""),
    ],
)
def test_a_bad_list_is_refused_naming_the_file_and_line(
    tmp_path: Path, content: str, problem: ListProblem, line: int, pattern: str
) -> None:
    path = tmp_path / "names.txt"
    path.write_text(content, "utf-8")
    with pytest.raises(RedactionListError) as caught:
        read_rules(path)
    assert caught.value.source == path
    assert (caught.value.problem, caught.value.line, caught.value.pattern) == (
        problem,
        line,
        pattern,
    )
    if problem is ListProblem.PLACEHOLDER_REDACTED:
        assert caught.value.other == "Amina"


def test_a_list_not_in_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes("Müller\n".encode("utf-16"))
    with pytest.raises(RedactionListError) as caught:
        read_rules(path)
    assert caught.value.problem is ListProblem.NOT_UTF8


def test_a_list_with_a_byte_order_mark_reads(tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes("\ufeffMüller\r\n".encode())
    assert read_rules(path) == [RedactionRule("Müller", "[REDACTED 1]")]


def test_spans_move_with_the_text_and_cover_placeholders() -> None:
    text = "Officer Amina Rasheed saw the drone. Rasheed left."
    rules = parse_rules("Amina Rasheed => [A]\nRasheed => [R]")
    matches = find_matches(text, rules)
    new = redact_text(text, matches)
    assert new == "Officer [A] saw the drone. [R] left."

    def moved(quote: str) -> str:
        start = text.index(quote)
        new_start, new_end = map_span(start, start + len(quote), matches)
        return new[new_start:new_end]

    assert moved("saw the drone") == "saw the drone"
    assert moved("Officer") == "Officer"
    assert moved("Officer Amina") == "Officer [A]"  # part of a name: its placeholder
    assert moved("Rasheed saw") == "[A] saw"
    assert moved("Amina Rasheed") == "[A]"
    assert moved("left.") == "left."


_alphabet = st.sampled_from(list("ab ناCJ中文😀\n"))


@given(
    before=st.text(_alphabet, max_size=30),
    after=st.text(_alphabet, max_size=30),
    names=st.integers(min_value=1, max_value=3),
    data=st.data(),
)
def test_text_outside_the_names_keeps_its_codings(
    before: str, after: str, names: int, data: st.DataObject
) -> None:
    text = before + ("Zoë 王 " * names) + after
    rules = [RedactionRule("Zoë 王", "[P]")]
    matches = find_matches(text, rules)
    new = redact_text(text, matches)
    start = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
    end = data.draw(st.integers(min_value=start + 1, max_value=len(text)))
    new_start, new_end = map_span(start, end, matches)
    assert 0 <= new_start < new_end <= len(new)
    if not any(m.start < end and start < m.end for m in matches):
        assert new[new_start:new_end] == text[start:end]
    else:
        assert "[P]" in new[new_start:new_end]
    assert "Zoë 王" not in new
