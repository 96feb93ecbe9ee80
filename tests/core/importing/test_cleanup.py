"""The clean-up proposes, the researcher chooses, and nothing goes silently."""

from __future__ import annotations

from annotator.core.importing.cleanup import Reason, apply, propose

SCRAPE = """date 2024-04-16 Gates get cameras
Passengers at gate four. 1/2
Passengers at gate four. 1/2
Passengers at gate four. 1/2
The terminal at night. 2/2
Photo: Example Wire
By IMANI OKAFOR
5 min read

First paragraph mentions an advertisement campaign and a share of the costs.

Advertisement

Second paragraph of the story.

Recommended Stories
list of 2 items
Ferry fares rise
2 min read
Storms close the port"""


def reasons(text: str) -> list[tuple[str, str]]:
    return [(r.reason.value, r.text) for r in propose(text)]


def test_every_kind_of_junk_is_proposed_with_its_reason() -> None:
    assert reasons(SCRAPE) == [
        ("date marker", "date 2024-04-16"),
        ("photo caption", "Passengers at gate four. 1/2"),
        ("gallery counter", "1/2"),
        ("repeated line", "Passengers at gate four. 1/2"),
        ("repeated line", "Passengers at gate four. 1/2"),
        ("photo caption", "The terminal at night. 2/2"),
        ("gallery counter", "2/2"),
        ("boilerplate", "Photo: Example Wire"),
        ("byline", "By IMANI OKAFOR"),
        ("boilerplate", "5 min read"),
        ("boilerplate", "Advertisement"),
        (
            "teaser block",
            "Recommended Stories\nlist of 2 items\nFerry fares rise\n2 min read\n"
            "Storms close the port",
        ),
    ]


def test_applying_everything_leaves_the_headline_and_body() -> None:
    assert apply(SCRAPE, propose(SCRAPE)) == (
        "Gates get cameras\n\n"
        "First paragraph mentions an advertisement campaign and a share of the costs.\n\n"
        "Second paragraph of the story."
    )


def test_a_caption_kept_once_keeps_its_place_without_its_counter() -> None:
    removals = propose(SCRAPE)
    first_copy = next(r for r in removals if r.reason is Reason.CAPTION)
    cleaned = apply(SCRAPE, [r for r in removals if r is not first_copy])
    assert cleaned.startswith("Gates get cameras\nPassengers at gate four.\n\nFirst")


def test_a_kept_line_stays_where_it_was() -> None:
    removals = propose(SCRAPE)
    keep = next(r for r in removals if r.text == "Advertisement")
    cleaned = apply(SCRAPE, [r for r in removals if r is not keep])
    assert "costs.\n\nAdvertisement\n\nSecond paragraph of the story." in cleaned


def test_nothing_chosen_means_the_text_is_untouched() -> None:
    assert apply(SCRAPE, []) == SCRAPE


def test_a_date_line_alone_goes_whole_and_the_headline_stays() -> None:
    text = "date 2021-05-19\nHeadline on its own line\n\nBody."
    removals = propose(text)
    assert [(r.reason, r.text) for r in removals] == [(Reason.DATE_MARKER, "date 2021-05-19")]
    assert apply(text, removals) == "Headline on its own line\n\nBody."


def test_table_cells_and_short_lines_may_repeat() -> None:
    text = "Intro.\n\nVendor\nBased in\nUzbekistan\n\nOther vendor\nBased in\nUzbekistan\n\n—\n\n—"
    assert propose(text) == []


def test_a_running_header_repeated_between_pages_is_proposed() -> None:
    text = "Brief No. 7/2022\n\nPage one text.\n\nPage 1 of 2\n\nBrief No. 7/2022\n\nMore text."
    assert reasons(text) == [
        ("boilerplate", "Page 1 of 2"),
        ("repeated line", "Brief No. 7/2022"),
    ]


def test_a_teaser_heading_followed_by_long_paragraphs_is_not_a_teaser_block() -> None:
    body = "A sentence long enough to be a paragraph of the article itself. " * 3
    text = f"Intro.\n\nRelated\n{body}\n\nEnd."
    assert [r.reason for r in propose(text)] == []


def test_counters_in_the_body_are_left_alone() -> None:
    text = "Headline\n\nThe vote was 3/4 in favour, officials said, and the cameras went up 1/2"
    assert propose(text) == []


def test_spanish_junk_is_junk_too() -> None:
    text = "Titular\nPor ANA RUIZ\nLectura de 5 min\nCompartir\n\nCuerpo.\n\nPublicidad\n\nFin."
    assert reasons(text) == [
        ("boilerplate", "Lectura de 5 min"),
        ("boilerplate", "Compartir"),
        ("boilerplate", "Publicidad"),
    ]
