"""What to redact and where it occurs in a text: the pure text half of redaction.

A redaction list holds one rule a line: a name, matched literally wherever it occurs
(inside longer words too, since Arabic and CJK do not separate words with spaces), or
`re:` and a regular expression. Matching ignores case. `=> PLACEHOLDER` at the end of a
line chooses what replaces it; by default each rule gets a numbered placeholder, so the
same person stays recognisable as the same person. `#` starts a comment line.

    Amina Rasheed => [Source A]
    أمينة رشيد => [Source A]
    re:\\+?\\d[\\d ]{7,}\\d => [phone number]
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core import input_files, patterns
from annotator.core.errors import AnnotatorError
from annotator.core.input_files import InputProblem, InputRefused
from annotator.core.os_problems import FileType, OsProblem

REGEX_PREFIX = "re:"
MAX_LIST_BYTES = 5_000_000  # thousands of names; read through the input guard
PLACEHOLDER_SEPARATOR = "=>"


class ListProblem(enum.Enum):
    """Why a redaction list cannot be used; `pattern` and `other` say what each uses."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"  # `system`, or `file_type` when it is no regular file
    TOO_LARGE = "too_large"  # `limit`
    NOT_UTF8 = "not_utf8"
    EMPTY = "empty"  # no names or patterns in it
    EMPTY_PLACEHOLDER = "empty_placeholder"  # nothing after =>
    NOTHING_TO_REDACT = "nothing_to_redact"  # a line with only `re:` or `=> X`
    INVALID_PATTERN = "invalid_pattern"  # `pattern`; regex's own `detail`
    MATCHES_EMPTY = "matches_empty"  # `pattern` also matches empty text
    PLACEHOLDER_REDACTED = "placeholder_redacted"  # `pattern`: the placeholder; `other`: its hit


class RedactionListError(AnnotatorError):
    """A redaction rule that cannot be used; names the file and line when there is one."""

    kinds = (ListProblem, OsProblem, FileType)

    def __init__(
        self,
        problem: ListProblem,
        *,
        source: Path | None = None,
        line: int = 0,
        pattern: str = "",
        other: str = "",
        detail: str = "",
        limit: int = 0,
        system: OsProblem | None = None,
        file_type: FileType | None = None,
    ) -> None:
        self.kind = self.problem = problem
        self.source = source
        self.line = line
        self.pattern = pattern
        self.other = other
        self.detail = detail
        self.limit = limit
        self.system = system
        self.file_type = file_type
        super().__init__()


@dataclass(frozen=True)
class RedactionRule:
    pattern: str  # the name, or the regular expression after `re:`
    placeholder: str
    is_regex: bool = False

    def compiled(self) -> patterns.Pattern:
        """The rule as a pattern (run it with `patterns.spans`, which has a time limit)."""
        source = self.pattern if self.is_regex else patterns.escape(self.pattern)
        return patterns.compile_pattern(source)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    rule: RedactionRule

    @property
    def placeholder(self) -> str:
        return self.rule.placeholder


def default_placeholder(number: int) -> str:
    return f"[REDACTED {number}]"


def parse_rules(text: str, *, source: Path | None = None) -> list[RedactionRule]:
    """Rules from the lines of a redaction list (see the module docstring)."""
    lines: list[tuple[int, str, str | None, bool]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = unicodedata.normalize("NFC", raw).strip()
        if not line or line.startswith("#"):
            continue
        placeholder = None
        if PLACEHOLDER_SEPARATOR in line:
            line, _, given = line.rpartition(PLACEHOLDER_SEPARATOR)
            line, placeholder = line.strip(), given.strip()
            if not placeholder:
                raise RedactionListError(ListProblem.EMPTY_PLACEHOLDER, source=source, line=number)
        is_regex = line.startswith(REGEX_PREFIX)
        pattern = line[len(REGEX_PREFIX) :] if is_regex else line
        if not pattern:
            raise RedactionListError(ListProblem.NOTHING_TO_REDACT, source=source, line=number)
        lines.append((number, pattern, placeholder, is_regex))
    rules = []
    for index, (number, pattern, placeholder, is_regex) in enumerate(lines, start=1):
        rule = RedactionRule(pattern, placeholder or default_placeholder(index), is_regex)
        _check(rule, source, number)
        rules.append(rule)
    check_rules(rules, source=source)
    return rules


def read_rules(path: Path | str) -> list[RedactionRule]:
    """Rules from a UTF-8 redaction list file."""
    path = Path(path)
    rules = parse_rules(read_list(path), source=path)
    if not rules:
        raise RedactionListError(ListProblem.EMPTY, source=path)
    return rules


def read_list(path: Path) -> str:
    """The text of a redaction list file (through the input guard), not yet parsed."""
    try:
        text = input_files.read_regular_file(path, MAX_LIST_BYTES).decode("utf-8-sig")
    except InputRefused as refused:
        problem = {
            InputProblem.MISSING: ListProblem.NOT_FOUND,
            InputProblem.TOO_LARGE: ListProblem.TOO_LARGE,
        }.get(refused.problem, ListProblem.UNREADABLE)
        raise RedactionListError(
            problem,
            source=path,
            limit=MAX_LIST_BYTES,
            system=refused.system,
            file_type=refused.file_type,
        ) from None
    except UnicodeDecodeError:
        raise RedactionListError(ListProblem.NOT_UTF8, source=path) from None
    return text


def _check(rule: RedactionRule, source: Path | None, line: int) -> None:
    try:
        pattern = rule.compiled()
    except patterns.PatternError as exc:
        raise RedactionListError(
            ListProblem.INVALID_PATTERN,
            source=source,
            line=line,
            pattern=rule.pattern,
            detail=exc.detail,
        ) from None
    if patterns.matches_empty(pattern):
        raise RedactionListError(
            ListProblem.MATCHES_EMPTY, source=source, line=line, pattern=rule.pattern
        )


def check_rules(rules: Sequence[RedactionRule], *, source: Path | None = None) -> None:
    """Refuse a placeholder that would itself contain something the list redacts."""
    for rule in rules:
        _check(rule, source, 0)
    for rule in rules:
        hits = find_matches(rule.placeholder, rules)
        if hits:
            found = rule.placeholder[hits[0].start : hits[0].end]
            raise RedactionListError(
                ListProblem.PLACEHOLDER_REDACTED,
                source=source,
                pattern=rule.placeholder,
                other=found,
            )


def find_matches(text: str, rules: Iterable[RedactionRule]) -> list[Match]:
    """Every stretch of `text` to replace, in order, none overlapping.

    Where matches of several rules overlap they become one stretch covering all of
    them (the earliest, then longest, match names the placeholder): a partly replaced
    name would still leak. A `re:` rule that runs past the time limit raises PatternError.
    """
    found = [
        Match(start, end, rule)
        for rule in rules
        for start, end in patterns.spans(rule.compiled(), text)
    ]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    merged: list[Match] = []
    for match in found:
        if merged and match.start < merged[-1].end:
            last = merged[-1]
            if match.end > last.end:
                merged[-1] = Match(last.start, match.end, last.rule)
            continue
        merged.append(match)
    return merged


def redact_text(text: str, matches: Sequence[Match]) -> str:
    parts, position = [], 0
    for match in matches:
        parts.append(text[position : match.start])
        parts.append(match.placeholder)
        position = match.end
    parts.append(text[position:])
    return "".join(parts)


def map_position(position: int, matches: Sequence[Match], *, is_end: bool) -> int:
    """Where a code-point offset of the old text lands in the redacted text.

    Offsets outside replaced stretches move by the change in length before them; an
    offset inside a replaced stretch moves to the placeholder's start (a coding's start)
    or end (a coding's end), so a coding that covered part of a name covers its
    placeholder.
    """
    shift = 0
    for match in matches:
        if position <= match.start:
            break
        if position < match.end:
            base = match.start + shift
            return base + len(match.placeholder) if is_end else base
        shift += len(match.placeholder) - (match.end - match.start)
    return position + shift


def map_span(start: int, end: int, matches: Sequence[Match]) -> tuple[int, int]:
    return map_position(start, matches, is_end=False), map_position(end, matches, is_end=True)
