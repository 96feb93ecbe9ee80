"""No traceback reaches a user: whatever a command did not expect is one line on stderr
naming the command, the file and the log, a full traceback in the log file, and its
own exit status (issue 18)."""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator import logs
from annotator.cli import main
from annotator.cli import project_commands as commands
from annotator.cli.unexpected import EXIT_UNEXPECTED


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annotator"
    assert main(["new", str(path), "--empty"]) == 0
    return path


@pytest.fixture
def log_folder(user_folders: Path) -> Iterator[Path]:
    """The test's log folder; the root logger is put back as it was afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield user_folders / "logs"
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def _failing_stats(exc: BaseException) -> Callable[[argparse.Namespace], int]:
    def cmd_stats(args: argparse.Namespace) -> int:
        def count_codings() -> None:
            raise exc

        count_codings()
        return 0

    return cmd_stats


CASES = [
    (sqlite3.OperationalError("no such column: d.memo"), "could not be read or written"),
    (OverflowError("Python int too large to convert to SQLite INTEGER"), "number was too large"),
    (UnicodeEncodeError("utf-8", "b\udce9", 1, 2, "surrogates not allowed"), "encoded or decoded"),
    (MemoryError(), "ran out of memory"),
    (RecursionError("maximum recursion depth exceeded"), "nested too deeply"),
    (KeyError("title"), "KeyError: 'title'); this is a bug"),
]


@pytest.mark.parametrize(("exc", "words"), CASES, ids=[type(c[0]).__name__ for c in CASES])
def test_an_unexpected_exception_is_one_line_and_a_logged_traceback(
    study: Path,
    log_folder: Path,
    exc: BaseException,
    words: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(commands, "cmd_stats", _failing_stats(exc))
    code = main(["stats", str(study)])
    out, err = capsys.readouterr()
    assert code == EXIT_UNEXPECTED and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("annotator stats: error: ") and words in err
    log = log_folder / logs.LOG_FILE_NAME
    assert str(study) in err and f"the details are in {log}" in err
    text = log.read_text("utf-8")
    assert "CRITICAL annotator.cli [" in text
    assert f"annotator stats stopped on {type(exc).__name__}; Annotator " in text
    assert "Traceback (most recent call last):" in text and "in count_codings" in text


def test_the_exit_status_differs_from_a_refusal_and_a_usage_error(
    study: Path, log_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(study), "no such document"]) == 1
    with pytest.raises(SystemExit) as usage:
        main(["show"])
    assert usage.value.code == 2
    assert EXIT_UNEXPECTED not in (0, 1, 2, 130)


def test_control_characters_in_a_message_never_reach_the_terminal(
    study: Path,
    log_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hostile = sqlite3.IntegrityError("\x1b]0;PWNED\x07\x1b[2J gone\r\nsecond line")
    monkeypatch.setattr(commands, "cmd_stats", _failing_stats(hostile))
    assert main(["stats", str(study)]) == EXIT_UNEXPECTED
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "\r" not in err
    assert "\\x1b]0;PWNED\\x07\\x1b[2J gone" in err and "second line" not in err


def test_a_log_that_cannot_be_written_is_said_and_still_no_traceback(
    study: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(blocker))
    monkeypatch.setattr(commands, "cmd_stats", _failing_stats(OverflowError("big")))
    assert main(["stats", str(study)]) == EXIT_UNEXPECTED
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "Logging error" not in err
    assert "the details could not be written to the log" in err


def test_an_os_error_names_its_file(
    study: Path,
    log_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    denied = PermissionError(13, "Permission denied", "/srv/shared/out.csv")
    monkeypatch.setattr(commands, "cmd_stats", _failing_stats(denied))
    assert main(["stats", str(study)]) == EXIT_UNEXPECTED
    assert "error: /srv/shared/out.csv: Permission denied; the details" in capsys.readouterr().err


def test_a_logged_warning_with_a_traceback_shows_one_line_on_the_terminal(
    tmp_path: Path,
) -> None:
    script = (
        "import logging\n"
        "from annotator.cli import _configure_logging\n"
        "_configure_logging(False)\n"
        "try:\n"
        "    raise OSError('cannot list')\n"
        "except OSError:\n"
        "    logging.getLogger('annotator.core.importing.bulk').warning('cannot list x',"
        " exc_info=True)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stderr == "WARNING annotator.core.importing.bulk: cannot list x\n"


def test_text_that_is_not_utf8_is_a_usage_error_naming_its_argument(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin1 = os.fsdecode("Café".encode("latin-1"))  # typed in a terminal set to Latin-1
    with pytest.raises(SystemExit) as stopped:
        main(["show", str(study), latin1])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "annotator show: error: argument DOC: is not UTF-8 text" in err
    with pytest.raises(SystemExit):
        main(["code", str(study), "--code", "X", "--document", "A", "--memo", latin1])
    assert "argument --memo: is not UTF-8 text" in capsys.readouterr().err


def test_a_project_whose_name_is_not_utf8_works_and_prints_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / os.fsdecode(b"caf\xe9.annotator")
    assert main(["new", str(odd), "--empty"]) == 0
    assert main(["stats", str(odd)]) == 0
    out, err = capsys.readouterr()
    assert "Created " in out and "caf\\xe9.annotator" in out and err == ""


def test_a_crash_about_a_file_whose_name_is_not_utf8_is_still_logged(
    study: Path,
    log_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    odd = os.fsdecode(b"/data/caf\xe9.csv")
    monkeypatch.setattr(commands, "cmd_stats", _failing_stats(RuntimeError(f"lost {odd}")))
    assert main(["stats", str(study)]) == EXIT_UNEXPECTED
    assert "(RuntimeError: lost /data/caf\\xe9.csv); this is a bug; the details are in" in (
        capsys.readouterr().err
    )
    log = (log_folder / logs.LOG_FILE_NAME).read_text("utf-8")
    assert "RuntimeError: lost /data/caf\\udce9.csv" in log


@pytest.mark.parametrize("option", ["--code=--", "--coder=--", "--document=--"])
def test_an_option_given_a_lone_double_dash_is_a_clear_refusal(
    study: Path, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by tests/fuzz/test_fuzz_cli.py: Python 3.11's argparse made it an empty list.

    Later argparse versions (3.13) take `--` as the value; then it is a name that is not
    in the project, and the refusal says so.
    """
    try:
        status = main(["excerpts", str(study), option])
    except SystemExit as stopped:
        status = stopped.code
    err = capsys.readouterr().err
    flag = option.partition("=")[0]
    assert (status, "Traceback" in err) in ((2, False), (1, False)), err
    assert f"argument {flag}: expected one argument" in err or "'--'" in err, err
