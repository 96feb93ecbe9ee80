"""Whole-number options are checked by the parser: a huge, negative or odd number is a
one-line usage error, never an OverflowError (issue 18, finding 12)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from annotator.cli import build_parser, main
from annotator.core import documents
from annotator.core.project import open_project

HUGE = "99999999999999999999999"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotator"
    assert main(["new", str(path)]) == 0
    with open_project(path) as project:
        documents.store_document(project, documents.NewDocument(title="A", text="Cameras here."))
    assert main(["code", str(path), "--code", "CCTV", "--document", "A", "--quote", "Cameras",
                 "--coder", "Amina"]) == 0  # fmt: skip
    return path


def _refused(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.strip().splitlines()[-1]


@pytest.mark.parametrize(
    "option",
    [["--start", HUGE, "--end", HUGE + "9"], ["--start", "0", "--end", HUGE]],
)
def test_a_huge_offset_is_a_usage_error(
    study: Path, option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    line = _refused(
        capsys, ["code", str(study), "--code", "CCTV", "--document", "A", "--coder", "X", *option]
    )
    assert "argument --" in line and "out of range" in line and "0 to 1,000,000,000" in line


def test_a_huge_context_is_a_usage_error(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _refused(capsys, ["excerpts", str(study), "--context", HUGE])
    assert "argument --context" in line and "out of range" in line


def test_the_largest_context_still_works(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["excerpts", str(study), "--context", "1000000000"]) == 0
    assert "«Cameras» here." in capsys.readouterr().out


@pytest.mark.parametrize("value", ["-1", "0", HUGE, "1e3", "x", "9" * 5000])
def test_a_limit_must_be_a_positive_whole_number(
    study: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _refused(capsys, ["search", str(study), "cameras", "--limit", value])
    assert line.startswith("annotator search: error: argument --limit:")
    assert len(line) < 200  # a 5000-digit number is not echoed back whole


def test_a_negative_context_is_refused_not_quietly_zero(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "argument --context" in _refused(capsys, ["excerpts", str(study), "--context", "-5"])


def _integer_options(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += [(f"{name} {a.dest}", a) for a in sub._actions]
    return found


def test_no_option_of_any_command_takes_an_unbounded_int() -> None:
    plain = [name for name, action in _integer_options(build_parser()) if action.type is int]
    assert plain == []
