"""The command line: `new`, `codes`, `stats`, `check`, `code`, `finish`, `whoami`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import documents
from annotator.core.project import open_project

TEXT = "Police installed cameras. Cameras watched the square.\n\nThe cameras stayed."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "x.annotator"
    assert main(["new", str(path)]) == 0
    with open_project(path) as project:
        documents.store_document(project, documents.NewDocument(title="Cameras", text=TEXT))
    return path


def test_new_then_codes_json_shows_the_default_codebook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.annotator"
    code, out, _ = run(capsys, "new", str(path))
    assert code == 0 and "codes" in out
    code, out, _ = run(capsys, "codes", str(path), "--json")
    rows = json.loads(out)
    paths = {r["path"] for r in rows}
    assert "Video surveillance/Facial recognition" in paths
    assert all({"id", "path", "color", "definition", "codings"} <= set(r) for r in rows)


def test_new_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.annotator"
    run(capsys, "new", str(path), "--empty")
    _, out, _ = run(capsys, "codes", str(path), "--json")
    assert json.loads(out) == []


def test_check_reports_ok(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(study))
    assert code == 0
    assert "OK" in out and "documents re-hashed: 1" in out


def test_check_finds_a_tampered_hash(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    conn = sqlite3.connect(study)
    conn.execute("UPDATE documents SET original_sha256 = 'x', title = title")
    conn.execute("INSERT INTO document_originals SELECT id, X'00' FROM documents")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "check", str(study), "--json")
    assert code == 1
    assert "original file hash does not match" in json.loads(out)["problems"][0]


def test_png_renamed_to_a_project_is_refused_and_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "y.annotator"
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    path.write_bytes(png)
    code, out, err = run(capsys, "check", str(path))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert str(path) in err and "not an Annotator project" in err
    assert path.read_bytes() == png


def test_code_by_quote_as_a_new_coder(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "code",
        str(study),
        "--code",
        "Video surveillance/CCTV",
        "--document",
        "cameras",
        "--quote",
        "Police installed",
        "--coder",
        "Amina",
        "--memo",
        "first",
        "--json",
    )
    assert code == 0
    result = json.loads(out)
    assert (result["start"], result["end"], result["quote"]) == (0, 16, "Police installed")
    assert result["coder_name"] == "Amina" and result["memo"] == "first"
    code, out, _ = run(capsys, "stats", str(study), "--json")
    assert json.loads(out)["coders"] == 1 and json.loads(out)["codings"] == 1


def test_repeated_quote_needs_an_occurrence(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["code", str(study), "--code", "CCTV", "--document", "Cameras", "--coder", "A"]
    code, _, err = run(capsys, *args, "--quote", "ameras")
    assert code == 1
    assert "occurs 3 times" in err and "--occurrence" in err
    code, out, _ = run(capsys, *args, "--quote", "ameras", "--occurrence", "3", "--json")
    assert code == 0
    assert json.loads(out)["start"] == TEXT.rindex("ameras")


def test_code_by_offsets_and_errors(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["code", str(study), "--code", "CCTV", "--document", "Cameras", "--coder", "A"]
    assert run(capsys, *args, "--start", "0", "--end", "6")[0] == 0
    code, _, err = run(capsys, *args, "--start", "0", "--end", "6")
    assert code == 1 and "already coded" in err
    code, _, err = run(capsys, *args, "--start", "0", "--end", "9999")
    assert code == 1 and "outside the document" in err
    code, _, err = run(capsys, *args, "--quote", "nowhere")
    assert code == 1 and "does not occur" in err
    code, _, err = run(
        capsys,
        "code",
        str(study),
        "--code",
        "No such code",
        "--document",
        "Cameras",
        "--quote",
        "Police",
        "--coder",
        "A",
    )
    assert code == 1 and "no code 'No such code'" in err


def test_writing_without_a_coder_explains_what_to_do(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "code", str(study), "--code", "CCTV", "--document", "Cameras", "--quote", "Police"
    )
    assert code == 1 and "--coder" in err
    run(capsys, "whoami", "Amina Rasheed")
    code, out, _ = run(
        capsys,
        "code",
        str(study),
        "--code",
        "CCTV",
        "--document",
        "Cameras",
        "--quote",
        "Police",
        "--json",
    )
    assert code == 0 and json.loads(out)["coder_name"] == "Amina Rasheed"


def test_finish(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "finish", str(study), "--document", "Cameras", "--coder", "Amina")
    assert code == 0 and "finished for Amina" in out


def test_version_and_console_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    from annotator import __version__

    assert result.stdout.strip() == f"annotator {__version__}"
