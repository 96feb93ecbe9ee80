"""The command line's words for what a researcher types to find text: a search query, a
regular expression, a redaction list. Part of `cli.messages`, the one door to them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.cli.file_messages import unreadable_phrase
from annotator.core.patterns import PatternError, PatternProblem
from annotator.core.redaction_rules import ListProblem, RedactionListError
from annotator.core.search_syntax import SearchProblem, SearchSyntaxError

SEARCHES = {
    SearchProblem.NOTHING: "there is nothing to search for",
    SearchProblem.UNCLOSED_QUOTE: "this quote is never closed",
    SearchProblem.UNCLOSED_BRACKET: "this '(' is never closed",
    SearchProblem.UNOPENED_BRACKET: "this ')' has no '(' before it",
    SearchProblem.EMPTY_BRACKETS: "nothing inside the brackets",
    SearchProblem.EMPTY_QUOTES: "empty quotes",
    SearchProblem.LONE_STAR: "a lone '*' needs letters before it",
    SearchProblem.ENDS_EARLY: "the query ends where a word was expected",
    SearchProblem.NOT_ALONE: "NOT needs a word or phrase before it",
    SearchProblem.OPERATOR_ALONE: "{operator} needs a word or phrase on both sides",
    SearchProblem.INVALID_PATTERN: "not a valid pattern: {detail}",
    SearchProblem.REFUSED_BY_INDEX: "{detail}",
}

LISTS = {
    ListProblem.NOT_FOUND: "no such file",
    ListProblem.TOO_LARGE: "is larger than the limit of {limit_mb:.0f} MB",
    ListProblem.NOT_UTF8: "is not UTF-8 text; save the list as UTF-8",
    ListProblem.EMPTY: "holds no names or patterns",
    ListProblem.EMPTY_PLACEHOLDER: "the placeholder after => is empty",
    ListProblem.NOTHING_TO_REDACT: "there is nothing to redact on this line",
    ListProblem.INVALID_PATTERN: "the regular expression {pattern!r} is not valid: {detail}",
    ListProblem.MATCHES_EMPTY: "{pattern!r} also matches empty text, so it cannot be redacted",
    ListProblem.PLACEHOLDER_REDACTED: (
        "the placeholder {pattern!r} contains {other!r}, which is redacted; "
        "choose another placeholder"
    ),
}


def _search(exc: SearchSyntaxError) -> str:
    problem = SEARCHES[exc.problem].format(operator=exc.operator, detail=exc.detail)
    return f"cannot search for {exc.query!r}: {problem} (at character {exc.position + 1})"


def _pattern(exc: PatternError) -> str:
    if exc.kind is PatternProblem.TOO_SLOW:
        return (
            f"the regular expression {exc.pattern!r} was stopped after {exc.seconds:g} s on one "
            "text; simplify it (nested repeats such as (a+)+ can run for ever)"
        )
    return f"the regular expression {exc.pattern!r} is not valid: {exc.detail}"


def _list(exc: RedactionListError) -> str:
    where = f"{exc.source}: " if exc.source else ""
    if exc.line:
        where = f"{exc.source}:{exc.line}: " if exc.source else f"line {exc.line}: "
    if exc.problem is ListProblem.UNREADABLE:
        return where + unreadable_phrase(exc.system, exc.file_type)
    return where + LISTS[exc.problem].format(
        pattern=exc.pattern, other=exc.other, detail=exc.detail, limit_mb=exc.limit / 1e6
    )


FAMILIES: list[tuple[type[Any], Callable[[Any], str]]] = [
    (SearchSyntaxError, _search),
    (PatternError, _pattern),
    (RedactionListError, _list),
]
