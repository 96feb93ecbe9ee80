"""Segments and margin lanes of overlapping codings, checked against brute force."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.overlaps import Segment, SegmentIndex, assign_lanes, segments

spans_strategy = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 60)).map(lambda t: (min(t), max(t))),
    max_size=25,
)


def test_nested_and_overlapping_codings_cut_the_text_into_segments() -> None:
    # 0: [0, 10), 1: [3, 6) nested in 0, 2: [8, 14) overlapping the end of 0
    found = segments([(0, 10), (3, 6), (8, 14)])
    assert found == [
        Segment(0, 3, (0,)),
        Segment(3, 6, (0, 1)),
        Segment(6, 8, (0,)),
        Segment(8, 10, (0, 2)),
        Segment(10, 14, (2,)),
    ]


def test_uncovered_gaps_and_empty_spans_make_no_segment() -> None:
    assert segments([(0, 2), (5, 7), (4, 4)]) == [Segment(0, 2, (0,)), Segment(5, 7, (1,))]


def test_the_same_span_twice_is_one_segment_with_both() -> None:
    assert segments([(2, 5), (2, 5)]) == [Segment(2, 5, (0, 1))]


@given(spans_strategy)
def test_segments_match_brute_force(spans: list[tuple[int, int]]) -> None:
    found = segments(spans)
    by_position: dict[int, tuple[int, ...]] = {}
    for segment in found:
        assert segment.start < segment.end
        for position in range(segment.start, segment.end):
            by_position[position] = segment.members
    for position in range(61):
        covering = tuple(i for i, (s, e) in enumerate(spans) if s <= position < e)
        assert by_position.get(position, ()) == covering
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@given(spans_strategy)
def test_overlapping_spans_never_share_a_lane_and_lanes_are_fewest(
    spans: list[tuple[int, int]],
) -> None:
    lanes = assign_lanes(spans)
    nonempty = [(s, max(e, s + 1)) for s, e in spans]
    for i, (s1, e1) in enumerate(nonempty):
        for j, (s2, e2) in enumerate(nonempty):
            if i < j and s1 < e2 and s2 < e1:
                assert lanes[i] != lanes[j]
    deepest = max(
        (sum(1 for s, e in nonempty if s <= p < e) for p in range(62)),
        default=0,
    )
    assert (max(lanes) + 1 if lanes else 0) == deepest


def test_a_nested_coding_sits_right_of_its_holder() -> None:
    assert assign_lanes([(3, 6), (0, 10)]) == [1, 0]


def test_index_finds_the_segment_at_a_position_and_within_a_range() -> None:
    index = SegmentIndex(segments([(0, 10), (3, 6), (20, 30)]))
    assert index.at(4) == Segment(3, 6, (0, 1))
    assert index.at(10) is None
    assert index.at(15) is None
    assert [s.start for s in index.within(5, 21)] == [3, 6, 20]
    assert index.within(11, 19) == []
    assert SegmentIndex([]).at(0) is None
