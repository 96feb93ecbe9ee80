"""The passphrase of an encrypted project, for commands: from the environment or typed.

Never a command-line argument, which other users of the machine could read in the
process list. ANNOTATOR_PASSPHRASE serves scripts; keep it out of shell history.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from annotator.core import errors
from annotator.core.project import Project, open_project

PASSPHRASE_VARIABLE = "ANNOTATOR_PASSPHRASE"


def ask_passphrase(path: Path) -> str:
    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given:
        return given
    if not sys.stdin.isatty():
        raise errors.PassphraseRequired(path)  # cli.messages says how to give it
    return getpass.getpass(f"Passphrase for {path.name}: ")


def open_with_passphrase(
    path: Path, *, read_only: bool = False, damaged_schema_ok: bool = False
) -> Project:
    """Open a project, asking for the passphrase when it is encrypted."""
    try:
        return open_project(path, read_only=read_only, damaged_schema_ok=damaged_schema_ok)
    except errors.PassphraseRequired:
        return open_project(
            path,
            read_only=read_only,
            passphrase=ask_passphrase(path),
            damaged_schema_ok=damaged_schema_ok,
        )
