"""What the app says about a query it cannot run: a search with a mistake in it, a
regular expression that is broken or was stopped for taking too long.

Every kind of mistake is one whole sentence (context "SearchPanel", where most are
shown) with the place in the query as a phrase of its own; `ui/messages` is the door.
"""

from __future__ import annotations

from annotator.core.patterns import PatternError, PatternProblem
from annotator.core.search_syntax import SearchProblem, SearchSyntaxError
from annotator.ui.i18n import translate


def _sentences() -> dict[SearchProblem, str]:
    return {
        SearchProblem.NOTHING: translate(
            "SearchPanel", "Check the search: there is nothing to search for ({where})."
        ),
        SearchProblem.UNCLOSED_QUOTE: translate(
            "SearchPanel", "Check the search: this quote is never closed ({where})."
        ),
        SearchProblem.UNCLOSED_BRACKET: translate(
            "SearchPanel", "Check the search: this “(” is never closed ({where})."
        ),
        SearchProblem.UNOPENED_BRACKET: translate(
            "SearchPanel", "Check the search: this “)” has no “(” before it ({where})."
        ),
        SearchProblem.EMPTY_BRACKETS: translate(
            "SearchPanel", "Check the search: there is nothing inside the brackets ({where})."
        ),
        SearchProblem.EMPTY_QUOTES: translate(
            "SearchPanel", "Check the search: there is nothing inside the quotes ({where})."
        ),
        SearchProblem.LONE_STAR: translate(
            "SearchPanel", "Check the search: a lone “*” needs letters before it ({where})."
        ),
        SearchProblem.ENDS_EARLY: translate(
            "SearchPanel", "Check the search: it ends where a word was expected ({where})."
        ),
        SearchProblem.NOT_ALONE: translate(
            "SearchPanel", "Check the search: NOT needs a word or phrase before it ({where})."
        ),
        SearchProblem.OPERATOR_ALONE: translate(
            "SearchPanel",
            "Check the search: {operator} needs a word or phrase on both sides ({where}).",
        ),
        SearchProblem.INVALID_PATTERN: translate(
            "SearchPanel", "Check the search: not a valid pattern ({where}). Details: {detail}"
        ),
        SearchProblem.REFUSED_BY_INDEX: translate(
            "SearchPanel",
            "Check the search: the search index cannot run it ({where}). Details: {detail}",
        ),
    }


def describe_search_error(exc: SearchSyntaxError) -> str:
    """What to fix in a query, and where."""
    if exc.at_end:
        where = translate("SearchPanel", "at the end")
    else:
        where = translate("SearchPanel", "at character {number}").format(number=exc.position + 1)
    return _sentences()[exc.problem].format(where=where, operator=exc.operator, detail=exc.detail)


def describe_pattern_error(exc: PatternError) -> str:
    """A regular expression that is broken, or that was stopped for taking too long."""
    if exc.kind is PatternProblem.TOO_SLOW:
        return translate(
            "Messages",
            "The regular expression “{pattern}” was stopped after {seconds} seconds on one "
            "text: it would take too long. Simplify it (nested repeats such as (a+)+ can run "
            "for ever).",
        ).format(pattern=exc.pattern, seconds=f"{exc.seconds:g}")
    text = translate("Messages", "The regular expression “{pattern}” is not valid: {detail}.")
    return text.format(pattern=exc.pattern, detail=exc.detail)
