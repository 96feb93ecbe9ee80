"""Hostile and broken input: a clear error per file, the project intact, the rest imported.

Failures the test machine cannot produce (a permission error when running as root)
are injected at the I/O layer.
"""

from __future__ import annotations

import random
import shutil
import zipfile
from pathlib import Path

import pytest

from annotator.core import coders, documents, input_files
from annotator.core.check import check_project
from annotator.core.importing import Draft, ImportOptions, bulk, errors, import_items, prepare_file
from annotator.core.importing.reading import MB, SIZE_LIMITS, XML_PARTS_LIMITS, Kind
from annotator.core.os_problems import OsProblem
from annotator.core.project import Project
from tests.core.importing import builders

DTD_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
)


def failure_of(path: Path) -> errors.ImportFailed:
    with pytest.raises(errors.ImportFailed) as caught:
        prepare_file(path)
    assert caught.value.source == str(path)  # every message names its file
    return caught.value


def test_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n")
    assert isinstance(failure_of(tmp_path / "empty.txt"), errors.EmptyFile)
    assert isinstance(failure_of(tmp_path / "blank.txt"), errors.EmptyFile)


def test_binary_garbage_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert isinstance(failure_of(path), errors.NotText)


def test_a_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"{\\rtf1 an RTF file renamed to .docx}")
    error = failure_of(path)
    assert isinstance(error, errors.DamagedFile) and error.file_format == "Word (.docx)"
    assert "not a zip file" in error.detail  # zipfile's own words, shown as details


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(builders.zip_bytes({"hello.txt": b"hi"}))
    error = failure_of(path)
    assert isinstance(error, errors.DamagedFile)
    assert (error.part, error.missing) == ("word/document.xml", True)


def test_a_docx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(
        builders.zip_bytes(
            {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<a>" + b" " * (40 * MB)}
        )
    )
    assert path.stat().st_size < 200_000
    error = failure_of(path)
    assert isinstance(error, errors.UnsafeFile) and error.part == "word/document.xml"
    assert error.why is errors.Unsafe.COMPRESSED_TOO_MUCH and error.count > 100


def test_a_docx_whose_zip_lies_about_sizes(tmp_path: Path) -> None:
    """Declared small, unpacks large: zipfile stops at the declared size and fails."""
    real = builders.write_docx(tmp_path / "real.docx").read_bytes()
    forged = tmp_path / "forged.docx"
    with zipfile.ZipFile(tmp_path / "real.docx") as source:
        document_xml = source.read("word/document.xml")
    marker = len(document_xml).to_bytes(4, "little")
    forged.write_bytes(real.replace(marker, (100).to_bytes(4, "little")))
    assert forged.read_bytes() != real
    assert isinstance(failure_of(forged), errors.DamagedFile)


@pytest.mark.parametrize(
    ("suffix", "part"), [(".docx", "word/document.xml"), (".odt", "content.xml")]
)
def test_xml_with_entities_is_refused_as_unsafe(tmp_path: Path, suffix: str, part: str) -> None:
    path = tmp_path / f"entities{suffix}"
    path.write_bytes(builders.zip_bytes({"[Content_Types].xml": b"<Types/>", part: DTD_BOMB}))
    error = failure_of(path)
    assert isinstance(error, errors.UnsafeFile) and error.part == part
    assert error.why is errors.Unsafe.XML_DECLARATIONS


@pytest.mark.parametrize(
    ("suffix", "kind", "part"),
    [(".docx", Kind.DOCX, "word/document.xml"), (".odt", Kind.ODT, "content.xml")],
)
def test_office_xml_over_its_limit_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, kind: Kind, part: str
) -> None:
    """Issue 18, finding 14: a 16 MB .docx whose document.xml was 150 MB took 2.6 GB.

    Parsed XML costs up to 18 (python-docx) or 47 (odfpy) times its size, so the XML
    parts of one file have a limit; here lowered to 1 MB, with 2 MB of plain words
    that compress like real text (no zip-bomb ratio to catch it instead).
    """
    monkeypatch.setitem(XML_PARTS_LIMITS, kind, 1 * MB)
    words = random.Random(18).choices(["camera", "border", "scanner", "ledger", "watch"], k=300_000)
    body = b"<document>" + " ".join(words).encode()[: 2 * MB] + b"</document>"
    path = tmp_path / f"long{suffix}"
    path.write_bytes(builders.zip_bytes({"[Content_Types].xml": b"<Types/>", part: body}))

    def parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the XML was handed to the parser")

    monkeypatch.setattr("docx.Document", parse)
    monkeypatch.setattr("odf.opendocument.load", parse)
    error = failure_of(path)
    assert isinstance(error, errors.TooLarge) and error.xml
    assert error.limit == 1 * MB and error.size is not None and error.size > 2_000_000


def test_a_50_mb_web_page_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(50 * MB)  # sparse: 50 MB on paper, nothing on disk
    error = failure_of(path)
    assert isinstance(error, errors.TooLarge) and not error.xml
    assert (error.size, error.limit) == (50 * MB, SIZE_LIMITS[Kind.HTML])


def test_a_pdf_with_a_broken_xref_is_recovered(tmp_path: Path) -> None:
    data = builders.pdf_bytes()
    start = data.rfind(b"startxref\n") + len(b"startxref\n")
    end = data.index(b"\n", start)
    broken = tmp_path / "broken-xref.pdf"
    broken.write_bytes(data[:start] + b"999999" + data[end:])
    assert prepare_file(broken).text.split("\n\n") == builders.PARAGRAPHS


def test_a_pdf_beyond_repair(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    error = failure_of(path)
    assert isinstance(error, errors.DamagedFile) and error.file_format == "PDF"


def test_a_password_protected_pdf(tmp_path: Path) -> None:
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text="Minutes of the camera committee")
    pdf.set_encryption(
        owner_password="o", user_password="u", encryption_method=EncryptionMethod.RC4
    )
    path = tmp_path / "locked.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert isinstance(failure_of(path), errors.PasswordProtected)


def test_an_unsupported_format_suggests_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    error = failure_of(path)
    assert isinstance(error, errors.UnsupportedFormat) and error.suffix == ".doc"
    assert error.advice is errors.FormatAdvice.SAVE_AS_DOCX


def test_a_missing_file(tmp_path: Path) -> None:
    assert isinstance(failure_of(tmp_path / "gone.txt"), errors.FileMissing)


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(builders.SCRAPE, folder / "a-good.txt")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-garbage.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "d-not-a-zip.docx").write_bytes(b"plain bytes")
    builders.write_docx(folder / "e-good.docx")
    (folder / "f-vanishes.txt").write_text("I will be gone before my turn.", "utf-8")
    (folder / "g-forbidden.txt").write_text("Nobody may read me.", "utf-8")
    builders.write_pdf(folder / "h-good.pdf")
    return folder


def test_a_folder_of_good_and_broken_files_imports_the_good_ones(
    project: Project,
    coder: coders.Coder,
    mixed_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    forbidden = mixed_folder / "g-forbidden.txt"
    real_open = input_files._open_descriptor

    def guarded_open(path: Path) -> int:
        if path == forbidden:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path)

    monkeypatch.setattr(input_files, "_open_descriptor", guarded_open)

    real_prepare = bulk.prepare_file

    def prepare_then_lose_a_file(path: Path, options: ImportOptions) -> Draft:
        """The folder was listed; then, while e-good.docx is read, f-vanishes.txt goes."""
        draft = real_prepare(path, options)
        if path.name == "e-good.docx":
            (mixed_folder / "f-vanishes.txt").unlink()
        return draft

    monkeypatch.setattr(bulk, "prepare_file", prepare_then_lose_a_file)
    report = import_items(project, [mixed_folder], coder_id=coder.id)
    assert sorted(Path(i.source).name for i in report.imported) == [
        "a-good.txt",
        "e-good.docx",
        "h-good.pdf",
    ]
    failures = {Path(f.source).name: type(f.error) for f in report.failed}
    assert failures == {
        "b-empty.txt": errors.EmptyFile,
        "c-garbage.txt": errors.NotText,
        "d-not-a-zip.docx": errors.DamagedFile,
        "f-vanishes.txt": errors.FileMissing,
        "g-forbidden.txt": errors.FileUnreadable,
    }
    forbidden = next(f.error for f in report.failed if "forbidden" in f.source)
    assert forbidden.system is OsProblem.NO_PERMISSION
    assert not report.ok
    assert len(documents.list_documents(project)) == 3
    assert check_project(project).ok


def test_a_failed_import_leaves_earlier_documents_untouched(
    project: Project, coder: coders.Coder, mixed_folder: Path
) -> None:
    first = import_items(project, [mixed_folder / "a-good.txt"], coder_id=coder.id)
    before = documents.get_document(project, first.imported[0].document_id)
    import_items(project, [mixed_folder], coder_id=coder.id)
    assert documents.get_document(project, before.id) == before
    assert check_project(project).ok


def test_a_docx_without_its_parts_list(tmp_path: Path) -> None:
    path = tmp_path / "parts.docx"
    path.write_bytes(builders.zip_bytes({"word/document.xml": b"<a/>"}))
    error = failure_of(path)
    assert isinstance(error, errors.DamagedFile) and "[Content_Types].xml" in error.detail


def test_any_parser_crash_is_that_files_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.core.importing import word

    def crash(source: object) -> None:
        raise RuntimeError("a parser bug met a strange file")

    monkeypatch.setattr(word, "extract", crash)
    error = failure_of(builders.write_docx(tmp_path / "fine.docx"))
    assert isinstance(error, errors.DamagedFile) and "RuntimeError" in error.detail
