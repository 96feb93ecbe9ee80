"""The Word report, read back with python-docx and compared with the project."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from annotator.core.documents import get_document
from annotator.core.exports.citations import citation
from annotator.core.exports.rows import ExportContext, SourceDocument
from annotator.core.exports.selection import GroupBy
from annotator.core.exports.word import write_report
from annotator.core.exports.wording import ReportWording
from annotator.core.positions import Paragraphs
from annotator.core.selection import Selection
from tests.core.exports.conftest import ReportProject

ENGLISH_CITATION = (
    "— Cameras go up in Riverside market, The Lakeside Courier, Jane Okafor, 16 April 2024, "
    "https://courier.example.org/riverside-cameras (accessed 1 May 2024), ¶2"
)


def body(path: Path) -> list[Paragraph]:
    """The paragraphs after the title page (which ends with a page break)."""
    paragraphs = docx.Document(str(path)).paragraphs
    page_break = next(i for i, p in enumerate(paragraphs) if 'w:br w:type="page"' in p._p.xml)
    return paragraphs[page_break + 1 :]


def is_marked_right_to_left(paragraph: Paragraph) -> bool:
    """Whether Word lays the paragraph out right to left (`w:bidi` in its properties)."""
    properties = paragraph._p.pPr
    return properties is not None and properties.find(qn("w:bidi")) is not None


def expected_citation(report: ReportProject, document_id: str, start: int, end: int) -> str:
    document = get_document(report.project, document_id)
    source = SourceDocument(
        document.id,
        document.title,
        document.source_url,
        document.publisher,
        document.author,
        document.published_date,
        document.accessed_date,
        document.language,
        document.text_sha256,
        document.original_sha256,
        Paragraphs.of(document.text),
    )
    return citation(source, source.paragraphs.span_label(start, end), isolate=True)


def test_every_excerpt_is_a_quote_followed_by_its_citation(
    report: ReportProject, tmp_path: Path
) -> None:
    target = tmp_path / "report.docx"
    result = write_report(report.project, target, Selection())
    paragraphs = body(target)
    quotes = [(i, p) for i, p in enumerate(paragraphs) if p.style.name == "Quote"]
    passages = {
        (r.document.id, r.start, r.end): r
        for r in ExportContext(report.project, Selection()).rows()
    }
    # the passage two coders coded alike is printed once
    assert result.codings == 11
    assert len(quotes) == len(passages) == 10
    written = []
    for index, quote in quotes:
        following = paragraphs[index + 1]
        assert following.style.name == "Excerpt Citation"
        written.append((quote.text, following.text))
    expected = [
        (
            r.quote.replace("\x0c", "\n"),
            expected_citation(report, r.document.id, r.start, r.end),
        )
        for r in passages.values()
    ]
    assert sorted(written) == sorted(expected)
    assert (
        "The city council installed forty new cameras",
        ENGLISH_CITATION,
    ) in written


def test_codes_are_headings_in_codebook_order_with_definitions(
    report: ReportProject, tmp_path: Path
) -> None:
    target = tmp_path / "report.docx"
    write_report(report.project, target, Selection())
    paragraphs = body(target)
    headings = [(p.style.name, p.text) for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 1", "Video surveillance"),
        ("Heading 2", "CCTV"),
        ("Heading 2", "Facial recognition"),
        ("Heading 1", "Biometric collection"),
        ("Heading 2", "Fingerprints"),
    ]
    first = paragraphs.index(next(p for p in paragraphs if p.text == "CCTV"))
    assert paragraphs[first + 1].style.name == "Code Definition"
    assert paragraphs[first + 1].text == "Fixed cameras."


def test_empty_codes_only_when_asked(report: ReportProject, tmp_path: Path) -> None:
    left_out = tmp_path / "without.docx"
    write_report(report.project, left_out, Selection())
    assert "Legal basis" not in [p.text for p in body(left_out)]
    kept = tmp_path / "with.docx"
    wording = ReportWording(no_excerpts="Nothing here.")
    write_report(report.project, kept, Selection(), include_empty_codes=True, wording=wording)
    texts = [(p.style.name, p.text) for p in body(kept)]
    at = texts.index(("Heading 1", "Legal basis"))
    assert texts[at + 1 : at + 3] == [
        ("Code Definition", "Laws and decrees."),
        ("Excerpt Note", "Nothing here."),
    ]


def test_memos_only_when_asked(report: ReportProject, tmp_path: Path) -> None:
    plain, with_memos = tmp_path / "plain.docx", tmp_path / "memos.docx"
    write_report(report.project, plain, Selection())
    write_report(report.project, with_memos, Selection(), include_memos=True)
    assert not [p for p in body(plain) if p.style.name == "Excerpt Memo"]
    memos = [p.text for p in body(with_memos) if p.style.name == "Excerpt Memo"]
    assert sorted(memos) == sorted(
        [
            "Memo (Amina Rasheed): Formula-like text, kept as text.",
            "Memo (Tomás Ortega): Spans two paragraphs.",
            "Memo (Amina Rasheed): 乘客的担忧 😟",
        ]
    )


def test_right_to_left_paragraphs_are_marked_and_others_are_not(
    report: ReportProject, tmp_path: Path
) -> None:
    target = tmp_path / "report.docx"
    write_report(report.project, target, Selection())
    for paragraph in body(target):
        if not paragraph.text:
            continue
        arabic = paragraph.text[:1] in "قيك"
        assert is_marked_right_to_left(paragraph) == arabic, paragraph.text
        if arabic:
            assert all(run.font.rtl for run in paragraph.runs)
    citations = [p.text for p in body(target) if p.style.name == "Excerpt Citation"]
    # an Arabic title keeps its own direction inside the report's left-to-right line
    assert (
        "— \u2068كاميرات جديدة في السوق\u2069, \u2068صحيفة المدينة\u2069, 2 November 2023, ¶2"
        in (citations)
    )


def test_cjk_emoji_and_page_breaks_come_out_intact(report: ReportProject, tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    write_report(report.project, target, Selection())
    texts = [p.text for p in body(target)]
    assert "乘客说：😟 我们不知道数据存放在哪里。" in texts
    assert "新的摄像头已经安装在车站入口。📷" in texts
    # a form feed from a PDF cannot live in Word's XML: it becomes a line break
    assert "@border_watch posted photos of the scanners.\nNext page." in texts
    assert "— Border notes, ¶2" in texts


def test_the_title_page_says_what_was_exported(report: ReportProject, tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    selection = Selection(code_ids=(report.codes["video"],), with_subcodes=True, date_from="2024")
    write_report(report.project, target, selection)
    document = docx.Document(str(target))
    lines = [(p.style.name, p.text) for p in document.paragraphs[:10]]
    assert lines[0] == ("Title", "Market surveillance study")
    assert lines[1] == ("Subtitle", "Coded excerpts")
    texts = [text for _, text in lines]
    assert "Codes: Video surveillance (with their sub-codes)" in texts
    assert "Documents: all documents" in texts
    assert "Published: from 2024" in texts
    assert "Coders: Amina Rasheed; Tomás Ortega" in texts
    assert "8 excerpts from 2 documents under 3 codes" in texts
    assert any(t.startswith("Exported: ") and t.endswith(" UTC") for t in texts)
    assert document.core_properties.title == "Market surveillance study"
    assert document.core_properties.author == "Annotator"


def test_grouped_by_document(report: ReportProject, tmp_path: Path) -> None:
    target = tmp_path / "by-document.docx"
    write_report(report.project, target, Selection(), group_by=GroupBy.DOCUMENT)
    paragraphs = body(target)
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    # by published date; the undated document first
    assert headings == [
        "Border notes",
        "كاميرات جديدة في السوق",
        "车站的人脸识别",
        "Cameras go up in Riverside market",
    ]
    codes_lines = [p.text for p in paragraphs if p.style.name == "Excerpt Codes"]
    assert "Coded as: Video surveillance/CCTV" in codes_lines
    quotes = [p.text for p in paragraphs if p.style.name == "Quote"]
    english = [q for q in quotes if q[0] in "=Tof-F"]
    text = report.docs["english"].text
    assert english == sorted(english, key=text.index)


def test_a_passage_with_two_codes_is_printed_once_with_both(
    report: ReportProject, tmp_path: Path
) -> None:
    report.code("english", "face", "The city council installed forty new cameras")
    target = tmp_path / "by-document.docx"
    write_report(report.project, target, Selection(), group_by=GroupBy.DOCUMENT)
    paragraphs = body(target)
    at = [p.text for p in paragraphs].index("The city council installed forty new cameras")
    assert paragraphs[at + 2].text == (
        "Coded as: Video surveillance/CCTV; Video surveillance/Facial recognition"
    )


@pytest.mark.parametrize("group_by", list(GroupBy))
def test_styles_are_real_named_styles(
    report: ReportProject, tmp_path: Path, group_by: GroupBy
) -> None:
    target = tmp_path / "report.docx"
    write_report(report.project, target, Selection(), group_by=group_by, include_memos=True)
    document = docx.Document(str(target))
    names = {s.name for s in document.styles}
    assert {"Excerpt Citation", "Excerpt Memo", "Code Definition", "Quote"} <= names
    for paragraph in document.paragraphs:
        # formatting lives in styles: no run carries its own font size or colour
        for run in paragraph.runs:
            assert run.font.size is None
            assert run.font.color.rgb is None


@pytest.mark.parametrize("text", ["plain", "  lead\ttab\nnew line  \n\nend ", "", "a\n", "乘客 😟"])
def test_a_paragraph_is_the_xml_python_docx_itself_writes(text: str) -> None:
    """The fast path (copied paragraphs, text elements in bulk) changes no XML."""
    from annotator.core.exports.docx_writing import WordWriter

    ours = WordWriter("t", "s")
    written = ours.text(text, ours.styles.quote)
    reference = docx.Document().add_paragraph(text, style="Quote")
    assert written._p.xml == reference._p.xml
    assert written.text == reference.text == text
