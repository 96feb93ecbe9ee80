"""Every command that writes a file refuses to write over the project (issue 18).

Findings 1 and 2 of the probe: `export P ... -o P` and `report P --csv P` replaced the
project with the export; a symlink was replaced instead of written through; a device
became a regular file. Each case here failed before the output guard.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import documents
from annotator.core.codebook_file import new_project
from annotator.core.project import open_project
from tests.core.exports.conftest import build_report_project

PASSPHRASE = "lantern-orchard-1907"
EXPORT_FORMATS = ["csv", "docx", "xlsx", "codebook-csv", "codebook-docx", "qdpx", "qdc"]


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annotator"
    build_report_project(path).project.close()
    return path


@pytest.fixture
def names(tmp_path: Path) -> Path:
    path = tmp_path / "names.txt"
    path.write_text("Riverside\n", "utf-8")
    return path


def assert_still_the_project(path: Path) -> None:
    assert not path.is_symlink()
    with open_project(path) as project:
        titles = [d.title for d in documents.list_documents(project)]
        check = project.conn.execute("PRAGMA integrity_check").fetchall()
    assert len(titles) == 4 and check == [("ok",)], titles


@pytest.mark.parametrize("format_name", EXPORT_FORMATS)
def test_an_export_never_writes_over_the_project(
    study: Path, capsys: pytest.CaptureFixture[str], format_name: str
) -> None:
    code, out, err = run(capsys, "export", study, "--format", format_name, "-o", study)
    assert code == 1 and out == ""
    assert err.startswith("annotator export: error: ") and len(err.splitlines()) == 1
    assert "study.annotator" in err and "project" in err
    assert_still_the_project(study)


def test_a_redacted_copy_never_replaces_its_project(
    study: Path, names: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = study.read_bytes()
    code, _, err = run(
        capsys, "export", study, "--format", "redacted", "--redact", names, "-o", study
    )
    assert code == 1 and "project" in err
    assert study.read_bytes() == before
    assert_still_the_project(study)


def test_a_frequency_table_never_writes_over_the_project(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "report", study, "--frequencies", "--csv", study)
    assert code == 1 and "Wrote" not in out
    assert "project" in err
    assert_still_the_project(study)


def test_an_encrypted_project_without_its_extension_is_spared_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No header and no .annotator to know it by: only "it is open" tells."""
    path = tmp_path / "field notes.db"
    new_project(path, passphrase=PASSPHRASE).close()
    monkeypatch.setenv("ANNOTATOR_PASSPHRASE", PASSPHRASE)
    before = path.read_bytes()
    code, _, err = run(capsys, "report", path, "--frequencies", "--csv", path)
    assert code == 1 and "open project" in err
    code, _, err = run(capsys, "export", path, "--format", "csv", "-o", path)
    assert code == 1 and "open project" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_an_export_never_writes_over_the_projects_journal(
    study: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    target = Path(f"{study}{suffix}")
    code, _, err = run(capsys, "export", study, "--format", "csv", "-o", target)
    assert code == 1 and "project" in err
    assert_still_the_project(study)


def test_an_export_never_writes_over_another_project(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.annotator"
    build_report_project(other).project.close()
    code, _, err = run(capsys, "export", study, "--format", "csv", "-o", other)
    assert code == 1 and "other.annotator" in err
    assert_still_the_project(other)


def test_an_export_through_a_symlink_writes_its_target(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "shared" / "codings.csv"
    real.parent.mkdir()
    real.write_text("an earlier export\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    code, _, _ = run(capsys, "export", study, "--format", "csv", "-o", link)
    assert code == 0
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text("utf-8-sig").startswith('"code_path",')


def test_a_symlink_to_the_project_is_refused(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "innocent.csv"
    link.symlink_to(study)
    code, _, err = run(capsys, "report", study, "--frequencies", "--csv", link)
    assert code == 1 and "project" in err
    assert link.is_symlink()
    assert_still_the_project(study)


def test_a_pipe_is_refused_not_replaced(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "report", study, "--frequencies", "--csv", fifo)
    assert code == 1 and "out.csv" in err and "not a regular file" in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_device_is_refused_not_replaced(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # what /dev/full is
    code, _, err = run(capsys, "report", study, "--frequencies", "--csv", full)
    assert code == 1 and "not a regular file" in err
    assert stat.S_ISCHR(os.lstat(full).st_mode)
    code, _, err = run(capsys, "export", study, "--format", "docx", "-o", full)
    assert code == 1 and stat.S_ISCHR(os.lstat(full).st_mode)
