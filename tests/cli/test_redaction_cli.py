"""`annotator export PROJECT --format redacted --redact LIST.txt -o OUT`, and passphrases."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.cli.passphrase import PASSPHRASE_VARIABLE
from annotator.core import cipher_driver, codebook, coders, coding, documents
from annotator.core.codebook_file import new_project
from annotator.core.project import open_project

TEXT = "Officers detained Karim Benali at the border.\n\n警方拘留了李华。 Cameras watched."
NAMES = ["Karim Benali", "李华"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _study(path: Path, passphrase: str | None = None) -> Path:
    with new_project(path, passphrase=passphrase) as project:
        coder = coders.add_coder(project, "Field team")
        document = documents.store_document(
            project, documents.NewDocument(title="Border report", text=TEXT), coder_id=coder.id
        )
        start = TEXT.index("at the border")
        code_id = codebook.find_code(project, "CCTV").id
        coding.add_coding(project, document.id, code_id, start, start + 13, coder.id)
    return path


@pytest.fixture
def names_list(tmp_path: Path) -> Path:
    path = tmp_path / "names.txt"
    path.write_text("# people\nKarim Benali => [Detainee]\n李华\nre:Nobody\\d+\n", "utf-8")
    return path


@pytest.mark.parametrize("suffix", [".annotator", ".qdpx"])
def test_redacted_export_writes_a_copy_without_the_names(
    tmp_path: Path, names_list: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    study = _study(tmp_path / "study.annotator")
    out_path = tmp_path / f"shared{suffix}"
    code, out, err = run(
        capsys, "export", str(study), "--format", "redacted", "--redact", str(names_list),
        "-o", str(out_path),
    )  # fmt: skip
    assert code == 0, err
    assert f"Wrote a redacted copy to {out_path}" in out
    assert "not encrypted" in out
    assert "'Nobody\\\\d+' occurs nowhere" in err
    raw = out_path.read_bytes()
    if suffix == ".qdpx":
        with zipfile.ZipFile(out_path) as archive:
            raw = b"".join(archive.read(name) for name in archive.namelist())
    for name in NAMES:
        assert name.encode("utf-8") not in raw
        assert name.encode("utf-16-le") not in raw
    if suffix == ".annotator":
        with open_project(out_path, read_only=True) as shared:
            (summary,) = documents.list_documents(shared)
            text = documents.get_document(shared, summary.id).text
            assert text.startswith("Officers detained [Detainee] at the border.")
            (kept,) = coding.codings_of_document(shared, summary.id)
            assert kept.quote == "at the border"


def test_redacted_export_json(
    tmp_path: Path, names_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    study = _study(tmp_path / "study.annotator")
    code, out, _ = run(
        capsys, "export", str(study), "--format", "redacted", "--redact", str(names_list),
        "-o", str(tmp_path / "s.annotator"), "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["documents"] == 1 and data["codings"] == 1 and data["encrypted"] is False
    assert [r["count"] for r in data["per_rule"]] == [1, 1, 0]


def test_a_bad_list_is_one_line_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    study = _study(tmp_path / "study.annotator")
    bad = tmp_path / "bad.txt"
    bad.write_text("Karim\nre:([unclosed\n", "utf-8")
    code, _, err = run(
        capsys, "export", str(study), "--format", "redacted", "--redact", str(bad),
        "-o", str(tmp_path / "s.annotator"),
    )  # fmt: skip
    assert code != 0
    assert f"{bad}:2:" in err and "not valid" in err
    assert not (tmp_path / "s.annotator").exists()


@pytest.mark.parametrize(
    ("extra", "problem"),
    [([], "needs --redact"), (["--redact", "LIST", "-o", "x.docx"], "name the output")],
)
def test_usage_mistakes_are_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], problem: str
) -> None:
    study = _study(tmp_path / "study.annotator")
    argv = ["export", str(study), "--format", "redacted"]
    argv += extra if "-o" in extra else [*extra, "-o", str(tmp_path / "s.annotator")]
    code, _, err = run(capsys, *[a.replace("LIST", str(tmp_path / "l.txt")) for a in argv])
    assert code != 0 and problem in err


def test_an_encrypted_project_takes_its_passphrase_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cipher_driver.time, "sleep", lambda seconds: None)
    study = _study(tmp_path / "sealed.annotator", passphrase="border-notes-2024")
    code, _, err = run(capsys, "stats", str(study))
    assert code != 0 and PASSPHRASE_VARIABLE in err and "encrypted" in err
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "wrong passphrase")
    code, _, err = run(capsys, "stats", str(study))
    assert code != 0 and "cannot be opened with this passphrase" in err
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "border-notes-2024")
    code, out, err = run(capsys, "stats", str(study), "--json")
    assert code == 0, err
    assert json.loads(out)["documents"] == 1


def test_an_export_of_an_encrypted_project_says_it_is_not_encrypted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    study = _study(tmp_path / "sealed.annotator", passphrase="border-notes-2024")
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "border-notes-2024")
    code, out, err = run(capsys, "export", str(study), "-o", str(tmp_path / "excerpts.csv"))
    assert code == 0, err
    assert "excerpts.csv is not encrypted, unlike the project" in out
    plain = _study(tmp_path / "plain.annotator")
    code, out, _ = run(capsys, "export", str(plain), "-o", str(tmp_path / "plain.csv"))
    assert code == 0 and "not encrypted" not in out
