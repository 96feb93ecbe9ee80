"""The shapes of a pasted news page inside the article, each proposed with its reason.

A browser's copy of a news page repeats each photo caption in the forms the page
shows it (a `  • ` bullet, an indented line, a flat line), numbers the gallery
(`1/5`), credits each photo (`ASSOCIATED PRESS`, `AP Photo/Name`), leaves the
count of an icon (`0` comments), and puts the byline, the date and the reading time
between the headline and the body. The byline's name and the date go into the
details; the lines themselves are proposed for dropping, so that the frozen text is
the headline and the body, and its paragraph numbers count only those.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from annotator.core.importing import boilerplate, bylines, dates, languages
from annotator.core.importing.provenance import DATE_LINE
from annotator.core.importing.removals import Line, Reason, Removal, whole

_MIN_REPEATED = 8  # shorter repeated lines ("—", "* * *") are left alone
_COUNTER = re.compile(r"[ \t]+(\d{1,2})/(\d{1,2})$")
_MAX_META_WORDS = 16  # a line of date, time, byline and labels, not a sentence
_MAX_NOTICE_WORDS = 12
_CAPTION_FORMS = 3  # a bullet, an indented line and a flat line


def propose(lines: list[Line], body_first: int, language: languages.Language) -> list[Removal]:
    """Proposals for the article's lines (`body_first`: index of its first prose line)."""
    removals: list[Removal] = []
    date_index = _date_marker(lines, removals)
    copies: dict[str, list[Line]] = defaultdict(list)  # one pass: a long text has many lines
    for line in lines:
        if _may_be_caption(line):
            copies[line.key].append(line)
    counts = Counter({key: len(found) for key, found in copies.items()})
    caption_keys = {key for key, found in copies.items() if _shown_as_caption(found)}
    seen: dict[str, bool] = {}  # the keys so far, each with: every copy was a list entry
    headline = next((line.index for line in lines if line.text.strip()), -1)
    for at, line in enumerate(lines):
        stripped = line.text.strip()
        if not stripped or line.index == date_index:
            continue
        counter = _COUNTER.search(line.text)
        counted = bool(counter and _is_counter(counter))
        in_lead = line.index < body_first
        if counted and in_lead and counts[line.key] == 1 and line.index != headline:
            caption_keys.add(line.key)  # a caption shown once, with its place in the gallery
        reason = _reason(lines, at, body_first, seen, caption_keys)
        if reason is None and body_first > line.index > headline:
            reason = _lead_reason(lines, at, language)
        if reason is not None:
            removals.append(whole(line, reason))
        caption = reason is Reason.CAPTION or (reason is None and (in_lead or counts[line.key] > 1))
        if counter and counted and caption:
            start = line.start + counter.start()
            removals.append(
                Removal(start, line.end, Reason.GALLERY_COUNTER, counter.group().strip())
            )
        seen[line.key] = seen.get(line.key, True) and _is_list_entry(line)
    return removals


def _reason(
    lines: list[Line], at: int, body_first: int, seen: dict[str, bool], caption_keys: set[str]
) -> Reason | None:
    line = lines[at]
    stripped = line.text.strip()
    in_lead = line.index < body_first
    if boilerplate.is_boilerplate(stripped):
        return Reason.BOILERPLATE
    if boilerplate.is_teaser_link(stripped):
        return Reason.TEASER_LINK
    if line.key in caption_keys:
        return Reason.REPEATED if line.key in seen else Reason.CAPTION
    if line.key in seen and _may_repeat_as_junk(lines, at, body_first, seen[line.key]):
        return Reason.REPEATED
    if boilerplate.is_photo_credit(stripped):
        return Reason.PHOTO_CREDIT
    if boilerplate.is_gallery_counter(stripped):
        return Reason.GALLERY_COUNTER
    if boilerplate.is_bare_number(stripped) and (in_lead or _next_to_furniture(lines, at)):
        return Reason.COUNT
    if len(stripped.split()) <= _MAX_NOTICE_WORDS and boilerplate.is_notice(stripped):
        return Reason.NOTICE
    return None


def _lead_reason(lines: list[Line], at: int, language: languages.Language) -> Reason | None:
    """Between the headline and the body: a byline or a line of date and labels."""
    stripped = lines[at].text.strip()
    if bylines.is_by_alone(stripped):
        return Reason.BYLINE
    previous = _previous_text(lines, at)
    if bylines.byline_name(stripped) or (previous and bylines.is_by_alone(previous)):
        return Reason.BYLINE
    short = len(stripped.split()) <= _MAX_META_WORDS and not stripped.endswith((".", "!", "?"))
    if short and dates.find_date(stripped, language.code):
        return Reason.DATE_MARKER
    return None


def _previous_text(lines: list[Line], at: int) -> str:
    for line in reversed(lines[:at]):
        if line.text.strip():
            return line.text.strip()
    return ""


def _may_be_caption(line: Line) -> bool:
    return len(line.key) >= _MIN_REPEATED and len(line.key.split()) >= 2


def _shown_as_caption(copies: list[Line]) -> bool:
    """A repeated line shown as a caption: once as a bullet, or with a gallery counter."""
    if len(copies) < 2:
        return False
    if any(_COUNTER.search(line.text) for line in copies):
        return True
    # a list entry and a heading of the same words are a table of contents, not a caption
    # shown in each of a gallery's forms
    return len(copies) >= _CAPTION_FORMS and any(_is_list_entry(line) for line in copies)


def _may_repeat_as_junk(lines: list[Line], at: int, body_first: int, listed_before: bool) -> bool:
    """Captions above the body, or a line alone as a paragraph (a PDF's running head).

    A line inside a longer paragraph, such as a table cell, may well repeat.
    """
    line = lines[at]
    if not _may_be_caption(line):
        return False
    if not _is_list_entry(line) and listed_before:
        return False  # a heading that a table of contents above lists
    if line.index < body_first:
        return True
    before = lines[at - 1].text.strip() if at > 0 else ""
    after = lines[at + 1].text.strip() if at + 1 < len(lines) else ""
    return not before and not after


def _is_list_entry(line: Line) -> bool:
    return line.text.lstrip().startswith(("•", "* ", "◦", "▪", "- "))


def _next_to_furniture(lines: list[Line], at: int) -> bool:
    neighbours = [_previous_text(lines, at)]
    following = next((line.text.strip() for line in lines[at + 1 :] if line.text.strip()), "")
    neighbours.append(following)
    return any(
        text and (boilerplate.is_boilerplate(text) or boilerplate.is_bare_number(text))
        for text in neighbours
    )


def _is_counter(match: re.Match[str]) -> bool:
    shown, total = int(match.group(1)), int(match.group(2))
    return 1 <= shown <= total


def _date_marker(lines: list[Line], removals: list[Removal]) -> int | None:
    """Propose dropping `date YYYY-MM-DD` (its date is kept as the published date)."""
    first = next((line for line in lines if line.text.strip()), None)
    if first is None:
        return None
    match = DATE_LINE.match(first.text.strip())
    if not match:
        return None
    offset = len(first.text) - len(first.text.lstrip())
    if match.group(2):  # the headline follows on the same line: drop only the marker
        marker_end = first.start + offset + match.start(2)
        text = first.text[: marker_end - first.start].strip()
        removals.append(Removal(first.start, marker_end, Reason.DATE_MARKER, text))
    else:
        removals.append(whole(first, Reason.DATE_MARKER))
    return first.index
