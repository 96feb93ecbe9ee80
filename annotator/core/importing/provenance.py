"""Where a document comes from, as far as the file itself says.

Two sources, merged by `merge`: what the format's metadata says (HTML meta tags,
core properties, PDF info) and what the opening lines of the text say (DESIGN.md:
a leading `date YYYY-MM-DD` with the headline on that line or the next, and a
byline, `By NAME` or a short line in capitals before the body). Everything found
here is a pre-filled suggestion the researcher can edit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from annotator.core import errors
from annotator.core.importing import article, boilerplate, bylines, dates, headlines

# Fields a document's provenance holds besides its text (DESIGN.md, "documents").
FIELDS = (
    "title",
    "author",
    "publisher",
    "published_date",
    "source_url",
    "accessed_date",
    "language",
    "notes",
)
DATE_FIELDS = ("published_date", "accessed_date")

DATE_LINE = re.compile(r"^date:?[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(\S.*))?$", re.IGNORECASE)
_LEAD_LINES = 20  # the byline sits among the first lines, before the body
_MAX_TITLE = 300
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+")
_UNHELPFUL_TITLES = re.compile(
    r"^(untitled|document\d*|microsoft word - .*|.*\.(docx?|odt|pdf|rtf|txt))$", re.IGNORECASE
)


@dataclass(frozen=True)
class Lead:
    """What the opening lines of a text say about it."""

    published_date: str = ""
    headline: str = ""
    author: str = ""
    first_line: str = ""
    publisher: str = ""


def read_lead(text: str, *, pasted_page: bool = False) -> Lead:
    """What the opening lines say; for a pasted page, the lines around the article's
    start (its headline, byline, date and dateline), wherever the menus leave it."""
    lead = _opening_lead(text)
    found = article.find(text) if pasted_page else None
    if found is None:
        return lead
    page = _article_lead(text.split("\n"), found)
    return Lead(
        published_date=lead.published_date or page.published_date,
        headline=lead.headline,
        author=page.author or lead.author,
        first_line=lead.headline or page.first_line or text.split("\n")[found.first].strip(),
        publisher=page.publisher,
    )


def _opening_lead(text: str) -> Lead:
    lines = [line.strip() for line in text.split("\n", _LEAD_LINES + 1)[:_LEAD_LINES]]
    filled = [(i, line) for i, line in enumerate(lines) if line]
    if not filled:
        return Lead()
    date, headline, headline_index = "", "", -1
    first_index, first = filled[0]
    match = DATE_LINE.match(first)
    if match and _valid_date(match.group(1)):
        date = match.group(1)
        if match.group(2):
            headline, headline_index = match.group(2).strip(), first_index
        elif len(filled) > 1:
            headline_index, headline = filled[1]
    author = _byline(lines, skip={first_index, headline_index})
    return Lead(
        published_date=date,
        headline=headline,
        author=author,
        first_line=first if not date else headline,
    )


def _byline(lines: list[str], skip: set[int]) -> str:
    for index, line in enumerate(lines):
        if not line:
            if index > max(skip, default=0) + 1:
                break  # the body starts after the first blank line past the headline
            continue
        if index in skip:
            continue
        name = bylines.byline_name(line)
        if name:
            return name
    return ""


_LOOK_ABOVE = 3  # the date or byline may stand just above the headline
_HEADLINE_REACH = 8  # lines above the body: kicker, headline, standfirst, byline, date
_MAX_HEADLINE_WORDS = 30
_BYLINE_AFTER = 10  # lines after the first paragraph, and before the article's end
_MAX_DATE_LINE_WORDS = 30


def _article_lead(lines: list[str], found: article.Article) -> Lead:
    head = [
        (i, lines[i].strip())
        for i in range(max(0, found.first - _LOOK_ABOVE), found.body_first + 1)
        if lines[i].strip()
    ]
    inside = [line for i, line in head if found.first <= i < found.body_first]
    # The headline stands just above the body, below the kicker and above the byline;
    # captions, which a pasted page repeats, stand there too.
    seen = Counter(" ".join(line.split()).casefold() for line in lines if line.strip())
    stopwords = found.language.stopwords
    candidates = [
        line
        for line in inside
        if _is_headline(line, several_words=True) and not bylines.is_name_line(line, stopwords)
    ]
    once = [line for line in candidates if seen[" ".join(line.split()).casefold()] == 1]
    near = (once or candidates)[-_HEADLINE_REACH:]
    headline = near[-1] if near else ""
    chosen = headlines.headline(lines, found.body_first, found.language)
    if chosen is not None:
        headline = lines[chosen].strip()
    author = _explicit_byline(head)
    if not author:  # a byline may also follow the first paragraph, or end the article
        after = [
            (i, lines[i].strip())
            for i in range(found.body_first + 1, min(len(lines), found.body_first + _BYLINE_AFTER))
        ]
        ending = [
            (i, lines[i].strip()) for i in range(max(0, found.last - _BYLINE_AFTER), found.last + 1)
        ]
        author = _explicit_byline([(i, line) for i, line in after + ending if line])
    around = chosen if chosen is not None else found.body_first
    author = author or _nearest_author(lines, around, found)
    if not author:
        author = next(
            (
                line
                for _, line in head[:-1]
                if bylines.is_name_line(line, stopwords) and line != headline
            ),
            "",
        )
    date = next(
        (
            found_date
            for _, line in head
            if len(line.split()) <= _MAX_DATE_LINE_WORDS
            and (found_date := dates.find_date(line, found.language.code))
        ),
        "",
    ) or _nearest_date(lines, around, found)
    return Lead(
        published_date=date,
        author=author,
        first_line=headline,
        publisher=bylines.dateline_agency(lines[found.body_first]),
    )


_DATE_REACH = 25  # non-blank lines either side of the headline


def _nearest_date(lines: list[str], around: int, found: article.Article) -> str:
    """The date written nearest the headline: above it first (a date line over the
    headline), then below it, and at last in the article's closing lines ("Posted on")."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for k in _nearest_first(filled, around, found):
        line = lines[filled[k]].strip()
        if len(line.split()) <= _MAX_DATE_LINE_WORDS:
            date = dates.find_date(line, found.language.code)
            if date:
                return date
    return ""


def _nearest_first(filled: list[int], around: int, found: article.Article) -> list[int]:
    """Positions in `filled` (the non-blank lines) by distance from the line `around`,
    then the article's closing lines from its end."""
    at = next((k for k, i in enumerate(filled) if i >= around), len(filled))
    order: list[int] = []
    for step in range(1, _DATE_REACH + 1):
        order += [k for k in (at + step - 1, at - step) if 0 <= k < len(filled)]
    closing = [k for k, i in enumerate(filled) if found.last - _BYLINE_AFTER <= i <= found.last]
    return [*order, *reversed(closing)]


def _nearest_author(lines: list[str], around: int, found: article.Article) -> str:
    """The author a meta line nearest the headline names (`NAME, date`, `date von NAME`),
    looked for as the date is: around the headline, then in the article's closing lines."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    stopwords = found.language.stopwords
    for k in _nearest_first(filled, around, found):
        following = lines[filled[k + 1]] if k + 1 < len(filled) else ""
        author = bylines.meta_byline(lines[filled[k]], following, stopwords, found.language.code)
        if author:
            return author
    return ""


def _explicit_byline(lines: list[tuple[int, str]]) -> str:
    for at, (_, line) in enumerate(lines):
        author = bylines.byline_name(line)
        if not author and bylines.is_by_alone(line) and at + 1 < len(lines):
            author = bylines.person_name(lines[at + 1][1])
        if author:
            return author
    return ""


def _is_headline(line: str, *, several_words: bool = False) -> bool:
    words = line.split()
    if several_words and len(words) < 3 and len(line) < 12:
        return False
    return (
        0 < len(words) <= _MAX_HEADLINE_WORDS
        and not line.endswith(".")
        and not boilerplate.is_boilerplate(line)
        and not boilerplate.is_photo_credit(line)
        and not bylines.byline_name(line)
        and not bylines.is_by_alone(line)
        and not dates.find_date(line)
    )


def _valid_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def iso_date(value: object) -> str:
    """`2023-07-28` from a date, a datetime or an ISO-like string; `""` if unclear."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    text = str(value or "").strip()
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
    if match and _valid_date(match.group(1)):
        return match.group(1)
    return ""


def check_date(field: str, value: str) -> str:
    """A date field as the researcher typed it: empty or YYYY-MM-DD."""
    value = value.strip()
    if value and not (re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and _valid_date(value)):
        raise errors.InvalidValue(errors.ValueProblem.FULL_DATE, value, field=field)
    return value


def helpful_title(title: str) -> str:
    """A metadata title, unless it is a file name or a word processor's placeholder."""
    title = " ".join(title.split())
    if not title or _UNHELPFUL_TITLES.match(title) or len(title) > _MAX_TITLE:
        return ""
    return title


def merge(
    *,
    overrides: Mapping[str, str],
    metadata: Mapping[str, str],
    lead: Lead,
    filename_stem: str,
) -> dict[str, str]:
    """One value per field: what the researcher said, else the file, else the text."""
    merged = {field: "" for field in FIELDS}
    merged.update({k: v for k, v in metadata.items() if k in merged and v})
    if lead.published_date:
        merged["published_date"] = lead.published_date  # the scrape's own date line wins
    merged["title"] = (
        lead.headline
        or helpful_title(metadata.get("title", ""))
        or _short(lead.first_line)
        or filename_stem
        or "Untitled"
    )
    if not merged["author"] and lead.author:
        merged["author"] = lead.author
    if not merged["publisher"] and lead.publisher:
        merged["publisher"] = lead.publisher
    for field, value in overrides.items():
        if field not in merged:
            raise TypeError(f"unknown provenance field {field!r}")
        if value is not None and value.strip():
            merged[field] = value.strip()
    for field in DATE_FIELDS:
        merged[field] = check_date(field, merged[field])
    return merged


def _short(line: str) -> str:
    line = _MARKDOWN_HEADING.sub("", line)
    return line if 0 < len(line) <= _MAX_TITLE else ""
