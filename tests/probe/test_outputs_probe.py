"""Second probe: outputs aimed where they must not land (issue 18, "Outputs").

Found: `annotator new P.annotator-wal` said "Created" and the next open of P took the
file for its own write-ahead log and deleted it; an export to a closed project's -wal
was lost the same way. A working file's name is now refused for every write.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.probe.conftest import intact, refused, run


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_a_new_project_never_takes_another_projects_working_file_name(
    study: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    working = study.with_name(study.name + suffix)
    refused(run(capsys, "new", working), working.name, "project")
    assert not working.exists()
    assert run(capsys, "stats", study)[0] == 0
    intact(study)


@pytest.mark.parametrize("format_name", ["csv", "qdpx"])
def test_an_export_never_lands_on_a_closed_projects_working_file(
    study: Path, tmp_path: Path, format_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.annotator"
    assert run(capsys, "new", other)[0] == 0
    wal = tmp_path / "other.annotator-wal"
    refused(run(capsys, "export", study, "--format", format_name, "-o", wal), "project")
    assert not wal.exists()
    intact(study)


def test_an_export_through_a_link_to_the_project_or_its_wal_is_refused(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, target in (("link.csv", study), ("wal.csv", Path(f"{study}-wal"))):
        link = tmp_path / name
        link.symlink_to(target)
        refused(run(capsys, "export", study, "--format", "csv", "-o", link), "project")
        assert link.is_symlink() and os.readlink(link) == str(target)
    refused(run(capsys, "export", study, "--format", "csv", "-o", f"{study}-wal"), "project")
    intact(study)


def test_an_export_to_a_folder_or_a_link_loop_is_one_line(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    refused(run(capsys, "export", study, "--format", "csv", "-o", folder), "folder")
    refused(run(capsys, "report", study, "--frequencies", "--csv", f"{folder}/"), "folder")
    (tmp_path / "a.csv").symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    refused(run(capsys, "export", study, "--format", "csv", "-o", tmp_path / "a.csv"))
    assert list(folder.iterdir()) == []
    intact(study)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_an_export_into_a_read_only_folder_is_one_line(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        refused(run(capsys, "export", study, "--format", "csv", "-o", locked / "out.csv"))
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)
    intact(study)
