"""The GUI starts without importing any command module, and the list of command names
it checks against stays equal to what the command modules register."""

from __future__ import annotations

import subprocess
import sys

from annotator.cli import COMMAND_NAMES, build_parser, command_names


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
