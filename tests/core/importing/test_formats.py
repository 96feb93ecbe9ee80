"""Each format: the text with paragraphs separated by blank lines, and pre-filled details."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.importing import ImportOptions, Kind, errors, prepare_file, prepare_pasted
from annotator.core.positions import Paragraphs
from tests.core.importing import builders


def test_plain_text_with_windows_line_endings_in_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "nota.txt"
    text = "date 2024-05-02 Cámaras en el puerto\r\nPor ANA RUIZ\r\n\r\nEl concejo votó «sí».\r\n"
    path.write_bytes(text.encode("cp1252"))
    draft = prepare_file(path)
    assert draft.encoding == "cp1252" and draft.encoding_detected
    assert (
        draft.text == "date 2024-05-02 Cámaras en el puerto\nPor ANA RUIZ\n\nEl concejo votó «sí»."
    )
    assert draft.provenance["title"] == "Cámaras en el puerto"
    assert draft.provenance["published_date"] == "2024-05-02"
    assert draft.provenance["author"] == "Ana Ruiz"
    assert draft.original == path.read_bytes()
    assert draft.original_filename == "nota.txt" and draft.kind is Kind.TEXT


def test_markdown_keeps_its_text_and_takes_the_heading_as_title(tmp_path: Path) -> None:
    path = tmp_path / "field-notes.md"
    path.write_text("# Gate four notes\n\n*Cameras* counted: 6.\n", encoding="utf-8")
    draft = prepare_file(path)
    assert draft.text == "# Gate four notes\n\n*Cameras* counted: 6."
    assert draft.provenance["title"] == "Gate four notes"
    assert draft.kind is Kind.MARKDOWN


def test_a_latin1_web_page_with_its_meta_charset() -> None:
    draft = prepare_file(builders.LATIN1_PAGE)
    assert (draft.encoding, draft.encoding_detected) == ("cp1252", False)
    assert draft.provenance == {
        "title": "El concejo aprueba más cámaras para el puerto",
        "author": "Lucía Benítez",
        "publisher": "Diario de Saltmere",
        "published_date": "2024-05-02",
        "source_url": "https://saltmere.example.net/news/camera-budget",
        "accessed_date": "",
        "language": "es",
        "notes": "",
    }
    paragraphs = draft.text.split("\n\n")
    assert paragraphs[0] == "El concejo aprueba más cámaras para el puerto"
    assert "«Nadie ha explicado" in paragraphs[2]
    assert paragraphs[3].endswith(
        "en otoño.\nLos vecinos podrán presentar alegaciones durante treinta días."
    )
    assert paragraphs[4:] == ["Cámaras\n120", "Presupuesto\n2,4 millones"]
    assert "Portada" in draft.outside_main_content
    assert "Utilizamos cookies para mejorar su experiencia." in draft.outside_main_content
    assert not any("concejo municipal" in line for line in draft.outside_main_content)


def test_a_web_page_kept_whole_when_the_researcher_says_so() -> None:
    draft = prepare_file(builders.LATIN1_PAGE, ImportOptions(whole_page=True))
    assert draft.text.startswith("Portada\n\nLocal\n\nDeportes\n\nUtilizamos cookies")
    assert draft.outside_main_content == ()
    assert draft.provenance["title"] == "El concejo aprueba más cámaras para el puerto"


def test_a_page_whose_encoding_the_researcher_overrides(tmp_path: Path) -> None:
    path = tmp_path / "arabic.html"
    body = "<p>" + "قالت الشرطة إن الكاميرات تراقب الساحة الرئيسية في المدينة. " * 6 + "</p>"
    path.write_bytes(f"<html><body><article>{body}</article></body></html>".encode("cp1256"))
    assert "الكاميرات" in prepare_file(path).text
    forced = prepare_file(path, ImportOptions(encoding="cp1252"))
    assert forced.encoding == "cp1252" and "الكاميرات" not in forced.text


def test_docx_body_and_tables_in_document_order(tmp_path: Path) -> None:
    draft = prepare_file(builders.write_docx(tmp_path / "survey.docx"))
    assert draft.text.split("\n\n") == [
        "Harbour camera survey",
        builders.PARAGRAPHS[0],
        "Month\nCameras",
        "March\n40",
        "May\n60",
        "Both surveys by volunteers",  # a merged cell, once
        builders.PARAGRAPHS[1],
        "First line\nsecond line of the same paragraph",
    ]
    assert draft.provenance["title"] == "Harbour camera survey"
    assert draft.provenance["author"] == "Saltmere Watch"
    assert draft.provenance["published_date"] == "2024-03-05"
    assert draft.provenance["language"] == "en-GB"
    assert draft.encoding == ""


def test_odt_paragraphs_tables_lists_and_metadata(tmp_path: Path) -> None:
    draft = prepare_file(builders.write_odt(tmp_path / "log.odt"))
    assert draft.text.split("\n\n") == [
        "Ferry gate log",
        builders.PARAGRAPHS[0],
        "Gate\nCameras",
        "Four\n6",
        "first item",
        "second item",
        builders.PARAGRAPHS[2],
    ]
    assert (draft.provenance["title"], draft.provenance["author"]) == (
        "Ferry gate log",
        "Saltmere Watch",
    )
    assert draft.provenance["published_date"] == "2024-02-01"


def test_pdf_text_layer_keeps_paragraphs(tmp_path: Path) -> None:
    long = "The harbour cameras were counted again in June by the same volunteers. " * 4
    draft = prepare_file(builders.write_pdf(tmp_path / "brief.pdf", [*builders.PARAGRAPHS, long]))
    paragraphs = draft.text.split("\n\n")
    assert paragraphs[:3] == builders.PARAGRAPHS
    assert " ".join(paragraphs[3].split()) == long.strip()  # wrapped lines, one paragraph
    assert Paragraphs.of(draft.text).number_at(draft.text.index("June")) == 4
    assert draft.provenance["title"] == "Harbour brief"
    assert draft.provenance["published_date"] == "2024-01-09"


def test_a_scanned_pdf_asks_for_ocr(tmp_path: Path) -> None:
    with pytest.raises(errors.NoTextLayer) as caught:  # its words advise OCR
        prepare_file(builders.write_scanned_pdf(tmp_path / "scan.pdf"))
    assert caught.value.source.endswith("scan.pdf")


def test_pasted_text_is_kept_as_utf8_and_titled_by_its_first_line() -> None:
    draft = prepare_pasted("Cameras at gate four 👁️\r\n\r\nA second paragraph.\ud800")
    assert draft.text == "Cameras at gate four 👁️\n\nA second paragraph.\ufffd"
    assert draft.provenance["title"] == "Cameras at gate four 👁️"
    assert draft.original == "Cameras at gate four 👁️\r\n\r\nA second paragraph.\ufffd".encode()
    assert (draft.source, draft.original_filename, draft.encoding) == ("pasted text", "", "utf-8")


def test_overrides_from_the_researcher_win(tmp_path: Path) -> None:
    options = ImportOptions(
        provenance={
            "title": "My title",
            "source_url": "https://e.org/x",
            "published_date": "2024-01-02",
        }
    )
    draft = prepare_file(builders.SCRAPE, options)
    assert draft.provenance["title"] == "My title"
    assert draft.provenance["published_date"] == "2024-01-02"
    assert draft.provenance["author"] == "Imani Okafor"


def test_clean_option_chooses_every_proposal_and_the_draft_can_keep_one() -> None:
    draft = prepare_file(builders.SCRAPE, ImportOptions(clean=True))
    assert draft.chosen == set(range(len(draft.removals)))
    assert "Advertisement" not in draft.text and "Recommended Stories" not in draft.text
    advert = next(i for i, r in enumerate(draft.removals) if r.text == "Advertisement")
    draft.chosen.discard(advert)
    assert "\n\nAdvertisement\n\n" in draft.text
    assert draft.extracted_text == builders.SCRAPE.read_text("utf-8").strip()
