"""A pasted news page, in the shapes a browser's copy gives it, cleans up to headline and body.

The page (tests/fixtures/importing/pasted-news-page.txt) was written for these tests:
a top menu and a cookie banner, captions three times (bullet, indented, flat) with
gallery counters and agency credits, a byline in capitals above `5 min read`, a
stray comment count, a row of share buttons, a date, a dateline with the agency, an
advertisement, a newsletter box and a trailing block of teasers.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from annotator.core import codebook, coders, coding
from annotator.core.exports.word import write_report
from annotator.core.importing import ImportOptions, Reason, import_items, prepare_pasted
from annotator.core.importing.cleanup import apply, propose
from annotator.core.positions import Paragraphs
from annotator.core.project import create_project
from annotator.core.selection import Selection

FIXTURE = Path(__file__).parents[2] / "fixtures" / "importing" / "pasted-news-page.txt"
HEADLINE = "City council approves face-matching cameras for the port district"
BODY_STARTS = "PORT ELLERY, Westmark (AP) — The city council of Port Ellery voted"
BODY_ENDS = "the cameras would be switched on in the autumn."
CAPTIONS = (
    "Dock workers pass the new camera mast at gate seven.",
    "A technician checks a camera housing above the ferry ramp.",
    "Council members vote on the surveillance budget.",
)


@pytest.fixture
def page() -> str:
    return FIXTURE.read_text("utf-8")


def test_clean_up_leaves_the_headline_and_the_body_alone(page: str) -> None:
    draft = prepare_pasted(page, ImportOptions(clean=True))
    paragraphs = draft.text.split("\n\n")
    assert paragraphs[0] == HEADLINE
    assert paragraphs[1].startswith(BODY_STARTS)
    assert paragraphs[-1].endswith(BODY_ENDS)
    assert len(paragraphs) == 5  # the headline and four paragraphs of the body


def test_byline_in_capitals_is_the_author_and_the_dateline_agency_the_publisher(
    page: str,
) -> None:
    details = prepare_pasted(page, ImportOptions(clean=True)).provenance
    assert details["author"] == "Marisol Abernathy"
    assert details["publisher"] == "Associated Press"
    assert details["published_date"] == "2024-04-16"
    assert details["title"] == HEADLINE


def reasons_for(page: str, line: str) -> set[Reason]:
    return {r.reason for r in propose(page) if r.text.strip(" *") == line}


def test_every_shape_is_proposed_with_its_own_reason(page: str) -> None:
    assert reasons_for(page, CAPTIONS[0]) == {Reason.CAPTION, Reason.REPEATED}
    assert reasons_for(page, "ASSOCIATED PRESS") == {Reason.PHOTO_CREDIT, Reason.REPEATED}
    assert reasons_for(page, "2/3") == {Reason.GALLERY_COUNTER}
    assert reasons_for(page, "0") == {Reason.COUNT}
    assert reasons_for(page, "5 min read") == {Reason.BOILERPLATE}
    assert reasons_for(page, "MARISOL ABERNATHY") == {Reason.BYLINE}
    assert reasons_for(page, "Facebook") == {Reason.BOILERPLATE}
    assert reasons_for(page, "April 16, 2024") == {Reason.DATE_MARKER}
    assert reasons_for(page, "Sign up for our morning newsletter") == {Reason.NOTICE}
    by_reason = {r.reason: r.text for r in propose(page)}
    assert by_reason[Reason.BEFORE_ARTICLE].startswith("Skip to content\n* World")
    assert "We use cookies" in by_reason[Reason.BEFORE_ARTICLE]
    assert by_reason[Reason.TEASERS].startswith("Recommended Stories\n")


def test_a_caption_can_be_kept_once_in_place(page: str) -> None:
    removals = propose(page)
    first_copies = [r for r in removals if r.reason is Reason.CAPTION]
    assert [r.text.strip(" *") for r in first_copies] == list(CAPTIONS)
    kept_once = apply(page, [r for r in removals if r is not first_copies[0]])
    assert kept_once.count(CAPTIONS[0]) == 1
    assert kept_once.index(HEADLINE) < kept_once.index(CAPTIONS[0]) < kept_once.index(BODY_STARTS)
    assert CAPTIONS[1] not in kept_once


@pytest.mark.parametrize(
    "heading", ["Recommended Stories", "Related", "More from Business", "Most read"]
)
def test_trailing_teaser_blocks_go_whatever_their_heading(page: str, heading: str) -> None:
    text = page.replace("Recommended Stories", heading)
    cleaned = apply(text, propose(text))
    assert cleaned.endswith(BODY_ENDS)


def test_a_by_line_names_the_author_too(page: str) -> None:
    text = page.replace("MARISOL ABERNATHY", "By Marisol Abernathy and Tom Reyes")
    draft = prepare_pasted(text, ImportOptions(clean=True))
    assert draft.provenance["author"] == "Marisol Abernathy and Tom Reyes"
    assert "By Marisol" not in draft.text


def test_a_clean_text_pasted_alone_keeps_every_line() -> None:
    text = (
        "Notes from the hearing\n\n"
        "The committee heard three witnesses on the camera contract, and the chair asked "
        "each of them how long the images would be kept.\n\n"
        "- retention: 30 days\n- access: police only\n- audit: none yet\n\n"
        "The next hearing is in May."
    )
    assert propose(text) == []


def test_the_word_citation_names_author_and_publisher_and_counts_frozen_paragraphs(
    page: str, tmp_path: Path
) -> None:
    project = create_project(tmp_path / "news.annotator")
    coder = coders.add_coder(project, "Amina Rasheed")
    draft = prepare_pasted(page, ImportOptions(clean=True))
    report = import_items(project, [draft], coder_id=coder.id)
    document_id = report.imported[0].document_id
    code_id = next(iter(codebook.create_code(project, "Facial recognition").codes))
    quote = "People who come here to work or to catch a ferry are not suspects"
    start = draft.text.index(quote)
    coding.add_coding(project, document_id, code_id, start, start + len(quote), coder.id)
    assert Paragraphs.of(draft.text).span_label(start, start + len(quote)) == "¶4"
    target = tmp_path / "report.docx"
    write_report(project, target, Selection())
    lines = [p.text for p in docx.Document(str(target)).paragraphs]
    assert f"— {HEADLINE}, Associated Press, Marisol Abernathy, 16 April 2024, ¶4" in lines


def test_lines_dropped_by_hand_go_into_the_import_record(page: str, tmp_path: Path) -> None:
    draft = prepare_pasted(page, ImportOptions(clean=True))
    advertisement = next(r for r in draft.removals if r.text == "Advertisement")
    draft.chosen.discard(draft.removals.index(advertisement))  # restored by the researcher
    shown = draft.text
    sentence = "The system will cover the ferry terminal"
    at = shown.index(sentence)
    dropped = draft.drop_by_hand(at + 4, at + 10)  # a selection inside one line
    assert dropped is not None and dropped.reason is Reason.BY_HAND
    assert dropped.text.startswith(sentence) and dropped.text.endswith("who may search them.")
    assert sentence not in draft.text and "Advertisement" in draft.text
    assert draft.extracted_text[dropped.start : dropped.end].strip() == dropped.text
    project = create_project(tmp_path / "record.annotator")
    report = import_items(project, [draft], coder_id=None)
    events = project.db.execute(
        "select details from events where action = 'document imported'"
    ).fetchall()
    assert report.imported and len(events) == 1
    record = events[0][0]
    assert '"dropped by hand"' in record and sentence in record
    assert '"before the article"' in record and "Advertisement" not in record


def test_a_plain_name_under_the_headline_or_a_byline_after_the_lead_is_the_author(
    page: str,
) -> None:
    plain = page.replace("MARISOL ABERNATHY", "Marisol Abernathy")
    assert prepare_pasted(plain).provenance["author"] == "Marisol Abernathy"
    later = page.replace("MARISOL ABERNATHY\n", "").replace(
        "\nAdvertisement\n", "\nAuteur : Marisol Abernathy\n"
    )
    assert prepare_pasted(later).provenance["author"] == "Marisol Abernathy"


def test_a_date_written_only_under_the_article_is_its_date(page: str) -> None:
    closing = page.replace("April 16, 2024\n", "").replace(
        "\nRecommended Stories", "\nPublished April 16, 2024\n\nRecommended Stories"
    )
    assert (
        prepare_pasted(closing, ImportOptions(clean=True)).provenance["published_date"]
        == "2024-04-16"
    )


STANDFIRST = "Cameras will watch the ferry terminal and two squares"


def test_the_headline_is_not_the_standfirst_under_it(page: str) -> None:
    under = page.replace(HEADLINE + "\n", HEADLINE + "\n" + STANDFIRST + "\n")
    assert prepare_pasted(under, ImportOptions(clean=True)).provenance["title"] == HEADLINE


def test_the_headline_shown_again_as_the_last_crumb_is_the_title(page: str) -> None:
    crumbs = page.replace(
        "Technology\n\nCity council",
        f"  * Home\n  * Technology\n  * {HEADLINE}\n\nCity council",
    ).replace("\nMARISOL", f"\n{STANDFIRST}\nMARISOL")
    assert prepare_pasted(crumbs, ImportOptions(clean=True)).provenance["title"] == HEADLINE


@pytest.mark.parametrize(
    "meta",
    [
        "Marisol Abernathy, April 16, 2024, 11:08",
        "April 16, 2024 by Marisol Abernathy",
        "  * April 16, 2024\n  * von Marisol Abernathy",
        "April 16, 2024 11:46 von\nMarisol Abernathy",
    ],
)
def test_a_name_in_the_meta_lines_by_the_date_is_the_author(page: str, meta: str) -> None:
    shaped = page.replace("MARISOL ABERNATHY\n", "").replace("April 16, 2024\n", meta + "\n")
    details = prepare_pasted(shaped, ImportOptions(clean=True)).provenance
    assert details["author"] == "Marisol Abernathy"


def test_a_labelled_byline_under_the_article_is_the_author_without_the_site(page: str) -> None:
    shaped = page.replace("MARISOL ABERNATHY\n", "").replace(
        "\nRecommended Stories",
        "\nText: Marisol Abernathy / harbourpost.example\n\nRecommended Stories",
    )
    assert prepare_pasted(shaped, ImportOptions(clean=True)).provenance["author"] == (
        "Marisol Abernathy"
    )
