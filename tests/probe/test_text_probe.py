"""Second probe: text that hides or reorders what the researcher reads.

Found: a right-to-left override (U+202E) in a memo, title or project name reached
the terminal raw, so `evil<U+202E>exe.TXT` printed as `evilTXT.exe`; the terminal
now shows every bidirectional override and isolate as its escape. Kept as stored:
the text is the researcher's, and right-to-left writing may need them.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from annotator.core import codebook, coders, coding, documents
from annotator.core.codebook_file import new_project
from tests.probe.conftest import intact, run

OVERRIDE = "\u202e"
TRICKS = [OVERRIDE, "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069"]


@pytest.mark.parametrize("trick", TRICKS, ids=lambda c: f"U+{ord(c):04X}")
def test_bidirectional_overrides_in_a_memo_never_reach_the_terminal_raw(
    study: Path, trick: str, capsys: pytest.CaptureFixture[str]
) -> None:
    memo = f"invoice{trick}fdp.exe"
    status, _, _ = run(capsys, "code", study, "--code", "CCTV", "--document", "A",
                       "--quote", "Drones", "--memo", memo)  # fmt: skip
    assert status == 0
    for command in (["excerpts", study], ["excerpts", study, "--json"]):
        status, out, _ = run(capsys, *command)
        assert status == 0 and trick not in out and f"\\u{ord(trick):04x}" in out
    intact(study, codings=2)


def test_an_override_in_a_title_or_a_project_name_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", _stdin("Some text about drones.\n"))
    project = tmp_path / f"study{OVERRIDE}.annotator"
    status, out, _ = run(capsys, "new", project, "--name", f"Field{OVERRIDE}notes")
    assert status == 0 and OVERRIDE not in out and "\\u202e" in out
    status, out, _ = run(capsys, "import", project, "--stdin", "--title", f"Re{OVERRIDE}port")
    assert status == 0 and OVERRIDE not in out
    for command in ("documents", "stats"):
        status, out, err = run(capsys, command, project)
        assert status == 0 and OVERRIDE not in out + err


def test_controls_in_memo_title_and_name_are_removed_and_said(
    study: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", _stdin("Some text about drones.\n"))
    status, out, _ = run(capsys, "import", study, "--stdin", "--title", "Bad\x07\x1b[2Jtitle")
    assert status == 0 and "removed" in out and "\x1b" not in out
    status, out, _ = run(capsys, "documents", study)
    assert "Bad[2Jtitle" in out and "\x07" not in out


def test_a_lone_surrogate_in_an_argument_is_a_usage_error(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for value in ("\udcff", os.fsdecode(b"memo \xe9")):
        status, _, err = run(capsys, "code", study, "--code", "CCTV", "--document", "A",
                             "--quote", "Drones", "--memo", value)  # fmt: skip
        assert status == 2 and "--memo" in err
    intact(study)


def _stdin(text: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(text.encode()))


def test_a_merged_text_holding_controls_is_kept_exactly_and_every_output_copes(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A known leftover of issue 18: merging keeps a document's text exactly (its hash
    and every coding's offsets depend on it), controls and all. Every way out copes."""
    text = "Bad\x02text\x1b[2J and \x85 cameras here"
    other = tmp_path / "other.annotator"
    with new_project(other) as project:
        zoe = coders.add_coder(project, "Zoë")
        document = documents.store_document(project, documents.NewDocument(title="Ctl", text=text))
        start = document.text.index("cameras")
        cctv = codebook.find_code(project, "CCTV").id
        coding.add_coding(project, document.id, cctv, start, start + 7, zoe.id, memo="m")
    assert run(capsys, "merge", study, other)[0] == 0
    for command in (["show", study, "Ctl"], ["excerpts", study], ["search", study, "cameras"]):
        status, out, _ = run(capsys, *command)
        assert status == 0 and "\x1b" not in out and "\x02" not in out
    for suffix in ("docx", "csv", "xlsx", "qdpx"):
        status, _, err = run(capsys, "export", study, "--memos", "-o", tmp_path / f"out.{suffix}")
        assert status == 0, err
    assert run(capsys, "check", study)[0] == 0
    status, out, _ = run(capsys, "merge", study, tmp_path / "out.qdpx")
    assert status == 0 and "unchanged" in out
    intact(study, codings=2)
