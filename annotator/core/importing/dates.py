"""A date written in a line of a pasted page: `6 OCT 2020`, `11.10.2021`, `24 de marzo de 2022`.

Pasted pages carry the publication date as text near the headline, in the page's
language and the site's style. We pick out what looks like a whole date (day,
month and year) with a few shapes, and let dateparser read month names in any
language. Numeric dates are read day first (`11.10.2021`), except the slash form,
which is read only where day and month cannot be confused.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DOTTED = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_MONTH = r"[^\W\d_]{3,12}\.?"
_NAMED = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+|/\s*)?{_MONTH},?\s*(?:de\s+|/\s*)?\d{{4}}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
    re.IGNORECASE,
)
_MAX_LINE = 200
_EARLIEST_YEAR = 1900


def find_date(line: str, language_code: str = "") -> str:
    """The first whole date in the line as YYYY-MM-DD, or ""."""
    if len(line) > _MAX_LINE or not any(c.isdigit() for c in line):
        return ""
    found: list[tuple[int, str]] = []
    for match in _ISO.finditer(line):
        found.append((match.start(), _checked(*map(int, match.groups()))))
    for match in _DOTTED.finditer(line):
        day, month, year = map(int, match.groups())
        found.append((match.start(), _checked(year, month, day)))
    for match in _SLASHED.finditer(line):
        first, second, year = map(int, match.groups())
        if first > 12 >= second:
            found.append((match.start(), _checked(year, second, first)))
        elif second > 12 >= first:
            found.append((match.start(), _checked(year, first, second)))
    for match in _NAMED.finditer(line):
        found.append((match.start(), _named(match.group(), language_code)))
    dates = sorted((at, date) for at, date in found if date)
    return dates[0][1] if dates else ""


def _checked(year: int, month: int, day: int) -> str:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return ""
    if not _EARLIEST_YEAR <= date.year <= dt.date.today().year + 1:
        return ""
    return date.isoformat()


def _named(text: str, language_code: str) -> str:
    parsed = _parser()(
        text.replace("/", " "),
        languages=_languages(language_code),
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
    )
    if parsed is None:
        return ""
    return _checked(parsed.year, parsed.month, parsed.day)


def _languages(code: str) -> list[str] | None:
    known = {code, "en"} if code else set()
    wanted = sorted(language for language in known if language in _known_languages())
    return wanted or None


@functools.cache
def _known_languages() -> frozenset[str]:
    from dateparser.data import languages_info

    return frozenset(languages_info.language_order)


@functools.cache
def _parser() -> Any:
    import dateparser

    return dateparser.parse
