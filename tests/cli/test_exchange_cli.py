"""The command line: `merge` (with --dry-run and --on-conflict) and `agreement`."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import coders, documents
from annotator.core.codebook import find_code, update_code
from annotator.core.exchange.qdpx_export import export_qdpx
from annotator.core.project import open_project, save_copy
from tests.core.exchange.conftest import code_sample

FIXTURES = Path(__file__).parents[1] / "fixtures" / "refi-qda"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    """Amina's project and Tomás's copy, both coded and finished."""
    ours = tmp_path / "amina.annotator"
    assert main(["new", str(ours)]) == 0
    with open_project(ours) as project:
        amina = coders.add_coder(project, "Amina")
        code_sample(project, amina.id)
        for doc in documents.list_documents(project):
            coders.set_finished(project, doc.id, amina.id, True)
        theirs = save_copy(project, tmp_path / "tomas.annotator")
    with open_project(theirs) as copy:
        tomas = coders.add_coder(copy, "Tomás")
        code_sample(copy, tomas.id, which=1)
        for doc in documents.list_documents(copy):
            coders.set_finished(copy, doc.id, tomas.id, True)
    return ours, theirs


def _codings(path: Path) -> int:
    with open_project(path) as project:
        return project.conn.execute("SELECT count(*) FROM codings").fetchone()[0]


def test_merge_copies_then_agreement_reports_kappa_and_alpha_per_code(
    copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    ours, theirs = copies
    code, out, _ = run(capsys, "merge", str(ours), str(theirs), "--dry-run")
    assert code == 0 and "5 new" in out
    assert _codings(ours) == 5
    code, out, _ = run(capsys, "merge", str(ours), str(theirs), "--json")
    data = json.loads(out)
    assert code == 0 and data["merged"] and data["codings_added"] == 5
    assert Path(data["backup"]).is_file()
    assert _codings(ours) == 10
    code, out, _ = run(capsys, "agreement", str(ours), "--coder", "Amina", "--coder", "Tomás")
    assert code == 0
    assert "kappa" in out and "alpha" in out and "Video surveillance/CCTV" in out
    code, out, _ = run(
        capsys,
        "agreement",
        str(ours),
        "--coder",
        "Amina",
        "--coder",
        "Tomás",
        "--json",
        "--code",
        "Video surveillance/Facial recognition",
    )
    report = json.loads(out)
    [row] = report["codes"]
    assert row["code_path"] == "Video surveillance/Facial recognition"
    assert row["kappa"] is not None and row["alpha"] is not None
    assert report["disagreements"]


def test_conflicts_abort_by_default_and_change_nothing(
    copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    ours, theirs = copies
    with open_project(theirs) as copy:
        update_code(copy, find_code(copy, "CCTV").id, color="#000000")
    code, out, err = run(capsys, "merge", str(ours), str(theirs))
    assert code == 1
    assert "Conflicts (1)" in out and "code 'CCTV' differs" in out
    assert "--on-conflict" in err
    assert _codings(ours) == 5
    code, _, _ = run(capsys, "merge", str(ours), str(theirs), "--on-conflict", "theirs")
    assert code == 0
    with open_project(ours) as project:
        assert find_code(project, "CCTV").color == "#000000"


def test_merge_a_qualcoder_file_into_a_new_empty_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new.annotator"
    assert main(["new", str(target), "--empty"]) == 0
    code, out, _ = run(capsys, "merge", str(target), str(FIXTURES / "qualcoder-export.qdpx"))
    assert code == 0
    assert "project memo 'Probe project memo'" in out  # listed as not imported
    assert _codings(target) == 2


def test_refused_files_are_one_line_errors(
    copies: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours, _ = copies
    bad = tmp_path / "bad.qdpx"
    bad.write_text("not a zip")
    code, out, err = run(capsys, "merge", str(ours), str(bad))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "bad.qdpx" in err and "ZIP" in err
    code, _, err = run(capsys, "merge", str(ours), str(tmp_path / "notes.docx"))
    assert code == 1 and ".qdpx, .qdc or .annotator" in err
    code, _, err = run(capsys, "agreement", str(ours), "--coder", "Amina")
    assert code == 1 and "two or more" in err


def test_exported_qdpx_merges_back_through_the_cli(
    copies: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours, _ = copies
    with open_project(ours) as project:
        archive = export_qdpx(project, tmp_path / "ours.qdpx").path
    target = tmp_path / "fresh.annotator"
    assert main(["new", str(target), "--empty"]) == 0
    assert run(capsys, "merge", str(target), str(archive))[0] == 0
    assert _codings(target) == 5


def test_export_qdpx_and_qdc_beside_the_other_formats(
    copies: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours, _ = copies
    archive, codebook = tmp_path / "share.qdpx", tmp_path / "codes.qdc"
    code, out, _ = run(capsys, "export", str(ours), "--format", "qdpx", "-o", str(archive))
    assert code == 0 and "5 codings" in out
    code, out, _ = run(capsys, "export", str(ours), "-o", str(codebook), "--json")
    assert code == 0 and json.loads(out)["codes"] == 70
    assert zipfile.is_zipfile(archive) and codebook.read_bytes().startswith(b"<?xml")
    code, _, err = run(capsys, "export", str(ours), "-o", str(archive), "--code", "CCTV")
    assert code == 1 and "whole project" in err
    target = tmp_path / "back.annotator"
    assert main(["new", str(target), "--empty"]) == 0
    assert run(capsys, "merge", str(target), str(archive))[0] == 0
    assert run(capsys, "merge", str(target), str(codebook))[0] == 0
    assert _codings(target) == 5
