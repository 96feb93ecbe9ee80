"""The GUI starts without importing any command module, and the list of command names
it checks against stays equal to what the command modules register."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import COMMAND_NAMES, build_parser


def command_names(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def test_command_names_match_the_registered_subcommands() -> None:
    assert set(command_names(build_parser())) == COMMAND_NAMES


def test_deciding_gui_or_command_imports_no_command_module() -> None:
    script = (
        "import sys\n"
        "import annotator.cli as cli\n"
        "assert 'import' in cli.COMMAND_NAMES\n"
        "loaded = sorted(m for m in sys.modules if m.endswith('_commands'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_options_may_come_between_the_project_and_the_paths(tmp_path: Path) -> None:
    from annotator.cli import main

    article = tmp_path / "article.txt"
    article.write_text("Cameras at the gate\n\nGuards filmed every car.\n\nAdvertisement\n")
    project = tmp_path / "p.annotator"
    assert main(["new", str(project), "--empty"]) == 0
    assert main(["import", str(project), "--clean", str(article), "--coder", "Amina"]) == 0
    args = build_parser().parse_args(["import", str(project), "--clean", str(article)])
    assert args.paths == [article] and args.clean


def test_verbose_before_a_command_still_runs_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.cli import main

    project = tmp_path / "v.annotator"
    assert main(["-v", "new", str(project), "--empty"]) == 0
    assert project.exists()
    assert "Created" in capsys.readouterr().out
