"""Who wrote it and which agency sent it, as the lines of a pasted page say.

Bylines come as `By NAME`, `Von NAME`, `Autor: NAME`, a name in capitals on its own
line (`FIRSTNAME LASTNAME` above `5 min read`), `By` on one line and the name on
the next, or one part of a meta line (`01.12.2022 | 14:08 | von NAME`). A dateline
such as `SEOUL, South Korea (AP) —` at the start of the body names the agency.
"""

from __future__ import annotations

import re

from annotator.core.importing import boilerplate, dates

# "By", and its equivalents in the languages of our researchers' sources.
BY_WORDS = r"by|por|par|von|di|door|av|af|przez|от|بقلم|written by|escrito por|texto de|texte de"
_BY = re.compile(rf"^(?:{BY_WORDS})[ \t]+(\S.{{1,80}})$", re.IGNORECASE)
_LABELLED = re.compile(
    r"^(?:author|authors|autor|autorin|autora|auteur|autore|autorzy|text|texto|texte|"
    r"reporter|reporting by|redakteur|redaktion|written by|escrito por)\s*:\s*(\S.{1,80})$",
    re.IGNORECASE,
)
_BY_ALONE = re.compile(rf"^(?:{BY_WORDS}):?$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s+[|•·]$|^[|•·]\s+")
_NAME_END = re.compile(r"\s*(?:,|\s[-–—|/]\s|\d|\bon\b|\bam\b|\bel\b|\ble\b|\bupdated\b).*$", re.I)
_NAME_CASE = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?$")
_PARTICLES = {"von", "van", "de", "der", "den", "del", "da", "di", "du", "la", "le", "bin", "al"}
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
_MAX_NAME_WORDS = 6
_LIST_MARK = re.compile(r"^(?:[*+•◦▪·‣-])\s+")
_BY_AFTER_DATE = re.compile(rf"\s(?:{BY_WORDS})[ \t]+(\S.{{1,60}})$", re.IGNORECASE)
_BY_ENDS = re.compile(rf"\d.*\s(?:{BY_WORDS})$", re.IGNORECASE)
_NAME_THEN = re.compile(r"\s*(?:,|\s[/|·•]\s)\s*")
_MAX_META_WORDS = 10
_DATELINE = re.compile(
    r"^[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž .'’-]{1,40}(?:,[^()\n]{1,40})?\s*\(([^()\n]{2,40})\)\s*[—–-]"
)


def byline_name(line: str, *, capitals: bool = True) -> str:
    """The author a byline line names, or "" (`capitals`: a name in capitals counts)."""
    line = line.strip()
    for part in [line, *_SEPARATORS.split(line)]:
        match = _BY.match(part.strip()) or _LABELLED.match(part.strip())
        if match:
            name = person_name(_NAME_END.sub("", match.group(1)))
            if name:
                return name
    if capitals and is_capitals_name(line):
        return person_name(line)
    return ""


def is_name_line(line: str, stopwords: frozenset[str] = frozenset()) -> bool:
    """`Marisol Abernathy` alone on a line: two or three capitalised words, none of them
    a common word of the text's language."""
    words = line.split()
    names = [word for word in words if word.casefold() not in _PARTICLES]
    return (
        2 <= len(words) <= 4
        and 2 <= len(names) <= 3
        and all(_NAME_CASE.match(word) and word[0].isupper() for word in names)
        and not any(word.casefold() in stopwords for word in names)
        and not boilerplate.is_boilerplate(line)
        and not boilerplate.is_photo_credit(line)
        and not boilerplate.is_teaser_heading(line)
    )


def is_by_alone(line: str) -> bool:
    """`By` on a line of its own: the name follows on the next line."""
    return bool(_BY_ALONE.match(line.strip()))


def is_capitals_name(line: str) -> bool:
    """`FIRSTNAME LASTNAME`: a short line in capitals that is not a label or an agency."""
    cased = [c for c in line if c.lower() != c.upper()]
    words = line.split()
    return (
        len(cased) >= 3
        and 2 <= len(words) <= 4
        and all(c.isupper() for c in cased)
        and all(_NAME_WORD.match(word) for word in words)
        and not boilerplate.is_boilerplate(line)
        and not boilerplate.is_photo_credit(line)
        and not boilerplate.is_teaser_heading(line)
    )


def person_name(raw: str) -> str:
    """A name as a citation gives it (`Imani Okafor` from `IMANI OKAFOR`); "" if it is
    not shaped like one or more names."""
    name = " ".join(raw.split()).strip(" .,;:")
    words = name.split()
    if not words or len(words) > _MAX_NAME_WORDS or any(c.isdigit() for c in name):
        return ""
    if not all(
        _NAME_WORD.match(word) or word in {"&", "and", "und", "y", "et", "e"} for word in words
    ):
        return ""
    return name.title() if name.isupper() else name


def dateline_agency(paragraph: str) -> str:
    """`Associated Press` from `SEOUL, South Korea (AP) — ...`; "" without a dateline."""
    match = _DATELINE.match(paragraph.strip())
    if not match:
        return ""
    named = match.group(1).strip()
    known = boilerplate.agency(named)
    if known:
        return known
    return named if named.isupper() and len(named) <= 8 else ""


def meta_byline(line: str, following: str, stopwords: frozenset[str], language_code: str) -> str:
    """The author of a page's meta lines, in the looser forms they take around the
    headline or under the article: `* von NAME` (a list entry), `4.02.2022 par NAME`,
    `NAME, 02.01.2023, 11:08 Uhr`, `NAME` over a line with the date, or `... von` with
    the name on the next line; "" otherwise. Only a name-shaped part counts."""
    line = _LIST_MARK.sub("", line.strip())
    following = _LIST_MARK.sub("", following.strip())
    if not line or len(line.split()) > _MAX_META_WORDS:
        return ""
    name = byline_name(line, capitals=False)
    if name:
        return name
    dated = bool(dates.find_date(line, language_code))
    after = _BY_AFTER_DATE.search(line)
    if after and (dated or any(c.isdigit() for c in line)):
        name = _named(_NAME_END.sub("", after.group(1)), stopwords)
        if name:
            return name
    if _BY_ENDS.search(line):
        return _named(following, stopwords)
    parts = _NAME_THEN.split(line, maxsplit=1)
    if len(parts) == 2 and dates.find_date(parts[1], language_code):
        return _named(parts[0], stopwords)
    short = len(following.split()) <= _MAX_META_WORDS
    if len(parts) == 1 and short and dates.find_date(following, language_code):
        return _named(line, stopwords)
    return ""


def _named(raw: str, stopwords: frozenset[str]) -> str:
    raw = " ".join(raw.split()).strip(" .,;:")
    return person_name(raw) if is_name_line(raw, stopwords) else ""
