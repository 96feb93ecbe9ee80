"""Issue 18, finding 13, as the probe ran it: lookalike code names from the command line."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import documents
from annotator.core.project import open_project

NFC, NFD = (unicodedata.normalize(form, "Café") for form in ("NFC", "NFD"))


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotator"
    assert main(["new", str(path)]) == 0
    with open_project(path) as project:
        documents.store_document(project, documents.NewDocument(title="A", text="At the café."))
    return path


def test_codebook_csvs_in_nfc_then_nfd_add_one_code(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for form, name in (("nfc", NFC), ("nfd", NFD)):
        (tmp_path / f"{form}.csv").write_text(f"name\n{name}\n", encoding="utf-8")
        assert main(["codes", str(study), "--import", str(tmp_path / f"{form}.csv"),
                     "--coder", "Amina"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "nfc.csv: 1 codes added" in out and "nfd.csv: 0 codes added" in out
    assert main(["codes", str(study), "--json"]) == 0
    listed = [row["name"] for row in json.loads(capsys.readouterr().out)]
    assert [unicodedata.normalize("NFC", n) for n in listed].count(NFC) == 1


def test_code_finds_a_code_named_in_other_capitals(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "c.csv").write_text(f"name\n{NFC}\n", encoding="utf-8")
    assert main(["codes", str(study), "--import", str(tmp_path / "c.csv"), "--coder", "A"]) == 0
    argv = ["code", str(study), "--code", "CAFÉ", "--document", "a", "--quote", "café",
            "--coder", "ZOË", "--json"]  # fmt: skip
    capsys.readouterr()
    assert main(argv) == 0
    coded = json.loads(capsys.readouterr().out)
    assert coded["code_path"] == NFC and coded["quote"] == "café"
