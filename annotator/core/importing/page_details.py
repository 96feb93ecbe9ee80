"""The title and author of a saved web page, as a citation wants them.

trafilatura reads both from the page's metadata, which often says more than the
article does: `Headline | Site Name` as the title, `Name; Site Name` or `Author Name`
as the author, or a label such as `Posted` where the page had no byline. We take
the site's name off the title, keep the people and not the site among the authors,
and, where the metadata names nobody, look for a byline beside the article's first
lines on the page itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from annotator.core.importing import bylines, languages

_TITLE_SEPARATORS = re.compile(r"\s+[|–—:»·-]{1,2}\s+|\s*::\s*")
_AUTHOR_LABEL = re.compile(r"^(?:author|autor|autorin|auteur|autore|by|von|par|por)\s+", re.I)
_NOT_NAMES = {"posted", "name", "author", "no author", "admin", "administrator", "anonymous"}
_BYLINE_REACH = 12
_MIN_HEADING = 3  # page lines before and after the article's first line


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def site_names(sitename: str, url: str, publisher: str) -> set[str]:
    """The ways a page may name its site: its name, the publisher, its host."""
    names = {_key(sitename), _key(publisher)}
    host = urlsplit(url).hostname or ""
    if host:
        host = host.removeprefix("www.")
        names |= {_key(host), _key(host.split(".")[0])}
    return {name for name in names if name}


def article_title(title: str, sites: set[str], headings: Sequence[str]) -> str:
    """`Headline` from `Headline | Site Name` (or `Site Name - Headline`); a page heading
    that the title starts or ends with is the headline itself."""
    title = " ".join(title.split())
    for shown in headings:
        heading = " ".join(shown.split())
        if (
            len(heading) > _MIN_HEADING
            and heading != title
            and _key(title).startswith(_key(heading))
        ):
            return heading
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    kept = [part for part in parts if _key(part) not in sites]
    if kept and len(kept) < len(parts):
        return " - ".join(kept) if len(kept) > 1 else kept[0]
    return title


def article_author(author: str, sites: set[str]) -> str:
    """The people among `Name; Site Name`, without a label or a placeholder."""
    people = []
    for named in author.split(";"):
        person = _AUTHOR_LABEL.sub("", " ".join(named.split())).strip()
        if person and _key(person) not in sites and person.casefold() not in _NOT_NAMES:
            people.append(person)
    return "; ".join(people)


def byline_beside(
    page_lines: Sequence[str], first_article_line: int, language: languages.Language | None = None
) -> str:
    """A byline among the page lines around the article's first line; else the name a
    meta line nearest it gives (`NAME, date`, `date von NAME`)."""
    start = max(0, first_article_line - _BYLINE_REACH)
    for index in range(start, min(len(page_lines), first_article_line + _BYLINE_REACH)):
        name = bylines.byline_name(page_lines[index])
        if name and name.casefold() not in _NOT_NAMES:
            return name
    if language is None:
        return ""
    for step in range(_BYLINE_REACH):
        for index in (first_article_line - step - 1, first_article_line + step):
            if 0 <= index < len(page_lines):
                following = page_lines[index + 1] if index + 1 < len(page_lines) else ""
                name = bylines.meta_byline(
                    page_lines[index], following, language.stopwords, language.code
                )
                if name and name.casefold() not in _NOT_NAMES:
                    return name
    return ""


def tidied(
    metadata: dict[str, str],
    headings: Sequence[str],
    page_lines: Sequence[str],
    paragraphs: Sequence[str],
) -> dict[str, str]:
    """The page's metadata with the title and author as a citation wants them."""
    found = dict(metadata)
    sites = site_names(found.get("publisher", ""), found.get("source_url", ""), "")
    if found.get("title"):
        found["title"] = article_title(found["title"], sites, headings)
    found["author"] = article_author(found.get("author", ""), sites)
    if not found["author"] and paragraphs:
        first = " ".join(paragraphs[0].split()).casefold()
        at = next(
            (i for i, line in enumerate(page_lines) if " ".join(line.split()).casefold() == first),
            None,
        )
        if at is not None:
            language = languages.detect("\n".join(paragraphs))
            found["author"] = byline_beside(page_lines, at, language)
    return found
