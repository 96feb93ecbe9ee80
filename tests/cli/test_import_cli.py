"""`annotator import`, `documents` and `show` from a shell."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import documents
from annotator.core.project import open_project
from annotator.core.resources import resource_path
from tests.core.importing import builders


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annotator"
    assert main(["new", str(path)]) == 0
    return path


def test_import_the_samples_folder_with_clean_up(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    samples = resource_path("samples")
    code, out, err = run(capsys, "import", str(study), str(samples), "--clean", "--coder", "Amina")
    assert code == 0
    files = sorted(p.name for p in samples.iterdir() if p.name != "README.md")
    assert err.count("imported: ") == len(files)
    assert f"[{len(files)}/{len(files)}]" in err
    assert f"{len(files)} imported, 0 duplicates skipped, 0 failed" in out
    assert "Ignored" in out and "README.md" in out
    assert "teaser block: Recommended Stories" in out
    assert "boilerplate: Advertisement" in out
    assert "repeated line: A dome camera fixed to a lamp post near Kamwala market. 2/4" in out
    with open_project(study) as project:
        stored = documents.list_documents(project)
        assert len(stored) == len(files)
        for summary in stored:
            document = documents.get_document(project, summary.id)
            assert "Recommended Stories" not in document.text
            assert "\nAdvertisement\n" not in document.text


def test_json_report_and_a_second_run_finds_duplicates(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "import", str(study), str(builders.SCRAPE), "--coder", "A", "--json")
    report = json.loads(out)
    assert code == 0 and len(report["imported"]) == 1 and report["failed"] == []
    assert report["imported"][0]["removed"] == []
    code, out, err = run(
        capsys, "import", str(study), str(builders.SCRAPE), "--coder", "A", "--json"
    )
    again = json.loads(out)
    assert code == 0 and again["imported"] == []
    assert again["duplicates"][0]["existing_id"] == report["imported"][0]["document_id"]
    assert "duplicate, skipped" in err


def test_a_folder_with_broken_files_imports_the_good_ones_and_names_each_broken_one(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(builders.SCRAPE, folder / "good.txt")
    builders.write_docx(folder / "good.docx")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.docx").write_bytes(b"this is not a zip archive")
    (folder / "scan.pdf").write_bytes(builders.write_scanned_pdf(tmp_path / "s.pdf").read_bytes())
    code, out, err = run(capsys, "import", str(study), str(folder), "--coder", "Amina")
    assert code == 1
    assert "2 imported, 0 duplicates skipped, 3 failed" in out
    assert f"Failed: {folder / 'broken.docx'}: is not a readable Word (.docx) file" in out
    assert f"Failed: {folder / 'empty.txt'}: is empty" in out
    assert f"Failed: {folder / 'scan.pdf'}: has no text layer" in out
    assert err.count("FAILED") == 3


def test_overrides_for_one_document(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    overrides = ["--title", "Ferry cameras", "--url", "https://example.org/ferry"]
    code, _, _ = run(
        capsys, "import", str(study), str(builders.SCRAPE), "--coder", "Amina",
        *overrides, "--published", "2024-04-17",
    )  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "show", str(study), "Ferry cameras")
    assert code == 0
    assert "Published:         2024-04-17" in out
    assert "Source URL:        https://example.org/ferry" in out
    assert "Author:            Imani Okafor" in out
    assert "Imported by:       Amina (" in out
    assert out.rstrip().endswith("Fishing fleet returns early as storms approach")  # no --clean


def test_overrides_are_refused_for_several_documents(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "import", str(study), str(builders.FIXTURES), "--coder", "A", "--title", "One title"
    )
    assert code == 1 and "--title describe one document" in err


def test_a_malformed_published_date_is_a_clear_failure(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "import",
        str(study),
        str(builders.SCRAPE),
        "--coder",
        "A",
        "--published",
        "17/04/2024",
    )
    assert code == 1 and "YYYY-MM-DD" in out


def test_stdin_with_an_encoding(
    study: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = "date 2024-06-01 قالت الشرطة\n\nإن الكاميرات تراقب الساحة.".encode("cp1256")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(
        capsys, "import", str(study), "--stdin", "--encoding", "cp1256", "--coder", "A", "--json"
    )
    assert code == 0
    imported = json.loads(out)["imported"][0]
    assert imported["source"] == "standard input" and imported["encoding"] == "cp1256"
    code, out, _ = run(capsys, "show", str(study), imported["document_id"], "--json")
    shown = json.loads(out)
    assert shown["title"] == "قالت الشرطة" and shown["published_date"] == "2024-06-01"
    assert shown["text"].endswith("إن الكاميرات تراقب الساحة.")


def test_stdin_and_paths_together_or_nothing_at_all_are_usage_errors(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", str(study), "--coder", "A")
    assert code == 1 and "nothing to import" in err
    code, _, err = run(capsys, "import", str(study), "x.txt", "--stdin", "--coder", "A")
    assert code == 1 and "not both" in err


def test_importing_needs_to_know_who_imports(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", str(study), str(builders.SCRAPE))
    assert code == 1 and "who is coding?" in err


def test_documents_lists_provenance_and_hashes(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(
        capsys,
        "import",
        str(study),
        str(builders.SCRAPE),
        str(builders.LATIN1_PAGE),
        "--coder",
        "A",
    )
    code, out, _ = run(capsys, "documents", str(study), "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2
    page = next(r for r in rows if r["media_type"] == "text/html")
    assert page["publisher"] == "Diario de Saltmere" and page["encoding"] == "cp1252"
    assert page["original_sha256"] == documents.sha256_hex(builders.LATIN1_PAGE.read_bytes())
    assert len(page["text_sha256"]) == 64 and "text" not in page
    code, out, _ = run(capsys, "documents", str(study))
    assert "El concejo aprueba más cámaras para el puerto  [2024-05-02; Lucía Benítez" in out
    assert f"original SHA-256 {page['original_sha256']}" in out
    assert out.rstrip().endswith("2 documents")


def test_show_an_unknown_document(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", str(study), "No such title")
    assert code == 1 and "no document 'No such title'" in err


class _Yes(io.RawIOBase):
    """`yes |` as standard input: endless; reading it whole ends in MemoryError."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        buffer[:] = b"y" * len(buffer)
        return len(buffer)

    def readall(self) -> bytes:
        raise MemoryError


def test_stdin_without_end_is_refused_in_one_line(
    study: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18, finding 5: `yes | annotator import P --stdin` died with a MemoryError."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(_Yes())))
    code, _, err = run(capsys, "import", str(study), "--stdin", "--coder", "A")
    assert code == 1
    assert err.strip() == (
        "annotator import: error: standard input: is too large to import (over the 20 MB limit)"
    )
    with open_project(study) as project:
        assert documents.list_documents(project) == []


def test_a_folder_called_x_txt_with_nothing_to_import_fails(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18, finding 4: it said "0 imported, 0 failed" and exited 0."""
    (tmp_path / "x.txt").mkdir()
    code, out, _ = run(capsys, "import", str(study), str(tmp_path / "x.txt"), "--coder", "A")
    assert code == 1
    assert "is a folder holding no file Annotator imports" in out
    assert "0 imported, 0 duplicates skipped, 1 failed" in out


ESCAPES = "Esc\x1b[2J\x1b]0;PWNED\x07 \x9b31m"


def test_documents_and_show_never_print_terminal_escapes(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18, finding 9: a PDF title `Esc\\x1b[2J...` reached the terminal raw.

    The title is written into the project as an older version could have stored it,
    and the author comes in through an import (which now removes the controls).
    """
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(builders.pdf_bytes(title="Harbour brief"))
    run(capsys, "import", str(study), str(pdf), "--coder", "A")
    with open_project(study) as project:
        project.conn.execute("UPDATE documents SET title = ?, author = ?", (ESCAPES, ESCAPES))
        project.conn.commit()
    for command in (["documents", str(study)], ["show", str(study), ESCAPES]):
        code, out, err = run(capsys, *command)
        assert code == 0
        for raw in ("\x1b", "\x07", "\x9b"):
            assert raw not in out and raw not in err
        assert "Esc\\x1b[2J\\x1b]0;PWNED\\x07 \\x9b31m" in out
        code, out, _ = run(capsys, *command, "--json")
        assert "\x1b" not in out and "\x9b" not in out
        data = json.loads(out)
        assert (data[0] if isinstance(data, list) else data)["title"] == ESCAPES  # exact data
