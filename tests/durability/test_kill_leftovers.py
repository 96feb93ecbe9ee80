"""What a kill -9 leaves behind is found and removed at the next start (issue 18, 14).

The probe found a hidden `.out.csv.XXXX.partial` beside an export after a kill, and a
full unencrypted copy of a merged project in /tmp/annotator-merge-*, world-readable,
that nothing ever removed. Each child here kills itself at a fixed point (no timing),
and the next `annotator` command started must leave nothing behind.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.cli import main
from tests.core.exports.conftest import build_report_project

# The child runs a real command and SIGKILLs itself at the moment named by `patch`.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from annotator.cli import main

    def killed(*args, **kwargs):
        signal.raise_signal(signal.SIGKILL)

    module, name, attribute = sys.argv[1], sys.argv[2], sys.argv[3]
    owner = __import__(module, fromlist=["x"])
    if name:
        owner = getattr(owner, name)
    setattr(owner, attribute, killed)
    main(sys.argv[4:])
    """
)


def run_killed(patch: tuple[str, str, str], *argv: object, env: dict[str, str]) -> None:
    command = [sys.executable, "-c", CHILD, *patch, *(str(a) for a in argv)]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == -9, done.stderr  # it died where we said, not before


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annotator"
    build_report_project(path).project.close()
    return path


@pytest.fixture
def child_env(tmp_path: Path) -> dict[str, str]:
    """The test's user folders, and a temporary folder of its own to search."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    return {**os.environ, "TMPDIR": str(temporary)}


def files_under(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())


def test_a_killed_export_leaves_no_partial_file_after_the_next_start(
    study: Path, tmp_path: Path, child_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "exports" / "out.csv"
    out.parent.mkdir()
    patch = ("annotator.core.exports.table", "TableRows", "csv_line")
    run_killed(patch, "export", study, "--format", "csv", "-o", out, env=child_env)
    (partial,) = out.parent.iterdir()  # what the kill left: hidden, not the export
    assert partial.name.startswith(".out.csv.") and partial.name.endswith(".partial")
    assert main(["stats", str(study)]) == 0  # the next start of any command
    capsys.readouterr()
    assert list(out.parent.iterdir()) == []


def test_a_killed_merge_leaves_no_private_copy_after_the_next_start(
    study: Path,
    tmp_path: Path,
    child_env: dict[str, str],
    user_folders: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    theirs = tmp_path / "theirs.annotator"
    build_report_project(theirs).project.close()
    os.chmod(theirs, 0o600)
    patch = ("annotator.core.exchange.annotator_file", "", "_read_rows")
    run_killed(patch, "merge", study, theirs, env=child_env)
    searched = (Path(child_env["TMPDIR"]), user_folders)
    copies = [p for p in files_under(*searched) if p.name.startswith("incoming.annotator")]
    assert copies, "the merge was killed while it read its private copy"
    for copy in copies:  # while it lasts, the copy is as private as the file it copies
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert main(["stats", str(study)]) == 0
    capsys.readouterr()
    assert [p for p in files_under(*searched) if "incoming" in p.name] == []
