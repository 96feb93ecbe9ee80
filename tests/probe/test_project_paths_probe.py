"""Second probe: a "project" that is a pipe, a folder, a link loop or a working file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.probe.conftest import intact, refused, run

COMMANDS = [
    ["stats"], ["check"], ["check", "--repair"], ["documents"], ["codes"],
    ["export", "--format", "csv", "-o", "out.csv"], ["merge", "other.annotator"],
]  # fmt: skip


@pytest.fixture
def odd_projects(tmp_path: Path) -> dict[str, Path]:
    pipe = tmp_path / "pipe.annotator"
    os.mkfifo(pipe)
    folder = tmp_path / "folder.annotator"
    folder.mkdir()
    (tmp_path / "one.annotator").symlink_to(tmp_path / "two.annotator")
    (tmp_path / "two.annotator").symlink_to(tmp_path / "one.annotator")
    return {"pipe": pipe, "folder": folder, "loop": tmp_path / "one.annotator"}


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("kind", ["pipe", "folder", "loop"])
def test_a_project_that_is_no_file_is_one_line_and_never_hangs(
    odd_projects: dict[str, Path],
    kind: str,
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    project = odd_projects[kind]
    refused(run(capsys, command[0], project, *command[1:]), project.name)
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("kind", ["pipe", "folder", "loop"])
def test_merging_a_file_that_is_no_file_is_one_line(
    study: Path, odd_projects: dict[str, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(run(capsys, "merge", study, odd_projects[kind]), odd_projects[kind].name)
    intact(study)


@pytest.mark.parametrize("kind", ["pipe", "folder", "loop"])
def test_a_new_project_over_a_file_that_is_no_file_is_one_line(
    odd_projects: dict[str, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(run(capsys, "new", odd_projects[kind]), odd_projects[kind].name)


def test_merging_the_project_into_itself_changes_nothing(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = study.read_bytes()
    status, out, _ = run(capsys, "merge", study, study)
    assert status in (0, 1) and "unchanged" in out
    assert study.read_bytes() == before
    intact(study)
