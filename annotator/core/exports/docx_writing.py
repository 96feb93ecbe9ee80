"""Writing paragraphs into a Word file: real styles, any script, either direction.

Every paragraph carries a named style (Title, Heading N, Quote, and a few of our own
such as "Excerpt Citation"), never direct formatting, so a user restyles all
citations at once and builds a table of contents from the headings in Word or
LibreOffice. A paragraph whose text reads right to left (Arabic, Hebrew, Persian,
Urdu) is marked as such (`w:bidi` on the paragraph, `w:rtl` on its run), so it
aligns and orders correctly; CJK and emoji need nothing but the reader's fonts.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO, cast

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from annotator.core.xml_text import is_right_to_left, xml_safe

MAX_HEADING_LEVEL = 9
EAST_ASIAN_FONT = "Noto Sans CJK SC"  # also holds Japanese kana and Korean hangul
_GREY = RGBColor(0x59, 0x59, 0x59)


@dataclass(frozen=True)
class ReportStyles:
    """The paragraph styles an export uses, looked up once (a lookup walks all styles)."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    details: ParagraphStyle
    headings: tuple[ParagraphStyle, ...]
    definition: ParagraphStyle
    quote: ParagraphStyle
    citation: ParagraphStyle
    codes: ParagraphStyle
    memo: ParagraphStyle
    note: ParagraphStyle

    def heading(self, level: int) -> ParagraphStyle:
        return self.headings[min(max(level, 1), MAX_HEADING_LEVEL) - 1]


def new_document(title: str, subject: str) -> tuple[Document, ReportStyles]:
    """An empty Word document with our styles and honest metadata."""
    document = docx.Document()
    properties = document.core_properties
    properties.title = xml_safe(title)  # the project's name comes from its file name
    properties.subject = xml_safe(subject)
    properties.author = "Annotator"
    properties.last_modified_by = "Annotator"
    properties.comments = ""
    properties.keywords = ""
    properties.created = properties.modified = datetime.now(UTC).replace(tzinfo=None)
    properties.revision = 1
    return document, _styles(document)


def _name_east_asian_font(document: Document) -> None:
    """Name a CJK font in the styles instead of python-docx's empty theme font.

    With the template's theme font (an empty name), LibreOffice shows Chinese,
    Japanese and Korean text in italic or mixed-script runs as empty boxes. A reader
    without this font gets the system's own substitute, as for any missing font.
    """
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        if fonts.get(qn("w:eastAsiaTheme")) is not None:
            del fonts.attrib[qn("w:eastAsiaTheme")]
            fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _styles(document: Document) -> ReportStyles:
    styles = document.styles
    _name_east_asian_font(document)
    quote = styles["Quote"]
    quote.font.cs_italic = False  # Arabic and Hebrew have no italics; slanting distorts them
    quote.paragraph_format.left_indent = Pt(28)
    quote.paragraph_format.right_indent = Pt(28)
    quote.paragraph_format.space_after = Pt(2)
    quote.paragraph_format.keep_with_next = True  # a quote never ends a page without its source
    return ReportStyles(
        title=styles["Title"],
        subtitle=styles["Subtitle"],
        details=_style(document, "Report Details", space_after=2),
        headings=tuple(styles[f"Heading {n}"] for n in range(1, MAX_HEADING_LEVEL + 1)),
        definition=_style(document, "Code Definition", size=10, space_after=10),
        quote=quote,
        citation=_style(document, "Excerpt Citation", size=9, indent=28, space_after=4),
        codes=_style(document, "Excerpt Codes", size=9, indent=28, space_after=4),
        memo=_style(document, "Excerpt Memo", size=9, indent=28, space_after=4),
        note=_style(document, "Excerpt Note", italic=True, size=9, space_after=10),
    )


def _style(
    document: Document,
    name: str,
    *,
    size: float | None = None,
    italic: bool = False,
    indent: float = 0,
    space_after: float = 6,
) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.next_paragraph_style = document.styles["Normal"]
    if size:
        style.font.size = Pt(size)
        style.font.color.rgb = _GREY
    style.font.italic = italic or None
    style.paragraph_format.left_indent = Pt(indent) if indent else None
    style.paragraph_format.right_indent = Pt(indent) if indent else None
    style.paragraph_format.space_after = Pt(space_after)
    return cast(ParagraphStyle, style)


class WordWriter:
    """Appends paragraphs to a new report in constant time each.

    python-docx's public calls cost more per paragraph the bigger the document:
    `Document.add_paragraph` looks for the section properties at the end of the body,
    and `paragraph.style = ...` scans every style for the default one, each time;
    `run.text = ...` then handles the text character by character. So each paragraph
    is a copy of a ready-made `<w:p>` with its style, inserted before one empty end
    paragraph (removed on saving), and its text goes in as `w:t`/`w:br` elements in
    one go. The XML is what python-docx itself writes.
    """

    def __init__(self, title: str, subject: str) -> None:
        self.document, self.styles = new_document(title, subject)
        self._end = self.document.add_paragraph()
        self._blank: dict[str, CT_P] = {}

    def text(self, text: str, style: ParagraphStyle, *, own_direction: bool = True) -> Paragraph:
        """A paragraph holding `text` (newlines become line breaks) in `style`.

        With `own_direction`, a text that starts right to left makes a right-to-left
        paragraph; without, the paragraph keeps the report's left-to-right direction.
        """
        text = xml_safe(text)
        paragraph = self._paragraph(style)
        if not text:
            return paragraph
        run = _put_text(paragraph, text)
        if own_direction and is_right_to_left(text):
            mark_right_to_left(paragraph)
            run.font.rtl = True
        return paragraph

    def labelled(self, label: str, value: str, style: ParagraphStyle) -> Paragraph:
        """`Label: value` with the label in bold, e.g. a line of the title page."""
        value = xml_safe(value)
        paragraph = self._paragraph(style)
        paragraph.add_run(xml_safe(f"{label}: ")).bold = True  # labels may hold names
        run = _put_text(paragraph, value)
        if is_right_to_left(value):
            run.font.rtl = True
        return paragraph

    def _paragraph(self, style: ParagraphStyle) -> Paragraph:
        blank = self._blank.get(style.style_id)
        if blank is None:
            blank = self._blank[style.style_id] = OxmlElement("w:p")
            blank.style = style.style_id
        element = copy.deepcopy(blank)
        self._end._p.addprevious(element)
        return Paragraph(element, self._end._parent)

    def page_break(self) -> None:
        self._end.insert_paragraph_before().add_run().add_break(WD_BREAK.PAGE)

    def save(self, stream: BinaryIO) -> None:
        end = self._end._p
        end.getparent().remove(end)
        self.document.save(stream)


_BREAKS_AND_TABS = re.compile(r"(\n|\t)")
_RUN, _TEXT, _BREAK, _TAB = qn("w:r"), qn("w:t"), qn("w:br"), qn("w:tab")
_SPACE = qn("xml:space")


def _child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    # makeelement keeps python-docx's element classes (CT_R, CT_Text, ...)
    element = parent.makeelement(tag, {})
    parent.append(element)
    return cast(BaseOxmlElement, element)


def _put_text(paragraph: Paragraph, text: str) -> Run:
    """A new last run holding `text` as `run.text = text` would (breaks, tabs), in bulk."""
    run = _child(paragraph._p, _RUN)
    for part in _BREAKS_AND_TABS.split(text) if "\n" in text or "\t" in text else (text,):
        if part == "\n":
            _child(run, _BREAK)
        elif part == "\t":
            _child(run, _TAB)
        elif part:
            element = _child(run, _TEXT)
            element.text = part
            if part[0].isspace() or part[-1].isspace():
                element.set(_SPACE, "preserve")
    return Run(run, paragraph)


def mark_right_to_left(paragraph: Paragraph) -> None:
    properties = paragraph._p.get_or_add_pPr()
    if properties.find(_BIDI_TAG) is None:
        bidi = OxmlElement("w:bidi")
        # w:bidi comes after w:pStyle, which is all our paragraphs carry directly
        style = properties.pStyle
        if style is not None:
            style.addnext(bidi)
        else:
            properties.insert(0, bidi)


_BIDI_TAG = qn("w:bidi")
