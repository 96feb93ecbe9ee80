"""Where the article is in a pasted web page: one run of lines, found from its prose.

A browser's select-all and copy gives the whole page: menus and breadcrumbs above
the article, share rows, tags, teasers, comments and the footer below it. The
article is the densest run of prose: lines of ordinary sentences, full of the
language's stopwords (jusText's lists), with at most short interruptions (a
caption, a subheading, a list). We score every line, prose for and furniture
against, and take the run with the highest total (Kadane's maximum subarray).
Then we reach up for the headline, byline and date that stand above the first
paragraph, and stop at a menu or a line of web furniture.

Nothing here drops anything: the clean-up proposes what lies outside the run, and
only when it looks like web furniture, so a clean text pasted on its own keeps
every line.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from annotator.core.importing import boilerplate, languages

_BULLET = re.compile(r"^\s*(?:[*+•◦▪·‣o-]|\d{1,3}[.)])\s")
_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SENTENCE_MARKS = re.compile(r"[。，！？、]")
PROSE_WORDS = 12  # a line this long in stopword-rich words is a sentence, not a label
PROSE_STOPWORDS = 0.18  # share of stopwords: sentences ~0.4, menus and tags ~0
_CJK_PROSE = 20  # ideographs in a line with sentence punctuation
_WORTH_CAP = 40  # one long paragraph must not outweigh a whole menu
_COST = 2.0  # what a line that is not prose costs the run
_MIN_OUTSIDE = 3
_CONTENT_WORDS = 3  # a headline, a byline: more than a menu's one or two words
_CLUSTER_REACH = 3
_MENU_BULLETS = 2  # a list of links: the top menu, a share row
_MENU_ENTRY_WORDS = 4
_MENU_LINKS = 8  # a list of this many short links is a menu even without a button word
_MAX_QUIET = 4
_MAX_LIST = 15  # entries of a list inside the article
_NESTED = 4  # a body indented this deep stands in a block of its own
_MAX_REACH = 60  # lines without text (labels, counters, credits) before giving up
_LABEL_REPEATS = 3  # "Reply", "Like", "Share" under every comment or teaser
_MAX_LABEL_WORDS = 5
_MAX_NUMBER_SHARE = 0.2
_WORDS_PER_MARK = 30  # sentences have a comma or full stop at least this often
_PUNCTUATION = re.compile(
    r"[.,;:!?¿¡…»«“”\"()]"
)  # fewer lines than this outside the article are left alone


@dataclass(frozen=True)
class Line:
    """One non-blank line, as the article finder sees it."""

    index: int  # in the text's lines
    text: str  # stripped
    bullet: bool
    prose: bool
    furniture: bool  # a boilerplate phrase or a teaser heading
    indent: int = 0  # spaces before the text: a browser's copy indents nested blocks


@dataclass(frozen=True)
class Article:
    """Line indices (in `text.split("\\n")`) of the article's first and last lines."""

    first: int
    last: int
    body_first: int  # the first prose line: the headline and byline stand above it
    language: languages.Language


def read_lines(text: str, language: languages.Language) -> list[Line]:
    found: list[Line] = []
    raw_lines = text.split("\n")
    keys = Counter(" ".join(raw.split()).casefold() for raw in raw_lines if raw.strip())
    for index, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if not stripped:
            continue
        repeated_label = (
            keys[" ".join(stripped.split()).casefold()] >= _LABEL_REPEATS
            and len(stripped.split()) <= _MAX_LABEL_WORDS
        )
        furniture = (
            repeated_label
            or boilerplate.is_boilerplate(stripped)
            or boilerplate.is_photo_credit(stripped)
            or boilerplate.is_gallery_counter(stripped)
            or boilerplate.is_bare_number(stripped)
            or boilerplate.is_teaser_heading(stripped)
            or boilerplate.is_teaser_link(stripped)
        )
        found.append(
            Line(
                index=index,
                text=stripped,
                bullet=bool(_BULLET.match(raw)),
                prose=not furniture and is_prose(stripped, language),
                furniture=furniture,
                indent=len(raw) - len(raw.lstrip()),
            )
        )
    return found


def is_prose(line: str, language: languages.Language) -> bool:
    """A sentence of the text's language, not a label, a menu entry or a name."""
    ideographs = len(_HAN_OR_KANA.findall(line))
    if ideographs >= _CJK_PROSE and _SENTENCE_MARKS.search(line):
        return True
    words = languages.words(line)
    if len(words) < PROSE_WORDS or language.stopword_share(words) < PROSE_STOPWORDS:
        return False
    numbers = sum(word.isdigit() for word in words)
    marks = len(_PUNCTUATION.findall(line))
    # a tag cloud or an archive list is long, but it has numbers and no punctuation
    return numbers <= _MAX_NUMBER_SHARE * len(words) and marks * _WORDS_PER_MARK >= len(words)


def _worth(line: Line) -> float:
    if line.prose:
        size = len(languages.words(line.text)) + len(_HAN_OR_KANA.findall(line.text)) / 2
        return min(size, _WORTH_CAP) * (0.3 if line.bullet else 1.0)
    return -_COST * (3.0 if line.furniture else 2.0 if line.bullet else 1.0)


def _densest_run(lines: list[Line]) -> tuple[int, int] | None:
    best = running = 0.0
    start = 0
    found: tuple[int, int] | None = None
    for at, line in enumerate(lines):
        worth = _worth(line)
        if running <= 0:
            running, start = worth, at
        else:
            running += worth
        if running > best:
            best, found = running, (start, at)
    return found


def find(text: str, language: languages.Language | None = None) -> Article | None:
    """The article's lines (see `_find`); the clean-up and the details ask for the same
    text one after the other, so the last few answers are kept."""
    return _find(text, language or languages.detect(text))


@functools.lru_cache(maxsize=4)
def _find(text: str, language: languages.Language) -> Article | None:
    """The article's lines, or None when the text has no run of prose at all.

    The densest run of prose anchors it. Because losing article text is worse than
    keeping a sidebar, it then reaches up to the first content after the page's top
    menus (a headline followed by more text), and down over what follows until a
    menu, a row of buttons or a teaser heading.
    """
    lines = read_lines(text, language)
    run = _densest_run(lines)
    if run is None:
        return None
    first, last = run
    body_first = lines[first].index
    first = min(_reach_up(lines, first), _first_content(lines, first))
    last = _reach_down(lines, last, _body_indent(lines[run[0] : run[1] + 1]))
    return Article(lines[first].index, lines[last].index, body_first, language)


def _reach_up(lines: list[Line], first: int) -> int:
    """The headline, kicker, byline and captions above the body: up over lines of text,
    past a reading time or a credit, until a list of links or a run without text."""
    reached = first
    quiet = bullets = 0
    for at in range(first - 1, -1, -1):
        line = lines[at]
        bullets = bullets + 1 if _is_link_list_entry(line) else 0
        if bullets >= _MENU_BULLETS:
            break
        if _is_content(line):
            reached, quiet = at, 0
        elif not line.furniture:  # buttons, credits and counters crowd a headline
            quiet += 1
            if quiet >= _MAX_QUIET or first - at > _MAX_REACH:
                break
    return reached


def _reach_down(lines: list[Line], last: int, indent: int) -> int:
    """A last short paragraph after an advertisement or a caption belongs to the article,
    and so does a list that a line ending in `:` introduces, or that stands as deep in
    the page as the body (a browser's copy indents the article's blocks alike); a
    teaser heading, another list of links or a run without text ends it."""
    reached = last
    quiet = bullets = 0
    introduced = lines[last].text.endswith(":")
    for at in range(last + 1, len(lines)):
        line = lines[at]
        if boilerplate.is_teaser_heading(line.text):
            break
        nested = indent >= _NESTED and line.indent >= indent and not line.furniture
        if line.bullet and (introduced or (nested and _is_entry_of_text(line))):
            reached, quiet, bullets = at, 0, 0
            # the introduced list goes on without a blank line
            introduced = at + 1 < len(lines) and lines[at + 1].index == line.index + 1
            continue
        introduced = False
        if line.bullet and bullets == 0 and _list_inside(lines, at):
            reached, quiet = at, 0
            continue
        bullets = bullets + 1 if line.bullet else 0
        if bullets >= _MENU_BULLETS:
            break
        if _is_content(line):
            reached, quiet = at, 0
            introduced = line.text.endswith(":")
        else:
            quiet += 1
            if quiet >= _MAX_QUIET:
                break
    return reached


def _is_entry_of_text(line: Line) -> bool:
    """A list entry of several words (a menu's entries have one or two)."""
    return len(line.text.split()) > _MENU_ENTRY_WORDS or len(_HAN_OR_KANA.findall(line.text)) >= 6


def _list_inside(lines: list[Line], at: int) -> bool:
    """A list the article goes on after: none of its entries is a button or a label,
    and a sentence of prose follows it."""
    end = at
    while end < len(lines) and lines[end].bullet and end - at < _MAX_LIST:
        if lines[end].furniture:
            return False
        end += 1
    return end < len(lines) and lines[end].prose


def _body_indent(run: list[Line]) -> int:
    """How deep the body's prose stands: the indentation most of its prose lines share."""
    found = Counter(line.indent for line in run if line.prose)
    return found.most_common(1)[0][0] if found else 0


def _is_link_list_entry(line: Line) -> bool:
    """An entry of a menu (`  * World`): a short bullet that is not a button's word."""
    return line.bullet and not line.furniture and len(line.text.split()) <= _MENU_ENTRY_WORDS


def _is_menu(line: Line) -> bool:
    return line.furniture or line.bullet


def _is_content(line: Line) -> bool:
    return not _is_menu(line) and (
        len(line.text.split()) >= _CONTENT_WORDS or len(_HAN_OR_KANA.findall(line.text)) >= 6
    )


def _first_content(lines: list[Line], limit: int) -> int:
    """The first line of text after the top menus: content followed by more content
    before any menu line (a headline and its byline, a kicker and its headline)."""
    for at in range(limit):
        if not _is_content(lines[at]):
            continue
        for following in lines[at + 1 : at + 1 + _CLUSTER_REACH]:
            if _is_menu(following):
                break
            if _is_content(following):
                return at
    return limit


def looks_like_furniture(lines: list[str]) -> bool:
    """Whether lines outside the article are worth proposing to drop as a run: a menu,
    a footer, with at least one line of web furniture (a button, a copyright line, a
    teaser heading), rather than a list or a note that ends a plain text."""
    filled = [line for line in lines if line.strip()]
    links = sum(
        bool(_BULLET.match(line)) and len(line.split()) <= _MENU_ENTRY_WORDS + 1 for line in filled
    )
    return len(filled) >= _MIN_OUTSIDE and (
        links >= _MENU_LINKS or any(_is_furniture(line) for line in filled)
    )


def _is_furniture(line: str) -> bool:
    return (
        boilerplate.is_boilerplate(line)
        or boilerplate.is_teaser_heading(line)
        or boilerplate.is_teaser_link(line)
        or boilerplate.is_notice(line)
        or boilerplate.is_photo_credit(line)
    )
