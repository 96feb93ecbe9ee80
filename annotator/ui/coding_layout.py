"""The codings a viewer shows, cut into segments and given margin lanes, kept current.

Plain Python over `core.overlaps` (no Qt), so it is tested without a display. A new
document is laid out in one sweep; after an action only the stretches of text the
touched codings cover are cut again, and only the new codings get lanes, so coding
a passage in a document with 5,000 codings costs about as much as in one with ten.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.coded_spans import CodedSpan
from annotator.core.overlaps import SegmentIndex, assign_lanes, lowest_free_lane, segments


class CodingLayout:
    def __init__(self, spans: Iterable[CodedSpan] = ()) -> None:
        self.by_id: dict[str, CodedSpan] = {}
        self.lanes: dict[str, int] = {}
        self.index = SegmentIndex([])
        self.rebuild(spans)

    def rebuild(self, spans: Iterable[CodedSpan]) -> None:
        """Lay out a whole document's codings from scratch (one sweep)."""
        items = list({s.id: s for s in spans}.values())
        self.by_id = {s.id: s for s in items}
        pairs = [(s.start, s.end) for s in items]
        self.index = SegmentIndex(segments(pairs, [s.id for s in items]))
        self.lanes = {s.id: lane for s, lane in zip(items, assign_lanes(pairs), strict=True)}

    def update(self, removed: Iterable[str], upserted: Iterable[CodedSpan]) -> None:
        """Take codings out and put new or changed ones in, re-cutting only their text."""
        fresh = list(upserted)
        regions: list[tuple[int, int]] = []
        for coding_id in set(removed) | {s.id for s in fresh}:
            old = self.by_id.pop(coding_id, None)
            if old is not None:
                regions.append((old.start, old.end))
                del self.lanes[coding_id]
        for span in fresh:
            self.by_id[span.id] = span
            regions.append((span.start, span.end))
        for start, end in regions:
            ids = {m for m in self.index.members_within(start, end) if m in self.by_id}
            ids.update(s.id for s in fresh if s.start < end and s.end > start)
            ordered = sorted(ids)
            clipped = [
                (max(self.by_id[i].start, start), min(self.by_id[i].end, end)) for i in ordered
            ]
            self.index.replace(start, end, segments(clipped, ordered))
        for span in fresh:
            near = self.index.members_within(span.start, span.end)
            taken = {self.lanes[m] for m in near if m in self.lanes}
            self.lanes[span.id] = lowest_free_lane(taken)

    def at(self, offset: int) -> list[CodedSpan]:
        segment = self.index.at(offset)
        return [self.by_id[m] for m in segment.members] if segment else []  # type: ignore[index]

    def overlapping(self, start: int, end: int) -> list[CodedSpan]:
        """Codings covering some character of `[start, end)`, in text order."""
        found = [self.by_id[m] for m in self.index.members_within(start, end)]  # type: ignore[index]
        return sorted(found, key=lambda s: (s.start, -s.end, s.id))

    def shown(self) -> list[CodedSpan]:
        return sorted(self.by_id.values(), key=lambda s: (s.start, -s.end, s.id))

    def lane_count(self) -> int:
        return max(self.lanes.values(), default=-1) + 1
