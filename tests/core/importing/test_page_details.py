"""A saved page's title and author as a citation wants them (made-up pages and names)."""

from __future__ import annotations

from annotator.core.importing import languages
from annotator.core.importing.page_details import (
    article_author,
    article_title,
    byline_beside,
    site_names,
)

SITES = site_names("The Meridian Post", "https://www.meridianpost.example/a/1", "")


def test_the_site_name_comes_off_the_title_on_either_side() -> None:
    assert article_title("Cameras at the port | The Meridian Post", SITES, []) == (
        "Cameras at the port"
    )
    assert article_title("meridianpost.example - Cameras at the port", SITES, []) == (
        "Cameras at the port"
    )
    assert article_title("Cameras: a year on – a review", SITES, []) == (
        "Cameras: a year on – a review"
    )


def test_a_page_heading_that_begins_the_title_is_the_headline() -> None:
    title = "Cameras at the port - Local news from the harbour towns"
    assert article_title(title, SITES, ["Cameras at the port"]) == "Cameras at the port"


def test_authors_are_people_not_the_site_or_a_label() -> None:
    assert article_author("Ines Calloway; The Meridian Post", SITES) == "Ines Calloway"
    assert article_author("Author Ines Calloway", SITES) == "Ines Calloway"
    assert article_author("Posted", SITES) == ""


def test_a_byline_beside_the_article_fills_a_missing_author() -> None:
    lines = ["Home", "News", "Cameras at the port", "Von Ines Calloway", "First paragraph."]
    assert byline_beside(lines, 4) == "Ines Calloway"


def test_a_name_beside_the_date_above_the_article_is_its_author() -> None:
    body = "The council voted on Tuesday to install cameras at the port, the mayor said."
    lines = ["Home", "World", "Cameras at the port", "Ines Calloway, 16 April 2024", body]
    english = languages.detect(body + " It was the first vote of the year and they were there.")
    assert byline_beside(lines, 4, english) == "Ines Calloway"
    assert byline_beside(["Home", "Share, 16 April 2024", body], 2, english) == ""
