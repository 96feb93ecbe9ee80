"""Which line of a pasted page is the article's headline, weighed by a small model.

A browser's copy starts with the site's menus, so the first line is rarely the
headline. The headline stands a few lines above the body, often just above the
byline or the date; it is a line of a few words without a full stop, often shown
twice (as the last crumb of the breadcrumbs and as the page's heading), rarely a
list entry or a button. Each line near the body's start gets those features, and a
logistic model (its weights in `headline_model.json`, trained by
`scripts/train_headline_model.py` on our own half of a real-page corpus) scores
them; the line with the highest score is the headline. Evaluated in plain Python.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from importlib import resources

from annotator.core.importing import boilerplate, bylines, dates, languages

REACH_ABOVE = 40  # non-blank lines above the body's first line that may be the headline
REACH_BELOW = 3
_MAX_WORDS = 40
_BULLET = re.compile(r"^\s*(?:[*+•◦▪·‣-]|\d{1,3}[.)])\s")
_SEPARATORS = re.compile(r"\s[|»/>›·•]\s")
_DISTANCES = (1, 2, 3, 5, 10)
_LIST_MARK = re.compile(r"^(?:[*+•◦▪·‣-])\s+")
_CAPTION_FORMS = 3  # a caption shown as a list entry, indented and flat: not the headline

NAMES = (
    "bias",
    "log_distance",
    "above",
    *(f"within_{d}" for d in _DISTANCES),
    "log_words",
    "few_words",
    "many_words",
    "full_stop",
    "other_end_mark",
    "colon_end",
    "title_case",
    "capitals",
    "stopwords",
    "digits",
    "bullet",
    "indent",
    "furniture",
    "teaser",
    "date",
    "byline",
    "separators",
    "copies_2",
    "copies_more",
    "copy_above",
    "next_is_byline_or_date",
    "prev_is_bullet",
    "prev_is_short",
    "first_candidate",
)


def _model() -> dict[str, float]:
    return _load()


@functools.cache
def _load() -> dict[str, float]:
    path = resources.files("annotator.core.importing").joinpath("headline_model.json")
    found = json.loads(path.read_text("utf-8"))
    weights: dict[str, float] = found["weights"]
    return weights


def candidates(
    lines: list[str], body_first: int, language: languages.Language
) -> list[tuple[int, list[float]]]:
    """The line indices that may hold the headline, each with its features (`NAMES`)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return []
    at_body = next((k for k, i in enumerate(filled) if i >= body_first), len(filled) - 1)
    keys = Counter(_key(line) for line in lines if line.strip())
    listed = {_key(line) for line in lines if _BULLET.match(line)}
    start = max(0, at_body - REACH_ABOVE)
    found: list[tuple[int, list[float]]] = []
    seen_above = {_key(lines[i]) for i in filled[:start]}
    for k in range(start, min(len(filled), at_body + REACH_BELOW + 1)):
        index = filled[k]
        raw = lines[index]
        text = raw.strip()
        words = text.split()
        key = _key(raw)
        if len(words) > _MAX_WORDS or (keys[key] >= _CAPTION_FORMS and key in listed):
            seen_above.add(key)
            continue
        following = lines[filled[k + 1]].strip() if k + 1 < len(filled) else ""
        previous = lines[filled[k - 1]] if k > 0 else ""
        distance = at_body - k
        found.append(
            (
                index,
                _features(
                    raw,
                    text,
                    words,
                    key,
                    distance,
                    keys,
                    seen_above,
                    following,
                    previous,
                    language,
                    not found,
                ),
            )
        )
        seen_above.add(key)
    return found


def _key(line: str) -> str:
    """A line as compared with its copies: without spaces, case or a list bullet."""
    return _LIST_MARK.sub("", " ".join(line.split())).casefold()


def _features(
    raw: str,
    text: str,
    words: list[str],
    key: str,
    distance: int,
    keys: Counter[str],
    seen_above: set[str],
    following: str,
    previous: str,
    language: languages.Language,
    first: bool,
) -> list[float]:
    cased = [word for word in words if word[:1].isalpha()]
    letters = [c for c in text if c.isalpha()]
    plain = languages.words(text)
    copies = keys[key]
    next_meta = bool(following) and (
        bool(bylines.byline_name(following))
        or bylines.is_by_alone(following)
        or bool(dates.find_date(following, language.code))
    )
    return [
        1.0,
        math.log1p(abs(distance)),
        float(distance > 0),
        *(float(0 < distance <= d) for d in _DISTANCES),
        math.log1p(len(words)),
        float(len(words) < 3),
        float(len(words) > 20),
        float(text.endswith(".")),
        float(text.endswith(("!", "?", "”", '"', "»", "…"))),
        float(text.endswith(":")),
        sum(word[0].isupper() for word in cased) / len(cased) if cased else 0.0,
        sum(c.isupper() for c in letters) / len(letters) if letters else 0.0,
        language.stopword_share(plain),
        sum(c.isdigit() for c in text) / len(text),
        float(bool(_BULLET.match(raw))),
        min(len(raw) - len(raw.lstrip()), 8) / 8,
        float(boilerplate.is_boilerplate(text) or boilerplate.is_photo_credit(text)),
        float(boilerplate.is_teaser_heading(text) or boilerplate.is_teaser_link(text)),
        float(bool(dates.find_date(text, language.code))),
        float(bool(bylines.byline_name(text)) or bylines.is_by_alone(text)),
        float(bool(_SEPARATORS.search(text))),
        float(copies == 2),
        float(copies > 2),
        float(key in seen_above),
        float(next_meta),
        float(bool(_BULLET.match(previous))),
        float(0 < len(previous.split()) < 3),
        float(first),
    ]


def score(features: list[float], weights: dict[str, float] | None = None) -> float:
    found = weights if weights is not None else _model()
    return sum(found.get(name, 0.0) * value for name, value in zip(NAMES, features, strict=True))


def headline(lines: list[str], body_first: int, language: languages.Language) -> int | None:
    """The index of the line most like the headline, or None when no line may be."""
    found = candidates(lines, body_first, language)
    if not found:
        return None
    return max(found, key=lambda item: (score(item[1]), -abs(item[0] - body_first)))[0]
