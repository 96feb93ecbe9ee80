"""Pre-filled details: the date line, the byline, metadata, and the researcher's word."""

from __future__ import annotations

import pytest

from annotator.core import errors
from annotator.core.importing.provenance import Lead, helpful_title, iso_date, merge, read_lead


def test_date_and_headline_on_one_line_with_a_byline() -> None:
    lead = read_lead(
        "date 2021-09-14 Police switch on cameras\nA caption. 1/2\nBy CHILESHE MWANZA\n\nBody."
    )
    assert lead == Lead(
        "2021-09-14", "Police switch on cameras", "Chileshe Mwanza", "Police switch on cameras"
    )


def test_date_alone_then_headline_on_the_next_line() -> None:
    lead = read_lead("date 2021-05-19\nNeighbours and a chatbot\nBy Maryna Hrytsevich\n\nBody.")
    assert (lead.published_date, lead.headline, lead.author) == (
        "2021-05-19",
        "Neighbours and a chatbot",
        "Maryna Hrytsevich",
    )


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Por VALERIA QUISPE HUAMÁN", "Valeria Quispe Huamán"),
        ("BALTIC DESK", "Baltic Desk"),
        ("by Jane O'Neil.", "Jane O'Neil"),
    ],
)
def test_bylines_in_several_forms(byline: str, author: str) -> None:
    assert read_lead(f"date 2022-03-08 Headline\nShare\n{byline}\n\nBody.").author == author


def test_no_byline_past_the_opening_block_and_no_capitals_headline_as_author() -> None:
    assert read_lead("CAMERAS EVERYWHERE\nsubtitle\n\nBody.\n\nBy the way, more.").author == ""
    assert read_lead("Headline\nADVERTISEMENT\n\nBody.").author == ""


def test_an_impossible_date_is_not_a_date_line() -> None:
    lead = read_lead("date 2021-02-30 Headline\n\nBody.")
    assert lead.published_date == ""


def test_metadata_dates_become_plain_dates() -> None:
    from datetime import UTC, datetime

    assert iso_date("2023-07-28T09:15:00+03:00") == "2023-07-28"
    assert iso_date(datetime(2022, 11, 21, 8, 0, tzinfo=UTC)) == "2022-11-21"
    assert iso_date("28 Jul 2023") == ""


def test_file_names_and_placeholders_are_not_titles() -> None:
    assert helpful_title("Microsoft Word - draft3.docx") == ""
    assert helpful_title("report.pdf") == ""
    assert helpful_title("  Cameras,   servers ") == "Cameras, servers"


def test_merge_prefers_the_researcher_then_the_text_date_then_metadata() -> None:
    merged = merge(
        overrides={"source_url": "https://example.org/a", "title": ""},
        metadata={"title": "Meta title", "author": "Meta Author", "published_date": "2020-01-01"},
        lead=Lead("2021-09-14", "Headline", "Byline Person", "Headline"),
        filename_stem="file",
    )
    assert merged["title"] == "Headline"
    assert merged["published_date"] == "2021-09-14"
    assert merged["author"] == "Meta Author"
    assert merged["source_url"] == "https://example.org/a"
    assert set(merged) == {
        "title", "author", "publisher", "published_date", "source_url",
        "accessed_date", "language", "notes",
    }  # fmt: skip


def test_merge_falls_back_to_the_first_line_then_the_file_name() -> None:
    assert (
        merge(overrides={}, metadata={}, lead=Lead(first_line="# Notes"), filename_stem="x")[
            "title"
        ]
        == "Notes"
    )
    assert merge(overrides={}, metadata={}, lead=Lead(), filename_stem="scan-04")["title"] == (
        "scan-04"
    )


def test_a_malformed_date_from_the_researcher_is_refused() -> None:
    with pytest.raises(errors.InvalidValue) as refused:
        merge(
            overrides={"published_date": "16/04/2024"}, metadata={}, lead=Lead(), filename_stem=""
        )
    assert refused.value.problem is errors.ValueProblem.FULL_DATE
    assert (refused.value.field, refused.value.value) == ("published_date", "16/04/2024")
