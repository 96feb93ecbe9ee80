"""Second probe: inputs that are not what their names say (all held; kept as tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.probe.conftest import intact, refused, run


def _failed_import(result: tuple[int, str, str], name: str) -> None:
    status, out, _ = result
    assert status == 1 and f"Failed: {name}" in out and "0 imported" in out, out


def test_a_link_to_a_device_or_the_project_itself_is_no_document(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    _failed_import(run(capsys, "import", study, tmp_path / "zero.txt"), str(tmp_path / "zero.txt"))
    _failed_import(run(capsys, "import", study, study), str(study))
    (tmp_path / "project.txt").symlink_to(study)
    status, out, _ = run(capsys, "import", study, tmp_path / "project.txt")
    assert status == 1 and "0 imported" in out
    intact(study)


def test_the_project_given_as_a_codebook_or_a_redaction_list_is_one_line(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(run(capsys, "codes", study, "--import", study), study.name)
    out = tmp_path / "copy.annotator"
    refused(run(capsys, "export", study, "--format", "redacted", "--redact", study, "-o", out))
    assert not out.exists()
    intact(study)


def test_an_output_under_a_file_is_one_line(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("a file, not a folder")
    out = tmp_path / "a.txt" / "out.csv"
    refused(run(capsys, "export", study, "--format", "csv", "-o", out), "folder")
    intact(study)
