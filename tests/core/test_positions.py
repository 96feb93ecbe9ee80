"""Code-point positions against Qt's UTF-16 units, and paragraph numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.positions import Paragraphs, Utf16Map

MIXED = "Cámara 📷 at الحدود, 天眼科技 e\u0301 👁️ done"


def utf16_units(text: str, code_point: int) -> int:
    """What Qt counts up to `code_point`: UTF-16 code units, as the codec writes them."""
    return len(text[:code_point].encode("utf-16-le")) // 2


def test_utf16_of_text_before_an_emoji_is_unchanged() -> None:
    assert Utf16Map(MIXED).to_utf16(MIXED.index("📷")) == MIXED.index("📷")


def test_emoji_counts_two_utf16_units() -> None:
    after = MIXED.index("📷") + 1
    mapping = Utf16Map(MIXED)
    assert mapping.to_utf16(after) == after + 1
    assert mapping.to_code_point(after + 1) == after


def test_map_matches_the_utf16_codec_everywhere() -> None:
    mapping = Utf16Map(MIXED)
    for index in range(len(MIXED) + 1):
        units = utf16_units(MIXED, index)
        assert mapping.to_utf16(index) == units
        assert mapping.to_code_point(units) == index
    assert mapping.to_utf16(len(MIXED)) == len(MIXED.encode("utf-16-le")) // 2


def test_a_position_inside_a_surrogate_pair_rounds_down() -> None:
    emoji = MIXED.index("📷")
    assert Utf16Map(MIXED).to_code_point(emoji + 1) == emoji


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_round_trip_for_any_text(text: str) -> None:
    mapping = Utf16Map(text)
    for index in range(len(text) + 1):
        assert mapping.to_utf16(index) == utf16_units(text, index)
        assert mapping.to_code_point(mapping.to_utf16(index)) == index


def test_paragraphs_are_runs_between_blank_lines() -> None:
    text = "Headline\n\nFirst body.\nSame paragraph.\n\n\n  \nThird\n\nFourth"
    paragraphs = Paragraphs.of(text)
    assert paragraphs.number_at(0) == 1
    assert paragraphs.number_at(text.index("First")) == 2
    assert paragraphs.number_at(text.index("Same")) == 2
    assert paragraphs.number_at(text.index("Third")) == 3
    assert paragraphs.number_at(text.index("Fourth")) == 4


@pytest.mark.parametrize(
    ("quote", "label"),
    [("First body", "¶2"), ("Same paragraph.\n\n\n  \nThird", "¶2–3"), ("Headline", "¶1")],
)
def test_span_labels(quote: str, label: str) -> None:
    text = "Headline\n\nFirst body.\nSame paragraph.\n\n\n  \nThird\n\nFourth"
    start = text.index(quote)
    assert Paragraphs.of(text).span_label(start, start + len(quote)) == label


def test_span_ending_at_a_paragraph_end_stays_in_that_paragraph() -> None:
    text = "One\n\nTwo"
    assert Paragraphs.of(text).span_label(0, 3) == "¶1"
