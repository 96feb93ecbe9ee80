"""Overlapping codings as flat segments and margin lanes, each found by one sweep.

A viewer cannot paint thousands of overlapping spans one by one: it needs the text
cut into segments, each covered by a fixed set of codings, and for the margin a lane
per coding such that codings sharing a line of text never share a lane. Both come
from sorting the span boundaries once, so a document with 5,000 codings costs
O(n log n), not the O(n^2) of comparing every pair of codings.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A stretch of text `[start, end)` covered by the same codings throughout.

    `members` are indices into the span list the segments were computed from, in
    ascending order.
    """

    start: int
    end: int
    members: tuple[int, ...]


def segments(spans: Sequence[tuple[int, int]]) -> list[Segment]:
    """Cut the covered text into segments, in text order; uncovered text is left out.

    Empty or reversed spans cover nothing.
    """
    boundaries: list[tuple[int, int, int]] = []  # (position, +1 open / -1 close, index)
    for index, (start, end) in enumerate(spans):
        if end > start:
            boundaries.append((start, 1, index))
            boundaries.append((end, -1, index))
    boundaries.sort()
    result: list[Segment] = []
    active: set[int] = set()
    previous = 0
    for position, kind, index in boundaries:
        if active and position > previous:
            result.append(Segment(previous, position, tuple(sorted(active))))
        if kind == 1:
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

    def within(self, start: int, end: int) -> list[Segment]:
        """Segments that touch `[start, end)`: the ones worth painting on screen."""
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        last = bisect.bisect_left(self._starts, end)
        return [s for s in self.segments[first:last] if s.end > start]
