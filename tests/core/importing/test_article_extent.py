"""Where the article ends in a pasted page: lists that belong to it stay with it.

Made-up pages in the shapes a browser's copy gives: a closing list that a line ending
in `:` introduces, a list nested as deep as an indented body, and a table of contents
whose entries are also the article's headings (not captions shown twice).
"""

from __future__ import annotations

from annotator.core.importing.cleanup import apply, propose

PROSE = (
    "The harbour authority said on Monday that the new cameras at the ferry gates would "
    "be switched on in the spring, and that the images would be kept for thirty days."
)
MORE = (
    "Residents who spoke at the meeting asked who would be allowed to search the images, "
    "and the council said that it would publish the rules before the end of the year."
)
FOOTER = (
    "  * Home\n  * About us\n  * Contact\n  * Privacy policy\n  * Imprint\n\n"
    "© 2024 Harbour Weekly. All rights reserved.\n"
)


def cleaned(text: str) -> str:
    return apply(text, propose(text))


def test_a_closing_list_introduced_by_a_colon_stays() -> None:
    page = (
        "  * News\n  * Sport\n  * Weather\n  * Opinion\n\nSign in\n\n"
        "Cameras at the ferry gates\n\n"
        f"{PROSE}\n\n{MORE}\n\n"
        "What the residents asked the council to publish:\n\n"
        "  * how long the images are kept\n"
        "  * who may search them and why\n"
        "  * how a person can ask to see their own images\n\n"
        f"{FOOTER}"
    )
    text = cleaned(page)
    assert "who may search them and why" in text
    assert "how a person can ask to see their own images" in text
    assert "Privacy policy" not in text and "All rights reserved" not in text


def test_a_list_nested_as_deep_as_the_body_stays() -> None:
    body = "\n\n".join(f"        {paragraph}" for paragraph in (PROSE, MORE, PROSE[::-1]))
    page = (
        "  * News\n  * Sport\n  * Weather\n  * Opinion\n\nSign in\n\n"
        "        Cameras at the ferry gates\n\n"
        f"{body}\n\n"
        "          * Gate cameras in use from the first of April onwards\n"
        "          * Recordings are deleted after thirty days by default\n\n"
        f"{FOOTER}"
    )
    text = cleaned(page)
    assert "Recordings are deleted after thirty days by default" in text
    assert "All rights reserved" not in text


def test_a_table_of_contents_entry_is_not_a_caption() -> None:
    page = (
        "A guide to the camera rules\n\n"
        "  * At the gates\n  * In the squares\n  * Your rights\n\n"
        "At the gates\n\n"
        f"{PROSE}\n\n"
        "In the squares\n\n"
        f"{MORE}\n\n"
        "Your rights\n\n"
        "Anyone may ask the authority for the images it holds of them, in writing, and "
        "the authority has a month to answer.\n"
    )
    text = cleaned(page)
    for heading in ("At the gates", "In the squares", "Your rights"):
        assert f"\n{heading}\n" in text
