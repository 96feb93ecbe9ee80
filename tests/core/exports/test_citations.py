"""Citation lines: every known part, in order, and nothing dangling when parts are missing."""

from __future__ import annotations

import pytest

from annotator.core.exports.citations import citation, readable_date
from annotator.core.exports.rows import SourceDocument
from annotator.core.positions import Paragraphs


def source(**values: str) -> SourceDocument:
    fields = {
        "id": "d1",
        "title": "Cameras go up",
        "source_url": "",
        "publisher": "",
        "author": "",
        "published_date": "",
        "accessed_date": "",
        "language": "",
        "text_sha256": "",
        "original_sha256": "",
    }
    fields.update(values)
    return SourceDocument(**fields, paragraphs=Paragraphs.of("x"))  # type: ignore[arg-type]


def test_the_full_citation_has_the_shape_of_the_design() -> None:
    document = source(
        title="Title",
        publisher="Publisher",
        published_date="2024-04-16",
        source_url="https://example.org/a",
        accessed_date="2024-05-01",
    )
    assert citation(document, "¶12") == (
        "— Title, Publisher, 16 April 2024, https://example.org/a (accessed 1 May 2024), ¶12"
    )


def test_author_follows_the_publisher_when_known() -> None:
    document = source(title="T", publisher="P", author="Jane Okafor", published_date="2024-04")
    assert citation(document, "¶3–5") == "— T, P, Jane Okafor, April 2024, ¶3–5"


def test_missing_parts_leave_no_empty_commas() -> None:
    assert citation(source(), "¶1") == "— Cameras go up, ¶1"
    assert citation(source(), "") == "— Cameras go up"
    assert citation(source(accessed_date="2024-05-01")) == "— Cameras go up, accessed 1 May 2024"
    assert citation(source(publisher="  ", author="")) == "— Cameras go up"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("2024-04-16", "16 April 2024"),
        ("2024-04-16T09:30:00Z", "16 April 2024"),
        ("2024-12", "December 2024"),
        ("2024", "2024"),
        ("2024-02-30", "2024-02-30"),
        ("2024-13", "2024-13"),
        ("spring 2024", "spring 2024"),
    ],
)
def test_dates_read_as_people_write_them(stored: str, shown: str) -> None:
    assert readable_date(stored) == shown


def test_right_to_left_parts_can_be_isolated() -> None:
    document = source(title="كاميرات جديدة", publisher="Courier", published_date="2023-11-02")
    assert citation(document, "¶2", isolate=True) == (
        "— \u2068كاميرات جديدة\u2069, Courier, 2 November 2023, ¶2"
    )
    assert citation(source(title="Plain"), "¶1", isolate=True) == "— Plain, ¶1"
