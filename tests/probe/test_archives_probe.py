"""Second probe: archives and tables built to hurt (bombs, nesting, escaping names)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from annotator.core.exchange.qdpx_export import export_qdpx
from annotator.core.project import open_project
from tests.probe.conftest import intact, refused, run


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.rglob("*") if not p.name.endswith(("-wal", "-shm"))}


def test_a_docx_that_unpacks_to_a_hundred_megabytes_is_refused_before_unpacking(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            run_of_text = b"<w:t>a</w:t>" * 100_000
            for _ in range(100):  # 120 MB unpacked, 230 KB packed
                member.write(run_of_text)
    status, out, err = run(capsys, "import", study, bomb)
    assert status == 1 and "bomb.docx" in out + err and "unsafe" in out + err
    intact(study)


def test_a_docx_of_zips_nested_thirty_deep_is_one_failed_file(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b"x" * 1_000_000
    for depth in range(30):
        buffer = io.BytesIO()
        name = "word/document.xml" if depth == 29 else "inner.zip"
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(name, data)
        data = buffer.getvalue()
    nested = tmp_path / "nested.docx"
    nested.write_bytes(data)
    status, out, err = run(capsys, "import", study, nested)
    assert status == 1 and "nested.docx" in out + err and "0 imported" in out
    intact(study)


@pytest.mark.parametrize("member", ["../../escaped.txt", "/tmp/absolute.txt", "sources/../../x"])
def test_a_qdpx_whose_member_points_outside_is_refused_and_writes_nothing(
    study: Path, tmp_path: Path, member: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_project(study, read_only=True) as project:
        export_qdpx(project, tmp_path / "good.qdpx")
    with zipfile.ZipFile(tmp_path / "good.qdpx") as good:
        members = {info.filename: good.read(info) for info in good.infolist()}
    hostile = _zip(tmp_path / "hostile.qdpx", {**members, member: b"evil"})
    before = _files(tmp_path)
    refused(run(capsys, "merge", study, hostile), "hostile.qdpx", "outside")
    assert _files(tmp_path) == before
    assert not Path("/tmp/absolute.txt").exists()
    intact(study)


def test_a_codebook_csv_of_a_million_columns_is_one_line(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wide = tmp_path / "wide.csv"
    columns = ",".join(f"c{i}" for i in range(1_000_000))
    wide.write_text(f"name,{columns}\nBorders/Drones,{','.join('x' * 1_000_000)}\n")
    status, out, err = run(capsys, "codes", study, "--import", wide)
    assert (status == 0 and "Drones" in run(capsys, "codes", study)[1]) or (
        status == 1 and "wide.csv" in err and len(err.splitlines()) == 1
    ), (status, out, err)
    intact(study)


def test_a_codebook_csv_with_nul_bytes_loses_them_and_says_so(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"name,description\nBor\x00ders/Dro\x00nes,Fly\x00ing\n")
    status, out, _ = run(capsys, "codes", study, "--import", nul)
    assert status == 0 and "control characters removed" in out
    listed = run(capsys, "codes", study)[1]
    assert "Borders" in listed and "Drones" in listed and "\x00" not in listed
    in_header = tmp_path / "header.csv"
    in_header.write_bytes(b"na\x00me,description\nA,B\n")
    refused(run(capsys, "codes", study, "--import", in_header), "header.csv")
    intact(study)
