"""How a team codes the reference project: how many codings each document gets, which
spans researchers select, who codes what, and who has finished which document.

Most documents get a few codings and some get many (Pareto), a fifth none yet; the
lead coder does most of the work, and half of the other coders' codings double-code
a passage the lead coded (the same code, the start sometimes a character off), so
agreement has something to compare. Spans are word-aligned; some nest in the one
before, many overlap.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

# Share of codings by each coder: the lead codes most, the others double-code samples.
CODER_SHARES = (0.6, 0.3, 0.1)


def stamp(base: datetime, seconds: int) -> str:
    """UTC ISO 8601, as the app writes timestamps."""
    return (base + timedelta(seconds=seconds)).isoformat().replace("+00:00", "Z")


def spans(rng: random.Random, text: str, count: int, longest: int) -> Iterator[tuple[int, int]]:
    """Word-aligned spans as a researcher selects them; some nest inside the one before."""
    last: tuple[int, int] | None = None
    size = len(text)
    for _ in range(count):
        if last and rng.random() < 0.15 and last[1] - last[0] > 40:  # nested
            start = rng.randrange(last[0], last[1] - 20)
            end = rng.randrange(start + 10, last[1])
        else:
            start = rng.randrange(0, max(1, size - longest))
            end = min(size, start + rng.randint(30, longest))
        space = text.find(" ", start, end)
        start = space + 1 if 0 <= space < end - 5 else start
        space = text.rfind(" ", start + 5, end)
        end = space if space > start else end
        last = (start, end)
        yield start, end


def coding_plan(
    rng: random.Random, documents: int, codings: int, big: int, big_codings: int
) -> list[int]:
    """How many codings each document gets: the big ones theirs, the rest skewed
    (a fifth of the articles not coded yet, some coded heavily)."""
    plan = [big_codings] * big + [0] * (documents - big)
    rest = codings - big_codings * big
    coded = [d for d in range(big, documents) if rng.random() > 0.2] or list(range(documents))
    weights = [rng.paretovariate(2.0) for _ in coded]
    cumulative = list(itertools.accumulate(weights))
    for _ in range(rest):
        at = bisect.bisect_left(cumulative, rng.random() * cumulative[-1])
        plan[coded[min(at, len(coded) - 1)]] += 1
    return plan


def coding_rows(
    rng: random.Random,
    ids: Callable[[], str],
    texts: list[tuple[str, str]],
    plan: Iterator[int],
    code_ids: list[str],
    code_weights: list[float],
    coder_ids: tuple[str, ...],
    base: datetime,
    clock: Iterator[int],
) -> list[tuple[object, ...]]:
    """Rows of codings of `texts`, taking their counts from `plan`; a second coder
    often codes a passage the lead coded."""
    rows: list[tuple[object, ...]] = []
    for (document_id, text), count in zip(texts, plan, strict=False):
        if not count:
            continue
        seen: set[tuple[str, str, int, int]] = set()
        chosen = rng.choices(code_ids, code_weights, k=count)
        coders = rng.choices(coder_ids, CODER_SHARES, k=count)
        longest = 1_500 if len(text) > 200_000 else 600
        previous: list[tuple[str, int, int]] = []
        for span, picked, coder_id in zip(
            spans(rng, text, count, longest), chosen, coders, strict=True
        ):
            code_id, (start, end) = picked, span
            if coder_id != coder_ids[0] and previous and rng.random() < 0.5:
                code_id, start, end = rng.choice(previous)  # double-coded, for agreement
                start += rng.choice((0, 0, 0, 1, -1)) if start > 0 else 0
            key = (code_id, coder_id, start, end)
            while key in seen:  # the same code on the same span by the same coder
                end += 1
                key = (code_id, coder_id, start, end)
            if end > len(text):
                continue
            seen.add(key)
            if coder_id == coder_ids[0]:
                previous.append((code_id, start, end))
            at = stamp(base, 86_400 + next(clock) * 7)  # a coding every 7 s
            rows.append(
                (ids(), document_id, code_id, coder_id, start, end, text[start:end], "", at)
            )
    return rows


def finished_rows(
    rng: random.Random, texts: list[tuple[str, str]], coder_ids: tuple[str, ...], base: datetime
) -> list[tuple[str, str, str]]:
    """(document, coder, when) of finished marks: the lead has finished about 70% of
    the documents, the others 30% and 10%."""
    at = stamp(base, 90 * 86_400)
    rows = []
    for document_id, _ in texts:
        for coder_id, share in zip(coder_ids, (0.7, 0.3, 0.1), strict=True):
            if rng.random() < share:
                rows.append((document_id, coder_id, at))
    return rows
