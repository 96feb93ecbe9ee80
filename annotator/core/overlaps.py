"""Overlapping codings as flat segments and margin lanes, each found by one sweep.

A viewer cannot paint thousands of overlapping spans one by one: it needs the text
cut into segments, each covered by a fixed set of codings, and for the margin a lane
per coding such that codings sharing a line of text never share a lane. Both come
from sorting the span boundaries once, so a document with 5,000 codings costs
O(n log n), not the O(n^2) of comparing every pair of codings. After one coding is
added or removed, only the stretch of text it covers is cut again.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Hashable, Sequence
from typing import NamedTuple


class Segment(NamedTuple):
    """A stretch of text `[start, end)` covered by the same codings throughout.

    `members` name those codings: indices into the span list the segments were
    computed from (ascending), or the keys given for the spans, in the same order.
    """

    start: int
    end: int
    members: tuple[Hashable, ...]


def segments(
    spans: Sequence[tuple[int, int]], keys: Sequence[Hashable] | None = None
) -> list[Segment]:
    """Cut the covered text into segments, in text order; uncovered text is left out.

    Empty or reversed spans cover nothing.
    """
    boundaries: list[tuple[int, int, int]] = []  # (position, 0 close / 1 open, index)
    for index, (start, end) in enumerate(spans):
        if end > start:
            boundaries.append((start, 1, index))
            boundaries.append((end, 0, index))
    boundaries.sort()
    result: list[Segment] = []
    active: set[int] = set()
    previous = 0
    for position, opens, index in boundaries:
        if active and position > previous:
            indices = tuple(sorted(active))
            members: tuple[Hashable, ...] = indices
            if keys is not None:
                members = tuple(keys[i] for i in indices)
            result.append(Segment(previous, position, members))
        if opens:
            active.add(index)
        else:
            active.discard(index)
        previous = position
    return result


def assign_lanes(spans: Sequence[tuple[int, int]]) -> list[int]:
    """A margin lane for each span: overlapping spans get different lanes.

    Greedy interval partitioning, longest span first among those starting together,
    so nested codings sit to the right of the coding that holds them. The number of
    lanes used equals the deepest overlap, the fewest possible.
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1], i))
    lanes = [0] * len(spans)
    busy: list[tuple[int, int]] = []  # (end, lane) of spans still open
    free: list[int] = []
    next_lane = 0
    for index in order:
        start, end = spans[index]
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane = next_lane
            next_lane += 1
        lanes[index] = lane
        heapq.heappush(busy, (max(end, start + 1), lane))
    return lanes


def lowest_free_lane(taken: set[int]) -> int:
    """The lane for a new coding beside codings holding `taken` lanes."""
    lane = 0
    while lane in taken:
        lane += 1
    return lane


class SegmentIndex:
    """Segments of one text with fast look-up by position and by range."""

    def __init__(self, found: list[Segment]) -> None:
        self.segments = found
        self._starts = [s.start for s in found]

    def at(self, offset: int) -> Segment | None:
        """The segment holding the character at `offset`, if any coding covers it."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and self.segments[index].end > offset:
            return self.segments[index]
        return None

    def _bounds(self, start: int, end: int) -> tuple[int, int]:
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        if first < len(self.segments) and self.segments[first].end <= start:
            first += 1
        last = max(first, bisect.bisect_left(self._starts, end))
        return first, last

    def within(self, start: int, end: int) -> list[Segment]:
        """Segments that touch `[start, end)`: the ones worth painting on screen."""
        first, last = self._bounds(start, end)
        return self.segments[first:last]

    def members_within(self, start: int, end: int) -> set[Hashable]:
        """Every coding covering some character of `[start, end)`."""
        return {m for s in self.within(start, end) for m in s.members}

    def replace(self, start: int, end: int, fresh: list[Segment]) -> None:
        """Put `fresh` (segments inside `[start, end)`) in place of what covered it.

        Segments reaching over either edge keep their outside part unchanged.
        """
        first, last = self._bounds(start, end)
        touched = self.segments[first:last]
        kept_left = [touched[0]._replace(end=start)] if touched and touched[0].start < start else []
        kept_right = [touched[-1]._replace(start=end)] if touched and touched[-1].end > end else []
        replacement = kept_left + [s for s in fresh if s.end > s.start] + kept_right
        self.segments[first:last] = replacement
        self._starts[first:last] = [s.start for s in replacement]
