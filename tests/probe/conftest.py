"""The second probe of issue 18: a careless or hostile user at the command line.

Every case tried is kept here: it runs `main()` in-process (or a child that kills
itself) on a project of the test's own, with a configured coder, and asserts a
one-line message or the right result, nothing lost, no hang and no traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import documents, user_settings
from annotator.core.project import open_project
from tests.core.tampering import coded_project
from tests.fuzz.strategies import no_hang


@pytest.fixture(autouse=True)
def configured_coder(user_folders: Path) -> Iterator[None]:
    user_settings.set_configured_coder("Probe")
    yield


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """The issue's P: one document "A" coded once."""
    return coded_project(tmp_path / "study.annotator")


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """One command, in-process, bounded in time; its status, output and errors."""
    with no_hang():
        try:
            status = main([str(a) for a in argv])
        except SystemExit as stop:  # argparse
            status = int(stop.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err, err
    assert status in (0, 1, 2), (status, err)
    return status, out, err


def refused(result: tuple[int, str, str], *words: str) -> str:
    """A refusal: status 1, nothing on stdout, one line on stderr holding `words`."""
    status, out, err = result
    assert status == 1, (status, out, err)
    assert len(err.strip().splitlines()) == 1, err
    for word in words:
        assert word in err, err
    return err


def intact(path: Path, codings: int = 1) -> None:
    """Still the whole project: sound, its document and its codings all there."""
    with open_project(path, read_only=True) as project:
        assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        titles = [d.title for d in documents.list_documents(project)]
        found = project.conn.execute("SELECT count(*) FROM codings").fetchone()[0]
    assert "A" in titles and found == codings, (titles, found)
