"""A saved page's headline and standfirst stay with its article: trafilatura leaves them
out of the main content, though they are the article's own words."""

from __future__ import annotations

from pathlib import Path

from annotator.core.importing import page_lead, prepare_file

HEADLINE = "Harbour cameras to watch the ferry terminal from May"
STANDFIRST = (
    "The council voted seven to four for face matching at the port, "
    "despite a year of protests by civil liberties groups."
)
BODY = [
    "The city council of Port Ellery voted on Tuesday to install cameras that compare "
    "the faces of people entering the port district with a police watchlist.",
    "The system will cover the ferry terminal, the container gates and two public squares "
    "near the harbour, according to the budget approved by seven votes to four.",
    "A police spokesperson said officers would check every match by hand before "
    "stopping anyone, and that the cameras would be switched on in the autumn.",
]


def page() -> str:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        "<html><head><title>" + HEADLINE + " | The Meridian Post</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>"
        f"<header class='article-header'><h1>{HEADLINE}</h1>"
        f"<p class='standfirst'><strong>{STANDFIRST}</strong></p>"
        "<span class='date'>16 April 2024</span><a class='share' href='#'>Share</a></header>"
        f"<div class='article-body'>{body}</div>"
        "<footer><p>© 2024 The Meridian Post</p></footer></body></html>"
    )


def test_the_headline_and_standfirst_above_the_body_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(), "utf-8")
    draft = prepare_file(path)
    paragraphs = draft.text.split("\n\n")
    assert paragraphs[:2] == [HEADLINE, STANDFIRST]
    assert paragraphs[2:] == BODY


def test_a_caption_or_video_title_under_the_standfirst_stays_out(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    caption = "Watch: the ferry terminal at night"
    path.write_text(page().replace("<span class='date'>", f"<p>{caption}</p><span class='date'>"))
    draft = prepare_file(path)
    assert draft.text.split("\n\n")[:3] == [HEADLINE, STANDFIRST, BODY[0]]
    assert caption in draft.outside_main_content


def test_the_standfirst_goes_back_under_a_headline_the_article_already_has() -> None:
    lines = ["Home", "World", HEADLINE, STANDFIRST, "16 April 2024", *BODY, "© 2024"]
    found = page_lead.restored(lines, [HEADLINE, *BODY], [HEADLINE])
    assert found == [HEADLINE, STANDFIRST, *BODY]
