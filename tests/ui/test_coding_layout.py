"""The viewer's layout patched after each action equals one laid out from scratch."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.coded_spans import CodedSpan
from annotator.ui.coding_layout import CodingLayout

TEXT_LENGTH = 80


def span(n: int, start: int, end: int, code: str = "c") -> CodedSpan:
    return CodedSpan(f"k{n:03}", code, "coder", start, end, "")


def coverage(layout: CodingLayout) -> list[frozenset[object]]:
    """Which codings cover each character, as the segments say."""
    covered: list[frozenset[object]] = [frozenset()] * TEXT_LENGTH
    for segment in layout.index.segments:
        for position in range(segment.start, segment.end):
            assert not covered[position], "segments overlap"
            covered[position] = frozenset(segment.members)
    return covered


def assert_lanes_apart(layout: CodingLayout) -> None:
    spans = list(layout.by_id.values())
    for i, a in enumerate(spans):
        for b in spans[i + 1 :]:
            if a.start < b.end and b.start < a.end:
                assert layout.lanes[a.id] != layout.lanes[b.id]


operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(0, TEXT_LENGTH - 1), st.integers(1, 30)),
        st.tuples(st.just("remove"), st.integers(0, 50), st.just(0)),
        st.tuples(st.just("move"), st.integers(0, 50), st.integers(0, TEXT_LENGTH - 1)),
    ),
    max_size=30,
)


@settings(max_examples=150)
@given(operations)
def test_patching_after_each_action_matches_a_fresh_layout(
    steps: list[tuple[str, int, int]],
) -> None:
    layout = CodingLayout()
    made = 0
    for kind, a, b in steps:
        ids = sorted(layout.by_id)
        if kind == "add":
            layout.update(removed=(), upserted=[span(made, a, min(TEXT_LENGTH, a + b))])
            made += 1
        elif ids and kind == "remove":
            layout.update(removed=[ids[a % len(ids)]], upserted=())
        elif ids and kind == "move":  # a recode or a changed span keeps the id
            old = layout.by_id[ids[a % len(ids)]]
            length = old.end - old.start
            moved = old._replace(start=b, end=min(TEXT_LENGTH, b + length), code_id="d")
            layout.update(removed=(), upserted=[moved])
        fresh = CodingLayout(layout.by_id.values())
        assert coverage(layout) == coverage(fresh)
        assert_lanes_apart(layout)


def test_lookups_by_position_and_range() -> None:
    layout = CodingLayout([span(1, 0, 10), span(2, 5, 20), span(3, 30, 40)])
    assert {s.id for s in layout.at(7)} == {"k001", "k002"}
    assert layout.at(25) == []
    assert [s.id for s in layout.overlapping(8, 31)] == ["k001", "k002", "k003"]
    assert layout.lane_count() == 2
    layout.update(removed=["k002"], upserted=())
    assert layout.lane_count() == 1
    assert [s.id for s in layout.shown()] == ["k001", "k003"]
