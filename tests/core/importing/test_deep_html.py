"""Issue 18, finding 6: web pages nested deeper than the HTML parser goes.

300 nested `<div>`s made `--whole-page` store only the text before them; with all the
text past depth 255 the page "contained no text". Now the whole page is read at any
depth, and a page too deep for main-content extraction is kept whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.importing import ImportOptions, prepare_file


def nested_page(levels: int, *, before: str = "", after: str = "") -> str:
    deep = "<div>" * levels + "<p>Deep text about the cameras.</p>" + "</div>" * levels
    return (
        "<html><head><title>Nested</title><style>p { color: red }</style></head><body>"
        f"{before}{deep}{after}</body></html>"
    )


@pytest.mark.parametrize("levels", [300, 2_100, 5_000])
@pytest.mark.parametrize("whole_page", [True, False])
def test_text_past_any_nesting_depth_is_kept(tmp_path: Path, levels: int, whole_page: bool) -> None:
    path = tmp_path / "deep.html"
    path.write_text(
        nested_page(levels, before="<p>Before the nesting.</p>", after="<p>After it.</p>"),
        "utf-8",
    )
    draft = prepare_file(path, ImportOptions(whole_page=whole_page))
    assert draft.text.split("\n\n") == [
        "Before the nesting.",
        "Deep text about the cameras.",
        "After it.",
    ]
    assert draft.title == "Nested"


@pytest.mark.parametrize("levels", [300, 5_000])
def test_a_page_whose_only_text_lies_deep_has_text(tmp_path: Path, levels: int) -> None:
    path = tmp_path / "deep.html"
    path.write_text(nested_page(levels), "utf-8")
    assert prepare_file(path).text == "Deep text about the cameras."


def test_a_deep_page_is_kept_whole_and_says_its_main_content_was_not_picked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "deep.html"
    path.write_text(nested_page(300, before="<nav>Home | World</nav>"), "utf-8")
    draft = prepare_file(path)
    assert not draft.main_content_found
    assert draft.outside_main_content == ()
    assert "Home | World" in draft.text and "Deep text about the cameras." in draft.text
