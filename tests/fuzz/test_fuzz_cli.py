"""Every subcommand, driven with generated arguments: no traceback, ever (issue 18).

The commands and their options come from the parser (tests/fuzz/cli_arguments.py), so
a new command is fuzzed the day it is registered. Each example runs `main()` in-process
on a fresh copy of a small real project, beside inputs of every kind: other projects,
a .qdpx and .qdc, a codebook CSV, a web page, a folder, a FIFO, a picture, an empty
file, a file whose name is not UTF-8. Arguments are odd numbers, huge and negative
numbers, text in both Unicode normal forms, controls and surrogate-escaped bytes, and
the real names of the project's codes, documents and coders.

A command may succeed, refuse (status 1) or reject its command line (status 2). It
fails the test if an exception escapes `main`, if anything unexpected reaches the
top-level handler (status 3, annotator.cli.unexpected), if "Traceback" is printed, if
it takes longer than a hang's limit, or if the project is no longer a sound project.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator import logs
from annotator.cli import main
from annotator.cli.unexpected import EXIT_UNEXPECTED
from annotator.core import codebook, coders, coding, documents, user_settings
from annotator.core.codebook_file import new_project
from annotator.core.exchange.qdc import export_qdc
from annotator.core.exchange.qdpx_export import export_qdpx
from annotator.core.project import open_project
from tests.fuzz.cli_arguments import Places, command_lines, subcommands
from tests.fuzz.strategies import FUZZ, LONG_RUN, no_hang, warm_up

COMMANDS = sorted(subcommands())
EXAMPLES = int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES") or (500 if LONG_RUN else 12))
CLI_FUZZ = settings(FUZZ, max_examples=EXAMPLES)
TEXT = (
    "Police installed cameras at the Café Riche. Cameras watched the square 👁.\n\n"
    "Khaled Mansour (خالد منصور) said the scanners came from 天眼科技.\n"
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[str, ...]]:
    """A folder with a small coded project and an input of every kind; the names in it."""
    warm_up()
    folder = tmp_path_factory.mktemp("cli-fuzz-template")
    with new_project(folder / "study.annotator", name="Fuzz study") as project:
        amina = coders.add_coder(project, "Amina")
        zoe = coders.add_coder(project, "Zoë")
        first = documents.store_document(project, documents.NewDocument(title="A", text=TEXT))
        second = documents.store_document(
            project, documents.NewDocument(title="Café raid", text="Raid on the café.")
        )
        cctv = codebook.find_code(project, "CCTV")
        created = codebook.create_code(project, "Café")
        cafe = next(iter(created.codes))
        coding.add_coding(project, first.id, cctv.id, 16, 23, amina.id, memo="seen")
        coding.add_coding(project, first.id, cafe, 31, 41, zoe.id)
        coding.add_coding(project, second.id, cafe, 0, 4, amina.id)
        coders.set_finished(project, first.id, amina.id, True)
        coders.set_finished(project, first.id, zoe.id, True)
        export_qdpx(project, folder / "partner.qdpx")
        export_qdc(project, folder / "codebook.qdc")
        names = (
            "A", "a", "Café raid", "CAFÉ RAID", first.id, "Amina", "amina", "Zoë", zoe.id,
            "CCTV", "Video surveillance/CCTV", "café", cafe, "Nothing such",
        )  # fmt: skip
    shutil.copyfile(folder / "study.annotator", folder / "colleague.annotator")
    (folder / "article.txt").write_text("Drones over the camp\n\nBy A. Reporter\n\nText.\n")
    (folder / "page.html").write_text("<html><body><article><p>Spyware found.</p></article>")
    (folder / "codebook.csv").write_text("name,description\nBorders/Drones,Flying cameras\n")
    (folder / "names.txt").write_text("Khaled Mansour => [informant]\nre:Ca.e\n")
    (folder / "notes.annotator").write_text("not a project")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "empty.annotator").write_bytes(b"")
    (folder / "folder").mkdir()
    (folder / "folder" / "inside.txt").write_text("A file in a folder.\n")
    return folder, names


def example_folder(template: Path, names: tuple[str, ...]) -> Places:
    folder = Path(tempfile.mkdtemp(prefix="example-", dir=template.parent))
    shutil.copytree(template, folder, dirs_exist_ok=True)
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.annotator")
    odd_name = folder / os.fsdecode(b"b\xe9.txt")
    odd_name.write_text("A name that is not UTF-8.\n")
    existing = tuple(sorted(p for p in folder.iterdir() if p.name != "study.annotator"))
    return Places(folder, folder / "study.annotator", existing, names)


@pytest.fixture
def configured_coder(user_folders: Path) -> Iterator[Path]:
    user_settings.set_configured_coder("Fuzz")
    yield user_folders / "logs"


class Hung(BaseException):
    """A command that ran past the limit: a BaseException, so no `except Exception` in
    the code under test can count it as one more failed file and carry on."""


def _unexpected(log_folder: Path) -> str:
    log = log_folder / logs.LOG_FILE_NAME
    return log.read_text("utf-8")[-3000:] if log.exists() else "(no log)"


def _sound(project: Path) -> None:
    """The project is still one, whole: no command may have replaced or damaged it."""
    with open_project(project, read_only=True) as opened:
        assert opened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("command", COMMANDS)
@CLI_FUZZ
@given(data=st.data(), stdin=st.binary(max_size=64))
def test_no_command_line_gives_a_traceback(
    command: str,
    data: st.DataObject,
    stdin: bytes,
    template: tuple[Path, tuple[str, ...]],
    configured_coder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    places = example_folder(*template)
    try:
        argv = data.draw(command_lines(command, places), label="argv")
        monkeypatch.chdir(places.folder)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        monkeypatch.delenv("ANNOTATOR_PASSPHRASE", raising=False)
        with no_hang(error=Hung):
            try:
                status = main(argv)
            except SystemExit as stop:  # argparse: --help, or a command line it cannot read
                status = stop.code
        out, err = capsys.readouterr()
        assert status != EXIT_UNEXPECTED, f"{err}\n{_unexpected(configured_coder)}"
        assert status in (0, 1, 2), (status, err)
        assert "Traceback" not in out + err, err
        _sound(places.project)
    finally:
        shutil.rmtree(places.folder, ignore_errors=True)
