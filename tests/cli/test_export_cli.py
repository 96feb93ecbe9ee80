"""`annotator export` and `annotator codes --import`, run as a user would type them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import docx
import openpyxl
import pytest

from annotator.cli import main
from annotator.core import events
from annotator.core.codebook import codebook_tree
from annotator.core.project import open_project
from tests.core.exports.conftest import build_report_project


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annotator"
    build_report_project(path).project.close()
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_word_export_with_filters(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.docx"
    code, stdout, _ = run(
        capsys,
        "export", study, "--format", "docx", "-o", out,
        "--code", "Video surveillance", "--with-subcodes",
        "--coder", "Tomás Ortega", "--from", "2023-01-01", "--to", "2024-12-31", "--memos",
    )  # fmt: skip
    assert code == 0
    assert stdout.strip() == f"Wrote 3 codings from 2 documents under 2 codes to {out}"
    paragraphs = docx.Document(str(out)).paragraphs
    quotes = [p.text for p in paragraphs if p.style.name == "Quote"]
    assert len(quotes) == 3
    assert "Memo (Tomás Ortega): Spans two paragraphs." in [p.text for p in paragraphs]


def test_format_follows_the_extension_and_csv_options(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "codings.csv"
    code, stdout, _ = run(capsys, "export", study, "-o", out, "--bom", "--json")
    assert code == 0
    data = json.loads(stdout)
    assert data["format"] == "csv" and data["codings"] == 11
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    quotes = [r["quote"] for r in read_csv(out)]
    assert any(q.startswith("'=SUM(A1:A3)") for q in quotes)
    code, _, _ = run(capsys, "export", study, "-o", out, "--raw", "--document", "Border notes")
    assert [r["quote"][:13] for r in read_csv(out)] == ["@border_watch"]


def test_xlsx_grouped_by_document(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "codings.xlsx"
    assert run(capsys, "export", study, "-o", out, "--group-by", "document")[0] == 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 11
    assert rows[0][2] == "Border notes"  # the undated document comes first


def test_codebook_formats(study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_out, word_out = tmp_path / "codebook.csv", tmp_path / "codebook.docx"
    code, stdout, _ = run(capsys, "export", study, "--format", "codebook-csv", "-o", csv_out)
    assert code == 0 and stdout.strip() == f"Wrote 6 codes to {csv_out}"
    assert [r["tag"] for r in read_csv(csv_out)][:2] == [
        "Video surveillance",
        "Video surveillance/CCTV",
    ]
    code, _, _ = run(capsys, "export", study, "--format", "codebook-docx", "-o", word_out)
    assert code == 0
    headings = [
        p.text
        for p in docx.Document(str(word_out)).paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert headings[:2] == ["Video surveillance", "CCTV"]


def test_every_export_is_in_the_audit_log(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "whoami", "Amina Rasheed")
    run(capsys, "export", study, "-o", tmp_path / "a.csv")
    with open_project(study) as project:
        logged = events.history(project, action="export written")
    assert len(logged) == 1 and logged[0].details["format"] == "csv"
    assert logged[0].coder_id is not None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--from", "16/04/2024"], "from date '16/04/2024' is not valid"),
        (["--code", "No such code"], "no code 'No such code'"),
        (["--coder", "Nobody"], "no coder 'Nobody'"),
        (["--from", "2024-05-01", "--to", "2024-01-01"], "a from date before the to date"),
    ],
)
def test_bad_options_give_one_line_and_write_nothing(
    study: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    out = tmp_path / "report.docx"
    code, _, err = run(capsys, "export", study, "-o", out, *extra)
    assert code == 1
    assert err.startswith("annotator export: error:") and message in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_unknown_extension_needs_a_format(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "export", study, "-o", tmp_path / "report.odt")
    assert code == 1 and "give --format" in err


def test_an_unwritable_target_is_one_clear_line(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no such folder" / "report.docx"
    code, _, err = run(capsys, "export", study, "-o", out)
    assert code == 1
    assert err.strip() == (
        f"annotator export: error: {out}: cannot write the file: the folder does not exist "
        "(No such file or directory)"
    )


def test_codes_import_merges_a_taguette_codebook(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "taguette.csv"
    source.write_text(
        "tag,description,number of highlights,number of documents\n"
        "Video surveillance/Drones,Cameras in the air,3,2\n"
        "CCTV,,1,1\n",
        "utf-8",
    )
    code, _, err = run(capsys, "codes", study, "--import", source, "--coder", "Amina Rasheed")
    assert code == 1
    assert "line 3: code 'CCTV' cannot be added: the name 'CCTV' is already used" in err
    source.write_text("tag,description\nVideo surveillance/Drones,Cameras in the air\n", "utf-8")
    code, stdout, _ = run(
        capsys, "codes", study, "--import", source, "--coder", "Amina Rasheed", "--json"
    )
    assert code == 0
    assert json.loads(stdout) == {
        "file": str(source),
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "controls_removed": 0,
    }
    with open_project(study) as project:
        paths = [n.path for n in codebook_tree(project)]
    assert "Video surveillance/Drones" in paths
    # without --import, `codes` still lists the tree
    code, stdout, _ = run(capsys, "codes", study)
    assert code == 0 and "Drones" in stdout


def test_control_characters_typed_in_never_break_an_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18, finding 8, as the probe typed it: `--title`, `--memo`, `--coder` with
    `\\x02` made a .qdpx Annotator refused and a Word export end in a ValueError."""
    study = tmp_path / "study.annotator"
    assert main(["new", str(study)]) == 0
    source = tmp_path / "a.txt"
    source.write_text("A document with a passage.", "utf-8")
    coder = "Co\x02der"
    code, _, _ = run(capsys, "import", study, source, "--title", "Ti\x02tle", "--coder", coder)
    assert code == 0
    code, _, _ = run(
        capsys, "code", study, "--code", "CCTV", "--document", "Title",
        "--quote", "passage", "--memo", "me\x02mo", "--coder", coder,
    )  # fmt: skip
    assert code == 0
    for name, options in (("report.docx", ["--memos"]), ("project.qdpx", []), ("c.qdc", [])):
        code, _, err = run(capsys, "export", study, "-o", tmp_path / name, *options)
        assert (code, err) == (0, "")
    other = tmp_path / "other.annotator"
    assert main(["new", str(other)]) == 0
    code, out, err = run(
        capsys, "merge", other, tmp_path / "project.qdpx", "--on-conflict", "theirs"
    )
    assert code == 0 and "Merged into" in out
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "report.docx")).paragraphs]
    assert "Memo (Coder): memo" in paragraphs


def test_an_older_project_holding_a_control_character_gets_one_line(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_project(study) as project, project.transaction() as conn:
        conn.execute("UPDATE codings SET memo = 'me' || char(2) || 'mo'")
    code, out, err = run(capsys, "export", study, "--memos", "-o", tmp_path / "report.docx")
    assert code == 1 and out == ""
    assert err.startswith("annotator export: error: the memo of a coding in document ")
    assert "holds the control character U+0002" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "report.docx").exists()
